/**
 * The chapter models of chapters 1–4: the training bill, the revenue share, credits and engineering,
 * and the sovereignty premium. Each names the assumptions it reads and evaluates one draw of them;
 * `runModel` (src/model/runner.ts) runs it by Monte Carlo.
 */
import { creditValue } from "../model/credits";
import { energyCostUsd } from "../model/energy";
import { aroundEssay, sovereigntyInferenceUplift, splitPoolCapacityMultiplier } from "./essay-arithmetic";
import { engineeringMultiplier } from "../model/fragmentation";
import type { ReportModel } from "../model/runner";
import { revenuePath, revenueSharePayments } from "../model/revenue-share";
import { flopDelivered, trainingRunCost, trainingRunCostFromFlop } from "../model/training";

// ── Chapter 1 ────────────────────────────────────────────────────────────────────────────────────

/**
 * Rental bill of the essay's box: GPUs × days × 24 × USD/GPU-hour (the essay's own arithmetic), and
 * that bill as a share of the yearly compute bill the essay gives OpenAI, draw by draw.
 */
export const TRAINING_ESSAY_BOX: ReportModel<"gpus" | "days" | "price" | "compute", "cost_usd" | "gpu_hours" | "share_of_openai_compute"> = {
  ids: { gpus: "essay_training_gpu_count", days: "essay_training_days", price: "essay_h100_usd_per_gpu_hour", compute: "openai_compute_usd_per_year" },
  evaluate: ({ gpus, days, price, compute }) => {
    const run = trainingRunCost({ gpus, days, usdPerGpuHour: price });
    return { cost_usd: run.usd, gpu_hours: run.gpuHours, share_of_openai_compute: run.usd / compute };
  },
};

/**
 * The run at market price with goodput, from FLOP (FLOP ÷ (peak × MFU) ÷ goodput GPU-seconds, Epoch
 * AI's cost method), the FLOP the essay's cluster delivers, how many times that a run of the FLOP
 * range needs, and its electricity (GPU-hours × kW × PUE × USD/kWh). The essay's days are its days of
 * training on both routes: the rental pays for them ÷ goodput, and the cluster computes in them.
 */
export const TRAINING_MARKET: ReportModel<
  "gpus" | "days" | "price" | "goodput" | "flop" | "peak" | "mfu" | "kw" | "pue" | "usdPerKwh",
  "cost_gpu_route_usd" | "cost_flop_route_usd" | "box_flop_e25" | "flop_needed_multiple" | "energy_usd"
> = {
  ids: {
    gpus: "essay_training_gpu_count", days: "essay_training_days", price: "h100_usd_per_gpu_hour", goodput: "training_goodput",
    flop: "frontier_training_flop", peak: "h100_peak_bf16_flop_per_s", mfu: "training_mfu",
    kw: "gpu_all_in_kw", pue: "datacenter_pue", usdPerKwh: "electricity_usd_per_kwh",
  },
  evaluate: (x) => {
    const rented = trainingRunCost({ gpus: x.gpus, days: x.days, usdPerGpuHour: x.price, goodputFraction: x.goodput });
    const fromFlop = trainingRunCostFromFlop({ totalFlop: x.flop, peakFlopPerSecondPerGpu: x.peak, mfu: x.mfu, usdPerGpuHour: x.price });
    const delivered = flopDelivered({ gpus: x.gpus, days: x.days, peakFlopPerSecondPerGpu: x.peak, mfu: x.mfu });
    return {
      cost_gpu_route_usd: rented.usd,
      // Paid GPU-hours = useful GPU-hours ÷ goodput, as on the rented route.
      cost_flop_route_usd: fromFlop.usd / x.goodput,
      box_flop_e25: delivered / 1e25,
      flop_needed_multiple: x.flop / delivered,
      energy_usd: energyCostUsd({ gpuHours: rented.gpuHours, kwPerGpu: x.kw, pue: x.pue, usdPerKwh: x.usdPerKwh }),
    };
  },
};

/**
 * Two readings under which the essay's stated bill follows from its own numbers: its GPU count with a
 * dropped zero (100–150k GPUs), and the bill as the whole programme of R&D compute around a final
 * run of the essay's size (final run ÷ its share of that compute, as in Epoch AI's 2024 estimate).
 */
export const TRAINING_READINGS: ReportModel<"gpus" | "days" | "price" | "finalShare", "cost_ten_times_gpus_usd" | "cost_programme_usd"> = {
  ids: { gpus: "essay_training_gpu_count", days: "essay_training_days", price: "essay_h100_usd_per_gpu_hour", finalShare: "final_run_share_of_rd_compute" },
  evaluate: ({ gpus, days, price, finalShare }) => {
    const run = trainingRunCost({ gpus, days, usdPerGpuHour: price }).usd;
    return { cost_ten_times_gpus_usd: run * 10, cost_programme_usd: run / finalShare };
  },
};

// ── Chapter 2 ────────────────────────────────────────────────────────────────────────────────────

// Frozen: REVENUE_SHARE reads it, and a report model reads constants only (a cell that changed it would
// change the model's numbers; the engine would then compute its runs rather than take kept ones).
export const REVENUE_SHARE_YEARS = Object.freeze([2026, 2027, 2028, 2029, 2030] as const);

type ShareOut =
  | "paid_uncapped_usd" | "paid_capped_usd" | "cap_value_usd" | "cap_value_nominal_usd" | "cap_binds" | "cap_binds_year" | "share_2026_usd" | "share_2026_over_compute" | "cap_years_of_2026_payments"
  | `cumulative_uncapped_${number}` | `cumulative_capped_${number}`;

/**
 * The revenue-share payment made in 2026, as chapters 2 and 5 both say it: the share of that year's
 * revenue, or the cap where it binds in the first year (a what-if's small cap), and nothing where the
 * share runs no year. The chapters once said the uncapped $5.7B beside a cap that "first cuts a
 * payment in 2026", and chapter 5 computed it apart from chapter 2, without the horizon.
 */
export function firstYearPaymentUsd(x: { readonly share: number; readonly revenue2026: number; readonly cap: number; readonly horizon: number }): number {
  return x.horizon >= 1 ? Math.min(x.share * x.revenue2026, x.cap) : 0;
}

/**
 * Revenue share with a cumulative cap: revenue_t = R₀ × g^t, payment_t = share × revenue_t until the
 * running total reaches the cap. Years past the horizon pay nothing. The cap's value is discounted at
 * the cost of capital, as Stargate's capital charge is in chapter 5, so the two are comparable.
 */
export const REVENUE_SHARE: ReportModel<"share" | "cap" | "horizon" | "revenue2026" | "growth" | "rate" | "compute", ShareOut> = {
  ids: {
    share: "openai_microsoft_revenue_share", cap: "openai_microsoft_revenue_share_cap_usd", horizon: "revenue_share_horizon_years",
    revenue2026: "openai_revenue_2026_usd", growth: "openai_revenue_growth_per_year", rate: "cost_of_capital", compute: "openai_compute_usd_per_year",
  },
  evaluate: ({ share, cap, horizon, revenue2026, growth, rate, compute }) => {
    const revenue = revenuePath({ startUsdPerYear: revenue2026, growthFractionPerYear: growth - 1, years: REVENUE_SHARE_YEARS.length })
      .map((usd, t) => (t < horizon ? usd : 0));
    const paid = revenueSharePayments({ revenueUsdByYear: revenue, shareFraction: share, capUsd: cap, firstYear: REVENUE_SHARE_YEARS[0], discountRatePerYear: rate });
    const out = {} as Record<ShareOut, number>;
    let uncapped = 0;
    paid.years.forEach((year, t) => {
      uncapped += year.uncappedUsd;
      out[`cumulative_uncapped_${t}`] = uncapped;
      out[`cumulative_capped_${t}`] = year.cumulativeCappedUsd;
    });
    out.paid_uncapped_usd = paid.uncappedTotalUsd;
    out.paid_capped_usd = paid.cappedTotalUsd;
    out.cap_value_usd = paid.capValueToPayerUsd;
    out.cap_value_nominal_usd = paid.uncappedTotalUsd - paid.cappedTotalUsd;
    const paid2026 = share * revenue2026;
    out.cap_years_of_2026_payments = cap / paid2026;
    out.cap_binds = paid.capBindsInYear === undefined ? 0 : 1;
    // The first year the cap cuts a payment; 0 where it never binds (an output is a finite number), which
    // a chapter leaves out before it summarizes the year.
    out.cap_binds_year = paid.capBindsInYear ?? 0;
    const made2026 = firstYearPaymentUsd({ share, revenue2026, cap, horizon });
    out.share_2026_usd = made2026;
    // The 2026 payment against the yearly compute bill the essay gives OpenAI, draw by draw.
    out.share_2026_over_compute = made2026 / compute;
    return out;
  },
};

// ── Chapter 3 ────────────────────────────────────────────────────────────────────────────────────

/**
 * Credits and the cost of several stacks. Expected Google value = up front + milestones × P(paid);
 * credits = value × credit share; stranded = (Google credits + Amazon) × (1 − usable share).
 * Engineering multiplier 1 + s·(N − 1), on infrastructure engineering = compute spend × engineering
 * per dollar of compute (the lab of chapter 8); split-pool capacity u + (1 − u)·√N (essay-arithmetic).
 */
export const CREDITS: ReportModel<
  "upfront" | "milestone" | "milestoneP" | "creditShare" | "amazon" | "usable" | "stacks" | "specific" | "compute" | "engineeringRatio" | "utilization",
  | "google_expected_usd" | "google_face_value_usd" | "google_credits_usd" | "total_credits_usd" | "stranded_usd" | "engineering_multiplier" | "engineering_multiplier_two_stacks"
  | "extra_engineering_usd" | "pool_split_multiplier"
> = {
  ids: {
    upfront: "google_anthropic_upfront_usd", milestone: "google_anthropic_milestone_usd", milestoneP: "google_anthropic_milestone_probability",
    creditShare: "google_anthropic_credit_share", amazon: "amazon_anthropic_commitment_usd", usable: "credit_usable_share",
    stacks: "optimization_pipeline_count", specific: "stack_specific_engineering_share", compute: "openai_compute_2024_usd",
    engineeringRatio: "infra_engineering_to_compute_ratio",
    utilization: "pooled_fleet_utilization",
  },
  evaluate: (x) => {
    const googleExpected = x.upfront + x.milestone * x.milestoneP;
    const googleCredits = googleExpected * x.creditShare;
    const total = googleCredits + x.amazon;
    const multiplier = engineeringMultiplier({ stacks: x.stacks, stackSpecificShare: x.specific });
    // Usable demand is the share the lab would have spent on that cloud anyway, at the cloud's own price.
    const value = creditValue({ creditsUsd: total, usableDemandUsd: total * x.usable, priceRatio: 1 });
    return {
      google_expected_usd: googleExpected,
      google_face_value_usd: x.upfront + x.milestone,
      google_credits_usd: googleCredits,
      total_credits_usd: total,
      stranded_usd: value.strandedUsd,
      engineering_multiplier: multiplier,
      // The essay's claim is about two stacks (TPU and Trainium), whatever the lab's own count.
      engineering_multiplier_two_stacks: engineeringMultiplier({ stacks: 2, stackSpecificShare: x.specific }),
      extra_engineering_usd: x.compute * x.engineeringRatio * (multiplier - 1),
      pool_split_multiplier: splitPoolCapacityMultiplier(x.utilization, x.stacks),
    };
  },
};

// ── Chapter 4 ────────────────────────────────────────────────────────────────────────────────────

export const SOVEREIGNTY: ReportModel<
  "essayUplift" | "share" | "pools" | "utilization" | "backup" | "premium" | "pBalkanization" | "pBalkanizationBand",
  "bottom_up_uplift" | "essay_uplift" | "expected_essay_uplift" | "expected_bottom_up_uplift" | "expected_bottom_up_uplift_band"
> = {
  ids: {
    essayUplift: "balkanization_inference_uplift", share: "sovereign_inference_share", pools: "sovereign_region_count",
    utilization: "pooled_fleet_utilization", backup: "regional_backup_capacity_share", premium: "regional_capacity_cost_premium",
    pBalkanization: "scenario_balkanization_probability", pBalkanizationBand: "scenario_balkanization_probability_band",
  },
  evaluate: (x) => {
    const bottomUp = sovereigntyInferenceUplift({
      sovereignShare: x.share, pools: x.pools, pooledUtilization: x.utilization, backupShare: x.backup, regionalCostPremium: x.premium,
    });
    return {
      bottom_up_uplift: bottomUp,
      essay_uplift: x.essayUplift,
      expected_essay_uplift: x.pBalkanization * x.essayUplift,
      expected_bottom_up_uplift: x.pBalkanization * bottomUp,
      expected_bottom_up_uplift_band: aroundEssay(x.pBalkanization, x.pBalkanizationBand) * bottomUp,
    };
  },
};
