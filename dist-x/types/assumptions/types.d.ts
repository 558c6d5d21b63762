/**
 * The shape of a loaded assumption, as every consumer sees it (model, notebooks, report, diff).
 * Parsing and validation live in `load.ts`; the registry (lookup, read tracking) in `registry.ts`.
 */
export type DistributionKind = "lognormal" | "normal" | "uniform" | "triangular" | "fixed";
/**
 * What an input rests on: the essay's own figure (checked by the report, never evidence for itself),
 * an external source, or the analysts' judgement (with its reasoning in `note`).
 */
export type AssumptionKind = "essay" | "source" | "judgement";
export interface AssumptionSource {
    readonly title: string;
    readonly url?: string;
    /** ISO date (YYYY-MM-DD) the figure is as of. */
    readonly date: string;
}
/** Where an assumption sits in its file, for errors and for the diff. */
export interface SourcePosition {
    readonly file: string;
    readonly line: number;
    readonly column: number;
}
export interface Assumption {
    readonly id: string;
    readonly label: string;
    readonly unit: string;
    /** A point value (distribution `fixed`) … */
    readonly value?: number;
    /**
     * … or a 90% interval: `low` is the 5th and `high` the 95th percentile (for `uniform` and
     * `triangular`, the bounds of the support).
     */
    readonly range?: {
        readonly low: number;
        readonly high: number;
    };
    /** Most likely value, for `triangular` only. */
    readonly mode?: number;
    readonly distribution: DistributionKind;
    /** Always set by a build; absent only in versions published before kinds existed. */
    readonly kind?: AssumptionKind;
    readonly source: AssumptionSource;
    readonly note?: string;
    /** The values it can take, declared where its unit does not say (see `supportOf` in rules.ts). */
    readonly support?: {
        readonly min?: number;
        readonly greaterThan?: number;
        readonly max?: number;
    };
    readonly position: SourcePosition;
    /**
     * Rank correlations declared with other assumptions (from the file's `correlations:`), sorted by
     * the other id. Part of the assumption's content, so a changed correlation re-runs every notebook
     * that read either side, and the Monte Carlo finds them among its inputs without being told.
     */
    readonly correlations?: readonly AssumptionCorrelation[];
}
export interface AssumptionCorrelation {
    /** The other assumption's id. */
    readonly with: string;
    readonly rho: number;
}
/** A declared total (the file's `totals:`): point values that must add up to `equals`. */
export interface Total {
    readonly of: readonly string[];
    readonly equals: number;
    readonly note?: string;
    readonly position: SourcePosition;
}
/** A declared correlation as the file has it (for the appendix and the diff). */
export interface Correlation {
    readonly between: readonly [string, string];
    readonly rho: number;
    readonly kind: "source" | "judgement";
    readonly source?: AssumptionSource;
    readonly note?: string;
    readonly position: SourcePosition;
}
/**
 * Read access to assumptions that remembers which ids were read. The incremental build keys each
 * notebook's cache on exactly the assumptions it read.
 */
export interface AssumptionReader {
    /** The assumption; an unknown id throws an error that names the nearest ids. */
    get(id: string): Assumption;
    /** Ids read through this reader so far, in first-read order (with `EVERY_ASSUMPTION` once the list was read). */
    readIds(): readonly string[];
}
/** What an assumption is, without its numbers: what `catalog()` hands out. */
export type AssumptionInfo = Omit<Assumption, "value" | "range" | "mode" | "distribution">;
/** A reader that also lists every assumption; the list is a read too (see `EVERY_ASSUMPTION`). */
export interface ListingReader extends AssumptionReader {
    /** Every assumption, in file order: records the list and each assumption in it as read. */
    all(): readonly Assumption[];
    /**
     * What every assumption is (id, label, unit, kind, source, note, correlations), in file order,
     * without its value or range: records the list and these fields (`aboutRead`) as read, so a changed
     * number does not re-run a notebook that only counts or names its inputs.
     */
    catalog(): readonly AssumptionInfo[];
}
/** In `readIds()`: what `catalog()` gave of this assumption was read (not its numbers). */
export declare function aboutRead(id: string): string;
/** The id an `aboutRead` names, or undefined for a read of the whole assumption. */
export declare function aboutId(read: string): string | undefined;
/**
 * In `readIds()`: the consumer read the list of every assumption, so adding, removing or reordering
 * one must re-run it (a cell that counts the inputs is stale otherwise). Never an id: ids are
 * snake_case (schema.ts).
 */
export declare const EVERY_ASSUMPTION = "*";
/**
 * A what-if change to one assumption: a point `value` (the assumption becomes `fixed`) or a new
 * 90% interval (`low`, `high`; the distribution is kept, or lognormal/normal if it was fixed).
 */
export type AssumptionOverride = {
    readonly id: string;
    readonly value: number;
} | {
    readonly id: string;
    readonly low: number;
    readonly high: number;
};
