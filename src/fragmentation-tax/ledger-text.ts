/**
 * The words of the claims ledger (ledger.ts): each claim in our paraphrase, and the notes that say
 * what it was checked against or what would settle it. Numbers in notes come from the caller's
 * model runs and assumptions, formatted by the report's formatter; none is typed here except the
 * essay's own stated figures, which the claim texts paraphrase.
 */
import { formatNumber, type NumberFormat } from "../format/number";
import { indefiniteArticle } from "../format/count-words";
import type { Driver, Summary } from "../vocabulary/results";
import type { Assumption } from "../assumptions/types";
import { intervalOf } from "../model/runner";
import { citeInput, inputKind, isWhatIfInput, whose } from "./input-kinds";
import { extraStacksWords } from "./stacks";
import { PLACEMENT_WORDS, placement, readingsTally, type Placement, type TrainingReading } from "./readings";

type Fmt = (x: number | Summary, format?: NumberFormat) => string;
type Interval = { readonly low: number; readonly high: number };

/** "$2–$3", or "$2.50" when both ends read the same (a what-if that fixes an input), as formatInterval writes it. */
const span = (r: Interval | Summary, format: NumberFormat, fmt: Fmt): string => {
  const [low, high] = "p5" in r ? [fmt(r.p5, format), fmt(r.p95, format)] : [fmt(r.low, format), fmt(r.high, format)];
  return low === high ? low : `${low}–${high}`;
};
const cite = citeInput;

/** An input's note as the ledger quotes it: under a what-if it is the source's, about the figure the what-if replaced. */
const noteOf = (a: Assumption): string => (a.note === undefined ? "" : isWhatIfInput(a) ? `The source's own note, about the figure the what-if replaced: ${a.note}` : a.note);
export const sourcedNote = (a: Assumption): string => `Checked against ${cite(a)}.${a.note === undefined ? "" : ` ${noteOf(a)}`}`;

// Chapter 1
/** The essay's arithmetic in our words, from its own stated inputs and bill (a what-if on them changes the claim too). */
export const trainingArithmeticClaim = (gpus: Interval, days: Interval, price: Interval, stated: Interval, fmt: Fmt): string =>
  `The essay's run (${span(gpus, "count", fmt)} H100s for ${span(days, "count", fmt)} days at ${span(price, "usd", fmt)} per GPU-hour) costs ${span(stated, "usd", fmt)}`;
export const trainingArithmeticNote = (box: Summary, corners: Interval, stated: Interval, readings: readonly TrainingReading[], fmt: Fmt): string => {
  const onInputs =
    placement(box, stated) === "within"
      ? `The stated inputs give ${fmt(box, "usd")}, which overlaps the stated range: the bill follows from them.`
      : placement(corners, stated) === "within"
        ? `The stated inputs give ${fmt(box, "usd")}; only the corners of their box (${span(corners, "usd", fmt)}) reach the stated range, so the bill follows from them only at their extremes.`
        : `The stated inputs multiply out to ${span(corners, "usd", fmt)} even at the corners of their box, so the bill does not follow from them.`;
  const words: Readonly<Record<TrainingReading["id"], (r: TrainingReading) => string>> = {
    ten_times_gpus: (r) => `with ${r.label} the box gives ${fmt(r.summary, "usd")}`,
    programme: (r) => `as the R&D programme around a final run of the stated size, ${fmt(r.summary, "usd")}`,
    flop_route: (r) => `${r.label} costs ${fmt(r.summary, "usd")}`,
  };
  // Each reading's place only when they differ; the tally says it once when they agree.
  const uniform = readings.every((r) => r.placement === readings[0]?.placement);
  // A dropped zero explains a gap: where the inputs already give the bill there is none to explain.
  const moot = placement(box, stated) === "within" ? " (The dropped zero is moot here: the stated inputs already give the bill.)" : "";
  return `${onInputs} Under other readings: ${readings.map((r) => `${words[r.id](r)}${uniform ? "" : `, which ${PLACEMENT_WORDS[r.placement]}`}`).join("; ")}. ${readingsTally(readings)}${moot}`;
};
export const trainingFrontierClaim = (stated: Interval, fmt: Fmt): string => `A frontier ("GPT-6 class") training run costs ${span(stated, "usd", fmt)}`;
export const trainingFrontierNote = (flop: Assumption, fmt: Fmt): string =>
  `Priced from compute: ${fmt((flop.range?.low ?? Number.NaN) / 1e25, "number")}–${fmt((flop.range?.high ?? Number.NaN) / 1e25, "number")} ×10²⁵ FLOP at measured utilization and market GPU prices (chapter 1). The size of a "GPT-6 class" run is not public${spanOfCompute(flop)}.`;
/** How wide the range of compute is, from its ends: ", so the range spans a decade of compute" for 10×; nothing for one value. */
function spanOfCompute(flop: Assumption): string {
  const ratio = (flop.range?.high ?? Number.NaN) / (flop.range?.low ?? Number.NaN);
  if (!Number.isFinite(ratio) || ratio <= 1) return "";
  return `, so the range spans ${computeWidth(ratio)}`;
}

function computeWidth(ratio: number): string {
  const decades = Math.log10(ratio);
  if (Math.abs(decades - Math.round(decades)) < 0.05 && Math.round(decades) >= 1) return Math.round(decades) === 1 ? "a decade of compute" : `${Math.round(decades)} decades of compute`;
  return `a factor of ${formatNumber(ratio, "number")} in compute`;
}

// Chapter 2
export const revenueShareClaim = "Microsoft's cut of OpenAI's revenue: about 20%";
export const REVENUE_SHARE_SETTLES = "Only the essay states the share in these inputs; the text of the amended agreement, or reporting on it, would settle it.";
export const azureYearsClaim = "Years OpenAI's engineers have spent optimizing for Azure: four";
export const azureYearsNote = (start: Assumption): string =>
  `Counted from the partnership that made Azure OpenAI's cloud (${cite(start)}) to the essay's date. How long today's teams have worked on Azure-specific code is not public; on that narrower reading the claim cannot be checked.`;
export const threeCloudsClaim = "Number of clouds OpenAI's engineering now splits across: three";
export const THREE_CLOUDS_SETTLES = "No input of the report lists OpenAI's cloud contracts; a list of the providers that run OpenAI's training and inference would settle the count.";

// Chapter 3
export const googleFaceClaim = "Google's commitment to Anthropic (April 2026): as much as $40B";
/** `stated`: the essay's "up to" figure; the phrase is right only when the two parts add up to it. */
export const googleFaceNote = (upfront: Assumption, milestone: Assumption, stated: number, fmt: Fmt): string => {
  const [now, later] = [upfront.value ?? Number.NaN, milestone.value ?? Number.NaN];
  const adds = fmt(now + later, "usd") === fmt(stated, "usd");
  return `Face value from ${cite(upfront)}: ${fmt(now, "usd")} up front and ${fmt(later, "usd")} tied to milestones, ${adds ? `so "up to" is the right phrase` : `${fmt(now + later, "usd")} in all against the essay's ${fmt(stated, "usd")}`}. Its expected value and the part paid as credits are in chapter 3.`;
};
export const GOOGLE_SETTLES = "Only the essay describes the structure in these inputs; the deal's terms (how much is committed now, how much depends on milestones, how much is cash) would settle it.";
export const googleCreditsClaim = "Form of Google's commitment: TPU capacity and cloud credits, no cash";
export const googleCreditsNote = (share: Assumption): string =>
  `The claim reads as all of it in credits. Checked against ${cite(share)}: ${noteOf(share)}`.trim();
export const amazonClaim = (amount: number, fmt: Fmt): string => `Amazon's tranche for Anthropic, announced shortly before Google's: ${fmt(amount, "usd")}, in Trainium and AWS capacity`;
export const AMAZON_SETTLES = "No independent source for this tranche is among the report's inputs; Amazon's or Anthropic's announcement of it would settle its size and form.";
export const rearchitectureClaim = "Moving OpenAI's training off Azure would take years and billions of dollars of re-engineering";
/** `stacks`: the lab's count of hardware stacks (two for Anthropic); the extra engineering is of every stack beyond the first. */
export const rearchitectureNote = (extra: Summary, stacks: Interval, fmt: Fmt): string => {
  const extraOf = extraStacksWords(stacks);
  const nearest =
    extraOf === undefined
      ? "The lab modelled here runs one hardware stack, so the model has no running cost of a second to set beside a move"
      : `The model's nearest figure is the yearly cost of ${extraOf === "the second stack" ? "a second hardware stack's engineering" : `the engineering of ${extraOf}`}, ${fmt(extra, "usd")} a year: a running cost, not the one-off cost of a move, so it neither confirms nor refutes the claim`;
  return `Not checkable: migration costs are not disclosed. ${nearest}. A lab's disclosure of migration spending would settle it.`;
};
export const doublingClaim = "Engineering overhead of running TPU and Trainium pipelines side by side: twice one stack's";
export const DOUBLING_NOTE = "1 + s·(N − 1) with N = 2 is ×2 only when s = 1, that is when no infrastructure work is shared between the stacks. The share s is our assumption; measured data from a lab running two stacks would settle it.";

// Chapter 4
export const manusClaim = (price: number, fmt: Fmt): string => `Meta's price for Manus (December 2025): ${fmt(price, "usd")}`;
export const MANUS_SETTLES = "No independent source for the price is among the report's inputs; Meta's filings or the parties' announcement would settle it.";
export const balkanizationClaim = (stated: Interval, fmt: Fmt): string => `Inference cost added by balkanization, from duplicated capacity: ${span(stated, "percent", fmt)}`;
/** A label inside a sentence: its first letter lower-cased, unless it begins a name or an acronym ("OpenAI", "H100"). */
const inSentence = (label: string): string => (/^[A-Z][a-z]/.test(label) ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : label);

/** The bottom-up formula, and the two inputs that carry most of its spread (the model's sensitivity), each said with its kind. */
export const balkanizationNote = (drivers: readonly Driver[], get: (id: string) => Assumption): string => {
  const widest = [...drivers].sort((a, b) => b.share - a.share).slice(0, 2).map((d) => get(d.id));
  const named = widest.map((a) => `the ${inSentence(a.label)} (${inputKind(a) === "judgement" ? "our judgement" : inputKind(a) === "essay" ? "the essay's" : "sourced"})`);
  return `Bottom-up: localized share × (split-pool capacity × standby × local cost premium − 1).${named.length === 0 ? "" : ` The widest sources of doubt are ${named.join(" and ")}.`}`;
};

// Chapter 5
export const valuationClaim = "Anthropic is valued at $350B";
export const ageClaim = "Anthropic did not exist five years before the essay";
/** `age`: the company's age at the essay's date as the founding year gives it; the last sentence follows from it. */
export const ageNote = (founded: Assumption, age: Interval, fmt: Fmt): string =>
  `Age at the essay's date, from the founding year (${cite(founded)}); only the year is used, so the age is a range. ${age.low <= 5 && age.high >= 5 ? "The claim is right to within months." : age.low > 5 ? `The company was already ${span(age, "number", fmt)} years old.` : `The company was only ${span(age, "number", fmt)} years old: the claim, if anything, is modest.`}`;
// Said as the essay uses it: a 2025 figure (mid-2025's, by the reports), set against a valuation of 2026 for its 100×.
export const runRateClaim = (stated: Interval, fmt: Fmt): string => `Anthropic's annualized revenue run rate, the 2025 figure the essay divides its valuation by: ${span(stated, "usd", fmt)}`;
export const RUN_RATE_SETTLES = "Only the essay's run rate is among these inputs; reported run rates for late 2025 would settle it.";
export const priceToSalesClaim = "Anthropic's $350B valuation is a 100× price-to-sales multiple";
/**
 * `essay`: the model's multiple on the essay's run rate, the figure chapter 5 quotes (a box of the
 * bounds, 88×–117×, sat here beside the chapter's 89×–115× for the same division);
 * `divisionHolds`: the essay's run rate gives its 100×; `rateHolds`: it overlaps the reported one.
 */
/** `division`: the essay's own $350B over its own run rate; `essay`: the sourced valuation over that run rate. */
export const priceToSalesNote = (essay: Summary, trailing: Summary, source: Assumption, division: Interval, divisionHolds: boolean, rateHolds: boolean, fmt: Fmt): string =>
  `The essay's division, its valuation over its own run rate, gives ${span(division, "multiple", fmt)}: ${divisionHolds ? "the arithmetic is right" : "not 100×"}. The sourced valuation over that run rate gives ${fmt(essay, "multiple")}${rateHolds ? ", and that run rate overlaps the reported one" : "; the run rate is what is out of date"}. On ${isWhatIfInput(source) ? "this what-if's run rate" : `the run rate in ${cite(source)}`}, the multiple is ${fmt(trailing, "multiple")}. The essay quotes no forward multiple, so none is checked here.`;
export const marketCapsClaim = (amd: number, intel: number, fmt: Fmt): string => `AMD's market cap is about ${fmt(amd, "usd")} and Intel's about ${fmt(intel, "usd")}, so Anthropic is worth more than AMD`;
/** `vsAmd` and `vsIntel`: the essay's $350B valuation over the market caps the claim states (a what-if's, when one replaced them). */
export const marketCapsNote = (vsAmd: number, vsIntel: number, whatIf: boolean, fmt: Fmt): string =>
  `Market prices on the essay's date are not among the report's sourced inputs; closing market caps on that date would settle it. Taking the essay's valuation and ${whatIf ? "this what-if's market caps" : "its market caps"}, Anthropic is ${fmt(vsAmd, "multiple")} AMD and ${fmt(vsIntel, "multiple")} Intel${vsAmd < 1 ? ": on them, it is not worth more than AMD" : ""}.`;
export const fedClaim = "The federal funds rate remains over 4%";
export const fedNote = (fed: Assumption): string => `Upper bound of the target range, from ${cite(fed)}; "above 4%" is read as 4–4.5%, or up to the rate itself where it is higher (the claim sets a floor).`;
export const FED_SETTLES = "The FOMC's target range on the essay's date would settle it.";
export const computeClaim = (stated: Interval, fmt: Fmt): string => `OpenAI spends ${span(stated, "usd", fmt)} a year on compute`;
/**
 * Where the 2024 estimate lies against the essay's range decides what later (likely higher) spending does
 * to the verdict. `estimate`: the 2024 input, "this what-if's" once a what-if replaced Epoch AI's.
 */
export const computeNote = (where: Placement, estimate: Pick<Assumption, "source">): string =>
  `Against ${whose("Epoch AI's", estimate)} estimate for 2024; spending in 2025–26 is likely higher, ${
    where === "below" ? "which narrows the gap for the year the essay was written." : where === "unknown" ? "which the report's inputs do not measure." : where === "above" ? "which likely widens the gap for the year the essay was written." : "so for the year it was written the essay's range is, if anything, low."
  }`;
export const opexClaim = (stated: Interval, fmt: Fmt): string => `Infrastructure's share of a frontier lab's operating costs: ${span(stated, "percent", fmt)}`;
export const opexNote = (estimate: Pick<Assumption, "source">): string => `Compute (${isWhatIfInput(estimate) ? "this what-if's" : "Epoch AI"}) ÷ (compute + other costs) for OpenAI in 2024; other costs are derived from reported revenue and loss, a loss reported without stock compensation: counting that pay would raise other costs and lower compute's share.`;
export const usersClaim = "Users OpenAI's inference reaches: hundreds of millions";
export const openaiValuationClaim = (stated: Interval, fmt: Fmt): string => `OpenAI is valued at ${stated.low === stated.high ? fmt(stated.low, "usd") : span(stated, "usd", fmt)}`;
export const stargateClaim = "Stargate's plan: $500B of capital over four years";
export const stargateNote = (sg: Assumption, years: Assumption, matches: boolean, fmt: Fmt): string =>
  `${matches ? "Matches" : "Differs from"} ${cite(sg)}: ${amount(sg, "usd", fmt)} over ${amount(years, "number", fmt)} years, ${perYear(sg, years, fmt)} a year of capital spending. It is a plan, not a measure of what has been built.`;
/** An assumption's value, or its range when it has one (a what-if may give either). */
const amount = (a: Assumption, format: NumberFormat, fmt: Fmt): string => (a.range === undefined ? fmt(a.value ?? Number.NaN, format) : span(a.range, format, fmt));
const perYear = (total: Assumption, years: Assumption, fmt: Fmt): string => {
  const [t, y] = [intervalOf(total), intervalOf(years)];
  const low = t.low / y.high;
  const high = t.high / y.low;
  return low === high ? fmt(low, "usd") : span({ low, high }, "usd", fmt);
};
export const STARGATE_SETTLES = "OpenAI's announcement of the project would settle it.";

// Chapter 6
export const SCENARIOS = [
  { id: "scenario_merchant_era_probability", name: "The Merchant Era", assumption: "scenario_merchant_era_probability", settles: "evidence that labs route workloads by price across clouds: multi-cloud contracts without exclusivity, falling rental prices, credit deals that allow third-party capacity." },
  { id: "scenario_balkanization_probability", name: "The Balkanization Trap", assumption: "scenario_balkanization_probability", settles: "data-localization and model-licensing rules that bind inference (not only data) in major markets, and export controls that split hardware supply." },
  { id: "scenario_winner_consolidates_probability", name: "Winner Consolidates", assumption: "scenario_winner_consolidates_probability", settles: "a sustained benchmark and market-share lead by one lab, with rivals licensing its models or running on its terms." },
] as const;
export const scenarioClaim = (name: string, p: number, fmt: Fmt): string => {
  const percent = fmt(p, "percent");
  return `${name} has ${indefiniteArticle(percent)} ${percent} probability`;
};
export const scenarioNote = (settles: string): string => `A subjective probability, not a measurement. What would move it: ${settles}`;

// Chapter 7
export const ecosystemsClaim = "About six families of accelerators now compete for frontier models, to train them and to serve them";
export const ECOSYSTEMS_NOTE = "Not a check: counting the vendors the essay itself names (NVIDIA, AMD, Google TPU, Amazon Trainium, Microsoft Maia, Meta MTIA, Tesla) only restates the essay. A census of accelerators deployed at frontier scale, by vendor, would settle how many really compete.";
export const designCostClaim = "By press accounts, designing TPU 8i cost Google more than $2B (a lower bound)";
export const designCostNote = (modelled: Interval, fmt: Fmt): string =>
  `"Over $2B" is a lower bound, shown here as its only stated number; chapter 7 models ${span(modelled, "usd", fmt)}. Chip programme costs are not disclosed per generation; a filing or an on-record statement from Google would settle it.`;

/**
 * Short names for charts, by claim id (the ledger itself shows the full paraphrase). A number appears
 * here only where the ledger types the essay's figure too; one read from an assumption could move.
 */
export const SHORT_NAMES: Readonly<Record<string, string>> = {
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
  anthropic_price_to_sales: "Anthropic 100× sales",
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
  tpu_design_cost_2b: "TPU 8i over $2B",
};
