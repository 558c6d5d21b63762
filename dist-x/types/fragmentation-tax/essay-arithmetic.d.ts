/**
 * Arithmetic the report's chapters need beyond the core cost model: annualizing capital, the cost of
 * splitting one capacity pool into several (given its utilization), the sovereignty uplift built from
 * it, and scenario probabilities varied inside bands.
 *
 * Pure functions of plain numbers (units in the parameter names), so they work per Monte Carlo sample.
 */
/**
 * Capital recovery factor: the level yearly payment that repays 1 USD of capital over `years` at
 * `rate` per year, r / (1 − (1 + r)^−n). Standard engineering-economics annuity; turns capital spending
 * (Stargate's build-out) into an operating-cost equivalent per year. Rate 0 → straight line 1/n.
 */
export declare function capitalRecoveryFactor(rate: number, years: number): number;
/**
 * Capacity needed when one pooled fleet is split into `pools` independent pools, relative to the
 * pooled fleet, given the pooled fleet's utilization u rather than its demand variability:
 * u + (1 − u)·√N. It is `utilizationDilution` (fragmentation.ts, the square-root law) with the
 * headroom z·cv = (1 − u)/u that a pooled fleet at utilization u carries. N = 1 gives 1.
 */
export declare function splitPoolCapacityMultiplier(pooledUtilization: number, pools: number, correlation?: number): number;
/**
 * How many independent pools N equally sized pools behave like when their demands have pairwise
 * correlation ρ: N ÷ (1 + (N − 1)·ρ). Split headroom is Σ z·σᵢ = z·N·σᵢ while the pooled fleet needs
 * z·σ with σ² = N·σᵢ²·(1 + (N − 1)·ρ), so the split/pooled headroom ratio is √(N ÷ (1 + (N − 1)·ρ)):
 * √N for independent pools (ρ = 0), 1 for pools that peak together (ρ = 1, nothing lost by splitting).
 */
export declare function effectivePoolCount(pools: number, correlation: number): number;
export interface SovereigntyInputs {
    /** Share of inference that must stay in its jurisdiction. */
    readonly sovereignShare: number;
    /** Number of separate sovereign pools the localized share is split into. */
    readonly pools: number;
    readonly pooledUtilization: number;
    /** Extra standby capacity each sovereign pool holds (a pooled fleet covers failures from elsewhere). */
    readonly backupShare: number;
    /** Cost premium of in-jurisdiction capacity over the pooled fleet's sites. */
    readonly regionalCostPremium: number;
}
/**
 * Inference cost uplift from sovereignty rules, as a fraction of today's cost: the core's
 * `sovereigntyUplift` − 1 = f × duplication, with the duplication overhead built bottom-up as
 * splitPool(u, N) × (1 + backup) × (1 + premium) − 1. Only the localized share f pays it.
 * Bottom-up counterpart of the essay's stated +40–60%.
 */
export declare function sovereigntyInferenceUplift(i: SovereigntyInputs): number;
/**
 * Scenario probabilities varied inside bands: the two minority scenarios take their sampled
 * probabilities and the first (baseline) scenario takes the remainder. If the two exceed 1 together
 * they are scaled down to sum to 1 and the baseline gets 0, so the result always sums to 1.
 */
export declare function remainderProbabilities(second: number, third: number): readonly [number, number, number];
