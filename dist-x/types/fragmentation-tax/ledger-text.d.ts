/**
 * The words of the claims ledger (ledger.ts): each claim in our paraphrase, and the notes that say
 * what it was checked against or what would settle it. Numbers in notes come from the caller's
 * model runs and assumptions, formatted by the report's formatter; none is typed here except the
 * essay's own stated figures, which the claim texts paraphrase.
 */
import { type NumberFormat } from "../format/number";
import type { Summary } from "../vocabulary/results";
import type { Assumption } from "../assumptions/types";
import { type Placement, type TrainingReading } from "./readings";
type Fmt = (x: number | Summary, format?: NumberFormat) => string;
type Interval = {
    readonly low: number;
    readonly high: number;
};
export declare const sourcedNote: (a: Assumption) => string;
/** The essay's arithmetic in our words, from its own stated inputs and bill (a what-if on them changes the claim too). */
export declare const trainingArithmeticClaim: (gpus: Interval, days: Interval, price: Interval, stated: Interval, fmt: Fmt) => string;
export declare const trainingArithmeticNote: (box: Summary, corners: Interval, stated: Interval, readings: readonly TrainingReading[], fmt: Fmt) => string;
export declare const trainingFrontierClaim: (stated: Interval, fmt: Fmt) => string;
export declare const trainingFrontierNote: (flop: Assumption, fmt: Fmt) => string;
export declare const revenueShareClaim = "OpenAI pays Microsoft roughly 20% of its revenue";
export declare const REVENUE_SHARE_SETTLES = "Only the essay states the share in these inputs; the text of the amended agreement, or reporting on it, would settle it.";
export declare const azureYearsClaim = "OpenAI's engineers have spent four years optimizing for Azure";
export declare const azureYearsNote: (start: Assumption) => string;
export declare const threeCloudsClaim = "OpenAI's engineers will now split their attention across three clouds";
export declare const THREE_CLOUDS_SETTLES = "No input of the report lists OpenAI's cloud contracts; a list of the providers that run OpenAI's training and inference would settle the count.";
export declare const googleFaceClaim = "Google committed up to $40B to Anthropic";
export declare const googleFaceNote: (upfront: Assumption, milestone: Assumption, fmt: Fmt) => string;
export declare const GOOGLE_SETTLES = "Only the essay describes the structure in these inputs; the deal's terms (how much is committed now, how much depends on milestones, how much is cash) would settle it.";
export declare const googleCreditsClaim = "Google's commitment comes as TPU capacity and cloud credits, not cash";
export declare const googleCreditsNote: (share: Assumption) => string;
export declare const amazonClaim: (amount: number, fmt: Fmt) => string;
export declare const AMAZON_SETTLES = "No independent source for this tranche is among the report's inputs; Amazon's or Anthropic's announcement of it would settle its size and form.";
export declare const rearchitectureClaim = "Moving OpenAI's training off Azure is a multi-year, multi-billion-dollar re-architecture";
export declare const rearchitectureNote: (extra: Summary, fmt: Fmt) => string;
export declare const doublingClaim = "Maintaining TPU and Trainium pipelines doubles engineering overhead";
export declare const DOUBLING_NOTE = "1 + s\u00B7(N \u2212 1) with N = 2 is \u00D72 only when s = 1, that is when no infrastructure work is shared between the stacks. The share s is our assumption; measured data from a lab running two stacks would settle it.";
export declare const manusClaim: (price: number, fmt: Fmt) => string;
export declare const MANUS_SETTLES = "No independent source for the price is among the report's inputs; Meta's filings or the parties' announcement would settle it.";
export declare const balkanizationClaim: (stated: Interval, fmt: Fmt) => string;
export declare const BALKANIZATION_NOTE = "Bottom-up: localized share \u00D7 (split-pool capacity \u00D7 standby \u00D7 local cost premium \u2212 1). The localized share and the number of pools are our assumptions and the widest sources of doubt.";
export declare const valuationClaim = "Anthropic is valued at $350B";
export declare const ageClaim = "Anthropic did not exist five years before the essay";
export declare const ageNote: (founded: Assumption) => string;
export declare const runRateClaim: (stated: Interval, fmt: Fmt) => string;
export declare const RUN_RATE_SETTLES = "Only the essay's run rate is among these inputs; reported run rates for late 2025 would settle it.";
export declare const priceToSalesClaim = "Anthropic's $350B valuation is a 100\u00D7 price-to-sales multiple";
/**
 * `essay`: the model's multiple on the essay's run rate, the figure chapter 5 quotes (a box of the
 * bounds, 88×–117×, sat here beside the chapter's 89×–115× for the same division);
 * `divisionHolds`: the essay's run rate gives its 100×; `rateHolds`: it overlaps the reported one.
 */
export declare const priceToSalesNote: (essay: Summary, trailing: Summary, source: Assumption, divisionHolds: boolean, rateHolds: boolean, fmt: Fmt) => string;
export declare const marketCapsClaim: (amd: number, intel: number, fmt: Fmt) => string;
export declare const marketCapsNote: (vsAmd: number, vsIntel: number, fmt: Fmt) => string;
export declare const fedClaim = "The Fed funds rate is still above 4%";
export declare const fedNote: (fed: Assumption) => string;
export declare const FED_SETTLES = "The FOMC's target range on the essay's date would settle it.";
export declare const computeClaim: (stated: Interval, fmt: Fmt) => string;
/** Where the 2024 estimate lies against the essay's range decides what later (likely higher) spending does to the verdict. */
export declare const computeNote: (where: Placement) => string;
export declare const opexClaim: (stated: Interval, fmt: Fmt) => string;
export declare const OPEX_NOTE = "Compute (Epoch AI) \u00F7 (compute + other costs) for OpenAI in 2024; other costs are derived from reported revenue and loss. Total costs include non-cash items such as stock compensation.";
export declare const usersClaim = "OpenAI serves inference to hundreds of millions of users";
export declare const openaiValuationClaim: (stated: Interval, fmt: Fmt) => string;
export declare const stargateClaim = "Stargate is $500B over four years";
export declare const stargateNote: (sg: Assumption, years: Assumption, matches: boolean, fmt: Fmt) => string;
export declare const STARGATE_SETTLES = "OpenAI's announcement of the project would settle it.";
export declare const SCENARIOS: readonly [{
    readonly id: "scenario_merchant_era_probability";
    readonly name: "The Merchant Era";
    readonly assumption: "scenario_merchant_era_probability";
    readonly settles: "evidence that labs route workloads by price across clouds: multi-cloud contracts without exclusivity, falling rental prices, credit deals that allow third-party capacity.";
}, {
    readonly id: "scenario_balkanization_probability";
    readonly name: "The Balkanization Trap";
    readonly assumption: "scenario_balkanization_probability";
    readonly settles: "data-localization and model-licensing rules that bind inference (not only data) in major markets, and export controls that split hardware supply.";
}, {
    readonly id: "scenario_winner_consolidates_probability";
    readonly name: "Winner Consolidates";
    readonly assumption: "scenario_winner_consolidates_probability";
    readonly settles: "a sustained benchmark and market-share lead by one lab, with rivals licensing its models or running on its terms.";
}];
export declare const scenarioClaim: (name: string, p: number, fmt: Fmt) => string;
export declare const scenarioNote: (settles: string) => string;
export declare const ecosystemsClaim = "About six hardware ecosystems compete for the same training and inference workloads";
export declare const ECOSYSTEMS_NOTE = "Not a check: counting the vendors the essay itself names (NVIDIA, AMD, Google TPU, Amazon Trainium, Microsoft Maia, Meta MTIA, Tesla) only restates the essay. A census of accelerators deployed at frontier scale, by vendor, would settle how many really compete.";
export declare const designCostClaim = "Google reportedly spent over $2B (a lower bound) developing TPU 8i";
export declare const designCostNote: (modelled: Interval, fmt: Fmt) => string;
/**
 * Short names for charts, by claim id (the ledger itself shows the full paraphrase). A number appears
 * here only where the ledger types the essay's figure too; one read from an assumption could move.
 */
export declare const SHORT_NAMES: Readonly<Record<string, string>>;
export {};
