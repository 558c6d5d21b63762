/**
 * The `totals:` list of assumptions.yaml: point values that must add up to a given sum (the essay's
 * three scenario probabilities total 1). Checked when the file is read, and again on a what-if's
 * overrides, so `--set` of one probability is refused up front (exit 2), naming the others to set,
 * instead of failing inside the model in every chapter that reads them.
 */
import type { ListItem } from "./read-file";
import type { AssumptionProblem } from "./errors";
import type { Assumption, SourcePosition, Total } from "./types";
export interface TotalParseContext {
    readonly assumptions: ReadonlyMap<string, Assumption>;
    readonly at: (item: ListItem, path: readonly (string | number)[], message: string) => AssumptionProblem;
    readonly position: (item: ListItem) => SourcePosition;
    readonly nearest: (id: string) => readonly string[];
}
export declare function parseTotals(items: readonly ListItem[], context: TotalParseContext): {
    totals: Total[];
    problems: AssumptionProblem[];
};
