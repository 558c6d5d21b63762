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
import { type RankTarget } from "./correlation";
import { summarize } from "./summary";
/** An input: an assumption (sampled from its distribution) or a plain constant. */
export type InputSpec = Assumption | number;
/** What a model returns: a number, or an object (interfaces welcome) whose fields are all numbers. */
export type ModelOutput = number | object;
/** Checks at compile time that every field of an object output is a number. */
export type NumericOutput<O> = O extends number ? O : {
    readonly [P in keyof O]: number;
};
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
export declare function monteCarlo<K extends string, O extends ModelOutput>(model: Model<K, O>, inputs: Readonly<Record<K, InputSpec>>, options?: MonteCarloOptions): MonteCarloResult<K, O>;
/** One column of draws per input; an assumption's stream is keyed by its id (see `random.ts`). */
export declare function drawColumns<K extends string>(inputs: Readonly<Record<K, InputSpec>>, samples: number, seed: number): Record<K, Float64Array>;
/**
 * The declared correlations among these inputs (both sides present and uncertain), by input name.
 * A correlation with an assumption the model does not read has nothing to act on and is skipped.
 */
export declare function correlationTargets<K extends string>(inputs: Readonly<Record<K, InputSpec>>): RankTarget<K>[];
/** Evaluates a scalar model on every row of `columns`; returns one column per output. */
export declare function evaluate<K extends string, O extends ModelOutput>(model: Model<K, O>, columns: Readonly<Record<K, Float64Array>>, samples: number): Record<string, Float64Array>;
/** The model at every input's median (constants as given): the point estimate. */
export declare function atMedians<K extends string, O extends ModelOutput>(model: Model<K, O>, inputs: Readonly<Record<K, InputSpec>>): O;
export declare function medians<K extends string>(inputs: Readonly<Record<K, InputSpec>>): Record<K, number>;
/** Maps input names to assumption ids through a (tracked) reader: `inputsFrom(reader, { gpus: "frontier_run_gpus" })`. */
export declare function inputsFrom<K extends string>(reader: AssumptionReader, ids: Readonly<Record<K, string>>): Record<K, Assumption>;
export { summarize };
