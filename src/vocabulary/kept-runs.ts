/**
 * What the model library and the notebook engine agree on to keep model runs between notebooks
 * (src/model/run-memo.ts keeps and reads them; src/notebook/model-runs.ts is the engine's store of
 * files). Here, below both, so the engine's notebook thread need not load the model library.
 */
import type { Summary } from "./results";

/** Where the engine puts its store on a notebook's global object. */
export const MODEL_RUNS = Symbol.for("fragtax.modelRuns");

/** The summary's fields, in the order a kept run stores them. */
export const SUMMARY_FIELDS = ["mean", "p5", "p25", "p50", "p75", "p95"] as const satisfies readonly (keyof Summary)[];

/** A run as the store keeps it: columns only (summaries as their six numbers). */
export interface KeptRun {
  readonly inputs: Readonly<Record<string, Float64Array>>;
  readonly outputs: Readonly<Record<string, { readonly summary: Float64Array; readonly samples: Float64Array }>>;
}

/** How a notebook's model runs went: read from the store, or computed (and kept for later, if its model may be). */
export interface ModelRunCounts {
  readonly kept: number;
  readonly computed: number;
}

export interface ModelRunStore {
  /**
   * The kept run of `model` under `key`, or undefined (not kept, or `model` is not one the store
   * keeps). Each column is an array `allocate` made, filled by the store and held by nothing else:
   * the caller's own, to keep and write.
   */
  read(model: object, key: string, allocate: (length: number) => Float64Array): KeptRun | undefined;
  /**
   * Keeps the run just computed: called right after `read` of the same model and key, which found
   * nothing or a run the caller did not take (the store counts it computed, and may keep nothing).
   */
  write(model: object, key: string, run: KeptRun): void;
}
