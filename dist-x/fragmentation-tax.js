// src/model/credits.ts
function creditValue(grant) {
  const usableUsd = Math.min(grant.creditsUsd, Math.max(0, grant.usableDemandUsd));
  const strandedUsd = grant.creditsUsd - usableUsd;
  const effectiveValueUsd = usableUsd / Math.max(1, grant.priceRatio);
  return {
    usableUsd,
    strandedUsd,
    strandedShare: grant.creditsUsd === 0 ? 0 : strandedUsd / grant.creditsUsd,
    effectiveValueUsd,
    discountToFace: grant.creditsUsd === 0 ? 0 : 1 - effectiveValueUsd / grant.creditsUsd
  };
}

// src/model/training.ts
var HOURS_PER_DAY = 24;
var SECONDS_PER_HOUR = 3600;
function trainingRunCost(run) {
  const gpuHours = run.gpus * run.days * HOURS_PER_DAY / (run.goodputFraction ?? 1);
  return { gpuHours, usd: gpuHours * run.usdPerGpuHour };
}
function trainingRunCostFromFlop(run) {
  const gpuHours = run.totalFlop / (run.peakFlopPerSecondPerGpu * run.mfu) / SECONDS_PER_HOUR;
  return { gpuHours, usd: gpuHours * run.usdPerGpuHour };
}
function flopDelivered(run) {
  return run.gpus * run.days * HOURS_PER_DAY * SECONDS_PER_HOUR * run.peakFlopPerSecondPerGpu * run.mfu;
}

// src/model/energy.ts
var TOKENS_PER_MILLION = 1e6;
function energyKwh(use) {
  return use.gpuHours * use.kwPerGpu * use.pue;
}
function energyCostUsd(use) {
  return energyKwh(use) * use.usdPerKwh;
}
function inferenceUsdPerMillionTokens(serving) {
  const tokensPerGpuHour = serving.tokensPerSecondPerGpu * SECONDS_PER_HOUR * serving.utilizationFraction;
  return serving.usdPerGpuHour / tokensPerGpuHour * TOKENS_PER_MILLION;
}

// src/messages/chapters.ts
var yearsNotPositive = (years) => `capitalRecoveryFactor: years must be positive, got ${years}`;
var utilizationOutOfRange = (utilization) => `splitPoolCapacityMultiplier: pooled utilization must be in (0, 1], got ${utilization}`;
var poolsBelowOne = (pools) => `splitPoolCapacityMultiplier: pools must be at least 1, got ${pools}`;
var correlationOutOfRange = (correlation) => `effectivePoolCount: the correlation between pools must be in [0, 1] (a negative one would make splitting save capacity), got ${correlation}`;

// src/model/distributions.ts
var A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
var B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
var C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
var D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
var [a0, a1, a2, a3, a4, a5] = A;
var [b0, b1, b2, b3, b4] = B;
var [c0, c1, c2, c3, c4, c5] = C;
var [d0, d1, d2, d3] = D;
var P_LOW = 0.02425;
function normalQuantile(p) {
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}
function tail(q) {
  return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
}

// src/model/fragmentation.ts
function engineeringMultiplier(x) {
  return 1 + x.stackSpecificShare * (x.stacks - 1);
}
function utilizationDilution(x) {
  const headroom = normalQuantile(x.serviceLevel) * x.demandCv;
  return (1 + headroom * Math.sqrt(x.pools)) / (1 + headroom);
}
function sovereigntyUplift(x) {
  return 1 + x.localizedShare * x.duplicationOverhead;
}

// src/fragmentation-tax/essay-arithmetic.ts
var SERVICE_LEVEL = 0.95;
function capitalRecoveryFactor(rate, years) {
  if (years <= 0) throw new RangeError(yearsNotPositive(years));
  if (rate === 0) return 1 / years;
  return rate / (1 - (1 + rate) ** -years);
}
function splitPoolCapacityMultiplier(pooledUtilization, pools, correlation = 0) {
  if (pooledUtilization <= 0 || pooledUtilization > 1) {
    throw new RangeError(utilizationOutOfRange(pooledUtilization));
  }
  if (pools < 1) throw new RangeError(poolsBelowOne(pools));
  const headroom = (1 - pooledUtilization) / pooledUtilization;
  return utilizationDilution({ pools: effectivePoolCount(pools, correlation), demandCv: headroom / normalQuantile(SERVICE_LEVEL), serviceLevel: SERVICE_LEVEL });
}
function effectivePoolCount(pools, correlation) {
  if (!(correlation >= 0 && correlation <= 1)) throw new RangeError(correlationOutOfRange(correlation));
  return pools / (1 + (pools - 1) * correlation);
}
function sovereigntyInferenceUplift(i) {
  const duplicationOverhead = splitPoolCapacityMultiplier(i.pooledUtilization, i.pools) * (1 + i.backupShare) * (1 + i.regionalCostPremium) - 1;
  return sovereigntyUplift({ localizedShare: i.sovereignShare, duplicationOverhead }) - 1;
}
function remainderProbabilities(second, third) {
  const a = Math.max(0, second);
  const b = Math.max(0, third);
  const total = a + b;
  if (total <= 1) return [1 - total, a, b];
  return [0, a / total, b / total];
}

// src/model/revenue-share.ts
function revenueSharePayments(terms) {
  const rate = terms.discountRatePerYear ?? 0;
  const years = [];
  let paid = 0;
  let presentValueSaved = 0;
  let capBindsInYear;
  for (const [index, revenueUsd] of terms.revenueUsdByYear.entries()) {
    const uncappedUsd = terms.shareFraction * revenueUsd;
    const cappedUsd = Math.max(0, Math.min(uncappedUsd, terms.capUsd - paid));
    paid += cappedUsd;
    const year = terms.firstYear + index;
    if (cappedUsd < uncappedUsd && capBindsInYear === void 0) capBindsInYear = year;
    presentValueSaved += (uncappedUsd - cappedUsd) / (1 + rate) ** index;
    years.push({ year, revenueUsd, uncappedUsd, cappedUsd, cumulativeCappedUsd: paid });
  }
  return {
    years,
    uncappedTotalUsd: years.reduce((sum, y) => sum + y.uncappedUsd, 0),
    cappedTotalUsd: paid,
    capBindsInYear,
    capValueToPayerUsd: presentValueSaved,
    capValueToRecipientUsd: -presentValueSaved
  };
}
function revenuePath(path) {
  return Array.from({ length: path.years }, (_, t) => path.startUsdPerYear * (1 + path.growthFractionPerYear) ** t);
}

// src/fragmentation-tax/chapter-models.ts
var TRAINING_ESSAY_BOX = {
  ids: { gpus: "essay_training_gpu_count", days: "essay_training_days", price: "essay_h100_usd_per_gpu_hour" },
  evaluate: ({ gpus, days, price }) => {
    const run = trainingRunCost({ gpus, days, usdPerGpuHour: price });
    return { cost_usd: run.usd, gpu_hours: run.gpuHours };
  }
};
var TRAINING_MARKET = {
  ids: {
    gpus: "essay_training_gpu_count",
    days: "essay_training_days",
    price: "h100_usd_per_gpu_hour",
    goodput: "training_goodput",
    flop: "frontier_training_flop",
    peak: "h100_peak_bf16_flop_per_s",
    mfu: "training_mfu",
    kw: "gpu_all_in_kw",
    pue: "datacenter_pue",
    usdPerKwh: "electricity_usd_per_kwh"
  },
  evaluate: (x) => {
    const rented = trainingRunCost({ gpus: x.gpus, days: x.days, usdPerGpuHour: x.price, goodputFraction: x.goodput });
    const fromFlop = trainingRunCostFromFlop({ totalFlop: x.flop, peakFlopPerSecondPerGpu: x.peak, mfu: x.mfu, usdPerGpuHour: x.price });
    return {
      cost_gpu_route_usd: rented.usd,
      // Paid GPU-hours = useful GPU-hours ÷ goodput, as on the rented route.
      cost_flop_route_usd: fromFlop.usd / x.goodput,
      box_flop_e25: flopDelivered({ gpus: x.gpus, days: x.days, peakFlopPerSecondPerGpu: x.peak, mfu: x.mfu }) * x.goodput / 1e25,
      energy_usd: energyCostUsd({ gpuHours: rented.gpuHours, kwPerGpu: x.kw, pue: x.pue, usdPerKwh: x.usdPerKwh })
    };
  }
};
var TRAINING_READINGS = {
  ids: { gpus: "essay_training_gpu_count", days: "essay_training_days", price: "essay_h100_usd_per_gpu_hour", finalShare: "final_run_share_of_rd_compute" },
  evaluate: ({ gpus, days, price, finalShare }) => {
    const run = trainingRunCost({ gpus, days, usdPerGpuHour: price }).usd;
    return { cost_ten_times_gpus_usd: run * 10, cost_programme_usd: run / finalShare };
  }
};
var REVENUE_SHARE_YEARS = Object.freeze([2026, 2027, 2028, 2029, 2030]);
var REVENUE_SHARE = {
  ids: {
    share: "openai_microsoft_revenue_share",
    cap: "openai_microsoft_revenue_share_cap_usd",
    horizon: "revenue_share_horizon_years",
    revenue2026: "openai_revenue_2026_usd",
    growth: "openai_revenue_growth_per_year",
    rate: "cost_of_capital"
  },
  evaluate: ({ share, cap, horizon, revenue2026, growth, rate }) => {
    const revenue = revenuePath({ startUsdPerYear: revenue2026, growthFractionPerYear: growth - 1, years: REVENUE_SHARE_YEARS.length }).map((usd, t) => t < horizon ? usd : 0);
    const paid = revenueSharePayments({ revenueUsdByYear: revenue, shareFraction: share, capUsd: cap, firstYear: REVENUE_SHARE_YEARS[0], discountRatePerYear: rate });
    const out = {};
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
    out.cap_years_of_2026_payments = cap / (share * revenue2026);
    out.cap_binds = paid.capBindsInYear === void 0 ? 0 : 1;
    out.share_2026_usd = share * revenue2026;
    return out;
  }
};
var CREDITS = {
  ids: {
    upfront: "google_anthropic_upfront_usd",
    milestone: "google_anthropic_milestone_usd",
    milestoneP: "google_anthropic_milestone_probability",
    creditShare: "google_anthropic_credit_share",
    amazon: "amazon_anthropic_commitment_usd",
    usable: "credit_usable_share",
    stacks: "optimization_pipeline_count",
    specific: "stack_specific_engineering_share",
    compute: "openai_compute_2024_usd",
    engineeringRatio: "infra_engineering_to_compute_ratio",
    utilization: "pooled_fleet_utilization"
  },
  evaluate: (x) => {
    const googleExpected = x.upfront + x.milestone * x.milestoneP;
    const googleCredits = googleExpected * x.creditShare;
    const total = googleCredits + x.amazon;
    const multiplier = engineeringMultiplier({ stacks: x.stacks, stackSpecificShare: x.specific });
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
      pool_split_multiplier: splitPoolCapacityMultiplier(x.utilization, x.stacks)
    };
  }
};
var SOVEREIGNTY = {
  ids: {
    essayUplift: "balkanization_inference_uplift",
    share: "sovereign_inference_share",
    pools: "sovereign_region_count",
    utilization: "pooled_fleet_utilization",
    backup: "regional_backup_capacity_share",
    premium: "regional_capacity_cost_premium",
    pBalkanization: "scenario_balkanization_probability",
    pBalkanizationBand: "scenario_balkanization_probability_band"
  },
  evaluate: (x) => {
    const bottomUp = sovereigntyInferenceUplift({
      sovereignShare: x.share,
      pools: x.pools,
      pooledUtilization: x.utilization,
      backupShare: x.backup,
      regionalCostPremium: x.premium
    });
    return {
      bottom_up_uplift: bottomUp,
      essay_uplift: x.essayUplift,
      expected_essay_uplift: x.pBalkanization * x.essayUplift,
      expected_bottom_up_uplift: x.pBalkanization * bottomUp,
      expected_bottom_up_uplift_band: x.pBalkanizationBand * bottomUp
    };
  }
};

// src/model/chips.ts
function nreAmortization(program) {
  const chipsPerEcosystem = program.totalChips / program.ecosystems;
  const nreUsdPerChip = program.nreUsd / chipsPerEcosystem;
  return {
    chipsPerEcosystem,
    nreUsdPerChip,
    nreUsdPerChipHour: nreUsdPerChip / (program.lifetimeHours * program.utilizationFraction),
    multiplierVsOneEcosystem: nreUsdPerChip / (program.nreUsd / program.totalChips)
  };
}
function breakEvenChips(design) {
  return design.nreUsd / design.savingUsdPerChip;
}

// src/messages/model.ts
var probabilitiesDoNotSumToOne = (names, probabilities, sum) => {
  const parts = names.map((name, index) => `${name} ${probabilities[index]}`).join(" + ");
  return `scenario probabilities must sum to 1, but ${parts} = ${Number(sum.toPrecision(12))}`;
};
var probabilityOutOfRange = (name, probability) => `scenario "${name}" has probability ${probability}; a probability must lie between 0 and 1`;
var noScenarios = () => "a scenario mixture needs at least one scenario";
var duplicateScenario = (name) => `scenario "${name}" is listed twice`;
var rangeReversed = (what, low, high) => `${what}: low ${low} is above high ${high}`;

// src/model/random.ts
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
var HALF_STEP = 2 ** -54;

// src/model/scenarios.ts
var PROBABILITY_TOLERANCE = 1e-9;
var ScenarioError = class extends Error {
  name = "ScenarioError";
};
function checkProbabilities(scenarios) {
  if (scenarios.length === 0) throw new ScenarioError(noScenarios());
  const seen = /* @__PURE__ */ new Set();
  for (const { name, probability } of scenarios) {
    if (seen.has(name)) throw new ScenarioError(duplicateScenario(name));
    seen.add(name);
    if (!(probability >= 0 && probability <= 1)) throw new ScenarioError(probabilityOutOfRange(name, probability));
  }
  const sum = scenarios.reduce((total, s) => total + s.probability, 0);
  if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
    throw new ScenarioError(probabilitiesDoNotSumToOne(scenarios.map((s) => s.name), scenarios.map((s) => s.probability), sum));
  }
}
var distinctNames = /* @__PURE__ */ new WeakSet();
function mixtureExpected(names, probabilities, values) {
  let total = 0;
  let expected = 0;
  let inRange = names.length > 0 && probabilities.length === names.length && values.length === names.length;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (!(p >= 0 && p <= 1)) inRange = false;
    total += p;
    expected += p * values[i];
  }
  if (!distinctNames.has(names) && new Set(names).size === names.length) distinctNames.add(names);
  if (!inRange || !distinctNames.has(names) || Math.abs(total - 1) > PROBABILITY_TOLERANCE) {
    checkProbabilities(names.map((name, i) => ({ name, probability: probabilities[i] })));
  }
  return expected;
}

// src/model/valuation.ts
function priceToRunRate(valuationUsd, runRateUsdPerYear) {
  return valuationUsd / runRateUsdPerYear;
}
function valuationMultiples(v) {
  return {
    trailing: priceToRunRate(v.valuationUsd, v.trailingRunRateUsdPerYear),
    forward: v.forwardRunRateUsdPerYear === void 0 ? Number.NaN : priceToRunRate(v.valuationUsd, v.forwardRunRateUsdPerYear)
  };
}

// src/fragmentation-tax/lab-models.ts
var HOURS_PER_YEAR = 8760;
var WHO_PAYS = {
  ids: {
    computeEssay: "openai_compute_usd_per_year",
    compute2024: "openai_compute_2024_usd",
    other2024: "openai_noncompute_costs_2024_usd",
    opexShareEssay: "essay_infra_opex_share",
    stargate: "stargate_capex_usd",
    years: "stargate_years",
    life: "ai_datacenter_asset_life_years",
    rate: "cost_of_capital",
    share: "openai_microsoft_revenue_share",
    revenue2026: "openai_revenue_2026_usd"
  },
  evaluate: (x) => ({
    opex_share_2024: x.compute2024 / (x.compute2024 + x.other2024),
    implied_total_opex_usd: x.computeEssay / x.opexShareEssay,
    revenue_share_2026_usd: x.share * x.revenue2026,
    stargate_capex_per_year_usd: x.stargate / x.years,
    stargate_capital_charge_usd: x.stargate * capitalRecoveryFactor(x.rate, x.life),
    stargate_per_year_to_openai_compute: x.stargate / x.years / x.computeEssay,
    compute_essay_usd: x.computeEssay,
    compute_2024_usd: x.compute2024
  })
};
var VALUATION = {
  ids: {
    valuation: "anthropic_valuation_usd",
    essayRunRate: "essay_anthropic_run_rate_usd",
    trailing: "anthropic_run_rate_trailing_usd",
    forward: "anthropic_run_rate_forward_usd",
    amd: "amd_market_cap_usd",
    intel: "intel_market_cap_usd"
  },
  evaluate: (x) => {
    const multiples = valuationMultiples({ valuationUsd: x.valuation, trailingRunRateUsdPerYear: x.trailing, forwardRunRateUsdPerYear: x.forward });
    return {
      essay_multiple: x.valuation / x.essayRunRate,
      trailing_multiple: multiples.trailing,
      forward_multiple: multiples.forward,
      vs_amd: x.valuation / x.amd,
      vs_intel: x.valuation / x.intel
    };
  }
};
var SCENARIO_NAMES = Object.freeze(["Merchant Era", "Balkanization Trap", "Winner Consolidates"]);
var SCENARIOS = {
  ids: {
    pMerchant: "scenario_merchant_era_probability",
    pBalkanization: "scenario_balkanization_probability",
    pWinner: "scenario_winner_consolidates_probability",
    bandBalkanization: "scenario_balkanization_probability_band",
    bandWinner: "scenario_winner_consolidates_probability_band",
    indexMerchant: "scenario_merchant_era_cost_index",
    uplift: "balkanization_inference_uplift",
    indexWinner: "scenario_winner_consolidates_cost_index",
    price: "h100_usd_per_gpu_hour",
    tokensPerSecond: "inference_tokens_per_gpu_second",
    compute2024: "openai_compute_2024_usd",
    inferenceShare: "inference_share_of_compute",
    utilization: "pooled_fleet_utilization"
  },
  evaluate: (x) => {
    const indices = [x.indexMerchant, 1 + x.uplift, x.indexWinner];
    const mixed = (probabilities) => mixtureExpected(SCENARIO_NAMES, probabilities, indices);
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
      inference_spend_weighted_usd: x.compute2024 * x.inferenceShare * weighted,
      probability_sum: x.pMerchant + x.pBalkanization + x.pWinner
    };
  }
};
var CHIPS = {
  ids: {
    design: "custom_chip_design_cost_usd",
    ecosystems: "hardware_ecosystem_count",
    units: "frontier_accelerator_units_per_generation",
    life: "accelerator_life_years",
    saving: "custom_chip_saving_usd_per_chip_hour",
    utilization: "pooled_fleet_utilization"
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
      design_usd_per_chip_hour_two_stacks: share.nreUsdPerChip / (lifetimeHours * splitUtilization)
    };
  }
};
var TAX_IDS = {
  compute: "openai_compute_2024_usd",
  engineeringRatio: "infra_engineering_to_compute_ratio",
  specific: "stack_specific_engineering_share",
  stacks: "optimization_pipeline_count",
  utilization: "pooled_fleet_utilization",
  inferenceShare: "inference_share_of_compute",
  pBalkanization: "scenario_balkanization_probability_band",
  share: "sovereign_inference_share",
  pools: "sovereign_region_count",
  backup: "regional_backup_capacity_share",
  premium: "regional_capacity_cost_premium"
};
function fragmentationTaxModel(variant) {
  return {
    ids: variant.correlatedPools ? { ...TAX_IDS, correlation: "pool_demand_correlation_alternative" } : TAX_IDS,
    evaluate: (x) => {
      const inference = x.compute * x.inferenceShare;
      const engineering = x.compute * x.engineeringRatio * (engineeringMultiplier({ stacks: x.stacks, stackSpecificShare: x.specific }) - 1);
      const base = variant.poolingBase === "compute" ? x.compute : inference;
      const pooling = base * (splitPoolCapacityMultiplier(x.utilization, x.stacks, variant.correlatedPools ? x.correlation : 0) - 1);
      const uplift = sovereigntyInferenceUplift({ sovereignShare: x.share, pools: x.pools, pooledUtilization: x.utilization, backupShare: x.backup, regionalCostPremium: x.premium });
      const sovereignty = inference * x.pBalkanization * uplift;
      const total = engineering + pooling + sovereignty;
      return {
        engineering_tax_usd: engineering,
        pooling_tax_usd: pooling,
        sovereignty_tax_usd: sovereignty,
        total_tax_usd: total,
        total_tax_share_of_compute: total / x.compute,
        pooling_share_of_tax: pooling / total
      };
    }
  };
}
var FRAGMENTATION_TAX = fragmentationTaxModel({ poolingBase: "compute", correlatedPools: false });
var FRAGMENTATION_TAX_ALTERNATIVES = [
  { id: "inference_pooling", label: "Pooling lost on inference only", short: "Inference-only pooling", model: fragmentationTaxModel({ poolingBase: "inference", correlatedPools: false }) },
  { id: "correlated_pools", label: "Stacks' demand correlated", short: "Correlated stacks", model: fragmentationTaxModel({ poolingBase: "compute", correlatedPools: true }) },
  { id: "inference_pooling_correlated", label: "Pooling lost on inference only, stacks' demand correlated", short: "Both", model: fragmentationTaxModel({ poolingBase: "inference", correlatedPools: true }) }
];

// src/fragmentation-tax/input-kinds.ts
function inputKind(a) {
  const declared = a.kind;
  if (declared === "essay" || declared === "source" || declared === "judgement") return declared;
  if (/^Maverick analyst essay/i.test(a.source.title)) return "essay";
  return /^fragtax analysts/i.test(a.source.title) ? "judgement" : "source";
}
function isIndependentSource(a) {
  return inputKind(a) === "source";
}

// src/model/claims.ts
function checkClaim(stated, computed, options = {}) {
  const tolerance = options.tolerance ?? 0;
  const atOrBelow = (a, b) => a <= b || a - b <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  const bounds = [stated.low, stated.high, computed.low, computed.high];
  if (!bounds.every(Number.isFinite)) return { verdict: "unverifiable", factor: null };
  if (stated.low > stated.high) throw new RangeError(rangeReversed("stated range", stated.low, stated.high));
  if (computed.low > computed.high) throw new RangeError(rangeReversed("computed range", computed.low, computed.high));
  if (atOrBelow(stated.low, computed.high) && atOrBelow(computed.low, stated.high)) return { verdict: "consistent", factor: 1 };
  const geometric = bounds.every((bound) => bound > 0);
  const factor = midpoint(stated, geometric) / midpoint(computed, geometric);
  return { verdict: stated.low > computed.high ? "overstated" : "understated", factor };
}
function midpoint(range, geometric) {
  return geometric ? Math.sqrt(range.low * range.high) : (range.low + range.high) / 2;
}
function computedRange(summary) {
  return { low: summary.p5, high: summary.p95, p50: summary.p50 };
}

// src/model/order.ts
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
var LOW = LITTLE_ENDIAN ? 0 : 1;
var HIGH = 1 - LOW;
var KEY_DOUBLE = new Float64Array(1);
var KEY = new Uint32Array(KEY_DOUBLE.buffer);

// src/model/summary.ts
var scratch = new Float64Array(0);

// src/model/draw-memo.ts
var BUDGET = 4e6;
var ColumnMemo = class {
  kept = /* @__PURE__ */ new Map();
  size = 0;
  /**
   * A copy of the value kept for `key`, else of what `make` gives (then kept, uncopied: `make` hands it
   * over, and may build it from other memos' own values, which only memos hold).
   */
  get(key, make) {
    return copy(this.own(key, make));
  }
  /**
   * The memo's own value for `key` (made and kept on a miss): for code that reads it and hands out no
   * part of it, such as another memo's `make`. Past the budget it is not kept, but still not the caller's.
   */
  own(key, make) {
    const kept = this.kept.get(key);
    if (kept !== void 0) return kept;
    const made = make();
    const size = doubles(made);
    if (size <= BUDGET) {
      if (this.size + size > BUDGET) this.clear();
      this.kept.set(key, made);
      this.size += size;
    }
    return made;
  }
  clear() {
    this.kept.clear();
    this.size = 0;
  }
};
function copy(value) {
  if (value instanceof Float64Array) return value.slice();
  const out = {};
  for (const [name, column] of Object.entries(value)) out[name] = column.slice();
  return out;
}
function doubles(value) {
  if (value instanceof Float64Array) return value.length;
  let n = 0;
  for (const column of Object.values(value)) n += column.length;
  return n;
}

// src/model/montecarlo.ts
var COLUMNS = new ColumnMemo();
var RUNS = new ColumnMemo();

// src/model/runner.ts
function intervalOf(a) {
  return a.range ?? { low: a.value ?? Number.NaN, high: a.value ?? Number.NaN };
}

// src/fragmentation-tax/readings.ts
function placement(computed, stated) {
  const range = "p5" in computed ? computedRange(computed) : computed;
  const { verdict } = checkClaim(stated, range);
  return verdict === "consistent" ? "within" : verdict === "overstated" ? "below" : verdict === "understated" ? "above" : "unknown";
}
var PLACEMENT_WORDS = {
  within: "overlaps the stated bill",
  below: "falls short of the stated bill",
  above: "exceeds the stated bill",
  unknown: "cannot be compared with the stated bill"
};
function trainingReadings(r, get, fmt) {
  const stated = intervalOf(get("essay_training_run_cost_usd"));
  const larger = intervalOf(get("frontier_training_flop")).low > r.market.summary.box_flop_e25.p50 * 1e25;
  const rows = [
    { id: "ten_times_gpus", label: `${tenTimesGpus(get, fmt)} (a dropped zero)`, summary: r.readings.summary.cost_ten_times_gpus_usd },
    { id: "programme", label: "the R&D programme around one run", summary: r.readings.summary.cost_programme_usd },
    { id: "flop_route", label: `${larger ? "a larger run" : "a run"} priced from its compute`, summary: r.market.summary.cost_flop_route_usd }
  ];
  return rows.map((row) => ({ ...row, placement: placement(row.summary, stated) }));
}
function tenTimesGpus(get, fmt) {
  const gpus = intervalOf(get("essay_training_gpu_count"));
  return `${fmt(gpus.low * 10, "count")}\u2013${fmt(gpus.high * 10, "count")} GPUs`;
}
function readingsTally(readings) {
  const within = readings.filter((r) => r.placement === "within").length;
  if (within === readings.length) return readings.length === 2 ? "Both overlap the stated bill." : `All ${NUMBER_WORDS[readings.length] ?? readings.length} overlap the stated bill.`;
  if (within === 0) {
    const all = readings.length === 2 ? "Both" : `All ${NUMBER_WORDS[readings.length] ?? readings.length}`;
    if (readings.every((r) => r.placement === "above")) return `${all} exceed the stated bill.`;
    if (readings.every((r) => r.placement === "below")) return `${all} fall short of the stated bill.`;
    return "None of them overlaps the stated bill.";
  }
  return `${capitalize(NUMBER_WORDS[within] ?? String(within))} of the ${NUMBER_WORDS[readings.length] ?? readings.length} ${within === 1 ? "overlaps" : "overlap"} the stated bill.`;
}
var NUMBER_WORDS = { 1: "one", 2: "two", 3: "three", 4: "four" };
var capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// src/format/number.ts
function indefiniteArticle(numberText) {
  if (/^\s*[-\u2212]/.test(numberText)) return "a";
  const lead = /\d+/.exec(numberText.replace(/,/g, " "))?.[0] ?? "";
  return lead.startsWith("8") || lead === "11" || lead === "18" ? "an" : "a";
}

// src/fragmentation-tax/ledger-text.ts
var span = (r, format, fmt) => {
  const [low, high] = "p5" in r ? [fmt(r.p5, format), fmt(r.p95, format)] : [fmt(r.low, format), fmt(r.high, format)];
  return low === high ? low : `${low}\u2013${high}`;
};
var cite = (a) => `${a.source.title}, ${a.source.date}`;
var sourcedNote = (a) => `Checked against ${cite(a)}.${a.note === void 0 ? "" : ` ${a.note}`}`;
var trainingArithmeticClaim = (gpus, days, price, stated, fmt) => `The essay's run (${span(gpus, "count", fmt)} H100s for ${span(days, "count", fmt)} days at ${span(price, "usd", fmt)} per GPU-hour) costs ${span(stated, "usd", fmt)}`;
var trainingArithmeticNote = (box, corners, stated, readings, fmt) => {
  const onInputs = placement(box, stated) === "within" ? `The stated inputs give ${fmt(box, "usd")}, which overlaps the stated range: the bill follows from them.` : placement(corners, stated) === "within" ? `The stated inputs give ${fmt(box, "usd")}; only the corners of their box (${span(corners, "usd", fmt)}) reach the stated range, so the bill follows from them only at their extremes.` : `The stated inputs multiply out to ${span(corners, "usd", fmt)} even at the corners of their box, so the bill does not follow from them.`;
  const words = {
    ten_times_gpus: (r) => `with ${r.label} the box gives ${fmt(r.summary, "usd")}`,
    programme: (r) => `as the R&D programme around a final run of the stated size, ${fmt(r.summary, "usd")}`,
    flop_route: (r) => `${r.label} costs ${fmt(r.summary, "usd")}`
  };
  const uniform = readings.every((r) => r.placement === readings[0]?.placement);
  return `${onInputs} Under other readings: ${readings.map((r) => `${words[r.id](r)}${uniform ? "" : `, which ${PLACEMENT_WORDS[r.placement]}`}`).join("; ")}. ${readingsTally(readings)}`;
};
var trainingFrontierClaim = (stated, fmt) => `A frontier ("GPT-6 class") training run costs ${span(stated, "usd", fmt)}`;
var trainingFrontierNote = (flop, fmt) => `Priced from compute: ${fmt((flop.range?.low ?? Number.NaN) / 1e25, "number")}\u2013${fmt((flop.range?.high ?? Number.NaN) / 1e25, "number")} \xD710\xB2\u2075 FLOP at measured utilization and market GPU prices (chapter 1). The size of a "GPT-6 class" run is not public, so the range spans a decade of compute.`;
var revenueShareClaim = "OpenAI pays Microsoft roughly 20% of its revenue";
var REVENUE_SHARE_SETTLES = "Only the essay states the share in these inputs; the text of the amended agreement, or reporting on it, would settle it.";
var azureYearsClaim = "OpenAI's engineers have spent four years optimizing for Azure";
var azureYearsNote = (start) => `Counted from the partnership that made Azure OpenAI's cloud (${cite(start)}) to the essay's date. How long today's teams have worked on Azure-specific code is not public; on that narrower reading the claim cannot be checked.`;
var threeCloudsClaim = "OpenAI's engineers will now split their attention across three clouds";
var THREE_CLOUDS_SETTLES = "No input of the report lists OpenAI's cloud contracts; a list of the providers that run OpenAI's training and inference would settle the count.";
var googleFaceClaim = "Google committed up to $40B to Anthropic";
var googleFaceNote = (upfront, milestone, fmt) => `Face value from ${cite(upfront)}: ${fmt(upfront.value ?? Number.NaN, "usd")} up front and ${fmt(milestone.value ?? Number.NaN, "usd")} tied to milestones, so "up to" is the right phrase. Its expected value and the part paid as credits are in chapter 3.`;
var GOOGLE_SETTLES = "Only the essay describes the structure in these inputs; the deal's terms (how much is committed now, how much depends on milestones, how much is cash) would settle it.";
var googleCreditsClaim = "Google's commitment comes as TPU capacity and cloud credits, not cash";
var googleCreditsNote = (share) => `The claim reads as all of it in credits. Against ${cite(share)}: ${share.note ?? ""}`.trim();
var amazonClaim = (amount2, fmt) => `Amazon invested ${fmt(amount2, "usd")} in Anthropic days earlier, as Trainium and AWS capacity`;
var AMAZON_SETTLES = "No independent source for this tranche is among the report's inputs; Amazon's or Anthropic's announcement of it would settle its size and form.";
var rearchitectureClaim = "Moving OpenAI's training off Azure is a multi-year, multi-billion-dollar re-architecture";
var rearchitectureNote = (extra, fmt) => `Not checkable: migration costs are not disclosed. For scale, the model's extra engineering for a second hardware stack is ${fmt(extra, "usd")} a year: $2B of it would take ${span({ low: 2e9 / extra.p95, high: 2e9 / extra.p5 }, "number", fmt)} years, before costs beyond engineering (moving data, running both platforms at once). A lab's disclosure of migration spending would settle it.`;
var doublingClaim = "Maintaining TPU and Trainium pipelines doubles engineering overhead";
var DOUBLING_NOTE = "1 + s\xB7(N \u2212 1) with N = 2 is \xD72 only when s = 1, that is when no infrastructure work is shared between the stacks. The share s is our assumption; measured data from a lab running two stacks would settle it.";
var manusClaim = (price, fmt) => `Meta bought Manus for ${fmt(price, "usd")} in December 2025`;
var MANUS_SETTLES = "No independent source for the price is among the report's inputs; Meta's filings or the parties' announcement would settle it.";
var balkanizationClaim = (stated, fmt) => `Under balkanization, inference costs rise ${span(stated, "percent", fmt)} from redundancy requirements`;
var BALKANIZATION_NOTE = "Bottom-up: localized share \xD7 (split-pool capacity \xD7 standby \xD7 local cost premium \u2212 1). The localized share and the number of pools are our assumptions and the widest sources of doubt.";
var valuationClaim = "Anthropic is valued at $350B";
var ageClaim = "Anthropic did not exist five years before the essay";
var ageNote = (founded) => `Age at the essay's date, from the founding year (${cite(founded)}); only the year is used, so the age is a range. The claim is right to within months.`;
var runRateClaim = (stated, fmt) => `Anthropic's 2025 annualized run rate was ${span(stated, "usd", fmt)}`;
var RUN_RATE_SETTLES = "Only the essay's run rate is among these inputs; reported run rates for late 2025 would settle it.";
var priceToSalesClaim = "Anthropic's $350B valuation is a 100\xD7 price-to-sales multiple";
var priceToSalesNote = (essay, trailing, source, divisionHolds, rateHolds, fmt) => `The essay's division ${divisionHolds ? "is right" : "does not give 100\xD7"} on its own run rate: the sourced valuation over it gives ${fmt(essay, "multiple")}${rateHolds ? ", and that run rate overlaps the reported one" : "; the run rate is what is out of date"}. On the run rate in ${cite(source)}, the multiple is ${fmt(trailing, "multiple")}. The essay quotes no forward multiple, so none is checked here.`;
var marketCapsClaim = (amd, intel, fmt) => `AMD's market cap is about ${fmt(amd, "usd")} and Intel's about ${fmt(intel, "usd")}, so Anthropic is worth more than AMD`;
var marketCapsNote = (vsAmd, vsIntel, fmt) => `Market prices on the essay's date are not among the report's sourced inputs; closing market caps on that date would settle it. Taking the essay's figures, Anthropic is ${fmt(vsAmd, "multiple")} AMD and ${fmt(vsIntel, "multiple")} Intel.`;
var fedClaim = "The Fed funds rate is still above 4%";
var fedNote = (fed) => `Upper bound of the target range per ${cite(fed)}; "above 4%" is read as 4\u20134.5%.`;
var FED_SETTLES = "The FOMC's target range on the essay's date would settle it.";
var computeClaim = (stated, fmt) => `OpenAI spends ${span(stated, "usd", fmt)} a year on compute`;
var computeNote = (where) => `Against Epoch AI's estimate for 2024; spending in 2025\u201326 is likely higher, ${where === "below" ? "which narrows the gap for the year the essay was written." : where === "unknown" ? "which the report's inputs do not measure." : "so for the year it was written the essay's range is, if anything, low."}`;
var opexClaim = (stated, fmt) => `Infrastructure consumes ${span(stated, "percent", fmt)} of operating costs at frontier labs`;
var OPEX_NOTE = "Compute (Epoch AI) \xF7 (compute + other costs) for OpenAI in 2024; other costs are derived from reported revenue and loss. Total costs include non-cash items such as stock compensation.";
var usersClaim = "OpenAI serves inference to hundreds of millions of users";
var openaiValuationClaim = (stated, fmt) => `OpenAI is valued at ${stated.low === stated.high ? fmt(stated.low, "usd") : span(stated, "usd", fmt)}`;
var stargateClaim = "Stargate is $500B over four years";
var stargateNote = (sg, years, matches, fmt) => `${matches ? "Matches" : "Differs from"} ${cite(sg)}: ${amount(sg, "usd", fmt)} over ${amount(years, "number", fmt)} years, ${perYear(sg, years, fmt)} a year of capital spending. It is a plan, not a measure of what has been built.`;
var amount = (a, format, fmt) => a.range === void 0 ? fmt(a.value ?? Number.NaN, format) : span(a.range, format, fmt);
var perYear = (total, years, fmt) => {
  const [t, y] = [intervalOf(total), intervalOf(years)];
  const low = t.low / y.high;
  const high = t.high / y.low;
  return low === high ? fmt(low, "usd") : span({ low, high }, "usd", fmt);
};
var STARGATE_SETTLES = "OpenAI's announcement of the project would settle it.";
var SCENARIOS2 = [
  { id: "scenario_merchant_era_probability", name: "The Merchant Era", assumption: "scenario_merchant_era_probability", settles: "evidence that labs route workloads by price across clouds: multi-cloud contracts without exclusivity, falling rental prices, credit deals that allow third-party capacity." },
  { id: "scenario_balkanization_probability", name: "The Balkanization Trap", assumption: "scenario_balkanization_probability", settles: "data-localization and model-licensing rules that bind inference (not only data) in major markets, and export controls that split hardware supply." },
  { id: "scenario_winner_consolidates_probability", name: "Winner Consolidates", assumption: "scenario_winner_consolidates_probability", settles: "a sustained benchmark and market-share lead by one lab, with rivals licensing its models or running on its terms." }
];
var scenarioClaim = (name, p, fmt) => {
  const percent = fmt(p, "percent");
  return `${name} has ${indefiniteArticle(percent)} ${percent} probability`;
};
var scenarioNote = (settles) => `A subjective probability, not a measurement. What would move it: ${settles}`;
var ecosystemsClaim = "About six hardware ecosystems compete for the same training and inference workloads";
var ECOSYSTEMS_NOTE = "Not a check: counting the vendors the essay itself names (NVIDIA, AMD, Google TPU, Amazon Trainium, Microsoft Maia, Meta MTIA, Tesla) only restates the essay. A census of accelerators deployed at frontier scale, by vendor, would settle how many really compete.";
var designCostClaim = "Google reportedly spent over $2B (a lower bound) developing TPU 8i";
var designCostNote = (modelled, fmt) => `"Over $2B" is a lower bound, shown here as its only stated number; chapter 7 models ${span(modelled, "usd", fmt)}. Chip programme costs are not disclosed per generation; a filing or an on-record statement from Google would settle it.`;
var SHORT_NAMES = {
  training_run_cost: "Run cost, essay inputs",
  training_run_cost_flop_route: "Run cost, from FLOP",
  openai_revenue_share: "Revenue share 20%",
  azure_four_years: "Four years on Azure",
  three_clouds: "Three clouds",
  google_anthropic_40b: "Google up to $40B",
  google_anthropic_all_credits: "Google: all credits",
  amazon_anthropic_5b: "Amazon $5B",
  rearchitecture_multibillion: "Multi-$B re-architecture",
  doubling_engineering: "Doubling engineering",
  manus_price_2b: "Manus $2B",
  balkanization_uplift: "Balkanization uplift",
  anthropic_valuation_350b: "Anthropic $350B",
  anthropic_age: "Anthropic < 5 years old",
  anthropic_run_rate: "Anthropic run rate",
  anthropic_price_to_sales: "Anthropic 100\xD7 sales",
  amd_intel_market_caps: "AMD, Intel market caps",
  fed_funds_above_4pct: "Fed funds above 4%",
  openai_compute_burn: "OpenAI compute spend",
  infra_share_of_opex: "Infra share of costs",
  chatgpt_users: "100s of millions of users",
  openai_valuation_350b: "OpenAI valuation",
  stargate_500b_4y: "Stargate $500B / 4 years",
  scenario_merchant_era_probability: "Merchant Era probability",
  scenario_balkanization_probability: "Balkanization probability",
  scenario_winner_consolidates_probability: "Winner probability",
  six_hardware_ecosystems: "Six ecosystems",
  tpu_design_cost_2b: "TPU 8i over $2B"
};

// src/fragmentation-tax/ledger.ts
function ledgerClaim(entry) {
  return entry.claim;
}
function verdictCounts(entries) {
  const counts = { consistent: 0, overstated: 0, understated: 0, unverifiable: 0, total: entries.length };
  for (const e of entries) counts[e.claim.verdict] += 1;
  return counts;
}
function checked(chapter, drivers, base, stated, computed) {
  const check = checkClaim(stated, computed, base.format === "multiple" ? { tolerance: 0.025 } : {});
  return { chapter, short: SHORT_NAMES[base.id] ?? base.claim, claim: { ...base, stated, computed, verdict: check.verdict, factor: check.factor, drivers } };
}
function unverifiable(chapter, base, stated, computed = stated) {
  return { chapter, short: SHORT_NAMES[base.id] ?? base.claim, claim: { ...base, stated, computed, verdict: "unverifiable", factor: null } };
}
var point = (x) => ({ low: x, high: x });
function decimalYear(isoDate) {
  const [y, m, d] = isoDate.split("-").map(Number);
  const start = Date.UTC(y, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
}
function trainingClaims(r, get, fmt) {
  const stated = intervalOf(get("essay_training_run_cost_usd"));
  const flop = r.market.summary.cost_flop_route_usd;
  const claim = trainingArithmeticClaim(intervalOf(get("essay_training_gpu_count")), intervalOf(get("essay_training_days")), intervalOf(get("essay_h100_usd_per_gpu_hour")), stated, fmt);
  const note = trainingArithmeticNote(r.box.summary.cost_usd, r.box.corners.cost_usd, stated, trainingReadings(r, get, fmt), fmt);
  return [
    checked(1, r.box.drivers("cost_usd"), { id: "training_run_cost", claim, unit: "USD", format: "usd", note }, stated, computedRange(r.box.summary.cost_usd)),
    checked(1, r.market.drivers("cost_flop_route_usd"), { id: "training_run_cost_flop_route", claim: trainingFrontierClaim(stated, fmt), unit: "USD", format: "usd", note: trainingFrontierNote(get("frontier_training_flop"), fmt) }, stated, computedRange(flop))
  ];
}
function captiveCloudClaims(get) {
  const share = get("openai_microsoft_revenue_share");
  const start = get("openai_azure_partnership_start_year");
  const essayYear = decimalYear(get("essay_training_days").source.date);
  const years = essayYear - (start.value ?? Number.NaN);
  const shareBase = { id: "openai_revenue_share", claim: revenueShareClaim, unit: "share of revenue", format: "percent" };
  return [
    isIndependentSource(share) ? checked(2, [share.id], { ...shareBase, note: sourcedNote(share) }, point(0.2), intervalOf(share)) : unverifiable(2, { ...shareBase, note: REVENUE_SHARE_SETTLES }, point(0.2)),
    checked(2, [start.id], { id: "azure_four_years", claim: azureYearsClaim, unit: "years", format: "number", note: azureYearsNote(start) }, point(4), point(years)),
    unverifiable(2, { id: "three_clouds", claim: threeCloudsClaim, unit: "clouds", format: "count", note: THREE_CLOUDS_SETTLES }, point(3))
  ];
}
function creditsClaims(credits, get, fmt) {
  const upfront = get("google_anthropic_upfront_usd");
  const creditShare = get("google_anthropic_credit_share");
  const amazon = get("amazon_anthropic_commitment_usd");
  const face = credits.summary.google_face_value_usd.p50;
  const multiplier = credits.summary.engineering_multiplier_two_stacks;
  const creditBase = { id: "google_anthropic_all_credits", claim: googleCreditsClaim, unit: "share paid as credits", format: "percent" };
  return [
    isIndependentSource(upfront) ? checked(3, [upfront.id, "google_anthropic_milestone_usd"], { id: "google_anthropic_40b", claim: googleFaceClaim, unit: "USD", format: "usd", note: googleFaceNote(upfront, get("google_anthropic_milestone_usd"), fmt) }, point(4e10), point(face)) : unverifiable(3, { id: "google_anthropic_40b", claim: googleFaceClaim, unit: "USD", format: "usd", note: GOOGLE_SETTLES }, point(4e10)),
    inputKind(creditShare) === "essay" ? unverifiable(3, { ...creditBase, note: GOOGLE_SETTLES }, point(1)) : checked(3, [creditShare.id], { ...creditBase, note: googleCreditsNote(creditShare) }, point(1), intervalOf(creditShare)),
    unverifiable(3, { id: "amazon_anthropic_5b", claim: amazonClaim(amazon.value ?? Number.NaN, fmt), unit: "USD", format: "usd", note: AMAZON_SETTLES }, point(amazon.value ?? Number.NaN)),
    unverifiable(3, { id: "rearchitecture_multibillion", claim: rearchitectureClaim, unit: "USD", format: "usd", note: rearchitectureNote(credits.summary.extra_engineering_usd, fmt) }, point(2e9)),
    checked(3, credits.drivers("engineering_multiplier_two_stacks"), { id: "doubling_engineering", claim: doublingClaim, unit: "\xD7", format: "multiple", note: DOUBLING_NOTE }, point(2), computedRange(multiplier))
  ];
}
function sovereigntyClaims(sov, get, fmt) {
  const stated = intervalOf(get("balkanization_inference_uplift"));
  return [
    unverifiable(4, { id: "manus_price_2b", claim: manusClaim(get("essay_manus_price_usd").value ?? Number.NaN, fmt), unit: "USD", format: "usd", note: MANUS_SETTLES }, point(get("essay_manus_price_usd").value ?? Number.NaN)),
    checked(4, sov.drivers("bottom_up_uplift"), { id: "balkanization_uplift", claim: balkanizationClaim(stated, fmt), unit: "share of inference cost", format: "percent", note: BALKANIZATION_NOTE }, stated, computedRange(sov.summary.bottom_up_uplift))
  ];
}
var ESSAY_ANTHROPIC_VALUATION = 35e10;
function whoPaysClaims(r, get, fmt) {
  const valuation = get("anthropic_valuation_usd");
  const trailing = get("anthropic_run_rate_trailing_usd");
  const founded = get("anthropic_founding_year");
  const essayYear = decimalYear(get("essay_training_days").source.date);
  const foundedRange = intervalOf(founded);
  const openai = get("openai_valuation_usd");
  const users = get("chatgpt_weekly_users");
  const fed = get("fed_funds_upper_bound");
  const sg = get("stargate_capex_usd");
  const sgYears = get("stargate_years");
  const amd = get("amd_market_cap_usd");
  const intel = get("intel_market_cap_usd");
  const mult = r.val.summary;
  const essayRate = intervalOf(get("essay_anthropic_run_rate_usd"));
  const essayDivision = { low: ESSAY_ANTHROPIC_VALUATION / essayRate.high, high: ESSAY_ANTHROPIC_VALUATION / essayRate.low };
  const fedBase = { id: "fed_funds_above_4pct", claim: fedClaim, unit: "rate per year", format: "percent" };
  const rateBase = { id: "anthropic_run_rate", claim: runRateClaim(essayRate, fmt), unit: "USD/year", format: "usd" };
  return [
    checked(5, [valuation.id], { id: "anthropic_valuation_350b", claim: valuationClaim, unit: "USD", format: "usd", note: sourcedNote(valuation) }, point(ESSAY_ANTHROPIC_VALUATION), intervalOf(valuation)),
    checked(5, [founded.id], { id: "anthropic_age", claim: ageClaim, unit: "years", format: "number", note: ageNote(founded) }, point(5), { low: essayYear - foundedRange.high, high: essayYear - foundedRange.low }),
    isIndependentSource(trailing) ? checked(5, [trailing.id], { ...rateBase, note: sourcedNote(trailing) }, essayRate, intervalOf(trailing)) : unverifiable(5, { ...rateBase, note: RUN_RATE_SETTLES }, essayRate),
    checked(5, r.val.drivers("trailing_multiple"), { id: "anthropic_price_to_sales", claim: priceToSalesClaim, unit: "\xD7", format: "multiple", note: priceToSalesNote(mult.essay_multiple, mult.trailing_multiple, trailing, placement(essayDivision, point(100)) === "within", placement(intervalOf(trailing), essayRate) === "within", fmt) }, point(100), computedRange(mult.trailing_multiple)),
    unverifiable(5, { id: "amd_intel_market_caps", claim: marketCapsClaim(amd.value ?? Number.NaN, intel.value ?? Number.NaN, fmt), unit: "USD", format: "usd", note: marketCapsNote(mult.vs_amd.p50, mult.vs_intel.p50, fmt) }, { low: intel.value ?? Number.NaN, high: amd.value ?? Number.NaN }),
    isIndependentSource(fed) ? checked(5, [fed.id], { ...fedBase, note: fedNote(fed) }, { low: 0.04, high: 0.045 }, intervalOf(fed)) : unverifiable(5, { ...fedBase, note: FED_SETTLES }, { low: 0.04, high: 0.045 }),
    checked(5, r.pay.drivers("compute_2024_usd"), { id: "openai_compute_burn", claim: computeClaim(intervalOf(get("openai_compute_usd_per_year")), fmt), unit: "USD/year", format: "usd", note: computeNote(placement(r.pay.summary.compute_2024_usd, intervalOf(get("openai_compute_usd_per_year")))) }, intervalOf(get("openai_compute_usd_per_year")), computedRange(r.pay.summary.compute_2024_usd)),
    checked(5, r.pay.drivers("opex_share_2024"), { id: "infra_share_of_opex", claim: opexClaim(intervalOf(get("essay_infra_opex_share")), fmt), unit: "share of costs", format: "percent", note: OPEX_NOTE }, intervalOf(get("essay_infra_opex_share")), computedRange(r.pay.summary.opex_share_2024)),
    checked(5, [users.id], { id: "chatgpt_users", claim: usersClaim, unit: "users", format: "count", note: sourcedNote(users) }, { low: 1e8, high: 999e6 }, intervalOf(users)),
    checked(5, [openai.id], { id: "openai_valuation_350b", claim: openaiValuationClaim(intervalOf(get("essay_openai_valuation_usd")), fmt), unit: "USD", format: "usd", note: sourcedNote(openai) }, intervalOf(get("essay_openai_valuation_usd")), intervalOf(openai)),
    isIndependentSource(sg) ? checked(5, [sg.id, sgYears.id], { id: "stargate_500b_4y", claim: stargateClaim, unit: "USD", format: "usd", note: stargateNote(sg, sgYears, placement(intervalOf(sg), point(5e11)) === "within" && placement(intervalOf(sgYears), point(4)) === "within", fmt) }, point(5e11), intervalOf(sg)) : unverifiable(5, { id: "stargate_500b_4y", claim: stargateClaim, unit: "USD", format: "usd", note: STARGATE_SETTLES }, point(5e11))
  ];
}
function scenarioClaims(get, fmt) {
  return SCENARIOS2.map((s) => {
    const v = get(s.assumption).value ?? Number.NaN;
    return unverifiable(6, { id: s.id, claim: scenarioClaim(s.name, v, fmt), unit: "probability", format: "percent", note: scenarioNote(s.settles) }, point(v));
  });
}
function chipClaims(get, fmt) {
  const design = get("custom_chip_design_cost_usd");
  return [
    unverifiable(7, { id: "six_hardware_ecosystems", claim: ecosystemsClaim, unit: "ecosystems", format: "count", note: ECOSYSTEMS_NOTE }, point(6)),
    unverifiable(7, { id: "tpu_design_cost_2b", claim: designCostClaim, unit: "USD", format: "usd", note: designCostNote(intervalOf(design), fmt) }, point(2e9))
  ];
}
export {
  CHIPS,
  CREDITS,
  FRAGMENTATION_TAX,
  FRAGMENTATION_TAX_ALTERNATIVES,
  PLACEMENT_WORDS,
  REVENUE_SHARE,
  REVENUE_SHARE_YEARS,
  SCENARIOS,
  SCENARIO_NAMES,
  SOVEREIGNTY,
  TRAINING_ESSAY_BOX,
  TRAINING_MARKET,
  TRAINING_READINGS,
  VALUATION,
  WHO_PAYS,
  capitalRecoveryFactor,
  captiveCloudClaims,
  chipClaims,
  creditsClaims,
  effectivePoolCount,
  fragmentationTaxModel,
  inputKind,
  isIndependentSource,
  ledgerClaim,
  placement,
  readingsTally,
  remainderProbabilities,
  scenarioClaims,
  sovereigntyClaims,
  sovereigntyInferenceUplift,
  splitPoolCapacityMultiplier,
  tenTimesGpus,
  trainingClaims,
  trainingReadings,
  verdictCounts,
  whoPaysClaims
};
//# sourceMappingURL=fragmentation-tax.js.map
