/**
 * The fragmentation tax: what running on N clouds / hardware stacks / sovereign regions costs over a
 * single-cloud baseline. Three multipliers, each on the cost base it touches, and their product.
 *
 * 1. Engineering (essay: two optimization pipelines, "doubling engineering overhead"). With N stacks
 *    and a share s of the engineering work specific to a stack (the rest is shared),
 *      engineering = 1 + s·(N − 1)                        (N = 2, s = 1 is the essay's doubling)
 *    It applies to engineering spend only; on the whole cost base, with engineering a share e of it,
 *      engineeringBlended = 1 + e·s·(N − 1)
 *
 * 2. Utilization dilution (risk pooling, the square-root law of Eppen 1979 / statistical
 *    multiplexing). Capacity is sized to serve demand up to a service-level quantile z. One pool with
 *    demand mean μ and coefficient of variation cv needs μ·(1 + z·cv). Split evenly into N pools with
 *    independent fluctuations, each needs μ/N + z·σ/√N, in total μ·(1 + z·cv·√N): peaks no longer net
 *    out. Capacity (what is paid for) rises, and utilization μ ÷ capacity falls, by
 *      utilization = (1 + z·cv·√N) ÷ (1 + z·cv)
 *
 * 3. Sovereignty redundancy (essay, Balkanization: inference costs +40–60% from redundancy). A share
 *    of the workload that must be served in-region needs extra capacity `duplicationOverhead`:
 *      sovereignty = 1 + localizedShare × duplicationOverhead
 *
 *   total = engineeringBlended × utilization × sovereignty
 */
import { normalQuantile } from "./distributions";
import { trainingRunCostUsd } from "./training";
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

export function engineeringMultiplier(x: { stacks: number; stackSpecificShare: number }): number {
  return 1 + x.stackSpecificShare * (x.stacks - 1);
}

/** Capacity needed with N pools ÷ capacity needed with one, for the same demand and service level. */
export function utilizationDilution(x: { pools: number; demandCv: number; serviceLevel: number }): number {
  const headroom = normalQuantile(x.serviceLevel) * x.demandCv;
  return (1 + headroom * Math.sqrt(x.pools)) / (1 + headroom);
}

/** Utilization (mean demand ÷ capacity) of `pools` pools sized to the service level. */
export function pooledUtilization(x: { pools: number; demandCv: number; serviceLevel: number }): number {
  return 1 / (1 + normalQuantile(x.serviceLevel) * x.demandCv * Math.sqrt(x.pools));
}

export function sovereigntyUplift(x: { localizedShare: number; duplicationOverhead: number }): number {
  return 1 + x.localizedShare * x.duplicationOverhead;
}

export function fragmentationMultiplier(x: FragmentationInputs): FragmentationMultipliers {
  const engineering = engineeringMultiplier(x);
  const engineeringBlended = 1 + x.engineeringShareOfCost * (engineering - 1);
  const utilization = utilizationDilution(x);
  const sovereignty = sovereigntyUplift(x);
  return { engineering, engineeringBlended, utilization, sovereignty, total: engineeringBlended * utilization * sovereignty };
}

export interface FragmentationTax {
  readonly baselineUsd: number;
  readonly fragmentedUsd: number;
  /** fragmentedUsd − baselineUsd. */
  readonly taxUsd: number;
  readonly totalMultiplier: number;
}

/** The tax on a cost base measured on a single cloud. */
export function fragmentationTax(x: FragmentationInputs & { baselineUsd: number }): FragmentationTax {
  return taxOn(x.baselineUsd, fragmentationMultiplier(x).total);
}

/**
 * The full model on a frontier training run: its single-cloud cost (training.ts) as the baseline,
 * then the fragmentation tax. Flat inputs, so it runs directly under `monteCarlo`.
 */
export function trainingRunFragmentationTax(x: FragmentationInputs & RentedRun): FragmentationTax {
  // No `{ ...x, baselineUsd }` here: spread-then-add is a slow path in V8 and this runs per sample.
  return taxOn(trainingRunCostUsd(x), fragmentationMultiplier(x).total);
}

function taxOn(baselineUsd: number, totalMultiplier: number): FragmentationTax {
  const fragmentedUsd = baselineUsd * totalMultiplier;
  return { baselineUsd, fragmentedUsd, taxUsd: fragmentedUsd - baselineUsd, totalMultiplier };
}
