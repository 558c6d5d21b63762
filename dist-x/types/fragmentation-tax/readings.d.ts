/**
 * Where a computed figure lies against one the essay states, and the readings of the essay's
 * training bill (chapter 1): the three readings under which the stated bill may hold, each placed
 * against the stated range. One home for every sentence that reports them (chapter 1, the ledger,
 * the summary and its title card), so a what-if that moves a reading out of the range, or changes the
 * essay's GPU count, changes all of them together instead of leaving a typed "all three overlap".
 */
import type { Assumption } from "../assumptions/types";
import type { NumberFormat } from "../format/number";
import { type Range } from "../model/claims";
import type { Summary } from "../vocabulary/results";
type Fmt = (x: number | Summary, format?: NumberFormat) => string;
/** A computed 90% interval (or range) against a stated range: overlapping it, wholly below or above, or not comparable. */
export type Placement = "within" | "below" | "above" | "unknown";
export declare function placement(computed: Summary | Range, stated: Range): Placement;
/** The placement in words, after the figure: "$529M, which overlaps the stated bill". */
export declare const PLACEMENT_WORDS: Readonly<Record<Placement, string>>;
export interface TrainingReading {
    readonly id: "ten_times_gpus" | "programme" | "flop_route";
    /** Short, for lists and the title card: "100,000–150,000 GPUs (a dropped zero)". */
    readonly label: string;
    readonly summary: Summary;
    readonly placement: Placement;
}
/** The three readings of chapter 1, in its order, each placed against the essay's stated bill. */
export declare function trainingReadings(r: {
    readonly readings: {
        readonly summary: Readonly<Record<"cost_ten_times_gpus_usd" | "cost_programme_usd", Summary>>;
    };
    readonly market: {
        readonly summary: Readonly<Record<"cost_flop_route_usd" | "box_flop_e25", Summary>>;
    };
}, get: (id: string) => Assumption, fmt: Fmt): TrainingReading[];
/** Ten times the essay's GPU count, as a range: "100,000–150,000 GPUs". */
export declare function tenTimesGpus(get: (id: string) => Assumption, fmt: Fmt): string;
/** How many of the readings overlap the stated bill, as a sentence: "All three overlap the stated bill." */
export declare function readingsTally(readings: readonly TrainingReading[]): string;
export {};
