/** An assumption's content, the part of it that cache keys, hashes and diffs compare. */
import { sortKeys } from "../util/hash";
import type { Assumption, AssumptionInfo } from "./types";

/**
 * What of an assumption can change a notebook's output: everything but its position in the file
 * (moving an entry, or editing its neighbour, must not re-run the notebooks that read it).
 */
export type AssumptionContent = Omit<Assumption, "position">;

export function assumptionContent(assumption: Assumption): AssumptionContent {
  // Spread-then-delete keeps every other field, including ones added to the type later.
  const { position: _position, ...content } = assumption;
  return sortKeys(content) as AssumptionContent;
}

/** What `catalog()` shows of an assumption: everything but its numbers (and its position). */
export function assumptionInfo(assumption: Assumption): AssumptionInfo {
  const { value: _value, range: _range, mode: _mode, distribution: _distribution, ...info } = assumption;
  return info;
}

/** What the cache keeps of a catalogue read: `assumptionInfo` without the position. */
export type AssumptionInfoContent = Omit<AssumptionInfo, "position">;

export function assumptionInfoContent(assumption: Assumption): AssumptionInfoContent {
  const { position: _position, ...content } = assumptionInfo(assumption);
  return sortKeys(content) as AssumptionInfoContent;
}
