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
import { checkedDraws, MODEL_RUNS, SUMMARY_FIELDS, type DerivedValues, type HeldColumn, type KeptRun, type ModelRunStore, type RunColumns } from "../vocabulary/kept-runs";
import { defineLazy, isPending } from "./lazy";

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
  const kept = store.read(model, key, (length) => new Float64Array(length));
  const names = Object.keys(inputs);
  if (kept !== undefined && fits(kept, names, settings.samples) && stillGives(evaluate, kept, names, settings.samples)) return withDerived(adopt(kept, settings, compute), kept.derived);
  let result: MonteCarloResult<K, O>;
  try {
    result = compute();
  } catch (error) {
    store.abandon?.(model, key); // another notebook waiting for this run computes it itself
    throw error;
  }
  return withDerived(result, store.write(model, key, columnsOf(result)));
}

/** What is kept beside each kept run a notebook was given (the run itself shows nothing of it). */
const derivedOf = new WeakMap<object, DerivedValues>();

/**
 * The objects a kept run was handed out with, whose lazy fields are its columns as kept (`adopt`): a
 * column is unread only in them, by their own accessor. One a cell put in their place (another run's
 * output, say) is held, and checked.
 */
const keptHolders = new WeakMap<object, { readonly inputs: object; readonly outputs: ReadonlyMap<string, object> }>();

function withDerived<T extends object>(result: T, derived: DerivedValues | undefined): T {
  if (derived !== undefined) derivedOf.set(result, derived);
  return result;
}

/**
 * `compute()`, a value computed from `result`'s columns alone (its inputs', and those of the outputs
 * named), or the same value kept beside the run when `result` is a kept run still as it was kept
 * (vocabulary/kept-runs.ts `DerivedValues`; a column a cell was handed may have been written to,
 * and is checked). `name` says what the value is and of which outputs; `valid` checks the kept JSON
 * is such a value. A value JSON cannot hold as it is (NaN, an Infinity) is computed every time.
 */
export function derivedFromRun<T>(
  result: MonteCarloResult<string, ModelOutput>,
  name: string,
  outputs: readonly string[],
  compute: () => T,
  valid: (value: unknown) => value is T,
): T {
  const derived = derivedOf.get(result);
  if (derived === undefined || !derived.intact(Object.keys(result.inputs), Object.keys(result.outputs), heldColumns(result, outputs))) return compute();
  const kept = derived.read(name);
  if (kept !== undefined) {
    const value = parsed(kept);
    if (valid(value)) return value;
  }
  const value = compute();
  const json = JSON.stringify(value);
  if (valid(JSON.parse(json))) derived.write(name, json);
  return value;
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined; // not a value this wrote: computed again
  }
}

/**
 * The columns of `result` a caller may have changed, among its inputs and the outputs named: every one
 * but those still unread in the objects the kept run was handed out with (`keptHolders`).
 */
function heldColumns(result: MonteCarloResult<string, ModelOutput>, outputs: readonly string[]): HeldColumn[] {
  const kept = keptHolders.get(result);
  const unread = (holder: object, original: object | undefined, key: string): boolean => holder === original && isPending(holder, key);
  const held: HeldColumn[] = [];
  for (const name of Object.keys(result.inputs)) if (!unread(result.inputs, kept?.inputs, name)) held.push({ kind: "input", name, values: result.inputs[name] as Float64Array });
  const all = result.outputs as Readonly<Record<string, OutputSummary | undefined>>;
  for (const name of outputs) {
    const output = all[name];
    if (output !== undefined && !unread(output, kept?.outputs.get(name), "samples")) held.push({ kind: "output", name, values: output.samples });
  }
  return held;
}

/** A kept run with these inputs and sample count (the key says so; a damaged entry may not). */
function fits(run: KeptRun, names: readonly string[], samples: number): boolean {
  const distinct = (list: readonly string[]): boolean => new Set(list).size === list.length;
  return (
    run.samples === samples &&
    run.inputs.length === names.length &&
    distinct(run.inputs) &&
    names.every((name) => run.inputs.includes(name)) &&
    distinct(run.outputs) &&
    run.outputs.every((out) => run.summaries[out]?.length === SUMMARY_FIELDS.length)
  );
}

/**
 * Whether `evaluate` gives, bit for bit, the kept outputs at a few draws spread over the run
 * (`checkedDraws`): a model whose `evaluate` no longer gives the kept numbers there (it reads module
 * state a cell changed, say) is computed instead. Not a proof of purity; it catches a changed model,
 * which changes nearly every draw.
 */
function stillGives<K extends string, O extends ModelOutput>(evaluate: (inputs: Readonly<Record<K, number>>) => O, run: KeptRun, names: readonly string[], samples: number): boolean {
  const draws = checkedDraws(samples);
  const kept = run.valuesAt(draws);
  if (kept === undefined) return false;
  try {
    for (let k = 0; k < draws.length; k++) {
      const row = {} as Record<K, number>;
      for (const name of names) row[name as K] = kept.inputs[name]?.[k] as number;
      const value = evaluate(Object.freeze(row)) as unknown;
      const outputs = (typeof value === "number" ? { value } : value) as Readonly<Record<string, unknown>>;
      if (typeof outputs !== "object" || outputs === null || Object.keys(outputs).length !== run.outputs.length) return false;
      for (const name of run.outputs) if (!Object.is(outputs[name], kept.outputs[name]?.[k])) return false;
    }
    return true;
  } catch {
    return false; // computing it says why
  }
}

function columnsOf<K extends string, O extends ModelOutput>(result: MonteCarloResult<K, O>): RunColumns {
  const outputs: Record<string, { summary: Float64Array; samples: Float64Array }> = {};
  for (const [name, out] of Object.entries(result.outputs) as [string, OutputSummary][]) {
    outputs[name] = { summary: Float64Array.from(SUMMARY_FIELDS, (field) => out[field]), samples: out.samples };
  }
  return { inputs: result.inputs, outputs };
}

/**
 * The kept run as a result: its summaries now, each column when a caller first reads it (most
 * notebooks quote a kept run's percentiles and never read its 10,000 draws). A column is handed out
 * as a copy in an array of this realm over memory of its own, as a computed column is: the store's
 * array could be a view into a whole file (which differs for a caller that reads `column.buffer`,
 * and keeps the file alive) or one it fills again for the next column, and what a caller already
 * holds must not change. A column that cannot be read as kept (its file pruned or damaged since)
 * comes from the run computed after all: the same numbers, as the key says; the run then counts
 * as computed.
 */
function adopt<K extends string, O extends ModelOutput>(kept: KeptRun, settings: { readonly samples: number; readonly seed: number }, compute: () => MonteCarloResult<K, O>): MonteCarloResult<K, O> {
  let computed: MonteCarloResult<K, O> | undefined;
  const afterAll = (): MonteCarloResult<K, O> => {
    if (computed === undefined) {
      kept.spoil();
      computed = compute();
    }
    return computed;
  };
  const own = (column: Float64Array | undefined): Float64Array | undefined => (column?.length === settings.samples ? new Float64Array(column) : undefined);
  const inputs = {} as Record<K, Float64Array>;
  for (const name of kept.inputs as K[]) defineLazy(inputs, name, () => own(kept.column("input", name)) ?? afterAll().inputs[name]);
  const outputs = {} as Record<OutputName<O>, OutputSummary>;
  for (const name of kept.outputs as OutputName<O>[]) {
    const fields = kept.summaries[name] as Float64Array;
    const summary = Object.fromEntries(SUMMARY_FIELDS.map((field, i) => [field, fields[i] as number])) as unknown as Summary;
    outputs[name] = defineLazy({ ...summary }, "samples", () => own(kept.column("output", name)) ?? afterAll().outputs[name].samples);
  }
  const result = { samples: settings.samples, seed: settings.seed, inputs, outputs };
  keptHolders.set(result, { inputs, outputs: new Map(Object.entries(outputs)) });
  return result;
}
