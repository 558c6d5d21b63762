import type { Assumption, Total } from "./types";
/** Why the members of `total` (as `get` gives them) do not add up to it; undefined when they do. */
export declare function totalProblem(total: Total, get: (id: string) => Assumption | undefined): string | undefined;
