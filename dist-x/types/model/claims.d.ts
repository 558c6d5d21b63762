/**
 * Checking a stated range against a computed one.
 *
 *   consistent   the ranges overlap (stated.low ≤ computed.high and computed.low ≤ stated.high), or miss
 *                each other by no more than `tolerance` (a fraction, default 0): the caller's choice of
 *                a gap its figures cannot show (the ledger's multiples: 1.96× reads "2×"); factor 1
 *   overstated   the stated range lies wholly above the computed one
 *   understated  … wholly below
 *   unverifiable a bound is not a finite number; factor null (no ratio exists, and NaN would not
 *                survive JSON)
 *
 * factor = midpoint(stated) ÷ midpoint(computed), where the midpoint is geometric, √(low·high), when
 * both bounds of both ranges are positive (costs and multiples are judged in ratios), else arithmetic.
 * So "overstated by 10.7×" means the stated figure is about 10.7 times the computed one.
 */
import type { Summary, Verdict } from "../vocabulary/results";
export interface Range {
    readonly low: number;
    readonly high: number;
}
export interface ClaimCheck {
    readonly verdict: Verdict;
    readonly factor: number | null;
}
export declare function checkClaim(stated: Range, computed: Range, options?: {
    readonly tolerance?: number;
}): ClaimCheck;
export declare function midpoint(range: Range, geometric: boolean): number;
/** A Monte Carlo summary as the computed range of a claim check: its 90% interval and median. */
export declare function computedRange(summary: Summary): Range & {
    readonly p50: number;
};
