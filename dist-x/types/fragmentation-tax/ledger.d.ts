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
import { type Range } from "../model/claims";
import type { VALUATION, WHO_PAYS } from "./lab-models";
import { type ModelRun, type ReportModel } from "../model/runner";
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
    readonly computed: Range & {
        readonly p50?: number;
    };
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
export declare function ledgerClaim(entry: LedgerEntry): LedgerClaim;
/** Counts of verdicts over a ledger (how many rest on judgement is the tool's: `nb.words.ledger("judgementLed")`). */
export declare function verdictCounts(entries: readonly LedgerEntry[]): Record<Verdict | "total", number>;
/** A date "YYYY-MM-DD" as a decimal year (2026-04-28 → 2026.32). */
export declare function decimalYear(isoDate: string): number;
export declare function trainingClaims(r: {
    box: RunOf<typeof TRAINING_ESSAY_BOX>;
    readings: RunOf<typeof TRAINING_READINGS>;
    market: RunOf<typeof TRAINING_MARKET>;
}, get: Get, fmt: Fmt): LedgerEntry[];
export declare function captiveCloudClaims(get: Get): LedgerEntry[];
export declare function creditsClaims(credits: RunOf<typeof CREDITS>, get: Get, fmt: Fmt): LedgerEntry[];
export declare function sovereigntyClaims(sov: RunOf<typeof SOVEREIGNTY>, get: Get, fmt: Fmt): LedgerEntry[];
export declare function whoPaysClaims(r: {
    pay: RunOf<typeof WHO_PAYS>;
    val: RunOf<typeof VALUATION>;
}, get: Get, fmt: Fmt): LedgerEntry[];
export declare function scenarioClaims(get: Get, fmt: Fmt): LedgerEntry[];
export declare function chipClaims(get: Get, fmt: Fmt): LedgerEntry[];
export {};
