/**
 * What a notebook sees of its surroundings. In `fragtax build/run` the engine's tslab stand-in (or,
 * in a Deno notebook, its `Deno.jupyter`: src/notebook/deno.ts) carries a run context under `RUN_CONTEXT`; in real Jupyter the symbol is absent and the API
 * builds a display-only context from report.yaml (see `jupyter.ts`).
 */
import type { ListingReader } from "../assumptions/types";
import type { ClaimRecord, FigureRecord } from "./types";
/** `Symbol.for`, so the engine and every bundled copy of this module agree on the same key. */
export declare const RUN_CONTEXT: unique symbol;
/** `nb.assumptions`: `get(id)` and `all()`, both tracked (a build re-runs the notebook when what it read changes). */
export type SessionAssumptions = ListingReader;
/**
 * Loads an assumptions file for a notebook run in Jupyter (`notebook(tslab, { loadAssumptions })`).
 * Declared here, not beside the Jupyter loader (jupyter.ts): the session a build's notebooks import
 * names it, and a type import still brings its module into their type check, and with it report.yaml's
 * parser and its libraries (zod, yaml: ~135 declaration files, ~0.1 s of the check's CPU).
 */
export type AssumptionsLoader = (file: string) => SessionAssumptions;
export interface MonteCarloSettings {
    readonly samples: number;
    readonly seed: number;
}
/** What `fragtax build/run` hand the notebook API (engine: src/notebook/worker.ts builds it). */
export interface RunContext {
    /** Reads are tracked: the build keys each notebook's cache on the ids it read. */
    readonly assumptions: SessionAssumptions;
    readonly montecarlo: MonteCarloSettings;
    /** The engine stamps notebook + cell on the record. */
    recordFigure(figure: FigureRecord): void;
    recordClaim(claim: ClaimRecord): void;
    /**
     * Set in `fragtax build/run`: `nb.words.ledger()` leaves a marker carrying this run's key, which the
     * renderer fills from the whole ledger. Text that only looks like a marker (in a data file, a label)
     * lacks the key and stays text. Absent in Jupyter, where the notebook's own claims so far are counted.
     */
    readonly ledgerKey?: string;
}
/**
 * The slice of tslab's public module the API uses. `raw` receives the Vega-Lite spec as an object:
 * tslab passes non-binary data through to the Jupyter message unchanged, which is what JupyterLab's
 * Vega renderer expects (a JSON string would not render there).
 */
export interface TslabLike {
    readonly display: {
        markdown(text: string): void;
        html(text: string): void;
        raw(mime: string, data: string | Uint8Array): unknown;
    };
}
/**
 * Deno's kernel: `Deno.jupyter`, whose `display(bundle, { raw: true })` shows a mime bundle as given
 * (`notebook(Deno.jupyter)` in a Deno notebook). Only `display` is used; it returns a promise there,
 * not awaited: Deno's kernel sends the message when the call is made.
 */
export interface DenoJupyterLike {
    display(value: unknown, options?: {
        raw?: boolean;
    }): unknown;
}
/** What `notebook(…)` takes: tslab's module (tslab kernel) or `Deno.jupyter` (Deno kernel). */
export type NotebookHost = TslabLike | DenoJupyterLike;
/** The host's displays as tslab's three the API uses; Deno's get one mime bundle per call, as tslab sends. */
export declare function displayOf(host: NotebookHost): TslabLike["display"];
export declare function runContextOf(host: NotebookHost): RunContext | undefined;
