/**
 * A claim's factor as the chapters' prose says it. The ledger's factor is stated ÷ computed, midpoint
 * to midpoint; a sentence says it the way round that is at least 1 ("understated by 3.2×", the model
 * giving 3.2 times the stated figure, not "by 0.31×") and gives, beside it, the span the same division
 * has across the computed 90% interval (`factorSpan`): a ratio in prose is a number from the model and
 * carries its interval as every other number does.
 */
import { factorSpan, type Range } from "../model/claims";
import { summaryParts } from "../format/number";
import { largerOverSmaller } from "../format/factor";
import type { Verdict } from "../vocabulary/results";

export interface ClaimFactor {
  /** How many times the larger of stated and computed is the smaller, midpoint to midpoint (≥ 1). */
  readonly times: number;
  /** The same across the computed range's ends, smaller first; undefined where that range is one value. */
  readonly span: Range | undefined;
}

/** The factor of a claim that is off (overstated or understated), the way round a sentence says it; undefined otherwise. */
export function claimFactor(claim: { readonly verdict: Verdict; readonly factor: number | null; readonly stated: Range; readonly computed: Range }): ClaimFactor | undefined {
  if ((claim.verdict !== "overstated" && claim.verdict !== "understated") || claim.factor === null || !(claim.factor > 0)) return undefined;
  const span = factorSpan(claim.stated, claim.computed);
  if (claim.factor >= 1) return { times: claim.factor, span };
  // The whole scale turned round, span and all: each end's reciprocal (a span running across 1 stays one).
  return { times: largerOverSmaller(claim.factor), span: span === undefined ? undefined : { low: 1 / span.high, high: 1 / span.low } };
}

/**
 * "11× (7.6×–15× across our 90% interval)": the factor and its span, written as `nb.fmt` writes
 * multiples and at one precision ("1.14× (1.09×–1.18× …)"); the factor alone where there is no span.
 * `across` names the interval the span runs over.
 */
export function factorWords(factor: ClaimFactor, across = "across our 90% interval"): string {
  const { span } = factor;
  const { median, interval } = summaryParts({ p5: span?.low ?? factor.times, p50: factor.times, p95: span?.high ?? factor.times }, "multiple");
  return span === undefined ? median : `${median} (${interval} ${across})`;
}
