export interface UniformStream {
    /** One uniform draw in the open interval (0, 1): never 0 or 1, so quantiles stay finite. */
    next(): number;
    /** Fills `out` with uniform draws in (0, 1) and returns it. */
    fill(out: Float64Array): Float64Array;
}
/** A reproducible stream of uniforms for `seed` and `key`. */
export declare function uniformStream(seed?: number, key?: string): UniformStream;
/**
 * 32-bit seed mixing `seed` with an FNV-1a hash of `key`, then murmur3's finalizer so that nearby
 * seeds and keys start the generator from unrelated states.
 */
export declare function streamSeed(seed: number, key: string): number;
