/**
 * What a notebook sees of its surroundings. In `fragtax build/run` the engine's tslab stand-in
 * carries a run context under `RUN_CONTEXT`; in real Jupyter the symbol is absent and the API
 * builds a display-only context from report.yaml (see `jupyter.ts`).
 */
import type { Assumption, AssumptionReader } from "../assumptions/types";
import type { ClaimRecord, FigureRecord } from "./types";

/** `Symbol.for`, so the engine and every bundled copy of this module agree on the same key. */
export const RUN_CONTEXT: unique symbol = Symbol.for("fragtax.run-context") as never;

export type SessionAssumptions = AssumptionReader & { all(): readonly Assumption[] };

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
   * True in `fragtax build/run`: the report renderer fills `nb.words.ledger()` from the whole ledger.
   * Absent in Jupyter, where the notebook's own claims so far are counted instead.
   */
  readonly ledgerResolvedAtRender?: boolean;
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

export function runContextOf(tslab: TslabLike): RunContext | undefined {
  const context = (tslab as unknown as Record<symbol, unknown>)[RUN_CONTEXT];
  return isRunContext(context) ? context : undefined;
}

function isRunContext(value: unknown): value is RunContext {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Record<keyof RunContext, unknown>>;
  return (
    typeof candidate.recordFigure === "function" &&
    typeof candidate.recordClaim === "function" &&
    typeof candidate.assumptions === "object" &&
    typeof candidate.montecarlo === "object"
  );
}
