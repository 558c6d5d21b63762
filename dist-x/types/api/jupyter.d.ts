import type { AssumptionsLoader, RunContext } from "./context";
export declare function jupyterContext(startDir: string, loadAssumptions: AssumptionsLoader): RunContext;
