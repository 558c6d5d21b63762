import type { InputSpec, Model, ModelOutput, MonteCarloResult, OutputName } from "./montecarlo";
export interface TornadoRow<K extends string> {
    readonly input: K;
    readonly inputLow: number;
    readonly inputHigh: number;
    /** Output with this input at its p5 (others at median) … */
    readonly outputAtLow: number;
    /** … and at its p95. */
    readonly outputAtHigh: number;
    /** |outputAtHigh − outputAtLow|. */
    readonly swing: number;
}
export interface Tornado<K extends string> {
    /** Output with every input at its median. */
    readonly base: number;
    /** Uncertain inputs only (constants and fixed assumptions do not swing), largest swing first. */
    readonly rows: readonly TornadoRow<K>[];
}
export interface OutputChoice<O> {
    /** Which output to analyse when the model returns several. */
    readonly output?: OutputName<O>;
}
export declare function tornado<K extends string, O extends ModelOutput>(model: Model<K, O>, inputs: Readonly<Record<K, InputSpec>>, options?: OutputChoice<O> & {
    readonly lowP?: number;
    readonly highP?: number;
}): Tornado<K>;
export interface RankCorrelationRow<K extends string> {
    readonly input: K;
    readonly rho: number;
}
/** Spearman's ρ of the chosen output on every input that varied, strongest |ρ| first. */
export declare function rankCorrelation<K extends string, O extends ModelOutput>(result: MonteCarloResult<K, O>, options?: OutputChoice<O>): readonly RankCorrelationRow<K>[];
/** Spearman's rank correlation of two equally long sample sets. */
export declare function spearman(x: Float64Array, y: Float64Array): number;
/** 1-based ranks; tied values share the average of their ranks. */
export declare function ranks(values: Float64Array): Float64Array;
export declare function pearson(x: Float64Array, y: Float64Array): number;
/** The number a model returned for the chosen output. */
export declare function pickOutput(result: ModelOutput, output: string | undefined): number;
