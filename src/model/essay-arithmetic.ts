/**
 * Arithmetic the report's chapters need beyond the core cost model: inverting the training-run bill,
 * annualizing capital, the cost of splitting one capacity pool into several, the sovereignty uplift
 * built from it, scenario probabilities varied inside bands, and a custom chip's break-even volume.
 *
 * Pure functions of plain numbers (units in the parameter names), so they work per Monte Carlo sample.
 */

const HOURS_PER_DAY = 24;
const HOURS_PER_YEAR = 8760;

/** The essay's training-run box: GPUs × days × 24 h × USD/GPU-hour. */
export interface TrainingBox {
  readonly gpus: number;
  readonly days: number;
  readonly usdPerGpuHour: number;
}

/**
 * What one input of the box would have to be, the other two held, for the bill to equal `targetUsd`.
 * Formula: cost = gpus × days × 24 × price, solved for each factor in turn. Standard rental arithmetic.
 */
export function inputsImpliedByCost(targetUsd: number, box: TrainingBox): TrainingBox {
  const hoursPerGpu = box.days * HOURS_PER_DAY;
  return {
    gpus: targetUsd / (hoursPerGpu * box.usdPerGpuHour),
    days: targetUsd / (box.gpus * HOURS_PER_DAY * box.usdPerGpuHour),
    usdPerGpuHour: targetUsd / (box.gpus * hoursPerGpu),
  };
}

/**
 * Capital recovery factor: the level yearly payment that repays 1 USD of capital over `years` at
 * `rate` per year, r / (1 − (1 + r)^−n). Standard engineering-economics annuity; turns capital spending
 * (Stargate's build-out) into an operating-cost equivalent per year. Rate 0 → straight line 1/n.
 */
export function capitalRecoveryFactor(rate: number, years: number): number {
  if (years <= 0) throw new RangeError(`capitalRecoveryFactor: years must be positive, got ${years}`);
  if (rate === 0) return 1 / years;
  return rate / (1 - (1 + rate) ** -years);
}

/**
 * Capacity needed when one pooled fleet is split into `pools` independent pools, relative to the
 * pooled fleet: u + (1 − u)·√N. Each pool is provisioned for its own peak (mean + z·σ); with N
 * independent equal pools the total headroom grows as √N (square-root staffing rule), and a pooled
 * fleet at utilization u carries headroom (1 − u)/u of its mean load. N = 1 gives 1.
 */
export function splitPoolCapacityMultiplier(pooledUtilization: number, pools: number): number {
  if (pooledUtilization <= 0 || pooledUtilization > 1) {
    throw new RangeError(`splitPoolCapacityMultiplier: utilization must be in (0, 1], got ${pooledUtilization}`);
  }
  if (pools < 1) throw new RangeError(`splitPoolCapacityMultiplier: pools must be at least 1, got ${pools}`);
  return pooledUtilization + (1 - pooledUtilization) * Math.sqrt(pools);
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
 * Inference cost uplift from sovereignty rules, as a fraction of today's cost:
 * f × (splitPool(u, N) × (1 + backup) × (1 + premium) − 1). Only the localized share f pays it.
 * Bottom-up counterpart of the essay's stated +40–60%.
 */
export function sovereigntyInferenceUplift(i: SovereigntyInputs): number {
  const localizedCost = splitPoolCapacityMultiplier(i.pooledUtilization, i.pools) * (1 + i.backupShare) * (1 + i.regionalCostPremium);
  return i.sovereignShare * (localizedCost - 1);
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

/**
 * Break-even volume of a custom chip: design cost ÷ (saving per busy chip-hour × busy hours per chip).
 * Busy hours = life in years × 8,760 × utilization. Standard NRE amortization.
 */
export function breakEvenChipVolume(designCostUsd: number, savingUsdPerChipHour: number, lifeYears: number, utilization: number): number {
  return designCostUsd / (savingUsdPerChipHour * lifeYears * HOURS_PER_YEAR * utilization);
}
