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
 * So "overstated by 10.7×" means the stated figure is about 10.7 times the computed one; where the
 * computed midpoint is zero, no ratio exists and the factor is null, as for an unverifiable claim.
 */
import type { Summary, Verdict } from "../vocabulary/results";
import * as msg from "../messages/model";

export interface Range {
  readonly low: number;
  readonly high: number;
}

export interface ClaimCheck {
  readonly verdict: Verdict;
  readonly factor: number | null;
}

export function checkClaim(stated: Range, computed: Range, options: { readonly tolerance?: number } = {}): ClaimCheck {
  const tolerance = options.tolerance ?? 0;
  const atOrBelow = (a: number, b: number): boolean => a <= b || a - b <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  const bounds = [stated.low, stated.high, computed.low, computed.high];
  if (!bounds.every(Number.isFinite)) return { verdict: "unverifiable", factor: null };
  if (stated.low > stated.high) throw new RangeError(msg.rangeReversed("stated range", stated.low, stated.high));
  if (computed.low > computed.high) throw new RangeError(msg.rangeReversed("computed range", computed.low, computed.high));
  if (atOrBelow(stated.low, computed.high) && atOrBelow(computed.low, stated.high)) return { verdict: "consistent", factor: 1 };
  const geometric = bounds.every((bound) => bound > 0);
  const factor = midpoint(stated, geometric) / midpoint(computed, geometric);
  // A computed range at zero (a what-if that leaves nothing to pay) has no ratio to it: the verdict stands alone.
  return { verdict: stated.low > computed.high ? "overstated" : "understated", factor: Number.isFinite(factor) ? factor : null };
}

/**
 * How far the factor can be from what it says: the stated midpoint (as `checkClaim` takes it) ÷ each end
 * of the computed range, smaller first. "Overstated by 11×" divides by the computed midpoint; against
 * a 90% interval the same stated figure is 7.6× its high end and 15× its low end, which is the
 * factor's own interval a reader needs beside it. Undefined where no such span exists: a bound that is
 * not finite, a computed range that is one value (an announced figure: the factor is exact), or one
 * that reaches zero or crosses it (a ratio to each end would run to infinity or change sign).
 */
export function factorSpan(stated: Range, computed: Range): Range | undefined {
  const bounds = [stated.low, stated.high, computed.low, computed.high];
  if (!bounds.every(Number.isFinite) || computed.low === computed.high) return undefined;
  if (!(computed.low > 0 || computed.high < 0)) return undefined;
  const middle = midpoint(stated, bounds.every((bound) => bound > 0));
  const [a, b] = [middle / computed.high, middle / computed.low];
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

export function midpoint(range: Range, geometric: boolean): number {
  return geometric ? Math.sqrt(range.low * range.high) : (range.low + range.high) / 2;
}

/** A Monte Carlo summary as the computed range of a claim check: its 90% interval and median. */
export function computedRange(summary: Summary): Range & { readonly p50: number } {
  return { low: summary.p5, high: summary.p95, p50: summary.p50 };
}
