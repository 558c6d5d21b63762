import type { RentedRun } from "./training";
export interface FragmentationInputs {
    /** Software stacks / clouds the work is optimized for (1 = single-cloud baseline). */
    readonly stacks: number;
    /** Share of engineering work specific to one stack, in [0, 1]. */
    readonly stackSpecificShare: number;
    /** Engineering's share of the cost base the multiplier applies to, in [0, 1]. */
    readonly engineeringShareOfCost: number;
    /** Separate capacity pools (clouds × regions) demand is split across (1 = one pool). */
    readonly pools: number;
    /** Coefficient of variation (std ÷ mean) of total demand. */
    readonly demandCv: number;
    /** Probability that capacity covers demand, e.g. 0.95. */
    readonly serviceLevel: number;
    /** Share of the workload that must be served in-region, in [0, 1]. */
    readonly localizedShare: number;
    /** Extra capacity for in-region redundancy, as a fraction of that workload's cost. */
    readonly duplicationOverhead: number;
}
export interface FragmentationMultipliers {
    /** On engineering spend alone. */
    readonly engineering: number;
    /** Engineering's effect on the whole cost base. */
    readonly engineeringBlended: number;
    readonly utilization: number;
    readonly sovereignty: number;
    /** engineeringBlended × utilization × sovereignty. */
    readonly total: number;
}
export declare function engineeringMultiplier(x: {
    stacks: number;
    stackSpecificShare: number;
}): number;
/** Capacity needed with N pools ÷ capacity needed with one, for the same demand and service level. */
export declare function utilizationDilution(x: {
    pools: number;
    demandCv: number;
    serviceLevel: number;
}): number;
/** Utilization (mean demand ÷ capacity) of `pools` pools sized to the service level. */
export declare function pooledUtilization(x: {
    pools: number;
    demandCv: number;
    serviceLevel: number;
}): number;
export declare function sovereigntyUplift(x: {
    localizedShare: number;
    duplicationOverhead: number;
}): number;
export declare function fragmentationMultiplier(x: FragmentationInputs): FragmentationMultipliers;
export interface FragmentationTax {
    readonly baselineUsd: number;
    readonly fragmentedUsd: number;
    /** fragmentedUsd − baselineUsd. */
    readonly taxUsd: number;
    readonly totalMultiplier: number;
}
/** The tax on a cost base measured on a single cloud. */
export declare function fragmentationTax(x: FragmentationInputs & {
    baselineUsd: number;
}): FragmentationTax;
/**
 * The full model on a frontier training run: its single-cloud cost (training.ts) as the baseline,
 * then the fragmentation tax. Flat inputs, so it runs directly under `monteCarlo`.
 */
export declare function trainingRunFragmentationTax(x: FragmentationInputs & RentedRun): FragmentationTax;
