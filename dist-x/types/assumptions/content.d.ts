import type { Assumption, AssumptionInfo } from "./types";
/**
 * What of an assumption can change a notebook's output: everything but its position in the file
 * (moving an entry, or editing its neighbour, must not re-run the notebooks that read it).
 */
export type AssumptionContent = Omit<Assumption, "position">;
export declare function assumptionContent(assumption: Assumption): AssumptionContent;
/** What `catalog()` shows of an assumption: everything but its numbers (and its position). */
export declare function assumptionInfo(assumption: Assumption): AssumptionInfo;
/** What the cache keeps of a catalogue read: `assumptionInfo` without the position. */
export type AssumptionInfoContent = Omit<AssumptionInfo, "position">;
export declare function assumptionInfoContent(assumption: Assumption): AssumptionInfoContent;
