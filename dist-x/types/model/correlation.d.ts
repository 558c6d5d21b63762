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
export declare function imposeRankCorrelation<K extends string>(columns: Readonly<Record<K, Float64Array>>, targets: readonly RankTarget<K>[], seed: number): Record<K, Float64Array>;
