/**
 * Monte Carlo over named inputs.
 *
 *   1. draw every uncertain input as a whole column (Float64Array), from its own seeded stream; where
 *      two inputs are assumptions with a declared rank correlation, re-pair their draws to impose it
 *      (Iman–Conover, correlation.ts: every marginal is kept exactly)
 *   2. evaluate the (scalar, pure) model once per sample on a read-only view of row i
 *   3. summarize each output: mean, p5, p25, p50, p75, p95, and keep the samples
 *
 * Columns make sampling vectorized; the row view exposes each input as a getter on one reused object,
 * so evaluating a model allocates nothing per sample beyond what the model itself returns. The view is
 * frozen (a model that writes to it throws) and reused: copy it (`{ ...x }`) to keep a row. In a model,
 * prefer passing `x` on over `{ ...x, extra }`: spread-then-add is a slow path in V8, per sample.
 */
import type { Summary } from "../vocabulary/results";
import type { Assumption, AssumptionReader } from "../assumptions/types";
import * as msg from "../messages/model";
import { imposeRankCorrelation, type RankTarget } from "./correlation";
import { distributionOf, sampler } from "./distributions";
import { DEFAULT_SAMPLES, DEFAULT_SEED } from "./defaults";
import { uniformStream } from "./random";
import { summarize } from "./summary";
import { ColumnMemo, drawKey, runKey } from "./draw-memo";


/** An input: an assumption (sampled from its distribution) or a plain constant. */
export type InputSpec = Assumption | number;
/** What a model returns: a number, or an object (interfaces welcome) whose fields are all numbers. */
export type ModelOutput = number | object;
/** Checks at compile time that every field of an object output is a number. */
export type NumericOutput<O> = O extends number ? O : { readonly [P in keyof O]: number };
/** Output names of a model: "value" for a model returning a number, else its result's keys. */
export type OutputName<O> = O extends number ? "value" : Extract<keyof O, string>;
export type Model<K extends string, O extends ModelOutput> = (inputs: Readonly<Record<K, number>>) => O & NumericOutput<O>;

export interface MonteCarloOptions {
  /** Number of samples (default 10,000). */
  readonly samples?: number;
  /** Seed (default `DEFAULT_SEED`): same seed, same inputs → identical results. */
  readonly seed?: number;
}

export interface OutputSummary extends Summary {
  readonly samples: Float64Array;
}

export interface MonteCarloResult<K extends string, O extends ModelOutput> {
  readonly samples: number;
  readonly seed: number;
  /** The drawn inputs, one column per input (constants as constant columns). */
  readonly inputs: Readonly<Record<K, Float64Array>>;
  readonly outputs: Readonly<Record<OutputName<O>, OutputSummary>>;
}

/** Runs `model` on `samples` draws of `inputs`. Neither the model's inputs nor `inputs` are mutated. */
export function monteCarlo<K extends string, O extends ModelOutput>(
  model: Model<K, O>,
  inputs: Readonly<Record<K, InputSpec>>,
  options: MonteCarloOptions = {},
): MonteCarloResult<K, O> {
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(msg.badSampleCount(samples));
  const columns = drawColumns(inputs, samples, seed);
  const outputs = evaluate(model, columns, samples);
  const summaries = Object.fromEntries(
    Object.entries(outputs).map(([name, values]) => [name, { ...summarize(values), samples: values }]),
  ) as Record<OutputName<O>, OutputSummary>;
  for (const [name, out] of Object.entries(summaries) as [string, OutputSummary][]) checkFinite(name, out.mean, () => out.samples, columns);
  return { samples, seed, inputs: columns, outputs: summaries };
}

/**
 * Throws when an output is not a finite number in some draw (one such draw makes its mean so), naming
 * the output, how many draws and the first one's inputs: said where the model runs, rather than as a
 * NaN percentile wherever the run is quoted (or not at all, where only the middle is). An infinite
 * draw (a division by zero, a payback that never comes) is refused too: the percentiles interpolate
 * between draws, and between two infinite ones that is NaN.
 */
export function checkFinite(output: string, mean: number, samples: () => Float64Array, inputs: Readonly<Record<string, Float64Array>>): void {
  if (Number.isFinite(mean)) return;
  const values = samples();
  let bad = 0;
  let first = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) continue;
    bad++;
    if (first < 0) first = i;
  }
  // An infinite mean of finite draws is a sum that overflowed (draws near 1e308): each draw is a number.
  if (bad === 0) return;
  throw new RangeError(msg.nonFiniteOutput(output, bad, values.length, first, Object.entries(inputs).map(([name, column]) => [name, column[first] as number] as const)));
}

// Draws depend on data alone (draw-memo.ts): each column, and each run's set of columns (which the
// correlations re-pair), is drawn once per notebook. A run's set is copied for its caller; the columns
// it is made of are the column memo's own (no copy kept twice: the two memos share them, and neither
// hands them out). Re-pairing writes new columns and leaves those it is given untouched.
const COLUMNS = new ColumnMemo<Float64Array>();
const RUNS = new ColumnMemo<Readonly<Record<string, Float64Array>>>();

/** One column of draws per input; an assumption's stream is keyed by its id (see `random.ts`). */
export function drawColumns<K extends string>(
  inputs: Readonly<Record<K, InputSpec>>,
  samples: number,
  seed: number,
): Record<K, Float64Array> {
  return RUNS.get(runKey(inputs, samples, seed), () => {
    const columns = {} as Record<K, Float64Array>;
    for (const name of Object.keys(inputs) as K[]) {
      const spec = inputs[name];
      columns[name] = COLUMNS.own(`${samples}|${seed}|${drawKey(spec)}`, () => {
        const column = new Float64Array(samples);
        return typeof spec === "number" ? column.fill(spec) : sampler(spec).fill(uniformStream(seed, spec.id), column);
      });
    }
    const targets = correlationTargets(inputs);
    return targets.length === 0 ? columns : imposeRankCorrelation(columns, targets, seed);
  }) as Record<K, Float64Array>;
}

/**
 * The declared correlations among these inputs (both sides present and uncertain), by input name.
 * A correlation with an assumption the model does not read has nothing to act on and is skipped.
 */
export function correlationTargets<K extends string>(inputs: Readonly<Record<K, InputSpec>>): RankTarget<K>[] {
  const nameOf = new Map<string, K>();
  for (const name of Object.keys(inputs) as K[]) {
    const spec = inputs[name];
    if (typeof spec !== "number" && spec.distribution !== "fixed" && !nameOf.has(spec.id)) nameOf.set(spec.id, name);
  }
  const targets: RankTarget<K>[] = [];
  for (const [id, name] of nameOf) {
    for (const c of (inputs[name] as Assumption).correlations ?? []) {
      const other = nameOf.get(c.with);
      if (other !== undefined && id < c.with) targets.push({ a: name, b: other, rho: c.rho });
    }
  }
  return targets;
}

/** Evaluates a scalar model on every row of `columns`; returns one column per output. */
export function evaluate<K extends string, O extends ModelOutput>(
  model: Model<K, O>,
  columns: Readonly<Record<K, Float64Array>>,
  samples: number,
): Record<string, Float64Array> {
  let row = 0;
  const view = {} as Record<K, number>;
  for (const name of Object.keys(columns) as K[]) {
    const column = columns[name];
    Object.defineProperty(view, name, { enumerable: true, get: () => column[row] });
  }
  Object.freeze(view);
  const fill = (i: number): Record<K, number> => {
    row = i;
    return view;
  };
  const first = model(fill(0));
  if (typeof first === "number") {
    const out = new Float64Array(samples);
    for (let i = 0; i < samples; i++) out[i] = model(fill(i)) as number;
    return { value: out };
  }
  // A record view of the object output (its fields are numbers by the Model type; checked here too).
  const firstRecord = first as Readonly<Record<string, unknown>>;
  const outNames = Object.keys(firstRecord);
  for (const name of outNames) {
    if (typeof firstRecord[name] !== "number") throw new TypeError(msg.nonNumericOutput(name, firstRecord[name]));
  }
  const outs = outNames.map(() => new Float64Array(samples));
  for (let i = 0; i < samples; i++) {
    const result = model(fill(i)) as Readonly<Record<string, number>>;
    for (let j = 0; j < outNames.length; j++) (outs[j] as Float64Array)[i] = result[outNames[j] as string] as number;
  }
  return Object.fromEntries(outNames.map((name, j) => [name, outs[j] as Float64Array]));
}

/** The model at every input's median (constants as given): the point estimate. */
export function atMedians<K extends string, O extends ModelOutput>(model: Model<K, O>, inputs: Readonly<Record<K, InputSpec>>): O {
  return model(medians(inputs));
}

export function medians<K extends string>(inputs: Readonly<Record<K, InputSpec>>): Record<K, number> {
  const values = {} as Record<K, number>;
  for (const name of Object.keys(inputs) as K[]) {
    const spec = inputs[name];
    values[name] = typeof spec === "number" ? spec : distributionOf(spec).median;
  }
  return values;
}

/** Maps input names to assumption ids through a (tracked) reader: `inputsFrom(reader, { gpus: "frontier_run_gpus" })`. */
export function inputsFrom<K extends string>(reader: AssumptionReader, ids: Readonly<Record<K, string>>): Record<K, Assumption> {
  const inputs = {} as Record<K, Assumption>;
  for (const name of Object.keys(ids) as K[]) inputs[name] = reader.get(ids[name]);
  return inputs;
}

export { summarize };
