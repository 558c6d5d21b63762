/**
 * Wording chosen from the data, so prose that depends on a number is generated with it and cannot go
 * stale: `nb.md` with `nb.words.compare(a, b, …)` instead of a typed "higher", verdict phrases, counts.
 *
 * Counts over the WHOLE ledger (every chapter's claims) are not known while one notebook runs, so
 * `ledger()` returns a marker the report renderer resolves from claims.json (`resolveLedgerWords`); in
 * Jupyter, where there is no report, it reads the claims this notebook recorded so far.
 */
import { formatNumber } from "../format/number";
import { formatFactor, largerOverSmaller } from "../format/factor";
import { countAsProse } from "../format/count-words";
import type { ClaimRecord, FigureRecord, Summary, Verdict } from "./types";
import type { ClaimCheck } from "../model/claims";
import { VERDICTS } from "../vocabulary/results";
import { checkId, checkNumber } from "./validate";
import * as messages from "../messages/report";
import { countedClaimsNotAList } from "../messages/ledger";

export { VERDICTS } from "../vocabulary/results";

export interface ComparePhrases {
  /** Used when a is above b; "{ratio}" becomes a ÷ b ("3.1×"). */
  readonly higher: string;
  readonly lower: string;
  readonly similar: string;
}

export interface CompareOptions {
  /** Relative difference of the medians still called similar (default 0.1 = 10%). */
  readonly tolerance?: number;
  /** Call them similar when their 90% intervals overlap (both need one), whatever the medians. */
  readonly overlap?: boolean;
}

export type VerdictPhrases = Partial<Record<Verdict, string>>;

export type ClaimCounts = Readonly<Record<Verdict, number>> & { readonly total: number; readonly judgementLed: number };

export interface CountsOptions {
  /** "4 are consistent and 3 overstated" (true) or "4 consistent and 3 overstated" (default). */
  readonly verb?: boolean;
}

/** What `ledger()` writes: the per-verdict counts phrase, the total, one verdict's count, or the judgement-led count. */
export type LedgerWhat = "counts" | "total" | "judgementLed" | Verdict;

export interface Words {
  compare(a: Comparable, b: Comparable, phrases: ComparePhrases, options?: CompareOptions): string;
  /**
   * "overstated by a factor of 3.0×", or the phrase given for the verdict, of a claim `nb.claim`
   * recorded, a check `checkClaim` made, or a bare verdict (no factor: "n/a"). In a phrase, "{factor}"
   * is stated ÷ computed, and "{times}" the larger of the two over the smaller (≥ 1: "understated by a
   * factor of 0.31×" says nothing a reader can use; "by a factor of 3.2×" does).
   */
  verdict(claim: ClaimRecord | ClaimCheck | Verdict, phrases?: VerdictPhrases): string;
  /** "one claim", "three claims", "12 claims", "no claims": one to nine in words, as prose writes them. */
  count(n: number, singular: string, plural?: string): string;
  /** "a, b and c". */
  list(items: readonly string[], conjunction?: "and" | "or"): string;
  /** Verdict counts of the claims this notebook recorded so far (optionally filtered). */
  claimsSoFar(filter?: (claim: ClaimRecord) => boolean): ClaimCounts;
  /** "4 are consistent and 3 overstated" from counts (of this notebook, or given). */
  countsText(counts: ClaimCounts, options?: CountsOptions): string;
  /** The same over the whole report's ledger, filled in when the report is rendered. */
  ledger(what?: LedgerWhat, options?: CountsOptions): string;
  /**
   * The claim ids a sentence's own counts and wording were decided on, when they come from a list the
   * notebook holds rather than from `ledger()`: shows nothing, and the build warns, at this cell, when
   * the whole report's ledger holds other claims (one a new chapter records, one no longer recorded).
   */
  countedClaims(ids: readonly string[]): string;
}

export type Comparable = number | FigureRecord | Summary;

const DEFAULT_VERDICT_PHRASES: Readonly<Record<Verdict, string>> = {
  consistent: "consistent with the model",
  overstated: "overstated by a factor of {factor}",
  understated: "understated by a factor of {times}",
  unverifiable: "not checkable against an independent figure",
};

export function createWords(claimsSoFar: () => readonly ClaimRecord[], ledgerKey?: string): Words {
  return {
    compare,
    verdict: verdictPhrase,
    count,
    list,
    claimsSoFar: (filter) => countClaims(claimsSoFar().filter(filter ?? (() => true))),
    countsText,
    ledger: (what = "counts", options = {}) => (ledgerKey !== undefined ? ledgerMarker(ledgerKey, what, options) : ledgerText(claimsSoFar(), what, options)),
    countedClaims: (ids) => {
      // Checked as nb.claim checks ids: a comma or a marker character in one would end the list early.
      if (!Array.isArray(ids)) throw new Error(countedClaimsNotAList(typeof ids));
      const checked = ids.map((id: unknown, index) => checkId("nb.words.countedClaims", `ids[${index}]`, id));
      return ledgerKey !== undefined ? countedMarker(ledgerKey, checked) : "";
    },
  };
}

export function compare(a: Comparable, b: Comparable, phrases: ComparePhrases, options: CompareOptions = {}): string {
  // A NaN compares false both ways and would pick a phrase silently: refused, as nb.fmt refuses it.
  const [x, y] = [interval(a, "first value"), interval(b, "second value")];
  const fill = (phrase: string): string => {
    if (!phrase.includes("{ratio}")) return phrase;
    if (y.p50 === 0) throw new Error(messages.apiRatioOfZero());
    return phrase.replace(/\{ratio\}/g, formatNumber(x.p50 / y.p50, "multiple"));
  };
  if (options.overlap === true && x.p5 !== undefined && y.p5 !== undefined && x.p95 !== undefined && y.p95 !== undefined) {
    if (x.p5 <= y.p95 && y.p5 <= x.p95) return fill(phrases.similar);
  } else if (Math.abs(x.p50 - y.p50) <= (options.tolerance ?? 0.1) * Math.abs(y.p50)) {
    return fill(phrases.similar);
  }
  return fill(x.p50 > y.p50 ? phrases.higher : phrases.lower);
}

function interval(value: Comparable, field: string): { p5?: number; p50: number; p95?: number } {
  const call = "nb.words.compare";
  if (typeof value === "number") return { p50: checkNumber(call, field, value) };
  const summary: { p5?: number; p50: number; p95?: number } = "format" in value ? (value.summary ?? { p50: value.value ?? Number.NaN }) : value;
  const p50 = checkNumber(call, `${field}.p50`, summary.p50);
  if (summary.p5 === undefined || summary.p95 === undefined) return { p50 };
  return { p5: checkNumber(call, `${field}.p5`, summary.p5), p50, p95: checkNumber(call, `${field}.p95`, summary.p95) };
}

export function verdictPhrase(claim: ClaimRecord | ClaimCheck | Verdict, phrases: VerdictPhrases = {}): string {
  const verdict = typeof claim === "string" ? claim : claim.verdict;
  // A factor that is no number (an Infinity passed by hand) is refused as nb.claim refuses it, not worded "Infinity×".
  const value = typeof claim === "string" || claim.factor === null ? undefined : checkNumber("nb.words.verdict", "factor", claim.factor);
  // No ratio (checkClaim against a computed midpoint of 0): the default phrase is the verdict alone, not "by a factor of n/a".
  if (value === undefined && phrases[verdict] === undefined && typeof claim !== "string" && (verdict === "overstated" || verdict === "understated")) return verdict;
  const factor = value === undefined ? "n/a" : formatFactor(value);
  const times = value === undefined ? "n/a" : formatFactor(largerOverSmaller(value));
  return (phrases[verdict] ?? DEFAULT_VERDICT_PHRASES[verdict]).replace(/\{factor\}/g, factor).replace(/\{times\}/g, times);
}

export function count(n: number, singular: string, plural = `${singular}s`): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(messages.apiBadCount(n));
  return n === 0 ? `no ${plural}` : `${countAsProse(n)} ${n === 1 ? singular : plural}`;
}

export function list(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1] ?? ""}`;
}

export function countClaims(claims: readonly ClaimRecord[]): ClaimCounts {
  const counts = { consistent: 0, overstated: 0, understated: 0, unverifiable: 0 };
  for (const claim of claims) counts[claim.verdict] += 1;
  return { ...counts, total: claims.length, judgementLed: claims.filter((c) => c.basis?.judgementLed === true).length };
}

/** "4 are consistent and 3 overstated": verdicts with a zero count are left out; "none" when empty. */
export function countsText(counts: ClaimCounts, options: CountsOptions = {}): string {
  const parts = VERDICTS.filter((v) => counts[v] > 0).map((v, index) => {
    const n = counts[v];
    const verb = options.verb === true && index === 0 ? (n === 1 ? " is" : " are") : "";
    return `${formatNumber(n, "count")}${verb} ${v}`;
  });
  return parts.length === 0 ? "none" : list(parts);
}

export function ledgerText(claims: readonly ClaimRecord[], what: LedgerWhat, options: CountsOptions = {}): string {
  const counts = countClaims(claims);
  if (what === "counts") return countsText(counts, options);
  if (what === "total") return formatNumber(counts.total, "count");
  return formatNumber(counts[what], "count");
}

// Private-use characters around "ledger:key:what:verb": markdown, its typographer, HTML escaping and
// nb.md's escaping of interpolated text (which escapes "|") leave them alone. The key is the run's
// (random, hex): the same characters typed into data carry no key, or another, and stay as they are.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const KEY = /^[0-9a-f]{16,}$/;

function ledgerMarker(key: string, what: LedgerWhat, options: CountsOptions): string {
  return `${OPEN}ledger:${key}:${what}:${options.verb === true ? 1 : 0}${CLOSE}`;
}

/**
 * Text without the markers `ledger()` and `countedClaims()` leave (what they stand for is known only at
 * render): a heading's id is made from its text before the markers are filled in, and must not carry a
 * run's random key, which changes at every run and broke every link to the heading.
 */
export function withoutLedgerMarkers(text: string): string {
  return text.includes(OPEN) ? text.replace(new RegExp(`${OPEN}[^${CLOSE}]*${CLOSE}`, "g"), "") : text;
}

/** Claim ids as `countedClaims` writes them: ids are letters, digits, "_", "." and "-" (validate.ts), so a comma parts them. */
function countedMarker(key: string, ids: readonly string[]): string {
  return `${OPEN}counted:${key}:${[...ids].map(String).join(",")}${CLOSE}`;
}

/** What a `countedClaims` marker found: the report's claims its list leaves out, and its ids no claim has. */
export interface CountedMismatch {
  readonly uncounted: readonly string[];
  readonly unrecorded: readonly string[];
  /** The marker as the notebook's output holds it: the cell that wrote it is the one whose output has it. */
  readonly marker: string;
}

/** Fills every `ledger()` marker the run with `key` left in rendered text, from the whole report's claims. */
export function resolveLedgerWords(text: string, claims: readonly ClaimRecord[], key: string | undefined): string {
  return resolveLedgerMarkers(text, claims, key).text;
}

/** The same, and each `countedClaims` marker taken out and compared with the whole report's claims. */
export function resolveLedgerMarkers(text: string, claims: readonly ClaimRecord[], key: string | undefined): { readonly text: string; readonly mismatches: readonly CountedMismatch[] } {
  if (key === undefined || !KEY.test(key) || !text.includes(OPEN)) return { text, mismatches: [] };
  const marker = new RegExp(`${OPEN}ledger:${key}:(\\w+):([01])${CLOSE}`, "g");
  const filled = text.replace(marker, (match, what: string, verb: string) => (isLedgerWhat(what) ? ledgerText(claims, what, { verb: verb === "1" }) : match));
  const mismatches: CountedMismatch[] = [];
  const recorded = new Set(claims.map((claim) => claim.id));
  const counted = new RegExp(`${OPEN}counted:${key}:([^${CLOSE}]*)${CLOSE}`, "g");
  const out = filled.replace(counted, (marker: string, list: string) => {
    const ids = new Set(list === "" ? [] : list.split(","));
    const uncounted = [...recorded].filter((id) => !ids.has(id));
    const unrecorded = [...ids].filter((id) => !recorded.has(id));
    if (uncounted.length + unrecorded.length > 0) mismatches.push({ uncounted, unrecorded, marker });
    return "";
  });
  return { text: out, mismatches };
}

function isLedgerWhat(value: string): value is LedgerWhat {
  return value === "counts" || value === "total" || value === "judgementLed" || (VERDICTS as readonly string[]).includes(value);
}
