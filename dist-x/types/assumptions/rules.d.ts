import type { DistributionKind } from "./types";
export interface ValueFields {
    readonly id: string;
    readonly value?: number | undefined;
    readonly range?: {
        readonly low: number;
        readonly high: number;
    } | undefined;
    readonly mode?: number | undefined;
    readonly distribution?: DistributionKind | undefined;
}
export interface RuleProblem {
    /** Path of the offending field inside the entry, e.g. ["range", "low"]; [] for the entry itself. */
    readonly path: readonly (string | number)[];
    readonly message: string;
}
/** The distribution an entry gets when it names none: a point is fixed, a range lognormal. */
export declare function resolvedDistribution(fields: ValueFields): DistributionKind;
/** Every problem with how the value fields fit together; empty when the entry is sound. */
export declare function valueProblems(fields: ValueFields): RuleProblem[];
/**
 * The values an assumption can take: what its declaration implies (a lognormal quantity is positive,
 * a probability or a fraction ("fraction of revenue", "share of …") lies in [0, 1], a correlation in
 * [-1, 1], a USD amount is not negative), narrowed by what its entry declares under `support`; a
 * fraction's or share's [0, 1] is a guess from the word, which a declared support replaces (a change
 * can be negative). Null when nothing bounds it. What-if overrides are checked against it, so
 * `--set price=-2` is refused up front instead of building a report on a negative price.
 */
export interface Support {
    readonly min?: number;
    /** False for a strict lower bound (lognormal: > 0). */
    readonly minInclusive: boolean;
    readonly max?: number;
    /** Why, as readers would say it: "a probability", "a lognormal quantity", "a USD amount". */
    readonly because: string;
    /** Read from a unit that also names signed quantities (a "fraction" that is a change): the entry may declare its own. */
    readonly guessed?: true;
}
interface SupportFields {
    readonly unit: string;
    readonly distribution: DistributionKind;
    readonly support?: DeclaredSupport | undefined;
}
interface DeclaredSupport {
    readonly min?: number | undefined;
    readonly greaterThan?: number | undefined;
    readonly max?: number | undefined;
}
export declare function supportOf(assumption: SupportFields): Support | null;
export declare function withinSupport(x: number, support: Support): boolean;
/** "≥ 0", "> 0", "≤ 1", "between 0 and 1", "> 0 and ≤ 1". */
export declare function describeSupport(support: Support): string;
/**
 * An entry's numbers outside its support (declared, or implied by its unit and distribution: a file
 * is held to the same bounds as a what-if override), or a declared support that is empty or
 * gives both bounds below.
 */
export declare function supportProblems(fields: ValueFields & SupportFields): RuleProblem[];
/** A judgement must say why its value is what it is: the reasoning goes in `note`. */
export declare function kindProblems(fields: {
    readonly id: string;
    readonly kind?: string | undefined;
    readonly note?: string | undefined;
}): RuleProblem[];
/**
 * A normal or lognormal range (p5..p95) whose tail puts more than 1% of its draws past the support:
 * `training_mfu=0.6..1` read as lognormal puts 5% of them above 1, and a correlation of 0..0.5 read as normal puts
 * some below 0 (which the model refuses in the middle of a chapter). Uniform and triangular ranges
 * are their own bounds; the support check covers them.
 */
export declare function tailProblems(fields: ValueFields & SupportFields): RuleProblem[];
export {};
