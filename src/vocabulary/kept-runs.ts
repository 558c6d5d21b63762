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

/**
 * The draws at which a kept run's model is evaluated again before the run is taken (run-memo.ts
 * `stillGives`): four, spread over the run. The store keeps each column's values there beside the
 * summaries, so the check reads no column (the summary's thirteen runs took ~1,000 reads of 8 bytes).
 */
export function checkedDraws(samples: number): number[] {
  const count = 4;
  return Array.from({ length: count }, (_, k) => Math.round((k * (samples - 1)) / (count - 1)));
}

/** A run as the store writes it: every column (summaries as their six numbers). */
export interface RunColumns {
  readonly inputs: Readonly<Record<string, Float64Array>>;
  readonly outputs: Readonly<Record<string, { readonly summary: Float64Array; readonly samples: Float64Array }>>;
}

/**
 * A run as the store gives it back: its summaries at once, each column only when asked for. A
 * notebook that quotes a kept run's percentiles (the report's summary quotes thirteen) reads none of
 * its columns: ~1 MB each.
 */
export interface KeptRun {
  readonly samples: number;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Each output's summary, its six numbers in `SUMMARY_FIELDS` order. */
  readonly summaries: Readonly<Record<string, Float64Array>>;
  /** Each input's and output's value at each of `draws`, as kept; undefined when they cannot be read. */
  valuesAt(draws: readonly number[]): { readonly inputs: Readonly<Record<string, readonly number[]>>; readonly outputs: Readonly<Record<string, readonly number[]>> } | undefined;
  /**
   * The whole column of `name` (an input's or an output's), in an array `allocate` made, filled by
   * the store and held by nothing else; undefined when it can no longer be read as it was kept
   * (the file is gone or damaged): then the caller computes the run.
   */
  column(kind: "input" | "output", name: string): Float64Array | undefined;
  /** Says the caller did not take the run after all (it computed it): it is counted computed. */
  spoil(): void;
  /** What is kept beside the run that its columns give (absent: nothing is). */
  readonly derived?: DerivedValues;
}

/** A column a caller was handed (read or computed): it may have written to it since. */
export interface HeldColumn {
  readonly kind: "input" | "output";
  readonly name: string;
  readonly values: Float64Array;
}

/**
 * Values computed from a kept run's columns alone (a chapter's rank correlations: ranking ~20
 * columns of 10,000 draws took ~30–50 ms of a warm run of the summary and of chapter 8, which both
 * ask for the same run's), kept beside it by name, as JSON text the caller parses in its own realm.
 * A value is only as good as the columns it was computed from: `intact` first.
 */
export interface DerivedValues {
  /**
   * Whether the run as its caller holds it is still the kept one: the same inputs and outputs, in the
   * same order, and every column in `held` (each it was handed and may have written to since) still
   * the kept bytes. A column not in `held` was never handed out: it is read as kept, when read.
   */
  intact(inputs: readonly string[], outputs: readonly string[], held: readonly HeldColumn[]): boolean;
  /** The JSON kept under `name`; undefined when none is (or it is damaged). */
  read(name: string): string | undefined;
  /** Keeps `json` under `name`; a write the folder refuses is the store's to say (`refused`). */
  write(name: string, json: string): void;
}

/** How a notebook's model runs went: read from the store, or computed (and kept for later, if its model may be). */
export interface ModelRunCounts {
  readonly kept: number;
  readonly computed: number;
}

/** A write the model-runs folder refused (no permission, an immutable folder, a full disk): the error's code and the path it names. */
export interface RefusedWrite {
  readonly code: string;
  readonly path: string;
}

export interface ModelRunStore {
  /**
   * The kept run of `model` under `key`, or undefined (not kept, or `model` is not one the store
   * keeps). Each column it gives is an array `allocate` made: the caller's own, to keep and write.
   */
  read(model: object, key: string, allocate: (length: number) => Float64Array): KeptRun | undefined;
  /**
   * Keeps the run just computed: called right after `read` of the same model and key, which found
   * nothing or a run the caller did not take (the store counts it computed, and may keep nothing).
   * Gives what may be kept beside the run, when it was kept.
   */
  write(model: object, key: string, run: RunColumns): DerivedValues | undefined;
  /** The run `read` missed was not computed after all (the model threw): nothing will be written for it. */
  abandon?(model: object, key: string): void;
}
