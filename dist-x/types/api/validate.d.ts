import type { Driver, NumberFormat, Summary, Verdict } from "./types";
/** The six numbers of a Summary, in the order a reader would look for the first bad one. */
export declare const SUMMARY_KEYS: readonly ["p50", "p5", "p95", "p25", "p75", "mean"];
export declare function checkFormat(call: string, format: unknown): NumberFormat;
export declare function checkVerdict(call: string, verdict: unknown): Verdict;
/** A unit may be empty (a pure number), but it must be a string: it is printed after the value. */
export declare function checkUnit(call: string, unit: unknown): string;
/** An optional text (a claim's note): absent, or a string the report can print. */
export declare function checkOptionalText(call: string, field: string, value: unknown): string | undefined;
/** What a verdict rests on: absent, or a list of assumption ids and `{ id, share }` weights (`run.drivers(…)`). */
export declare function checkDrivers(call: string, drivers: unknown): readonly (string | Driver)[] | undefined;
export declare function checkId(call: string, field: string, value: unknown): string;
export declare function checkText(call: string, field: string, value: unknown): string;
export declare function checkNumber(call: string, field: string, value: unknown): number;
/**
 * Exactly the six numbers of a Summary. Anything else the object carries (a Monte Carlo output's
 * `samples`, a caller's own fields) is left out, so figures.json holds the summary and nothing more.
 */
export declare function checkSummary(call: string, field: string, value: unknown): Summary;
/** A `{ low, high }` range of finite numbers, low end first (a claim's stated and computed, nb.fmt's range). */
export declare function checkRange(call: string, field: string, value: unknown): {
    low: number;
    high: number;
};
/** How a wrong value reads in a message: its kind, and a short text of it where that helps. */
export declare function describe(value: unknown): string;
