/**
 * Arithmetic the report's chapters need beyond the core cost model: annualizing capital, the cost of
 * splitting one capacity pool into several (given its utilization), the sovereignty uplift built from
 * it, and scenario probabilities varied inside bands.
 *
 * Pure functions of plain numbers (units in the parameter names), so they work per Monte Carlo sample.
 */

import * as msg from "../messages/chapters";
import { normalQuantile } from "../model/distributions";
import { sovereigntyUplift, utilizationDilution } from "../model/fragmentation";

/** Service level used to express a pooled utilization as the core's demand headroom (any level gives the same result). */
const SERVICE_LEVEL = 0.95;

/**
 * Capital recovery factor: the level yearly payment that repays 1 USD of capital over `years` at
 * `rate` per year, r / (1 − (1 + r)^−n). Standard engineering-economics annuity; turns capital spending
 * (Stargate's build-out) into an operating-cost equivalent per year. Rate 0 → straight line 1/n.
 */
export function capitalRecoveryFactor(rate: number, years: number): number {
  if (years <= 0) throw new RangeError(msg.yearsNotPositive(years));
  if (rate === 0) return 1 / years;
  return rate / (1 - (1 + rate) ** -years);
}

/**
 * Capacity needed when one pooled fleet is split into `pools` independent pools, relative to the
 * pooled fleet, given the pooled fleet's utilization u rather than its demand variability:
 * u + (1 − u)·√N. It is `utilizationDilution` (fragmentation.ts, the square-root law) with the
 * headroom z·cv = (1 − u)/u that a pooled fleet at utilization u carries. N = 1 gives 1.
 */
export function splitPoolCapacityMultiplier(pooledUtilization: number, pools: number, correlation = 0): number {
  if (pooledUtilization <= 0 || pooledUtilization > 1) {
    throw new RangeError(msg.utilizationOutOfRange(pooledUtilization));
  }
  if (pools < 1) throw new RangeError(msg.poolsBelowOne(pools));
  const headroom = (1 - pooledUtilization) / pooledUtilization;
  return utilizationDilution({ pools: effectivePoolCount(pools, correlation), demandCv: headroom / normalQuantile(SERVICE_LEVEL), serviceLevel: SERVICE_LEVEL });
}

/**
 * How many independent pools N equally sized pools behave like when their demands have pairwise
 * correlation ρ: N ÷ (1 + (N − 1)·ρ). Split headroom is Σ z·σᵢ = z·N·σᵢ while the pooled fleet needs
 * z·σ with σ² = N·σᵢ²·(1 + (N − 1)·ρ), so the split/pooled headroom ratio is √(N ÷ (1 + (N − 1)·ρ)):
 * √N for independent pools (ρ = 0), 1 for pools that peak together (ρ = 1, nothing lost by splitting).
 */
export function effectivePoolCount(pools: number, correlation: number): number {
  if (!(correlation >= 0 && correlation <= 1)) throw new RangeError(msg.correlationOutOfRange(correlation));
  return pools / (1 + (pools - 1) * correlation);
}

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
export function sovereigntyInferenceUplift(i: SovereigntyInputs): number {
  const duplicationOverhead = splitPoolCapacityMultiplier(i.pooledUtilization, i.pools) * (1 + i.backupShare) * (1 + i.regionalCostPremium) - 1;
  return sovereigntyUplift({ localizedShare: i.sovereignShare, duplicationOverhead }) - 1;
}

/**
 * A probability varied around the essay's: its value plus a drawn offset (the plausible band's points
 * either side). Centred on the essay's figure whatever it is, so a what-if on that figure moves the band
 * with it instead of leaving a band centred on the old one. Near 0 or 1 the offset is held to the room
 * on the nearer side, on both sides: cut at the bound alone, the band was lopsided and moved the mean (a
 * what-if's 0% chance of balkanization still charged a sovereignty part of the tax); held so, it stays
 * centred, and a certain or impossible scenario is not varied at all.
 */
export function aroundEssay(essay: number, offset: number): number {
  const room = Math.max(0, Math.min(essay, 1 - essay));
  return essay + Math.min(room, Math.max(-room, offset));
}

/**
 * Scenario probabilities varied inside bands: the two minority scenarios take their sampled
 * probabilities and the first (baseline) scenario takes the remainder. If the two exceed 1 together
 * they are scaled down to sum to 1 and the baseline gets 0, so the result always sums to 1.
 */
export function remainderProbabilities(second: number, third: number): readonly [number, number, number] {
  const a = Math.max(0, second);
  const b = Math.max(0, third);
  const total = a + b;
  if (total <= 1) return [1 - total, a, b];
  return [0, a / total, b / total];
}
