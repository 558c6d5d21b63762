/**
 * The lab's hardware stacks in words. The report's lab runs two (Anthropic's TPU and Trainium), and the
 * chapters speak of "the second stack"; a what-if may set one, or more, and every sentence that counts
 * them must follow: a what-if of one stack read "the stacks beyond the first (1 in all) is $0 … That
 * is a real cost" and "1 hardware stacks".
 */
import { formatNumber } from "../format/number";
import { countAsProse } from "../format/count-words";

type Interval = { readonly low: number; readonly high: number };

const countSpan = (stacks: Interval): string =>
  stacks.low === stacks.high ? countAsProse(stacks.low) : `${formatNumber(stacks.low, "count")}–${formatNumber(stacks.high, "count")}`;

/** "two hardware stacks", "one hardware stack", "2–3 hardware stacks". */
export function stackCountWords(stacks: Interval): string {
  return `${countSpan(stacks)} hardware stack${stacks.low === 1 && stacks.high === 1 ? "" : "s"}`;
}

/**
 * What the lab's extra engineering is the cost of: "the second stack", "the two stacks beyond the first"
 * ("(three in all)" read as three extra), "the stacks beyond the first (2–3 stacks in all)"; undefined
 * when the lab runs one stack, so there is no extra engineering to speak of.
 */
export function extraStacksWords(stacks: Interval): string | undefined {
  if (stacks.high <= 1) return undefined;
  if (stacks.low === 2 && stacks.high === 2) return "the second stack";
  if (stacks.low === stacks.high) return `the ${countAsProse(stacks.low - 1)} stacks beyond the first`;
  return `the stacks beyond the first (${countSpan(stacks)} stacks in all)`;
}

/**
 * A chapter's note when a build counts other than two stacks: its text, written for the report's lab,
 * speaks of two stacks, two pools and the second stack, and the figures are computed for the count
 * the build has, but for `keptAtTwo` (a figure that checks the essay's claim about two stacks, named
 * as it stays). Undefined for two. Plain text: a chapter shows it in bold, nb.md`**${note}**`.
 */
export function stackCountNote(stacks: Interval, keptAtTwo?: string): string | undefined {
  if (stacks.low === 2 && stacks.high === 2) return undefined;
  const except = keptAtTwo === undefined ? "" : `, but for ${keptAtTwo}, which stays at two`;
  return `This build counts ${stackCountWords(stacks)}, not the essay's two: where the text of this chapter speaks of two stacks, two pools or the second stack, every figure is computed for ${stackCountWords(stacks)}${except}.`;
}
