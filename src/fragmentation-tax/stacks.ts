/**
 * The lab's hardware stacks in words. The report's lab runs two (Anthropic's TPU and Trainium), and the
 * chapters speak of "the second stack"; a what-if may set one, or more, and every sentence that counts
 * them must follow: a what-if of one stack read "the stacks beyond the first (1 in all) is $0 … That
 * is a real cost" and "1 hardware stacks".
 */
import { countAsProse, formatNumber } from "../format/number";

type Interval = { readonly low: number; readonly high: number };

const countSpan = (stacks: Interval): string =>
  stacks.low === stacks.high ? countAsProse(stacks.low) : `${formatNumber(stacks.low, "count")}–${formatNumber(stacks.high, "count")}`;

/** "two hardware stacks", "one hardware stack", "2–3 hardware stacks". */
export function stackCountWords(stacks: Interval): string {
  return `${countSpan(stacks)} hardware stack${stacks.low === 1 && stacks.high === 1 ? "" : "s"}`;
}

/**
 * What the lab's extra engineering is the cost of: "the second stack", "the stacks beyond the first
 * (three in all)"; undefined when the lab runs one stack, so there is no extra engineering to speak of.
 */
export function extraStacksWords(stacks: Interval): string | undefined {
  if (stacks.high <= 1) return undefined;
  return stacks.low === 2 && stacks.high === 2 ? "the second stack" : `the stacks beyond the first (${countSpan(stacks)} in all)`;
}
