/**
 * Jupyter mode's assumptions loader over the core area's registry. Synchronous on purpose:
 * `notebook(tslab)` returns its session straight away in the first cell.
 */
import { readFileSync } from "node:fs";
import { parseAssumptions } from "../assumptions";
import type { SessionAssumptions } from "./context";

export function loadAssumptionsForJupyter(file: string): SessionAssumptions {
  const registry = parseAssumptions(readFileSync(file, "utf8"), file);
  return registry.reader("jupyter");
}
