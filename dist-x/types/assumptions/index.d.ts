export type * from "./types";
export { AssumptionError, UnknownAssumptionError } from "./errors";
export { sourcesAfterAsOf } from "./as-of";
export type { AssumptionProblem } from "./errors";
export { loadAssumptionsFile, parseAssumptions, type ParseOptions } from "./load";
export { AssumptionRegistry } from "./registry";
export { assumptionsJsonSchema, DISTRIBUTIONS, KINDS } from "./schema";
