import { InputError } from "../util/errors";
export interface AssumptionProblem {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    /** The assumption the problem is about, when it can be told. */
    readonly id: string | undefined;
    /** The message without the location prefix. */
    readonly text: string;
    /** For an override the file's value rules reject: the reason alone, for the caller to say where the override came from. */
    readonly reason?: string;
    /** What the location is of: the assumption's entry (default), or the total it breaks. */
    readonly place?: "total";
}
/**
 * A bad assumptions file or override. Holds every problem found (in file order); the top-level
 * `line`, `column` and `id` are those of the first, and `message` lists them all as
 * "file:line:column: text".
 */
export declare class AssumptionError extends InputError {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly id: string | undefined;
    readonly problems: readonly AssumptionProblem[];
    constructor(problems: readonly [AssumptionProblem, ...AssumptionProblem[]]);
}
/** The name an `UnknownAssumptionError` carries across realms and threads, where `instanceof` does not hold. */
export declare const UNKNOWN_ASSUMPTION = "UnknownAssumptionError";
/** Reading an id the file does not define; `nearest` holds the closest defined ids. */
export declare class UnknownAssumptionError extends Error {
    readonly id: string;
    readonly nearest: readonly string[];
    readonly file: string;
    readonly name = "UnknownAssumptionError";
    constructor(id: string, nearest: readonly string[], file: string, message: string);
}
