/**
 * Mean and percentiles of a sample set. Percentiles interpolate linearly between order statistics
 * (Hyndman–Fan type 7, numpy's default): p → position h = (n − 1)·p, value x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 *
 * Order statistics come from a sorted copy: the typed array's native sort is faster than a
 * quickselect written in JS, whose five passes ran unoptimized in each notebook's fresh realm.
 */
import type { Summary } from "../vocabulary/results";
/** The summary of `samples` (not reordered). Any NaN sample makes every field NaN. */
export declare function summarize(samples: Float64Array | readonly number[]): Summary;
/** Percentiles of ascending `sorted` values (type 7: linear between order statistics). */
export declare function percentilesOfSorted(sorted: Float64Array, ps: readonly number[]): number[];
