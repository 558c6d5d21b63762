/**
 * Seeded randomness for the Monte Carlo, from `pure-rand` (xoroshiro128+). Each input gets its own
 * stream derived from the run's seed and a key (the assumption id), so an input's draws do not change
 * when other inputs are added or reordered, and one assumption used twice gets the same draws.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

import { DEFAULT_SEED } from "./defaults";

/** Half the spacing of pure-rand's 53-bit doubles: shifts draws from [0, 1) into (0, 1). */
const HALF_STEP = 2 ** -54;

export interface UniformStream {
  /** One uniform draw in the open interval (0, 1): never 0 or 1, so quantiles stay finite. */
  next(): number;
  /** Fills `out` with uniform draws in (0, 1) and returns it. */
  fill(out: Float64Array): Float64Array;
}

/** A reproducible stream of uniforms for `seed` and `key`. */
export function uniformStream(seed: number = DEFAULT_SEED, key = ""): UniformStream {
  const rng: RandomGenerator = xoroshiro128plus(streamSeed(seed, key));
  return {
    next: () => uniformFloat64(rng) + HALF_STEP,
    fill(out) {
      for (let i = 0; i < out.length; i++) out[i] = uniformFloat64(rng) + HALF_STEP;
      return out;
    },
  };
}

/**
 * 32-bit seed mixing `seed` with an FNV-1a hash of `key`, then murmur3's finalizer so that nearby
 * seeds and keys start the generator from unrelated states.
 */
export function streamSeed(seed: number, key: string): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash | 0;
}
