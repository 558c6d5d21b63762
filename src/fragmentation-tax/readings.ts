/**
 * Where a computed figure lies against one the essay states, and the readings of the essay's
 * training bill (chapter 1): the three readings under which the stated bill may hold, each placed
 * against the stated range. One home for every sentence that reports them (chapter 1, the ledger,
 * the summary and its title card), so a what-if that moves a reading out of the range, or changes the
 * essay's GPU count, changes all of them together instead of leaving a typed "all three overlap".
 */
import type { Assumption } from "../assumptions/types";
import type { NumberFormat } from "../format/number";
import { countAsProse } from "../format/count-words";
import { checkClaim, computedRange, type Range } from "../model/claims";
import { intervalOf } from "../model/runner";
import type { Summary } from "../vocabulary/results";

type Fmt = (x: number | Summary, format?: NumberFormat) => string;

/** A computed 90% interval (or range) against a stated range: overlapping it, wholly below or above, or not comparable. */
export type Placement = "within" | "below" | "above" | "unknown";

export function placement(computed: Summary | Range, stated: Range): Placement {
  const range = "p5" in computed ? computedRange(computed) : computed;
  const { verdict } = checkClaim(stated, range);
  return verdict === "consistent" ? "within" : verdict === "overstated" ? "below" : verdict === "understated" ? "above" : "unknown";
}

/** The placement in words, after the figure: "$529M, which overlaps the stated bill". */
export const PLACEMENT_WORDS: Readonly<Record<Placement, string>> = {
  within: "overlaps the stated bill",
  below: "falls short of the stated bill",
  above: "exceeds the stated bill",
  unknown: "cannot be compared with the stated bill",
};

export interface TrainingReading {
  readonly id: "ten_times_gpus" | "programme" | "flop_route";
  /** Short, for lists and the title card: "100,000–150,000 GPUs (a dropped zero)". */
  readonly label: string;
  readonly summary: Summary;
  readonly placement: Placement;
}

/** The three readings of chapter 1, in its order, each placed against the essay's stated bill. */
export function trainingReadings(
  r: {
    readonly readings: { readonly summary: Readonly<Record<"cost_ten_times_gpus_usd" | "cost_programme_usd", Summary>> };
    readonly market: { readonly summary: Readonly<Record<"cost_flop_route_usd" | "box_flop_e25", Summary>> };
  },
  get: (id: string) => Assumption,
  fmt: Fmt,
): TrainingReading[] {
  const stated = intervalOf(get("essay_training_run_cost_usd"));
  // "Larger" than the essay's cluster delivers (its median), over the whole FLOP range.
  const larger = intervalOf(get("frontier_training_flop")).low > r.market.summary.box_flop_e25.p50 * 1e25;
  const rows = [
    { id: "ten_times_gpus", label: `${tenTimesGpus(get, fmt)} (a dropped zero)`, summary: r.readings.summary.cost_ten_times_gpus_usd },
    { id: "programme", label: "the R&D programme around one run", summary: r.readings.summary.cost_programme_usd },
    { id: "flop_route", label: `${larger ? "a larger run" : "a run"} priced from its compute`, summary: r.market.summary.cost_flop_route_usd },
  ] as const;
  return rows.map((row) => ({ ...row, placement: placement(row.summary, stated) }));
}

/** Ten times the essay's GPU count, as a range: "100,000–150,000 GPUs". */
export function tenTimesGpus(get: (id: string) => Assumption, fmt: Fmt): string {
  const gpus = intervalOf(get("essay_training_gpu_count"));
  return `${fmt(gpus.low * 10, "count")}–${fmt(gpus.high * 10, "count")} GPUs`;
}

/**
 * How many of the readings overlap the stated bill, as a sentence: "All three overlap the stated bill."
 * `noun` names them where the sentence before did not ("All three other readings exceed …").
 */
export function readingsTally(readings: readonly TrainingReading[], noun?: string): string {
  const within = readings.filter((r) => r.placement === "within").length;
  const named = noun === undefined ? "" : ` ${noun}`;
  const all = readings.length === 2 ? `Both${named}` : `All ${countAsProse(readings.length)}${named}`;
  if (within === readings.length) return `${all} overlap the stated bill.`;
  if (within === 0) {
    if (readings.every((r) => r.placement === "above")) return `${all} exceed the stated bill.`;
    if (readings.every((r) => r.placement === "below")) return `${all} fall short of the stated bill.`;
    return `None of ${noun === undefined ? "them" : `the ${countAsProse(readings.length)} ${noun}`} overlaps the stated bill.`;
  }
  return `${capitalize(countAsProse(within))} of the ${countAsProse(readings.length)}${named} ${within === 1 ? "overlaps" : "overlap"} the stated bill.`;
}

/** A phrase to begin a sentence with ("the essay's" → "The essay's"). */
export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
