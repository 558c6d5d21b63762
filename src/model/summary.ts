/**
 * Mean and percentiles of a sample set. Percentiles interpolate linearly between order statistics
 * (Hyndman–Fan type 7, numpy's default): p → position h = (n − 1)·p, value x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 *
 * Order statistics come from a sorted copy: the typed array's native sort is faster than a
 * quickselect written in JS, whose five passes ran unoptimized in each notebook's fresh realm.
 */
import type { Summary } from "../vocabulary/results";

const PERCENTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** The summary of `samples` (not reordered). Any NaN sample makes every field NaN. */
export function summarize(samples: Float64Array | readonly number[]): Summary {
  const work = scratchCopy(samples);
  let sum = 0;
  for (let i = 0; i < work.length; i++) sum += work[i] as number;
  if (work.length === 0 || Number.isNaN(sum)) return { mean: Number.NaN, p5: Number.NaN, p25: Number.NaN, p50: Number.NaN, p75: Number.NaN, p95: Number.NaN };
  const [p5, p25, p50, p75, p95] = percentilesOfSorted(work.sort(), PERCENTILES) as [number, number, number, number, number];
  return { mean: sum / work.length, p5, p25, p50, p75, p95 };
}

/**
 * The sorted copy a summary needs is made in one buffer the thread keeps, never handed out. A new
 * array per summary (800 KB for 100,000 draws) was memory the OS had to hand over afresh each time,
 * and a page's first touch is dear on a virtual machine (~18 µs each here): ~3.5 ms a summary, more
 * than its sort.
 */
let scratch = new Float64Array(0);
function scratchCopy(samples: Float64Array | readonly number[]): Float64Array {
  if (scratch.length < samples.length) scratch = new Float64Array(samples.length);
  const work = scratch.subarray(0, samples.length);
  work.set(samples);
  return work;
}

/** Percentiles of ascending `sorted` values (type 7: linear between order statistics). */
export function percentilesOfSorted(sorted: Float64Array, ps: readonly number[]): number[] {
  const last = sorted.length - 1;
  return ps.map((p) => {
    const h = last * p;
    const below = Math.floor(h);
    const lower = sorted[below] as number;
    if (below === last || h === below) return lower;
    const upper = sorted[below + 1] as number;
    return lower + (h - below) * (upper - lower);
  });
}
