export declare const PROBABILITY_TOLERANCE = 1e-9;
export interface Scenario {
    readonly name: string;
    readonly probability: number;
}
export declare class ScenarioError extends Error {
    readonly name = "ScenarioError";
}
/** Throws a `ScenarioError` unless the scenarios are distinct, each in [0, 1], and sum to 1. */
export declare function checkProbabilities(scenarios: readonly Scenario[]): void;
/**
 * `scenarioMixture(…).expected` for a model that mixes once per Monte Carlo draw: the same checks
 * (any failure throws `checkProbabilities`' error) and the same sum, in the same order, without
 * building the outcome objects: in a 10,000-draw run those allocations were most of the model's time.
 */
export declare function mixtureExpected(names: readonly string[], probabilities: readonly number[], values: readonly number[]): number;
export interface ScenarioOutcome extends Scenario {
    readonly value: number;
}
export interface ScenarioMixture {
    readonly expected: number;
    readonly scenarios: ReadonlyArray<ScenarioOutcome & {
        /** pᵢ · vᵢ. */
        readonly contribution: number;
        /** Change in `expected` when pᵢ rises one percentage point (others scaled down). */
        readonly perPercentagePoint: number;
    }>;
}
export declare function scenarioMixture(outcomes: readonly ScenarioOutcome[]): ScenarioMixture;
/** A mixture of per-scenario sample sets (all the same length): each sample picks a scenario at random. */
export declare function mixSamples(scenarios: ReadonlyArray<Scenario & {
    readonly samples: Float64Array;
}>, options?: {
    readonly seed?: number;
}): Float64Array;
