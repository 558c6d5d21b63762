/**
 * vega's random numbers (bootstrap confidence bands, jitter through `random()`, the `sample`
 * transform) come from one replaceable generator in vega-statistics and, for expressions, from
 * Math.random. Both are seeded per chart from the chart's own spec, so the same spec gives the
 * same SVG in every build; Math.random is restored when the chart is done.
 */
import { seededRandom, seedFor } from "../util/seeded-random";

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
