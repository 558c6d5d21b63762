/**
 * The little linear algebra correlated sampling needs, on small dense matrices (one row per
 * correlated input, rarely more than ten): a Cholesky factorization that also accepts positive
 * SEMI-definite matrices (a correlation of exactly ±1 is legal), and products with lower-triangular
 * factors. Written out rather than imported: 60 lines are easier to audit than a matrix library.
 */

export type Matrix = readonly (readonly number[])[];

/** Pivots below this count as zero (a singular but still valid correlation matrix). */
const TOLERANCE = 1e-9;

export type CholeskyResult =
  | { readonly ok: true; readonly lower: number[][] }
  /** `index`: the first row where the matrix stopped being positive semi-definite. */
  | { readonly ok: false; readonly index: number };

/**
 * A = L·Lᵀ with L lower-triangular (Cholesky–Banachiewicz, row by row). A zero pivot is allowed when
 * the rest of its column is zero too (semi-definite); a negative pivot, or a zero pivot with a non-zero
 * column below it, means A is not positive semi-definite, so no set of variables can have it.
 */
export function cholesky(a: Matrix): CholeskyResult {
  const n = a.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const rowJ = lower[j] as number[];
    let pivot = (a[j] as readonly number[])[j] as number;
    for (let k = 0; k < j; k++) pivot -= (rowJ[k] as number) ** 2;
    if (pivot < -TOLERANCE) return { ok: false, index: j };
    const diagonal = pivot > TOLERANCE ? Math.sqrt(pivot) : 0;
    rowJ[j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      const rowI = lower[i] as number[];
      let sum = (a[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= (rowI[k] as number) * (rowJ[k] as number);
      if (diagonal === 0) {
        if (Math.abs(sum) > TOLERANCE) return { ok: false, index: i };
        rowI[j] = 0;
      } else {
        rowI[j] = sum / diagonal;
      }
    }
  }
  return { ok: true, lower };
}

/** L⁻¹ for a lower-triangular L with a non-zero diagonal (forward substitution, column by column). */
export function invertLower(lower: Matrix): number[][] {
  const n = lower.length;
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    for (let i = col; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = col; k < i; k++) sum -= (lower[i] as readonly number[])[k]! * (inverse[k] as number[])[col]!;
      (inverse[i] as number[])[col] = sum / (lower[i] as readonly number[])[i]!;
    }
  }
  return inverse;
}

/** A·B. */
export function multiply(a: Matrix, b: Matrix): number[][] {
  const inner = b.length;
  const cols = b[0]?.length ?? 0;
  return a.map((row) => Array.from({ length: cols }, (_, j) => {
    let sum = 0;
    for (let k = 0; k < inner; k++) sum += (row[k] as number) * (b[k] as readonly number[])[j]!;
    return sum;
  }));
}

/** True when every eigenvalue is ≥ 0 (up to rounding): the matrix is a possible correlation matrix. */
export function isPositiveSemiDefinite(a: Matrix): boolean {
  return cholesky(a).ok;
}
