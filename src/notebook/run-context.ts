/**
 * The run context: what `fragtax run/build` hands the notebook API through the tslab stand-in, under
 * `tslab[Symbol.for("fragtax.run-context")]`. In real Jupyter the symbol is absent and the notebook API
 * loads assumptions itself and only displays.
 *
 * Registries do not cross threads, so the main thread resolves only serializable `RunInputs` (which
 * assumptions file, overrides, Monte Carlo options) and the worker builds the context from them.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { MonteCarloSettings } from "../api/context";
import { DEFAULT_MONTE_CARLO } from "../model/defaults";
import type { Assumption, AssumptionOverride } from "../assumptions/types";
import type { ReportFields } from "../config/lenient";
import { findReportYaml } from "../config/root";
import { readInputText } from "../util/plain-file";

// One definition of the run context for the API and the engine (the API reads it, the engine builds it).
export { RUN_CONTEXT, type RunContext } from "../api/context";

/** Serializable: crosses into the worker, which builds the `RunContext` from it. */
export interface RunInputs {
  /** Absolute path of the assumptions file, or null when no report.yaml was found. */
  readonly assumptionsFile: string | null;
  /** The file as messages name it (relative to the project root), when it differs from the path. */
  readonly assumptionsName?: string;
  readonly overrides: readonly AssumptionOverride[];
  readonly montecarlo: MonteCarloSettings;
  /**
   * The assumptions file, already parsed and validated by the main thread (a build of several
   * notebooks parses it once): the worker then builds its registry without loading YAML and zod.
   */
  readonly preloaded?: PreloadedAssumptions;
  /** The key of this run's `nb.words.ledger()` markers (api/context.ts `ledgerKey`): random per run. */
  readonly ledgerKey: string;
}

/** A parsed assumptions file as plain data (structured-cloned into the worker). */
export interface PreloadedAssumptions {
  /** The file it was parsed from (as `RunInputs.assumptionsFile`); also the registry's file name. */
  readonly file: string;
  readonly assumptions: readonly Assumption[];
}

export interface RunInputOptions {
  readonly assumptionsFile?: string | null;
  readonly overrides?: readonly AssumptionOverride[];
  readonly montecarlo?: MonteCarloSettings;
  readonly preloaded?: PreloadedAssumptions;
  /**
   * The assumptions a build already parsed from this file, when its text is unchanged (the CLI passes
   * the build's cache, build/cache/run-inputs.ts): the worker then loads no YAML or zod.
   */
  readonly cachedAssumptions?: (file: string) => Promise<readonly Assumption[] | undefined>;
  /**
   * How report.yaml's fields are read (default: parsed here, config/lenient.ts). The CLI passes the
   * parsed-input cache (build/cache/run-inputs.ts), so an unchanged report.yaml loads no YAML parser.
   */
  readonly reportFields?: (file: string) => Promise<ReportFields>;
}

/**
 * Finds the notebook's `report.yaml` (src/config/root.ts's rule) and reads the two fields the engine needs
 * (`assumptions`, `montecarlo`) through src/config/; explicit options win (and when both are given,
 * report.yaml is not read at all).
 */
export async function resolveRunInputs(notebookFile: string, options: RunInputOptions = {}): Promise<RunInputs> {
  const explicit = options.assumptionsFile !== undefined && options.montecarlo !== undefined;
  const report = explicit ? undefined : findReportYaml(dirname(resolve(notebookFile)));
  const fields = report ? await (options.reportFields ?? readReportFields)(report) : undefined;
  const assumptionsFile = options.assumptionsFile !== undefined ? options.assumptionsFile : (fields?.assumptions ?? null);
  const given = options.preloaded !== undefined && options.preloaded.file === assumptionsFile ? options.preloaded : undefined;
  const cached = given === undefined && assumptionsFile !== null ? await options.cachedAssumptions?.(assumptionsFile) : undefined;
  const preloaded = given ?? (cached === undefined || assumptionsFile === null ? undefined : { file: assumptionsFile, assumptions: cached });
  return {
    assumptionsFile,
    overrides: options.overrides ?? [],
    montecarlo: options.montecarlo ?? fields?.montecarlo ?? DEFAULT_MONTE_CARLO,
    ...(preloaded !== undefined && { preloaded }),
    ledgerKey: randomBytes(16).toString("hex"),
  };
}

async function readReportFields(file: string): Promise<ReportFields> {
  const { reportFieldsLeniently } = await import("../config/lenient"); // only when there is a report.yaml to read
  return reportFieldsLeniently(await readInputText(file), file);
}

export function findUp(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

