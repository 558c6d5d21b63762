import type { ListItem } from "./read-file";
import type { AssumptionProblem } from "./errors";
import type { Assumption, Correlation, SourcePosition } from "./types";
type Path = readonly (string | number)[];
export interface CorrelationParseContext {
    readonly assumptions: ReadonlyMap<string, Assumption>;
    /** Problem located at `path` inside the entry. */
    readonly at: (item: ListItem, path: Path, id: string | undefined, message: string) => AssumptionProblem;
    readonly position: (item: ListItem) => SourcePosition;
    readonly nearest: (id: string) => readonly string[];
}
export declare function parseCorrelations(items: readonly ListItem[], context: CorrelationParseContext): {
    correlations: Correlation[];
    problems: AssumptionProblem[];
};
/** Each assumption with the correlations that name it (sorted by the other id), for the sampler and the cache. */
export declare function attachCorrelations(assumptions: readonly Assumption[], correlations: readonly Correlation[]): Assumption[];
export {};
