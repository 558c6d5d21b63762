/** Up to `count` plausible names closest to `name`, ties by name; with `orClosest`, the single closest when none is plausible. */
export declare function nearestNames(name: string, known: readonly string[], options?: {
    readonly count?: number;
    readonly orClosest?: boolean;
}): string[];
/** The one closest plausible name, or undefined (charts: no suggestion rather than a wild one). */
export declare function plausibleName(name: string, known: readonly string[]): string | undefined;
/**
 * The file among `files` (names in one folder) that a missing file `name` has likely become: a
 * plausible name, or else the one file with the same leading number, as a renamed chapter keeps its
 * number more often than its words ("02-claims.ipynb" → "02-claim-check.ipynb").
 */
export declare function renamedFileLike(name: string, files: readonly string[]): string | undefined;
/** The one closest name, plausible or not ("" when there is none). */
export declare function nearestName(name: string, known: readonly string[]): string;
/** Edits between two words, an adjacent swap counting as one (Damerau–Levenshtein, from npm). */
export declare function typoDistance(a: string, b: string): number;
