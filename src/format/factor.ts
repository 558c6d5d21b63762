/**
 * A verdict's factor as readers see it. The factor is stored as stated ÷ computed (claims.json,
 * diffs); beside its verdict it is written the way the verdict reads ("understated 2.4×" for an essay
 * figure about 2.4 times below ours): for an understated claim the stored ratio is below 1, and the
 * ledger's badge read "understated 0.41×" while the prose beside it said "about 2.4× as much".
 */
import type { Verdict } from "../vocabulary/results";
import { formatNumber } from "./number";

export function formatVerdictFactor(verdict: Verdict, factor: number): string {
  return formatFactor(verdict === "understated" ? largerOverSmaller(factor) : factor);
}

/**
 * A ratio the way round a sentence says it, at least 1: the larger of the two over the smaller
 * ("understated by 3.2×", not "by 0.31×"). A ratio that is not positive is as it is.
 */
export function largerOverSmaller(factor: number): number {
  return factor > 0 && factor < 1 ? 1 / factor : factor;
}

/** A verdict's factor (stated ÷ computed); one that would read "1×" gets a third digit ("1.03×"): "overstated by 1×" says nothing. */
export function formatFactor(factor: number): string {
  const text = formatNumber(factor, "multiple");
  return text === "1×" ? `${formatNumber(factor, "number")}×` : text;
}
