/**
 * The notebook API's context in real Jupyter, where no engine is around: report.yaml is found by
 * walking up from the kernel's folder, its assumptions file is loaded, and figures and claims are
 * only displayed (there is nothing to record them into).
 */
import { existsSync } from "node:fs";
import { findConfigFile } from "../config";
import { loadConfig } from "../config/parse";
import type { AssumptionsLoader, RunContext } from "./context";

export function jupyterContext(startDir: string, loadAssumptions: AssumptionsLoader): RunContext {
  // In Jupyter, a chapter being edited may not be listed yet; only the assumptions file must exist.
  const config = loadConfig(findConfigFile(startDir), { exists: (path) => path.endsWith(".ipynb") || existsSync(path) });
  return {
    assumptions: loadAssumptions(config.assumptions),
    montecarlo: config.montecarlo,
    recordFigure: () => undefined,
    recordClaim: () => undefined,
  };
}
