/**
 * Correlated inputs without changing any input's distribution: Iman & Conover (1982), the rank
 * correlation method of @RISK and Crystal Ball.
 *
 *   1. each correlated column gets its own random permutation of van der Waerden scores Φ⁻¹(i/(n+1))
 *   2. the scores' actual correlation E = Q·Qᵀ and the target C = P·Pᵀ (Cholesky, src/util/linalg.ts)
 *   3. each row of scores r becomes P·Q⁻¹·r: the new scores have correlation C (exactly, not just
 *      in expectation, because E is measured rather than assumed to be the identity)
 *   4. each column's ORIGINAL draws are re-ordered to follow the ranks of its new scores
 *
 * Step 4 only permutes values within a column, so every marginal is kept exactly: same values, same
 * percentiles. What moves is which draws share a row, i.e. the rank correlation between inputs.
 * Scores are normal, so a target Spearman ρ is turned into the Pearson correlation of normal scores
 * that gives it: 2·sin(π·ρ/6) (Pearson's relation for the bivariate normal).
 */
import { normalQuantile } from "./distributions";
import { cholesky, invertLower, multiply } from "../util/linalg";
import { uniformStream } from "./random";
import { sortedCopy, stableRanks } from "./order";
import * as msg from "../messages/model";

/** A target rank correlation between two columns, by column name. */
export interface RankTarget<K extends string> {
  readonly a: K;
  readonly b: K;
  readonly rho: number;
}

/**
 * New columns where each pair in `targets` has (about) the target Spearman ρ; columns not named in a
 * target are returned as they are. Pure: the given columns are not modified. `seed` makes the score
 * permutations reproducible (each column's permutation is keyed by its name). Throws a RangeError
 * when the targets cannot be met together (not positive semi-definite).
 */
export function imposeRankCorrelation<K extends string>(
  columns: Readonly<Record<K, Float64Array>>,
  targets: readonly RankTarget<K>[],
  seed: number,
): Record<K, Float64Array> {
  const result = { ...columns } as Record<K, Float64Array>;
  const names = [...new Set(targets.flatMap((t) => [t.a, t.b]))];
  if (names.length < 2) return result;
  const n = (columns[names[0] as K] as Float64Array).length;
  const target = correlationMatrix(names, targets, (rho) => 2 * Math.sin((Math.PI * rho) / 6));
  const p = cholesky(target).ok ? cholesky(target) : cholesky(correlationMatrix(names, targets, (rho) => rho));
  if (!p.ok) throw new RangeError(msg.correlationsNotPositiveSemiDefinite(names));

  const scores = names.map((name) => permutedScores(n, seed, name));
  const q = cholesky(sampleCorrelation(scores));
  if (!q.ok) throw new RangeError(msg.scoreMatrixSingular());
  const transform = multiply(p.lower, invertLower(q.lower));
  const mixed = names.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < names.length; r++) {
      let sum = 0;
      const row = transform[r] as number[];
      for (let c = 0; c < names.length; c++) sum += (row[c] as number) * (scores[c] as Float64Array)[i]!;
      (mixed[r] as Float64Array)[i] = sum;
    }
  }
  names.forEach((name, r) => {
    result[name] = reorderLike(columns[name], mixed[r] as Float64Array);
  });
  return result;
}

function correlationMatrix<K extends string>(names: readonly K[], targets: readonly RankTarget<K>[], map: (rho: number) => number): number[][] {
  const matrix = names.map((_, i) => names.map((__, j) => (i === j ? 1 : 0)));
  for (const { a, b, rho } of targets) {
    const [i, j] = [names.indexOf(a), names.indexOf(b)];
    (matrix[i] as number[])[j] = map(rho);
    (matrix[j] as number[])[i] = map(rho);
  }
  return matrix;
}

/** Φ⁻¹(i/(n+1)) for i = 1…n, shuffled (Fisher–Yates) by a stream keyed on the column's name. */
function permutedScores(n: number, seed: number, name: string): Float64Array {
  const scores = scoresInOrder(n).slice();
  const stream = uniformStream(seed, `iman-conover:${name}`);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(stream.next() * (i + 1));
    const swap = scores[i] as number;
    scores[i] = scores[j] as number;
    scores[j] = swap;
  }
  return scores;
}

// The unshuffled scores depend on n alone, and every correlated column of every run needs them:
// computed once per sample count (n quantiles each time was a fifth of a correlated run's cost).
const SCORES_IN_ORDER = new Map<number, Float64Array>();

/** Φ⁻¹(i/(n+1)) for i = 1…n, ascending; shared and never modified (callers copy). */
function scoresInOrder(n: number): Float64Array {
  let scores = SCORES_IN_ORDER.get(n);
  if (scores === undefined) {
    scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
    if (SCORES_IN_ORDER.size >= 8) SCORES_IN_ORDER.clear();
    SCORES_IN_ORDER.set(n, scores);
  }
  return scores;
}

/** Pearson correlation matrix of columns that all have mean 0 and the same spread (the scores). */
function sampleCorrelation(columns: readonly Float64Array[]): number[][] {
  const dot = (x: Float64Array, y: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += (x[i] as number) * (y[i] as number);
    return sum;
  };
  const norms = columns.map((c) => Math.sqrt(dot(c, c)));
  return columns.map((x, i) => columns.map((y, j) => (i === j ? 1 : dot(x, y) / ((norms[i] as number) * (norms[j] as number)))));
}

/** `values` re-ordered so that its k-th smallest value sits where `order` has its k-th smallest (ties: the earlier position first). */
function reorderLike(values: Float64Array, order: Float64Array): Float64Array {
  const sorted = sortedCopy(values);
  const rank = stableRanks(order);
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = sorted[rank[i] as number] as number;
  return out;
}
