/**
 * An erratum: a correction of something a published version said. Declared by the analysts in the
 * errata file report.yaml names (`errata: errata.yaml`), validated by the build against the report it
 * built (the section and figures must exist), frozen by `publish` into the manifest of the version
 * that first carries it, and listed in that version's "What changed", in the index and by `diff`.
 */
export interface Erratum {
  /** Stable id (snake_case): a correction is listed once, by the first version that carries it. */
  readonly id: string;
  /** The published version that was wrong, e.g. "2026-11-26". */
  readonly version: string;
  /** The section of this report where the corrected text now stands, e.g. "05-who-pays#compute-spend". */
  readonly section: string;
  /** Figure ids of this report the correction concerns (empty for a correction of wording alone). */
  readonly figures: readonly string[];
  /** What the earlier version said that was wrong, in the analysts' words. */
  readonly was: string;
  /** What this version says instead. */
  readonly now: string;
}

/** An erratum with where it was declared, for errors that point at the field. */
export interface LocatedErratum extends Erratum {
  readonly at: {
    readonly file: string;
    /** 1-based line and column of each field's value (and of the entry itself, key ""). */
    readonly fields: Readonly<Record<string, { readonly line: number; readonly column: number }>>;
  };
}

/** The errata as the build writes them (out/build/errata.json) and publish reads them: without positions. */
export function withoutPositions(errata: readonly LocatedErratum[]): Erratum[] {
  return errata.map(({ id, version, section, figures, was, now }) => ({ id, version, section, figures, was, now }));
}
