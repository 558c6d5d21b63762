/**
 * vega's random numbers (bootstrap confidence bands, jitter through `random()`, the `sample`
 * transform) come from one replaceable generator in vega-statistics and, for expressions, from
 * Math.random. Both are seeded per chart from the chart's own spec, so the same spec gives the
 * same SVG in every build; Math.random is restored when the chart is done.
 */
import { sha256Bytes } from "../util/hash";

/** A small, fast 32-bit generator (mulberry32) returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFor(text: string): number {
  return sha256Bytes(text).readUInt32LE(0);
}

/**
 * Runs `work` with vega's generator (via `setRandom`) and Math.random both seeded from `text`.
 * Charts render one at a time, so swapping the global generator for the duration is safe here.
 */
export async function withSeededRandom<T>(text: string, setRandom: (random: () => number) => void, work: () => Promise<T>): Promise<T> {
  const random = seededRandom(seedFor(text));
  const original = Math.random;
  setRandom(random);
  Math.random = random;
  try {
    return await work();
  } finally {
    Math.random = original;
    setRandom(original);
  }
}
