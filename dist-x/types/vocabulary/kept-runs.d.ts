/** Where the engine puts its store on a notebook's global object. */
export declare const MODEL_RUNS: unique symbol;
/** The summary's fields, in the order a kept run stores them. */
export declare const SUMMARY_FIELDS: readonly ["mean", "p5", "p25", "p50", "p75", "p95"];
/** A run as the store writes it: every column (summaries as their six numbers). */
export interface RunColumns {
    readonly inputs: Readonly<Record<string, Float64Array>>;
    readonly outputs: Readonly<Record<string, {
        readonly summary: Float64Array;
        readonly samples: Float64Array;
    }>>;
}
/**
 * A run as the store gives it back: its summaries at once, each column only when asked for. A
 * notebook that quotes a kept run's percentiles (the report's summary quotes twelve) reads none of
 * its columns: ~1 MB each.
 */
export interface KeptRun {
    readonly samples: number;
    readonly inputs: readonly string[];
    readonly outputs: readonly string[];
    /** Each output's summary, its six numbers in `SUMMARY_FIELDS` order. */
    readonly summaries: Readonly<Record<string, Float64Array>>;
    /** Each input's and output's value at each of `draws`, as kept; undefined when they cannot be read. */
    valuesAt(draws: readonly number[]): {
        readonly inputs: Readonly<Record<string, readonly number[]>>;
        readonly outputs: Readonly<Record<string, readonly number[]>>;
    } | undefined;
    /**
     * The whole column of `name` (an input's or an output's), in an array `allocate` made, filled by
     * the store and held by nothing else; undefined when it can no longer be read as it was kept
     * (the file is gone or damaged): then the caller computes the run.
     */
    column(kind: "input" | "output", name: string): Float64Array | undefined;
    /** Says the caller did not take the run after all (it computed it): it is counted computed. */
    spoil(): void;
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
     */
    write(model: object, key: string, run: RunColumns): void;
    /** The run `read` missed was not computed after all (the model threw): nothing will be written for it. */
    abandon?(model: object, key: string): void;
}
