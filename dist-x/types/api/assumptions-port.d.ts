import type { SessionAssumptions } from "./context";
export declare function loadAssumptionsForJupyter(file: string): SessionAssumptions;
