/**
 * The chapter models of chapters 5–8: who pays, valuation, scenarios, chip economics and the yearly
 * fragmentation tax of one frontier lab with its structural alternatives.
 *
 * "The lab" of chapters 3 and 8 is one composite, stated once here so every chapter means the same:
 * OpenAI's 2024 compute bill (Epoch AI) as its scale, the inference share of that bill from the same
 * estimate, infrastructure engineering in proportion to compute, and Anthropic's two hardware stacks.
 * Inference and engineering are derived from the one scale input, so a bigger lab has more of both.
 */
import { breakEvenChips, nreAmortization } from "../model/chips";
import { inferenceUsdPerMillionTokens } from "../model/energy";
import { aroundEssay, capitalRecoveryFactor, remainderProbabilities, sovereigntyInferenceUplift, splitPoolCapacityMultiplier } from "./essay-arithmetic";
import { engineeringMultiplier } from "../model/fragmentation";
import type { ReportModel } from "../model/runner";
import { mixtureExpected } from "../model/scenarios";
import { valuationMultiples } from "../model/valuation";
import { firstYearPaymentUsd } from "./chapter-models";

const HOURS_PER_YEAR = 8760;

// ── Chapter 5 ────────────────────────────────────────────────────────────────────────────────────

/**
 * Operating flows (compute, revenue share) beside capital spending (Stargate) and its yearly capital
 * charge. Compute's share of costs is compute ÷ (compute + other costs), so it stays below 100% in
 * every draw (revenue + loss drawn apart from compute did not guarantee that).
 */
export const WHO_PAYS: ReportModel<
  "computeEssay" | "compute2024" | "other2024" | "opexShareEssay" | "stargate" | "years" | "life" | "rate" | "share" | "revenue2026" | "cap" | "horizon",
  "opex_share_2024" | "implied_total_opex_usd" | "revenue_share_2026_usd" | "stargate_capex_per_year_usd" | "stargate_capital_charge_usd" | "stargate_capital_charge_to_openai_compute" | "stargate_per_year_to_openai_compute" | "compute_essay_usd" | "compute_2024_usd"
> = {
  ids: {
    computeEssay: "openai_compute_usd_per_year", compute2024: "openai_compute_2024_usd", other2024: "openai_noncompute_costs_2024_usd",
    opexShareEssay: "essay_infra_opex_share", stargate: "stargate_capex_usd", years: "stargate_years",
    life: "ai_datacenter_asset_life_years", rate: "cost_of_capital", share: "openai_microsoft_revenue_share", revenue2026: "openai_revenue_2026_usd",
    cap: "openai_microsoft_revenue_share_cap_usd", horizon: "revenue_share_horizon_years",
  },
  evaluate: (x) => {
    const charge = x.stargate * capitalRecoveryFactor(x.rate, x.life);
    return {
      opex_share_2024: x.compute2024 / (x.compute2024 + x.other2024),
      implied_total_opex_usd: x.computeEssay / x.opexShareEssay,
      // The payment chapter 2's model makes in 2026, by the one rule both chapters use.
      revenue_share_2026_usd: firstYearPaymentUsd(x),
      stargate_capex_per_year_usd: x.stargate / x.years,
      stargate_capital_charge_usd: charge,
      stargate_per_year_to_openai_compute: x.stargate / x.years / x.computeEssay,
      stargate_capital_charge_to_openai_compute: charge / x.computeEssay,
      compute_essay_usd: x.computeEssay,
      compute_2024_usd: x.compute2024,
    };
  },
};

/**
 * Price ÷ run rate: on the essay's run rate (its own division), on the latest reported trailing run
 * rate, and forward (context only: the essay quotes no forward multiple). The essay's comparison with
 * AMD and Intel is its own figures' division, made in the ledger (ledger.ts), not a draw of the model.
 */
export const VALUATION: ReportModel<
  "valuation" | "essayRunRate" | "trailing" | "forward",
  "essay_multiple" | "trailing_multiple" | "forward_multiple"
> = {
  ids: {
    valuation: "anthropic_valuation_usd", essayRunRate: "essay_anthropic_run_rate_usd", trailing: "anthropic_run_rate_trailing_usd",
    forward: "anthropic_run_rate_forward_usd",
  },
  evaluate: (x) => {
    const multiples = valuationMultiples({ valuationUsd: x.valuation, trailingRunRateUsdPerYear: x.trailing, forwardRunRateUsdPerYear: x.forward });
    return {
      essay_multiple: x.valuation / x.essayRunRate,
      trailing_multiple: multiples.trailing,
      forward_multiple: multiples.forward,
    };
  },
};

// ── Chapter 6 ────────────────────────────────────────────────────────────────────────────────────

// Frozen: SCENARIOS reads it, and a report model reads constants only (a cell that changed it would
// change the model's numbers; the engine would then compute its runs rather than take kept ones).
export const SCENARIO_NAMES = Object.freeze(["Merchant Era", "Balkanization Trap", "Winner Consolidates"] as const);

/**
 * The scenario indices price inference compute (today = 1): the Balkanization Trap's index is
 * 1 + the essay's inference uplift, which applies to serving, not to training. The Merchant Era and
 * Winner Consolidates indices move every unit of compute, inference included.
 */
export const SCENARIOS: ReportModel<
  "pMerchant" | "pBalkanization" | "pWinner" | "bandBalkanization" | "bandWinner" | "indexMerchant" | "uplift" | "indexWinner" | "price" | "tokensPerSecond" | "compute2024" | "inferenceShare" | "utilization",
  "index_merchant" | "index_balkanization" | "index_winner" | "weighted_index" | "weighted_index_band" | "p_merchant_band" | "usd_per_mtok_today" | "usd_per_mtok_weighted" | "inference_spend_weighted_usd" | "probability_sum"
> = {
  ids: {
    pMerchant: "scenario_merchant_era_probability", pBalkanization: "scenario_balkanization_probability", pWinner: "scenario_winner_consolidates_probability",
    bandBalkanization: "scenario_balkanization_probability_band", bandWinner: "scenario_winner_consolidates_probability_band",
    indexMerchant: "scenario_merchant_era_cost_index", uplift: "balkanization_inference_uplift", indexWinner: "scenario_winner_consolidates_cost_index",
    price: "h100_usd_per_gpu_hour", tokensPerSecond: "inference_tokens_per_gpu_second", compute2024: "openai_compute_2024_usd",
    inferenceShare: "inference_share_of_compute",
    utilization: "pooled_fleet_utilization",
  },
  evaluate: (x) => {
    const indices = [x.indexMerchant, 1 + x.uplift, x.indexWinner];
    // mixtureExpected checks that the essay's probabilities are each in [0, 1] and sum to 1 (scenarioMixture's rules).
    const mixed = (probabilities: readonly number[]): number => mixtureExpected(SCENARIO_NAMES, probabilities, indices);
    const weighted = mixed([x.pMerchant, x.pBalkanization, x.pWinner]);
    const band = remainderProbabilities(aroundEssay(x.pBalkanization, x.bandBalkanization), aroundEssay(x.pWinner, x.bandWinner));
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
  "units_per_ecosystem" | "design_usd_per_chip" | "design_usd_per_chip_hour" | "break_even_units" | "break_even_share_of_volume" | "volume_to_break_even" | "utilization_two_stacks" | "design_usd_per_chip_hour_two_stacks"
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
      // The share of a generation's volume an ecosystem needs to repay its design: volume is not split evenly in fact.
      break_even_share_of_volume: breakEven / x.units,
      volume_to_break_even: share.chipsPerEcosystem / breakEven,
      utilization_two_stacks: splitUtilization,
      design_usd_per_chip_hour_two_stacks: share.nreUsdPerChip / (lifetimeHours * splitUtilization),
    };
  },
};

// ── Chapter 8 ────────────────────────────────────────────────────────────────────────────────────

type TaxInput = "compute" | "engineeringRatio" | "specific" | "stacks" | "utilization" | "inferenceShare" | "pBalkanization" | "pBalkanizationOffset" | "share" | "pools" | "backup" | "premium";
type TaxOutput = "engineering_tax_usd" | "pooling_tax_usd" | "sovereignty_tax_usd" | "total_tax_usd" | "total_tax_share_of_compute" | "pooling_share_of_tax";

/** A structural choice of the chapter-8 model: which bill lost pooling applies to, and whether the two stacks' demand is correlated. */
export interface FragmentationVariant {
  /**
   * "compute": the whole compute bill (as modelled); "inference": the inference bill only; "none": the lab
   * splits by workload (training on one stack, inference on the other, as the essay describes Anthropic
   * doing), so each fleet stays whole and no pooling is lost.
   */
  readonly poolingBase: "compute" | "inference" | "none";
  /** True: the two pools' demand has the correlation of `pool_demand_correlation_alternative`; false: independent. */
  readonly correlatedPools: boolean;
}

const TAX_IDS: Readonly<Record<TaxInput, string>> = {
  compute: "openai_compute_2024_usd", engineeringRatio: "infra_engineering_to_compute_ratio", specific: "stack_specific_engineering_share",
  stacks: "optimization_pipeline_count", utilization: "pooled_fleet_utilization", inferenceShare: "inference_share_of_compute",
  pBalkanization: "scenario_balkanization_probability", pBalkanizationOffset: "scenario_balkanization_probability_band", share: "sovereign_inference_share", pools: "sovereign_region_count",
  backup: "regional_backup_capacity_share", premium: "regional_capacity_cost_premium",
};

/**
 * The yearly fragmentation tax on the lab, in USD, as the sum of three parts:
 *   engineering  compute × engineering per dollar × s·(N − 1)
 *   pooling      base × (u + (1 − u)·√N_eff − 1), base = compute or inference, N_eff = N ÷ (1 + (N − 1)·ρ)
 *   sovereignty  inference × P(balkanization) × bottom-up uplift (chapter 4)
 * Shares are of yearly compute spend, so the share does not depend on the lab's size.
 */
export function fragmentationTaxModel(variant: FragmentationVariant): ReportModel<TaxInput | "correlation", TaxOutput> {
  return {
    ids: variant.correlatedPools ? { ...TAX_IDS, correlation: "pool_demand_correlation_alternative" } : (TAX_IDS as Record<TaxInput | "correlation", string>),
    evaluate: (x) => {
      const inference = x.compute * x.inferenceShare;
      const engineering = x.compute * x.engineeringRatio * (engineeringMultiplier({ stacks: x.stacks, stackSpecificShare: x.specific }) - 1);
      const base = variant.poolingBase === "compute" ? x.compute : variant.poolingBase === "inference" ? inference : 0;
      const pooling = base * (splitPoolCapacityMultiplier(x.utilization, x.stacks, variant.correlatedPools ? x.correlation : 0) - 1);
      const uplift = sovereigntyInferenceUplift({ sovereignShare: x.share, pools: x.pools, pooledUtilization: x.utilization, backupShare: x.backup, regionalCostPremium: x.premium });
      const sovereignty = inference * aroundEssay(x.pBalkanization, x.pBalkanizationOffset) * uplift;
      const total = engineering + pooling + sovereignty;
      return {
        engineering_tax_usd: engineering, pooling_tax_usd: pooling, sovereignty_tax_usd: sovereignty, total_tax_usd: total,
        // No tax at all (a what-if with no stack-specific work, no sovereign traffic and no fleet split): no part is any of it.
        total_tax_share_of_compute: total / x.compute, pooling_share_of_tax: total === 0 ? 0 : pooling / total,
      };
    },
  };
}

/** The model as built: pooling lost on the whole compute bill, the two stacks' demand independent. */
export const FRAGMENTATION_TAX = fragmentationTaxModel({ poolingBase: "compute", correlatedPools: false });

/** The structural alternatives chapter 8 shows beside the model as built, in the order it shows them. */
export const FRAGMENTATION_TAX_ALTERNATIVES = [
  { id: "inference_pooling", label: "Pooling lost on inference only", short: "Inference-only pooling", model: fragmentationTaxModel({ poolingBase: "inference", correlatedPools: false }) },
  { id: "correlated_pools", label: "Stacks' demand correlated", short: "Correlated stacks", model: fragmentationTaxModel({ poolingBase: "compute", correlatedPools: true }) },
  { id: "inference_pooling_correlated", label: "Pooling lost on inference only, stacks' demand correlated", short: "Both", model: fragmentationTaxModel({ poolingBase: "inference", correlatedPools: true }) },
  // The lower bound of the reading: a split by workload keeps each fleet whole, though a lab then cannot move capacity between training and inference.
  { id: "workload_split", label: "Split by workload, no fleet divided", short: "Split by workload", model: fragmentationTaxModel({ poolingBase: "none", correlatedPools: false }) },
] as const;
