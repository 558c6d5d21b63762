import type { ReportModel } from "../model/runner";
/**
 * Operating flows (compute, revenue share) beside capital spending (Stargate) and its yearly capital
 * charge. Compute's share of costs is compute ÷ (compute + other costs), so it stays below 100% in
 * every draw (revenue + loss drawn apart from compute did not guarantee that).
 */
export declare const WHO_PAYS: ReportModel<"computeEssay" | "compute2024" | "other2024" | "opexShareEssay" | "stargate" | "years" | "life" | "rate" | "share" | "revenue2026", "opex_share_2024" | "implied_total_opex_usd" | "revenue_share_2026_usd" | "stargate_capex_per_year_usd" | "stargate_capital_charge_usd" | "stargate_per_year_to_openai_compute" | "compute_essay_usd" | "compute_2024_usd">;
/**
 * Price ÷ run rate: on the essay's run rate (its own division), on the latest reported trailing run
 * rate, and forward (context only: the essay quotes no forward multiple); valuation against the
 * essay's comparison companies.
 */
export declare const VALUATION: ReportModel<"valuation" | "essayRunRate" | "trailing" | "forward" | "amd" | "intel", "essay_multiple" | "trailing_multiple" | "forward_multiple" | "vs_amd" | "vs_intel">;
export declare const SCENARIO_NAMES: readonly ["Merchant Era", "Balkanization Trap", "Winner Consolidates"];
/**
 * The scenario indices price inference compute (today = 1): the Balkanization Trap's index is
 * 1 + the essay's inference uplift, which applies to serving, not to training. The Merchant Era and
 * Winner Consolidates indices move every unit of compute, inference included.
 */
export declare const SCENARIOS: ReportModel<"pMerchant" | "pBalkanization" | "pWinner" | "bandBalkanization" | "bandWinner" | "indexMerchant" | "uplift" | "indexWinner" | "price" | "tokensPerSecond" | "compute2024" | "inferenceShare" | "utilization", "index_merchant" | "index_balkanization" | "index_winner" | "weighted_index" | "weighted_index_band" | "p_merchant_band" | "usd_per_mtok_today" | "usd_per_mtok_weighted" | "inference_spend_weighted_usd" | "probability_sum">;
/**
 * Chip design cost amortized over the volume one ecosystem gets when frontier demand splits N ways,
 * against the break-even volume at which the custom chip's saving repays its design cost.
 * A lab that splits its own fleet across two stacks also loses pooling: utilization ÷ split-pool multiplier.
 */
export declare const CHIPS: ReportModel<"design" | "ecosystems" | "units" | "life" | "saving" | "utilization", "units_per_ecosystem" | "design_usd_per_chip" | "design_usd_per_chip_hour" | "break_even_units" | "volume_to_break_even" | "utilization_two_stacks" | "design_usd_per_chip_hour_two_stacks">;
type TaxInput = "compute" | "engineeringRatio" | "specific" | "stacks" | "utilization" | "inferenceShare" | "pBalkanization" | "share" | "pools" | "backup" | "premium";
type TaxOutput = "engineering_tax_usd" | "pooling_tax_usd" | "sovereignty_tax_usd" | "total_tax_usd" | "total_tax_share_of_compute" | "pooling_share_of_tax";
/** A structural choice of the chapter-8 model: which bill lost pooling applies to, and whether the two stacks' demand is correlated. */
export interface FragmentationVariant {
    /** "compute": the whole compute bill (as modelled); "inference": the inference bill only. */
    readonly poolingBase: "compute" | "inference";
    /** True: the two pools' demand has the correlation of `pool_demand_correlation_alternative`; false: independent. */
    readonly correlatedPools: boolean;
}
/**
 * The yearly fragmentation tax on the lab, in USD, as the sum of three parts:
 *   engineering  compute × engineering per dollar × s·(N − 1)
 *   pooling      base × (u + (1 − u)·√N_eff − 1), base = compute or inference, N_eff = N ÷ (1 + (N − 1)·ρ)
 *   sovereignty  inference × P(balkanization) × bottom-up uplift (chapter 4)
 * Shares are of yearly compute spend, so the share does not depend on the lab's size.
 */
export declare function fragmentationTaxModel(variant: FragmentationVariant): ReportModel<TaxInput | "correlation", TaxOutput>;
/** The model as built: pooling lost on the whole compute bill, the two stacks' demand independent. */
export declare const FRAGMENTATION_TAX: ReportModel<TaxInput | "correlation", TaxOutput>;
/** The structural alternatives chapter 8 shows beside the model as built, in the order it shows them. */
export declare const FRAGMENTATION_TAX_ALTERNATIVES: readonly [{
    readonly id: "inference_pooling";
    readonly label: "Pooling lost on inference only";
    readonly short: "Inference-only pooling";
    readonly model: ReportModel<TaxInput | "correlation", TaxOutput>;
}, {
    readonly id: "correlated_pools";
    readonly label: "Stacks' demand correlated";
    readonly short: "Correlated stacks";
    readonly model: ReportModel<TaxInput | "correlation", TaxOutput>;
}, {
    readonly id: "inference_pooling_correlated";
    readonly label: "Pooling lost on inference only, stacks' demand correlated";
    readonly short: "Both";
    readonly model: ReportModel<TaxInput | "correlation", TaxOutput>;
}];
export {};
