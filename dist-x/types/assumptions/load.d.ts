import { AssumptionRegistry } from "./registry";
export interface ParseOptions {
    /**
     * Read a version published before `kind` existed (diff, "What changed"): a missing `kind` is allowed.
     * Builds never set this.
     */
    readonly legacy?: boolean;
}
/** Parses and validates the text of an assumptions file; `fileName` is used in positions and errors. */
export declare function parseAssumptions(text: string, fileName: string, options?: ParseOptions): AssumptionRegistry;
/** Reads and parses an assumptions file. A missing or unreadable file is an `AssumptionError` at 1:1. */
export declare function loadAssumptionsFile(path: string, name?: string): Promise<AssumptionRegistry>;
