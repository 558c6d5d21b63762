/**
 * The little linear algebra correlated sampling needs, on small dense matrices (one row per
 * correlated input, rarely more than ten): a Cholesky factorization that also accepts positive
 * SEMI-definite matrices (a correlation of exactly ±1 is legal), and products with lower-triangular
 * factors. Written out rather than imported: 60 lines are easier to audit than a matrix library.
 */
export type Matrix = readonly (readonly number[])[];
export type CholeskyResult = {
    readonly ok: true;
    readonly lower: number[][];
}
/** `index`: the first row where the matrix stopped being positive semi-definite. */
 | {
    readonly ok: false;
    readonly index: number;
};
/**
 * A = L·Lᵀ with L lower-triangular (Cholesky–Banachiewicz, row by row). A zero pivot is allowed when
 * the rest of its column is zero too (semi-definite); a negative pivot, or a zero pivot with a non-zero
 * column below it, means A is not positive semi-definite, so no set of variables can have it.
 */
export declare function cholesky(a: Matrix): CholeskyResult;
/** L⁻¹ for a lower-triangular L with a non-zero diagonal (forward substitution, column by column). */
export declare function invertLower(lower: Matrix): number[][];
/** A·B. */
export declare function multiply(a: Matrix, b: Matrix): number[][];
/** True when every eigenvalue is ≥ 0 (up to rounding): the matrix is a possible correlation matrix. */
export declare function isPositiveSemiDefinite(a: Matrix): boolean;
