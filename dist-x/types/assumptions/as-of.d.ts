import type { AssumptionProblem } from "./errors";
import type { Assumption, Correlation } from "./types";
export declare function sourcesAfterAsOf(assumptions: readonly Assumption[], correlations: readonly Correlation[], asOf: string): AssumptionProblem[];
