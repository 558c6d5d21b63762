import type { ClaimRecord, FigureRecord, Summary, Verdict } from "./types";
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
export type ClaimCounts = Readonly<Record<Verdict, number>> & {
    readonly total: number;
    readonly judgementLed: number;
};
export interface CountsOptions {
    /** "4 are consistent and 3 overstated" (true) or "4 consistent and 3 overstated" (default). */
    readonly verb?: boolean;
}
/** What `ledger()` writes: the per-verdict counts phrase, the total, one verdict's count, or the judgement-led count. */
export type LedgerWhat = "counts" | "total" | "judgementLed" | Verdict;
export interface Words {
    compare(a: Comparable, b: Comparable, phrases: ComparePhrases, options?: CompareOptions): string;
    /** "overstated by a factor of 3.0×", or the phrase given for the verdict ("{factor}" filled in). */
    verdict(claim: ClaimRecord | Verdict, phrases?: VerdictPhrases): string;
    /** "1 claim", "3 claims", "no claims". */
    count(n: number, singular: string, plural?: string): string;
    /** "a, b and c". */
    list(items: readonly string[], conjunction?: "and" | "or"): string;
    /** Verdict counts of the claims this notebook recorded so far (optionally filtered). */
    claimsSoFar(filter?: (claim: ClaimRecord) => boolean): ClaimCounts;
    /** "4 are consistent and 3 overstated" from counts (of this notebook, or given). */
    countsText(counts: ClaimCounts, options?: CountsOptions): string;
    /** The same over the whole report's ledger, filled in when the report is rendered. */
    ledger(what?: LedgerWhat, options?: CountsOptions): string;
}
export type Comparable = number | FigureRecord | Summary;
export declare function createWords(claimsSoFar: () => readonly ClaimRecord[], ledgerKey?: string): Words;
export declare function compare(a: Comparable, b: Comparable, phrases: ComparePhrases, options?: CompareOptions): string;
export declare function verdictPhrase(claim: ClaimRecord | Verdict, phrases?: VerdictPhrases): string;
export declare function count(n: number, singular: string, plural?: string): string;
export declare function list(items: readonly string[], conjunction?: "and" | "or"): string;
export declare function countClaims(claims: readonly ClaimRecord[]): ClaimCounts;
/** "4 are consistent and 3 overstated": verdicts with a zero count are left out; "none" when empty. */
export declare function countsText(counts: ClaimCounts, options?: CountsOptions): string;
export declare function ledgerText(claims: readonly ClaimRecord[], what: LedgerWhat, options?: CountsOptions): string;
/** Fills every `ledger()` marker the run with `key` left in rendered text, from the whole report's claims. */
export declare function resolveLedgerWords(text: string, claims: readonly ClaimRecord[], key: string | undefined): string;
