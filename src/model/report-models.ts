/**
 * The report's chapter models: which assumptions each chapter reads (by id) and the arithmetic that
 * turns one draw of them into the chapter's outputs. Notebooks call `runModel(MODEL, nb.assumptions,
 * nb.montecarlo)`; the summary notebook calls the same models, so it quotes the same numbers (every
 * assumption's random stream is keyed by its id, so the same id gives the same draws in any model).
 */
import type { Summary } from "./types";
import type { Assumption, AssumptionReader } from "../assumptions/types";
import { breakEvenChips, nreAmortization } from "./chips";
import { creditValue } from "./credits";
import { energyCostUsd, inferenceUsdPerMillionTokens } from "./energy";
import { capitalRecoveryFactor, remainderProbabilities, sovereigntyInferenceUplift, splitPoolCapacityMultiplier } from "./essay-arithmetic";
import { engineeringMultiplier } from "./fragmentation";
import { inputsFrom, monteCarlo, type Model, type MonteCarloResult } from "./montecarlo";
import { revenuePath, revenueSharePayments } from "./revenue-share";
import { scenarioMixture } from "./scenarios";
import { flopDelivered, trainingRunCost, trainingRunCostFromFlop } from "./training";
import { valuationMultiples } from "./valuation";

const HOURS_PER_YEAR = 8760;

/** A chapter model: input names mapped to assumption ids, and a pure per-draw evaluation. */
export interface ReportModel<K extends string, O extends string> {
  readonly ids: Readonly<Record<K, string>>;
  readonly evaluate: (x: Readonly<Record<K, number>>) => Record<O, number>;
}

export interface ModelRun<K extends string, O extends string> {
  /** p5…p95 and mean per output (without samples, ready for `nb.figure`). */
  readonly summary: Readonly<Record<O, Summary>>;
  readonly mean: Readonly<Record<O, number>>;
  readonly samples: Readonly<Record<O, Float64Array>>;
  /** The drawn inputs, one column per input name. */
  readonly inputs: Readonly<Record<K, Float64Array>>;
  readonly assumptions: Readonly<Record<K, Assumption>>;
  /**
   * The lowest and highest output over every corner of the input box (each input at its range
   * bounds, or its value if fixed): the "whole input box" reading of a stated range.
   */
  readonly corners: Readonly<Record<O, { readonly low: number; readonly high: number }>>;
  /** The raw Monte Carlo result, for `rankCorrelation`. */
  readonly result: MonteCarloResult<K, Record<O, number>>;
}

export function runModel<K extends string, O extends string>(
  model: ReportModel<K, O>,
  reader: AssumptionReader,
  settings: { readonly samples: number; readonly seed: number },
): ModelRun<K, O> {
  const assumptions = inputsFrom(reader, model.ids);
  // A Record<O, number> is numeric by construction; the core's Model type cannot see that for a generic O.
  const result = monteCarlo(model.evaluate as Model<K, Record<O, number>>, assumptions, settings);
  const summary = {} as Record<O, Summary>;
  const mean = {} as Record<O, number>;
  const samples = {} as Record<O, Float64Array>;
  for (const [name, out] of Object.entries(result.outputs) as [O, { samples: Float64Array } & Summary][]) {
    const { mean: m, p5, p25, p50, p75, p95 } = out;
    summary[name] = { mean: m, p5, p25, p50, p75, p95 };
    mean[name] = m;
    samples[name] = out.samples;
  }
  return { summary, mean, samples, inputs: result.inputs, assumptions, corners: cornersOf(model, assumptions), result };
}

const MAX_CORNER_INPUTS = 12;

function cornersOf<K extends string, O extends string>(model: ReportModel<K, O>, assumptions: Readonly<Record<K, Assumption>>): Record<O, { low: number; high: number }> {
  const names = Object.keys(assumptions) as K[];
  const bounds = names.map((n) => {
    const a = assumptions[n];
    return a.range !== undefined ? [a.range.low, a.range.high] : [a.value ?? Number.NaN, a.value ?? Number.NaN];
  });
  const varying = bounds.map((b, i) => (b[0] !== b[1] ? i : -1)).filter((i) => i >= 0).slice(0, MAX_CORNER_INPUTS);
  const corners = {} as Record<O, { low: number; high: number }>;
  for (let mask = 0; mask < 1 << varying.length; mask++) {
    const x = {} as Record<K, number>;
    names.forEach((n, i) => {
      const bit = varying.indexOf(i);
      x[n] = (bounds[i] as number[])[bit >= 0 && mask & (1 << bit) ? 1 : 0] as number;
    });
    for (const [o, v] of Object.entries(model.evaluate(x)) as [O, number][]) {
      const c = corners[o];
      corners[o] = c === undefined ? { low: v, high: v } : { low: Math.min(c.low, v), high: Math.max(c.high, v) };
    }
  }
  return corners;
}

/** True when an assumption cites a public source rather than the essay or our own judgement. */
export function isIndependentSource(a: Assumption): boolean {
  return !/^(Maverick analyst essay|fragtax analysts)/i.test(a.source.title);
}

/** Equal-width histogram of samples, for charts (a few dozen rows instead of 10,000 points). */
export function histogramBins(samples: Float64Array, bins: number): { x0: number; x1: number; count: number }[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of samples) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const width = (hi - lo) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of samples) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  return counts.map((count, i) => ({ x0: lo + i * width, x1: lo + (i + 1) * width, count }));
}

// ── Chapter 1 ────────────────────────────────────────────────────────────────────────────────────

/** Rental bill of the essay's box: GPUs × days × 24 × USD/GPU-hour (the essay's own arithmetic). */
export const TRAINING_ESSAY_BOX: ReportModel<"gpus" | "days" | "price", "cost_usd" | "gpu_hours"> = {
  ids: { gpus: "essay_training_gpu_count", days: "essay_training_days", price: "essay_h100_usd_per_gpu_hour" },
  evaluate: ({ gpus, days, price }) => {
    const run = trainingRunCost({ gpus, days, usdPerGpuHour: price });
    return { cost_usd: run.usd, gpu_hours: run.gpuHours };
  },
};

/**
 * The run at market price with goodput, from FLOP (FLOP ÷ (peak × MFU) ÷ goodput GPU-seconds, Epoch
 * AI's cost method), the FLOP the essay's cluster delivers, and its electricity (GPU-hours × kW × PUE × USD/kWh).
 */
export const TRAINING_MARKET: ReportModel<
  "gpus" | "days" | "price" | "goodput" | "flop" | "peak" | "mfu" | "kw" | "pue" | "usdPerKwh",
  "cost_gpu_route_usd" | "cost_flop_route_usd" | "box_flop_e25" | "energy_usd"
> = {
  ids: {
    gpus: "essay_training_gpu_count", days: "essay_training_days", price: "h100_usd_per_gpu_hour", goodput: "training_goodput",
    flop: "frontier_training_flop", peak: "h100_peak_bf16_flop_per_s", mfu: "training_mfu",
    kw: "gpu_all_in_kw", pue: "datacenter_pue", usdPerKwh: "electricity_usd_per_kwh",
  },
  evaluate: (x) => {
    const rented = trainingRunCost({ gpus: x.gpus, days: x.days, usdPerGpuHour: x.price, goodputFraction: x.goodput });
    const fromFlop = trainingRunCostFromFlop({ totalFlop: x.flop, peakFlopPerSecondPerGpu: x.peak, mfu: x.mfu, usdPerGpuHour: x.price });
    return {
      cost_gpu_route_usd: rented.usd,
      // Paid GPU-hours = useful GPU-hours ÷ goodput, as on the rented route.
      cost_flop_route_usd: fromFlop.usd / x.goodput,
      box_flop_e25: (flopDelivered({ gpus: x.gpus, days: x.days, peakFlopPerSecondPerGpu: x.peak, mfu: x.mfu }) * x.goodput) / 1e25,
      energy_usd: energyCostUsd({ gpuHours: rented.gpuHours, kwPerGpu: x.kw, pue: x.pue, usdPerKwh: x.usdPerKwh }),
    };
  },
};

// ── Chapter 2 ────────────────────────────────────────────────────────────────────────────────────

export const REVENUE_SHARE_YEARS = [2026, 2027, 2028, 2029, 2030] as const;

type ShareOut = "paid_uncapped_usd" | "paid_capped_usd" | "cap_value_usd" | "cap_binds" | "share_2026_usd" | `cumulative_uncapped_${number}` | `cumulative_capped_${number}`;

/**
 * Revenue share with a cumulative cap: revenue_t = R₀ × g^t, payment_t = share × revenue_t until the
 * running total reaches the cap. Years past the horizon pay nothing.
 */
export const REVENUE_SHARE: ReportModel<"share" | "cap" | "horizon" | "revenue2026" | "growth", ShareOut> = {
  ids: {
    share: "openai_microsoft_revenue_share", cap: "openai_microsoft_revenue_share_cap_usd", horizon: "revenue_share_horizon_years",
    revenue2026: "openai_revenue_2026_usd", growth: "openai_revenue_growth_per_year",
  },
  evaluate: ({ share, cap, horizon, revenue2026, growth }) => {
    const revenue = revenuePath({ startUsdPerYear: revenue2026, growthFractionPerYear: growth - 1, years: REVENUE_SHARE_YEARS.length })
      .map((usd, t) => (t < horizon ? usd : 0));
    const paid = revenueSharePayments({ revenueUsdByYear: revenue, shareFraction: share, capUsd: cap, firstYear: REVENUE_SHARE_YEARS[0] });
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
    out.cap_binds = paid.capBindsInYear === undefined ? 0 : 1;
    out.share_2026_usd = share * revenue2026;
    return out;
  },
};

// ── Chapter 3 ────────────────────────────────────────────────────────────────────────────────────

/**
 * Credits and the cost of several stacks. Expected Google value = up front + milestones × P(paid);
 * credits = value × credit share; stranded = (Google credits + Amazon) × (1 − usable share).
 * Engineering multiplier 1 + s·(N − 1); split-pool capacity u + (1 − u)·√N (see essay-arithmetic).
 */
export const CREDITS: ReportModel<
  "upfront" | "milestone" | "milestoneP" | "creditShare" | "amazon" | "usable" | "stacks" | "specific" | "engineering" | "utilization",
  "google_expected_usd" | "google_credits_usd" | "total_credits_usd" | "stranded_usd" | "engineering_multiplier" | "extra_engineering_usd" | "pool_split_multiplier"
> = {
  ids: {
    upfront: "google_anthropic_upfront_usd", milestone: "google_anthropic_milestone_usd", milestoneP: "google_anthropic_milestone_probability",
    creditShare: "google_anthropic_credit_share", amazon: "amazon_anthropic_commitment_usd", usable: "credit_usable_share",
    stacks: "optimization_pipeline_count", specific: "stack_specific_engineering_share", engineering: "lab_infra_engineering_usd_per_year",
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
      google_credits_usd: googleCredits,
      total_credits_usd: total,
      stranded_usd: value.strandedUsd,
      engineering_multiplier: multiplier,
      extra_engineering_usd: x.engineering * (multiplier - 1),
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
      expected_bottom_up_uplift_band: x.pBalkanizationBand * bottomUp,
    };
  },
};

// ── Chapter 5 ────────────────────────────────────────────────────────────────────────────────────

/** Operating flows (compute, revenue share) beside capital spending (Stargate) and its yearly capital charge. */
export const WHO_PAYS: ReportModel<
  "computeEssay" | "compute2024" | "revenue2024" | "loss2024" | "opexShareEssay" | "stargate" | "years" | "life" | "rate" | "share" | "revenue2026",
  "opex_share_2024" | "implied_total_opex_usd" | "revenue_share_2026_usd" | "stargate_capex_per_year_usd" | "stargate_capital_charge_usd" | "stargate_per_year_to_openai_compute" | "compute_essay_usd" | "compute_2024_usd"
> = {
  ids: {
    computeEssay: "openai_compute_usd_per_year", compute2024: "openai_compute_2024_usd", revenue2024: "openai_revenue_2024_usd",
    loss2024: "openai_loss_2024_usd", opexShareEssay: "essay_infra_opex_share", stargate: "stargate_capex_usd", years: "stargate_years",
    life: "ai_datacenter_asset_life_years", rate: "cost_of_capital", share: "openai_microsoft_revenue_share", revenue2026: "openai_revenue_2026_usd",
  },
  evaluate: (x) => ({
    opex_share_2024: x.compute2024 / (x.revenue2024 + x.loss2024),
    implied_total_opex_usd: x.computeEssay / x.opexShareEssay,
    revenue_share_2026_usd: x.share * x.revenue2026,
    stargate_capex_per_year_usd: x.stargate / x.years,
    stargate_capital_charge_usd: x.stargate * capitalRecoveryFactor(x.rate, x.life),
    stargate_per_year_to_openai_compute: x.stargate / x.years / x.computeEssay,
    compute_essay_usd: x.computeEssay,
    compute_2024_usd: x.compute2024,
  }),
};

/** Price ÷ run rate, trailing and forward; valuation against the essay's comparison companies. */
export const VALUATION: ReportModel<"valuation" | "trailing" | "forward" | "amd" | "intel", "trailing_multiple" | "forward_multiple" | "vs_amd" | "vs_intel"> = {
  ids: {
    valuation: "anthropic_valuation_usd", trailing: "anthropic_run_rate_trailing_usd", forward: "anthropic_run_rate_forward_usd",
    amd: "amd_market_cap_usd", intel: "intel_market_cap_usd",
  },
  evaluate: (x) => {
    const multiples = valuationMultiples({ valuationUsd: x.valuation, trailingRunRateUsdPerYear: x.trailing, forwardRunRateUsdPerYear: x.forward });
    return {
      trailing_multiple: multiples.trailing,
      forward_multiple: multiples.forward,
    vs_amd: x.valuation / x.amd,
      vs_intel: x.valuation / x.intel,
    };
  },
};

// ── Chapter 6 ────────────────────────────────────────────────────────────────────────────────────

export const SCENARIO_NAMES = ["Merchant Era", "Balkanization Trap", "Winner Consolidates"] as const;

export const SCENARIOS: ReportModel<
  "pMerchant" | "pBalkanization" | "pWinner" | "bandBalkanization" | "bandWinner" | "indexMerchant" | "uplift" | "indexWinner" | "price" | "tokensPerSecond" | "inference2024" | "utilization",
  "index_merchant" | "index_balkanization" | "index_winner" | "weighted_index" | "weighted_index_band" | "p_merchant_band" | "usd_per_mtok_today" | "usd_per_mtok_weighted" | "inference_spend_weighted_usd" | "probability_sum"
> = {
  ids: {
    pMerchant: "scenario_merchant_era_probability", pBalkanization: "scenario_balkanization_probability", pWinner: "scenario_winner_consolidates_probability",
    bandBalkanization: "scenario_balkanization_probability_band", bandWinner: "scenario_winner_consolidates_probability_band",
    indexMerchant: "scenario_merchant_era_cost_index", uplift: "balkanization_inference_uplift", indexWinner: "scenario_winner_consolidates_cost_index",
    price: "h100_usd_per_gpu_hour", tokensPerSecond: "inference_tokens_per_gpu_second", inference2024: "openai_inference_compute_2024_usd",
    utilization: "pooled_fleet_utilization",
  },
  evaluate: (x) => {
    const indices = [x.indexMerchant, 1 + x.uplift, x.indexWinner];
    // scenarioMixture checks that the essay's probabilities are each in [0, 1] and sum to 1.
    const mixed = (probabilities: readonly number[]): number =>
      scenarioMixture(SCENARIO_NAMES.map((name, i) => ({ name, probability: probabilities[i] as number, value: indices[i] as number }))).expected;
    const weighted = mixed([x.pMerchant, x.pBalkanization, x.pWinner]);
    const band = remainderProbabilities(x.bandBalkanization, x.bandWinner);
    const usdPerMtok = inferenceUsdPerMillionTokens({ usdPerGpuHour: x.price, tokensPerSecondPerGpu: x.tokensPerSecond, utilizationFraction: x.utilization });
    return {
      index_merchant: x.indexMerchant,
      index_balkanization: 1 + x.uplift,
      index_winner: x.indexWinner,
      weighted_index: weighted,
      weighted_index_band: mixed(band),
      p_merchant_band: band[0],
      usd_per_mtok_today: usdPerMtok,
      usd_per_mtok_weighted: usdPerMtok * weighted,
      inference_spend_weighted_usd: x.inference2024 * weighted,
      probability_sum: x.pMerchant + x.pBalkanization + x.pWinner,
    };
  },
};

// ── Chapter 7 ────────────────────────────────────────────────────────────────────────────────────


/**
 * Chip design cost amortized over the volume one ecosystem gets when frontier demand splits N ways,
 * against the break-even volume at which the custom chip's saving repays its design cost.
 * A lab that splits its own fleet across two stacks also loses pooling: utilization ÷ split-pool multiplier.
 */
export const CHIPS: ReportModel<
  "design" | "ecosystems" | "units" | "life" | "saving" | "utilization",
  "units_per_ecosystem" | "design_usd_per_chip" | "design_usd_per_chip_hour" | "break_even_units" | "volume_to_break_even" | "utilization_two_stacks" | "design_usd_per_chip_hour_two_stacks"
> = {
  ids: {
    design: "custom_chip_design_cost_usd", ecosystems: "hardware_ecosystem_count", units: "frontier_accelerator_units_per_generation",
    life: "accelerator_life_years", saving: "custom_chip_saving_usd_per_chip_hour", utilization: "pooled_fleet_utilization",
  },
  evaluate: (x) => {
    const lifetimeHours = x.life * HOURS_PER_YEAR;
    const share = nreAmortization({ nreUsd: x.design, totalChips: x.units, ecosystems: x.ecosystems, lifetimeHours, utilizationFraction: x.utilization });
    const breakEven = breakEvenChips({ nreUsd: x.design, savingUsdPerChip: x.saving * lifetimeHours * x.utilization });
    const splitUtilization = x.utilization / splitPoolCapacityMultiplier(x.utilization, 2);
    return {
      units_per_ecosystem: share.chipsPerEcosystem,
      design_usd_per_chip: share.nreUsdPerChip,
      design_usd_per_chip_hour: share.nreUsdPerChipHour,
      break_even_units: breakEven,
      volume_to_break_even: share.chipsPerEcosystem / breakEven,
      utilization_two_stacks: splitUtilization,
      design_usd_per_chip_hour_two_stacks: share.nreUsdPerChip / (lifetimeHours * splitUtilization),
    };
  },
};

// ── Chapter 8 ────────────────────────────────────────────────────────────────────────────────────

/**
 * The yearly fragmentation tax on a frontier lab, in USD, as the sum of three parts:
 * engineering (infra engineering × s·(N − 1)), pooling (compute × (u + (1 − u)·√N − 1)), and
 * sovereignty (inference × P(balkanization) × bottom-up uplift). Shares are of yearly compute spend.
 */
export const FRAGMENTATION_TAX: ReportModel<
  "engineering" | "specific" | "stacks" | "compute" | "utilization" | "inference" | "pBalkanization" | "share" | "pools" | "backup" | "premium",
  "engineering_tax_usd" | "pooling_tax_usd" | "sovereignty_tax_usd" | "total_tax_usd" | "total_tax_share_of_compute"
> = {
  ids: {
    engineering: "lab_infra_engineering_usd_per_year", specific: "stack_specific_engineering_share", stacks: "optimization_pipeline_count",
    compute: "openai_compute_usd_per_year", utilization: "pooled_fleet_utilization", inference: "openai_inference_compute_2024_usd",
    pBalkanization: "scenario_balkanization_probability_band", share: "sovereign_inference_share", pools: "sovereign_region_count",
    backup: "regional_backup_capacity_share", premium: "regional_capacity_cost_premium",
  },
  evaluate: (x) => {
    const engineering = x.engineering * (engineeringMultiplier({ stacks: x.stacks, stackSpecificShare: x.specific }) - 1);
    const pooling = x.compute * (splitPoolCapacityMultiplier(x.utilization, x.stacks) - 1);
    const uplift = sovereigntyInferenceUplift({ sovereignShare: x.share, pools: x.pools, pooledUtilization: x.utilization, backupShare: x.backup, regionalCostPremium: x.premium });
    const sovereignty = x.inference * x.pBalkanization * uplift;
    const total = engineering + pooling + sovereignty;
    return { engineering_tax_usd: engineering, pooling_tax_usd: pooling, sovereignty_tax_usd: sovereignty, total_tax_usd: total, total_tax_share_of_compute: total / x.compute };
  },
};

/**
 * A Monte Carlo summary as a figure's number: `{ value }` when every draw was the same (an output
 * of fixed inputs only, e.g. Stargate's $500B ÷ 4 years), else `{ summary }`, so readers never see a
 * "90% CI $125B–$125B".
 */
export function figureNumbers(s: Summary): { readonly value: number } | { readonly summary: Summary } {
  return s.p5 === s.p95 ? { value: s.p50 } : { summary: s };
}

/** An assumption's 90% interval, or its value as a zero-width interval when it is fixed. */
export function intervalOf(a: Assumption): { readonly low: number; readonly high: number } {
  return a.range ?? { low: a.value ?? Number.NaN, high: a.value ?? Number.NaN };
}
