/**
 * Mean and percentiles of a sample set. Percentiles interpolate linearly between order statistics
 * (Hyndman–Fan type 7, numpy's default): p → position h = (n − 1)·p, value x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 *
 * The order statistics come from a quickselect of all ten at once (each percentile's two neighbours) on
 * one scratch copy: ~4 passes over the draws in all, where the typed array's native sort made ~17 and
 * took ~10 ms of each 100,000-draw summary (a model run's four summaries were ~45 of its ~93 ms, 2026-12-08).
 */
import type { Summary } from "../vocabulary/results";

const PERCENTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** The summary of `samples` (not reordered). Any NaN sample makes every field NaN. */
export function summarize(samples: Float64Array | readonly number[]): Summary {
  const work = scratchCopy(samples);
  let sum = 0;
  for (let i = 0; i < work.length; i++) sum += work[i] as number;
  if (work.length === 0 || Number.isNaN(sum)) return { mean: Number.NaN, p5: Number.NaN, p25: Number.NaN, p50: Number.NaN, p75: Number.NaN, p95: Number.NaN };
  const ranks = neighbourRanks(work.length, PERCENTILES);
  selectRanks(work, ranks);
  // A sort puts −0 before 0, which selection (by <) does not tell apart: a zero at a rank read is
  // sorted, so the percentile keeps the sign a sort gives it (draws are seldom exactly zero).
  if (ranks.some((rank) => work[rank] === 0)) work.sort();
  const [p5, p25, p50, p75, p95] = percentilesOfSorted(work, PERCENTILES) as [number, number, number, number, number];
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

/** The ranks type 7 reads for `ps` of `n` values: each percentile's order statistic and the next, ascending. */
function neighbourRanks(n: number, ps: readonly number[]): number[] {
  const ranks = new Set<number>();
  for (const p of ps) {
    const below = Math.floor((n - 1) * p);
    ranks.add(below);
    if (below + 1 < n) ranks.add(below + 1);
  }
  return [...ranks].sort((a, b) => a - b);
}

/** Below this many values a range is sorted outright: partitioning it costs more than it saves. */
const SMALL = 48;

/**
 * Reorders `values` so that each of `ranks` (ascending, distinct) holds the value a sort would put
 * there. Hoare's partition around a median of three, each rank going to the side that holds it; a
 * range that will not shrink (more levels than twice its size's log) is sorted, so no input is
 * quadratic. NaN must not be among the values (`summarize` returns before).
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  selectIn(values, 0, values.length - 1, ranks, 0, ranks.length, 2 * Math.ceil(Math.log2(values.length + 1)));
}

function selectIn(a: Float64Array, lo: number, hi: number, ranks: readonly number[], from: number, to: number, depth: number): void {
  // ranks[from, to) lie in [lo, hi]; the right side is looped on, the left recursed into.
  while (from < to) {
    if (hi - lo < SMALL || depth-- <= 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const pivot = medianOfThree(a[lo] as number, a[(lo + hi) >>> 1] as number, a[hi] as number);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and whatever lies between j and i equals the pivot: in place.
    let left = from;
    while (left < to && (ranks[left] as number) <= j) left++;
    let right = left;
    while (right < to && (ranks[right] as number) < i) right++;
    if (from < left) selectIn(a, lo, j, ranks, from, left, depth);
    lo = i;
    from = right;
  }
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}

/**
 * Percentiles of values whose order statistics at each percentile's two neighbouring ranks are in
 * place (sorted values, or `selectRanks` of those ranks) (type 7: linear between order statistics).
 */
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
