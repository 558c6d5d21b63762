import { type Assumption, type AssumptionOverride, type Correlation, type ListingReader, type Total } from "./types";
export declare class AssumptionRegistry {
    #private;
    readonly fileName: string;
    /** The file's `correlations:` (already attached to the assumptions they name). */
    readonly correlations: readonly Correlation[];
    /** The file's `totals:`, checked again on overrides. */
    readonly totals: readonly Total[];
    /** `assumptions` must have unique ids (the loader guarantees it); they are kept in the given order. */
    constructor(assumptions: readonly Assumption[], fileName: string, 
    /** The file's `correlations:` (already attached to the assumptions they name). */
    correlations?: readonly Correlation[], 
    /** The file's `totals:`, checked again on overrides. */
    totals?: readonly Total[]);
    /** Every assumption, in file order. Untracked. */
    all(): readonly Assumption[];
    has(id: string): boolean;
    /** The assumption, untracked; an unknown id throws `UnknownAssumptionError` naming the nearest ids. */
    get(id: string): Assumption;
    /**
     * Up to three defined ids plausibly meant by `id` (util/suggest.ts's rule); none rather than an
     * unrelated one (`nope` is not a typo of `datacenter_pue`).
     */
    nearestIds(id: string): readonly string[];
    /**
     * A reader whose reads are recorded for `consumer` (e.g. a notebook path). A read is recorded before
     * the lookup, so a read of a missing id is remembered too. Several readers for one consumer add up.
     */
    reader(consumer: string): ListingReader;
    /** Ids read by `consumer` through any of its readers, in first-read order. */
    readsBy(consumer: string): readonly string[];
    /** Consumers that asked for a reader, in first-request order. */
    consumers(): readonly string[];
    /**
     * A new registry (with fresh read tracking) where each override replaces one assumption's value or
     * range. Validated like the file: unknown ids throw `UnknownAssumptionError`, a bad range throws an
     * `AssumptionError` located at the assumption's entry in the file.
     */
    withOverrides(overrides: readonly AssumptionOverride[]): AssumptionRegistry;
    /** sha256 (hex) of the canonical content: every assumption without its position, sorted by id. */
    hash(): string;
    /**
     * sha256 (hex) of the canonical content of just these ids (order and repeats ignored); an id the file
     * does not define hashes as absent, so defining it later changes the hash.
     */
    hashOf(ids: readonly string[]): string;
}
