/**
 * The claims ledger of the report: every quantitative statement of the essay, in the essay's order
 * within each chapter, checked against the model or marked unverifiable with what would settle it.
 *
 * One home for each claim: a chapter records its own entries (`nb.claim(ledgerClaim(entry))`) and the
 * summary builds the whole ledger from the same functions and the same model runs, so its verdict
 * counts always match the appendix. Each checked entry carries the inputs its verdict rests on
 * (`drivers`: the model's sensitivity of the compared output, `run.drivers(output)`, or the ids of the
 * sourced figures compared); `nb.claim` turns them into the claim's basis, and the ledger marks a
 * verdict whose weight is mostly the analysts' judgement. That is the one judgement marker.
 */
import type { Assumption } from "../assumptions/types";
import type { CREDITS, TRAINING_ESSAY_BOX, TRAINING_MARKET, TRAINING_READINGS, SOVEREIGNTY } from "./chapter-models";
import { checkClaim, computedRange, type Range } from "../model/claims";
import type { VALUATION, WHO_PAYS } from "./lab-models";
import { inputKind, isIndependentSource, isWhatIfInput } from "./input-kinds";
import { intervalOf, type ModelRun, type ReportModel } from "../model/runner";
import * as text from "./ledger-text";
import { placement, trainingReadings } from "./readings";
import type { NumberFormat } from "../format/number";
import type { Driver, Summary, Verdict } from "../vocabulary/results";

export type Fmt = (x: number | Summary, format?: NumberFormat) => string;
type Get = (id: string) => Assumption;
type RunOf<M> = M extends ReportModel<infer K, infer O> ? ModelRun<K, O> : never;

/** A checked claim as the notebook API records it (`nb.claim`), minus where it was declared. */
export interface LedgerClaim {
  readonly id: string;
  /** What the essay says, in our words. */
  readonly claim: string;
  readonly stated: Range;
  readonly computed: Range & { readonly p50?: number };
  readonly unit: string;
  readonly format: NumberFormat;
  readonly verdict: Verdict;
  /** Stated ÷ computed midpoint; null when unverifiable. */
  readonly factor: number | null;
  readonly note?: string;
  /** What the verdict rests on (model sensitivity or the compared figures' ids); nb.claim makes it the basis. */
  readonly drivers?: readonly (string | Driver)[];
}

export interface LedgerEntry {
  readonly chapter: number;
  /** A few words for charts. */
  readonly short: string;
  readonly claim: LedgerClaim;
}

/** The record a chapter passes to `nb.claim` (with its drivers, from which the tool marks judgement). */
export function ledgerClaim(entry: LedgerEntry): LedgerClaim {
  return entry.claim;
}

/** Counts of verdicts over a ledger (how many rest on judgement is the tool's: `nb.words.ledger("judgementLed")`). */
export function verdictCounts(entries: readonly LedgerEntry[]): Record<Verdict | "total", number> {
  const counts = { consistent: 0, overstated: 0, understated: 0, unverifiable: 0, total: entries.length };
  for (const e of entries) counts[e.claim.verdict] += 1;
  return counts;
}

type Drivers = readonly (string | Driver)[];

function checked(chapter: number, drivers: Drivers, base: { id: string; claim: string; unit: string; format: NumberFormat; note: string }, stated: Range, computed: Range & { p50?: number }): LedgerEntry {
  // A multiple is printed with two significant digits (1.96× reads "2×"): a gap of 2.5% is one no
  // reader could see, so it is no verdict. Dollars and shares show three digits: no tolerance.
  const check = checkClaim(stated, computed, base.format === "multiple" ? { tolerance: 0.025 } : {});
  return { chapter, short: text.SHORT_NAMES[base.id] ?? base.claim, claim: { ...base, stated, computed, verdict: check.verdict, factor: check.factor, drivers } };
}

function unverifiable(chapter: number, base: { id: string; claim: string; unit: string; format: NumberFormat; note: string }, stated: Range, computed: Range = stated): LedgerEntry {
  return { chapter, short: text.SHORT_NAMES[base.id] ?? base.claim, claim: { ...base, stated, computed, verdict: "unverifiable", factor: null } };
}

const point = (x: number): Range => ({ low: x, high: x });

/** A date "YYYY-MM-DD" as a decimal year (2026-04-28 → 2026.32). */
export function decimalYear(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

// ── Chapter 1 ────────────────────────────────────────────────────────────────────────────────────

export function trainingClaims(
  r: { box: RunOf<typeof TRAINING_ESSAY_BOX>; readings: RunOf<typeof TRAINING_READINGS>; market: RunOf<typeof TRAINING_MARKET> },
  get: Get, fmt: Fmt,
): LedgerEntry[] {
  const stated = intervalOf(get("essay_training_run_cost_usd"));
  const flop = r.market.summary.cost_flop_route_usd;
  const claim = text.trainingArithmeticClaim(intervalOf(get("essay_training_gpu_count")), intervalOf(get("essay_training_days")), intervalOf(get("essay_h100_usd_per_gpu_hour")), stated, fmt);
  const note = text.trainingArithmeticNote(r.box.summary.cost_usd, r.box.corners.cost_usd, stated, trainingReadings(r, get, fmt), fmt);
  return [
    checked(1, r.box.drivers("cost_usd"), { id: "training_run_cost", claim, unit: "USD", format: "usd", note }, stated, computedRange(r.box.summary.cost_usd)),
    checked(1, r.market.drivers("cost_flop_route_usd"), { id: "training_run_cost_flop_route", claim: text.trainingFrontierClaim(stated, fmt), unit: "USD", format: "usd", note: text.trainingFrontierNote(get("frontier_training_flop"), fmt) }, stated, computedRange(flop)),
  ];
}

// ── Chapter 2 ────────────────────────────────────────────────────────────────────────────────────

export function captiveCloudClaims(get: Get): LedgerEntry[] {
  const share = get("openai_microsoft_revenue_share");
  const start = get("openai_azure_partnership_start_year");
  const essayYear = decimalYear(get("essay_training_days").source.date);
  const years = essayYear - (start.value ?? Number.NaN);
  const shareBase = { id: "openai_revenue_share", claim: text.revenueShareClaim, unit: "share of revenue", format: "percent" as const };
  return [
    isIndependentSource(share)
      ? checked(2, [share.id], { ...shareBase, note: text.sourcedNote(share) }, point(0.2), intervalOf(share))
      : unverifiable(2, { ...shareBase, note: text.REVENUE_SHARE_SETTLES }, point(0.2)),
    checked(2, [start.id], { id: "azure_four_years", claim: text.azureYearsClaim, unit: "years", format: "number", note: text.azureYearsNote(start) }, point(4), point(years)),
    unverifiable(2, { id: "three_clouds", claim: text.threeCloudsClaim, unit: "clouds", format: "count", note: text.THREE_CLOUDS_SETTLES }, point(3)),
  ];
}

// ── Chapter 3 ────────────────────────────────────────────────────────────────────────────────────

export function creditsClaims(credits: RunOf<typeof CREDITS>, get: Get, fmt: Fmt): LedgerEntry[] {
  const upfront = get("google_anthropic_upfront_usd");
  const creditShare = get("google_anthropic_credit_share");
  const amazon = get("amazon_anthropic_commitment_usd");
  const face = credits.summary.google_face_value_usd.p50;
  const multiplier = credits.summary.engineering_multiplier_two_stacks;
  const creditBase = { id: "google_anthropic_all_credits", claim: text.googleCreditsClaim, unit: "share paid as credits", format: "percent" as const };
  return [
    isIndependentSource(upfront)
      ? checked(3, [upfront.id, "google_anthropic_milestone_usd"], { id: "google_anthropic_40b", claim: text.googleFaceClaim, unit: "USD", format: "usd", note: text.googleFaceNote(upfront, get("google_anthropic_milestone_usd"), 40e9, fmt) }, point(40e9), point(face))
      : unverifiable(3, { id: "google_anthropic_40b", claim: text.googleFaceClaim, unit: "USD", format: "usd", note: text.GOOGLE_SETTLES }, point(40e9)),
    inputKind(creditShare) === "essay"
      ? unverifiable(3, { ...creditBase, note: text.GOOGLE_SETTLES }, point(1))
      : checked(3, [creditShare.id], { ...creditBase, note: text.googleCreditsNote(creditShare) }, point(1), intervalOf(creditShare)),
    unverifiable(3, { id: "amazon_anthropic_5b", claim: text.amazonClaim(amazon.value ?? Number.NaN, fmt), unit: "USD", format: "usd", note: text.AMAZON_SETTLES }, point(amazon.value ?? Number.NaN)),
    unverifiable(3, { id: "rearchitecture_multibillion", claim: text.rearchitectureClaim, unit: "USD", format: "usd", note: text.rearchitectureNote(credits.summary.extra_engineering_usd, intervalOf(get("optimization_pipeline_count")), fmt) }, point(2e9)),
    checked(3, credits.drivers("engineering_multiplier_two_stacks"), { id: "doubling_engineering", claim: text.doublingClaim, unit: "×", format: "multiple", note: text.DOUBLING_NOTE }, point(2), computedRange(multiplier)),
  ];
}

// ── Chapter 4 ────────────────────────────────────────────────────────────────────────────────────

export function sovereigntyClaims(sov: RunOf<typeof SOVEREIGNTY>, get: Get, fmt: Fmt): LedgerEntry[] {
  const stated = intervalOf(get("balkanization_inference_uplift"));
  return [
    unverifiable(4, { id: "manus_price_2b", claim: text.manusClaim(get("essay_manus_price_usd").value ?? Number.NaN, fmt), unit: "USD", format: "usd", note: text.MANUS_SETTLES }, point(get("essay_manus_price_usd").value ?? Number.NaN)),
    checked(4, sov.drivers("bottom_up_uplift"), { id: "balkanization_uplift", claim: text.balkanizationClaim(stated, fmt), unit: "share of inference cost", format: "percent", note: text.balkanizationNote(sov.drivers("bottom_up_uplift"), get) }, stated, computedRange(sov.summary.bottom_up_uplift)),
  ];
}

/**
 * "Above 4%" sets a floor, not a range: read as 4–4.5% (what "still above 4%" says of a rate near it),
 * and up to the rate itself where that is higher, so a rate of 5% bears the claim out instead of
 * making it "understated".
 */
function fedReading(rate: Range): Range {
  return { low: 0.04, high: Math.max(0.045, rate.high) };
}

/**
 * "$500B over four years" is two figures. Where the source gives the same period, the total is checked;
 * where it gives another, the yearly spending the two imply is, so a plan spread over six years is not
 * "consistent" with one over four because their totals agree.
 */
function stargateCheck(sg: Assumption, years: Assumption, fmt: Fmt): LedgerEntry {
  const base = { id: "stargate_500b_4y", claim: text.stargateClaim };
  const sameTotal = placement(intervalOf(sg), point(500e9)) === "within";
  const samePeriod = placement(intervalOf(years), point(4)) === "within";
  const note = text.stargateNote(sg, years, sameTotal && samePeriod, fmt);
  if (samePeriod) return checked(5, [sg.id, years.id], { ...base, unit: "USD", format: "usd", note }, point(500e9), intervalOf(sg));
  const [total, period] = [intervalOf(sg), intervalOf(years)];
  return checked(5, [sg.id, years.id], { ...base, unit: "USD/year", format: "usd", note }, point(500e9 / 4), { low: total.low / period.high, high: total.high / period.low });
}

// ── Chapter 5 ────────────────────────────────────────────────────────────────────────────────────

/** The valuation the essay states for Anthropic (its claim, so typed here as the claim text types it). */
const ESSAY_ANTHROPIC_VALUATION = 350e9;

export function whoPaysClaims(r: { pay: RunOf<typeof WHO_PAYS>; val: RunOf<typeof VALUATION> }, get: Get, fmt: Fmt): LedgerEntry[] {
  const valuation = get("anthropic_valuation_usd");
  const trailing = get("anthropic_run_rate_trailing_usd");
  const founded = get("anthropic_founding_year");
  const essayYear = decimalYear(get("essay_training_days").source.date);
  const foundedRange = intervalOf(founded);
  const age = { low: essayYear - foundedRange.high, high: essayYear - foundedRange.low };
  const openai = get("openai_valuation_usd");
  const users = get("chatgpt_weekly_users");
  const fed = get("fed_funds_upper_bound");
  const sg = get("stargate_capex_usd");
  const sgYears = get("stargate_years");
  const amd = get("amd_market_cap_usd");
  const intel = get("intel_market_cap_usd");
  const mult = r.val.summary;
  // The essay's own division: its stated valuation over its stated run rate (the model divides the sourced valuation).
  const essayRate = intervalOf(get("essay_anthropic_run_rate_usd"));
  const essayDivision = { low: ESSAY_ANTHROPIC_VALUATION / essayRate.high, high: ESSAY_ANTHROPIC_VALUATION / essayRate.low };
  const fedBase = { id: "fed_funds_above_4pct", claim: text.fedClaim, unit: "rate per year", format: "percent" as const };
  const rateBase = { id: "anthropic_run_rate", claim: text.runRateClaim(essayRate, fmt), unit: "USD/year", format: "usd" as const };
  return [
    checked(5, [valuation.id], { id: "anthropic_valuation_350b", claim: text.valuationClaim, unit: "USD", format: "usd", note: text.sourcedNote(valuation) }, point(ESSAY_ANTHROPIC_VALUATION), intervalOf(valuation)),
    checked(5, [founded.id], { id: "anthropic_age", claim: text.ageClaim, unit: "years", format: "number", note: text.ageNote(founded, age, fmt) }, point(5), age),
    isIndependentSource(trailing)
      ? checked(5, [trailing.id], { ...rateBase, note: text.sourcedNote(trailing) }, essayRate, intervalOf(trailing))
      : unverifiable(5, { ...rateBase, note: text.RUN_RATE_SETTLES }, essayRate),
    checked(5, r.val.drivers("trailing_multiple"), { id: "anthropic_price_to_sales", claim: text.priceToSalesClaim, unit: "×", format: "multiple", note: text.priceToSalesNote(mult.essay_multiple, mult.trailing_multiple, trailing, essayDivision, placement(essayDivision, point(100)) === "within", placement(intervalOf(trailing), essayRate) === "within", fmt) }, point(100), computedRange(mult.trailing_multiple)),
    // Stated: AMD's value, the bar the claim sets (Intel's is in its words), not a range from one company's to the other's.
    unverifiable(5, { id: "amd_intel_market_caps", claim: text.marketCapsClaim(amd.value ?? Number.NaN, intel.value ?? Number.NaN, fmt), unit: "USD", format: "usd", note: text.marketCapsNote(ESSAY_ANTHROPIC_VALUATION / (amd.value ?? Number.NaN), ESSAY_ANTHROPIC_VALUATION / (intel.value ?? Number.NaN), isWhatIfInput(amd) || isWhatIfInput(intel), fmt) }, point(amd.value ?? Number.NaN)),
    isIndependentSource(fed)
      ? checked(5, [fed.id], { ...fedBase, note: text.fedNote(fed) }, fedReading(intervalOf(fed)), intervalOf(fed))
      : unverifiable(5, { ...fedBase, note: text.FED_SETTLES }, { low: 0.04, high: 0.045 }),
    checked(5, r.pay.drivers("compute_2024_usd"), { id: "openai_compute_burn", claim: text.computeClaim(intervalOf(get("openai_compute_usd_per_year")), fmt), unit: "USD/year", format: "usd", note: text.computeNote(placement(r.pay.summary.compute_2024_usd, intervalOf(get("openai_compute_usd_per_year"))), get("openai_compute_2024_usd")) }, intervalOf(get("openai_compute_usd_per_year")), computedRange(r.pay.summary.compute_2024_usd)),
    checked(5, r.pay.drivers("opex_share_2024"), { id: "infra_share_of_opex", claim: text.opexClaim(intervalOf(get("essay_infra_opex_share")), fmt), unit: "share of costs", format: "percent", note: text.opexNote(get("openai_compute_2024_usd")) }, intervalOf(get("essay_infra_opex_share")), computedRange(r.pay.summary.opex_share_2024)),
    checked(5, [users.id], { id: "chatgpt_users", claim: text.usersClaim, unit: "users", format: "count", note: text.sourcedNote(users) }, { low: 1e8, high: 9.99e8 }, intervalOf(users)),
    checked(5, [openai.id], { id: "openai_valuation_350b", claim: text.openaiValuationClaim(intervalOf(get("essay_openai_valuation_usd")), fmt), unit: "USD", format: "usd", note: text.sourcedNote(openai) }, intervalOf(get("essay_openai_valuation_usd")), intervalOf(openai)),
    isIndependentSource(sg)
      ? stargateCheck(sg, sgYears, fmt)
      : unverifiable(5, { id: "stargate_500b_4y", claim: text.stargateClaim, unit: "USD", format: "usd", note: text.STARGATE_SETTLES }, point(500e9)),
  ];
}

// ── Chapters 6 and 7 ─────────────────────────────────────────────────────────────────────────────

export function scenarioClaims(get: Get, fmt: Fmt): LedgerEntry[] {
  return text.SCENARIOS.map((s) => {
    const v = get(s.assumption).value ?? Number.NaN;
    return unverifiable(6, { id: s.id, claim: text.scenarioClaim(s.name, v, fmt), unit: "probability", format: "percent", note: text.scenarioNote(s.settles) }, point(v));
  });
}

export function chipClaims(get: Get, fmt: Fmt): LedgerEntry[] {
  const design = get("custom_chip_design_cost_usd");
  return [
    unverifiable(7, { id: "six_hardware_ecosystems", claim: text.ecosystemsClaim, unit: "ecosystems", format: "count", note: text.ECOSYSTEMS_NOTE }, point(6)),
    unverifiable(7, { id: "tpu_design_cost_2b", claim: text.designCostClaim, unit: "USD", format: "usd", note: text.designCostNote(intervalOf(design), fmt) }, point(2e9)),
  ];
}
