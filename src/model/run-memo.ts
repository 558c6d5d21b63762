/**
 * Model runs kept between notebooks. The report's summary re-runs every chapter's model and chapter 8
 * re-runs several; each run is the same Monte Carlo on the same draws, so the engine keeps a run's
 * columns and hands them to the next notebook that asks (and to the next build).
 *
 * A kept run is exactly the run computing it again would give, because its key names everything the
 * run reads: the model (the engine only keeps models that are exports of a bundled module, named by
 * that export and the hash of the bundle's code, so a change to any bundled line is a miss), every
 * input's draw key (`drawKey`: its distribution, range, stream and correlations), the sample count
 * and the seed; the store adds the files and environment variables the notebook read, and serves
 * nothing while a cell has changed what the modules export. A model's `evaluate` must be pure, as
 * `ReportModel` says: it may read its inputs and constants, not state a cell can change.
 *
 * The store is the engine's (src/notebook/model-runs.ts), found on the global object under
 * `MODEL_RUNS` (src/vocabulary/kept-runs.ts); in Jupyter there is none and every run is computed.
 * Nothing here does I/O.
 */
import type { Summary } from "../vocabulary/results";
import type { InputSpec, ModelOutput, MonteCarloResult, OutputName, OutputSummary } from "./montecarlo";
import { runKey } from "./draw-memo";
import { MODEL_RUNS, SUMMARY_FIELDS, type KeptRun, type ModelRunStore } from "../vocabulary/kept-runs";

/**
 * Draws of a kept run at which the model is evaluated again before the run is taken: a model whose
 * `evaluate` no longer gives the kept numbers there (it reads module state a cell changed, say) is
 * computed instead. Not a proof of purity; it catches a changed model, which changes nearly every draw.
 */
const CHECKED_DRAWS = 4;

/** `compute()`, or the store's kept run of the same model on the same draws (still given by `evaluate`). */
export function keptOrComputed<K extends string, O extends ModelOutput>(
  model: object,
  evaluate: (inputs: Readonly<Record<K, number>>) => O,
  inputs: Readonly<Record<K, InputSpec>>,
  settings: { readonly samples: number; readonly seed: number },
  compute: () => MonteCarloResult<K, O>,
): MonteCarloResult<K, O> {
  const store = (globalThis as { [MODEL_RUNS]?: ModelRunStore })[MODEL_RUNS];
  if (store === undefined) return compute();
  const key = runKey(inputs, settings.samples, settings.seed);
  // The store fills arrays made here: this realm's own, over memory nothing else holds (`ours`).
  const made = new Set<Float64Array>();
  const kept = store.read(model, key, (length) => {
    const column = new Float64Array(length);
    made.add(column);
    return column;
  });
  const names = Object.keys(inputs);
  if (kept !== undefined && ours(kept, made) && fits(kept, names, settings.samples) && stillGives(evaluate, kept, names, settings.samples)) return adopt(kept, settings);
  const result = compute();
  store.write(model, key, keptOf(result));
  return result;
}

/** A kept run with these inputs and sample count (the key says so; a damaged entry may not). */
function fits(run: KeptRun, names: readonly string[], samples: number): boolean {
  const inputs = Object.keys(run.inputs);
  return (
    inputs.length === names.length &&
    names.every((name) => run.inputs[name]?.length === samples) &&
    Object.values(run.outputs).every((out) => out.samples.length === samples && out.summary.length === SUMMARY_FIELDS.length)
  );
}

/** Whether `evaluate` gives, bit for bit, the kept outputs at `CHECKED_DRAWS` draws spread over the run. */
function stillGives<K extends string, O extends ModelOutput>(evaluate: (inputs: Readonly<Record<K, number>>) => O, run: KeptRun, names: readonly string[], samples: number): boolean {
  const outputNames = Object.keys(run.outputs);
  try {
    for (let k = 0; k < CHECKED_DRAWS; k++) {
      const draw = Math.round((k * (samples - 1)) / (CHECKED_DRAWS - 1));
      const row = {} as Record<K, number>;
      for (const name of names) row[name as K] = (run.inputs[name] as Float64Array)[draw] as number;
      const value = evaluate(Object.freeze(row)) as unknown;
      const outputs = (typeof value === "number" ? { value } : value) as Readonly<Record<string, unknown>>;
      if (typeof outputs !== "object" || outputs === null || Object.keys(outputs).length !== outputNames.length) return false;
      for (const name of outputNames) if (!Object.is(outputs[name], run.outputs[name]?.samples[draw])) return false;
    }
    return true;
  } catch {
    return false; // computing it says why
  }
}

/**
 * Whether every column is a distinct array this read made: a Float64Array of this realm (`instanceof`
 * and the model code's checks hold) over memory of its own, as a computed column is. A view into a
 * whole file would differ from it for a caller that reads `column.buffer` (`new Float64Array(column.buffer)`,
 * a transfer), and keep the file alive; two outputs sharing one array would write into each other.
 */
function ours(run: KeptRun, made: ReadonlySet<Float64Array>): boolean {
  const columns = [...Object.values(run.inputs), ...Object.values(run.outputs).flatMap((out) => [out.summary, out.samples])];
  return new Set(columns).size === columns.length && columns.every((column) => made.has(column));
}

function keptOf<K extends string, O extends ModelOutput>(result: MonteCarloResult<K, O>): KeptRun {
  const outputs: Record<string, { summary: Float64Array; samples: Float64Array }> = {};
  for (const [name, out] of Object.entries(result.outputs) as [string, OutputSummary][]) {
    outputs[name] = { summary: Float64Array.from(SUMMARY_FIELDS, (field) => out[field]), samples: out.samples };
  }
  return { inputs: result.inputs, outputs };
}

/** The kept run as a result, its columns the arrays this read made (`ours`). */
function adopt<K extends string, O extends ModelOutput>(run: KeptRun, settings: { readonly samples: number; readonly seed: number }): MonteCarloResult<K, O> {
  const inputs = {} as Record<K, Float64Array>;
  for (const [name, column] of Object.entries(run.inputs)) inputs[name as K] = column;
  const outputs = {} as Record<OutputName<O>, OutputSummary>;
  for (const [name, out] of Object.entries(run.outputs)) {
    const summary = Object.fromEntries(SUMMARY_FIELDS.map((field, i) => [field, out.summary[i] as number])) as unknown as Summary;
    outputs[name as OutputName<O>] = { ...summary, samples: out.samples };
  }
  return { samples: settings.samples, seed: settings.seed, inputs, outputs };
}
