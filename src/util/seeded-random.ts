/**
 * Random numbers that are the same on every build: a chart's (charts/random.ts, seeded from its spec)
 * and a notebook's Math.random (notebook/realm.ts, seeded from the notebook's name), so a report
 * built twice from the same inputs is the same report.
 */
import { basename } from "node:path";
import { sha256Bytes } from "./hash";

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

/** A seed from a text (a spec, a notebook's name). */
export function seedFor(text: string): number {
  return sha256Bytes(text).readUInt32LE(0);
}

/**
 * Math.random in a notebook's cells, and in a model the notebook imports, seeded from the notebook's
 * file name (the tslab realm's Math, notebook/realm.ts; Deno's, notebook/deno.ts): a model drawing
 * from Math.random moved its median between builds. tslab's and Deno's kernels do not seed it (README:
 * differences).
 */
export function seedMathRandom(math: Math, notebookFile: string): void {
  math.random = seededRandom(seedFor(basename(notebookFile)));
}
