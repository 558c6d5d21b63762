/**
 * The notebook API's public names besides `notebook()`, listed once for both entries: index.ts
 * (dist/api.js in Jupyter) and engine.ts (dist/api.js inside fragtax build/run). Explicit on purpose:
 * the engine's internals (RUN_CONTEXT, runContextOf, createSession) are not part of it.
 */
export type { AlternativeValue, ClaimBasis, ClaimRecord, Driver, FigureRecord, NumberFormat, Summary, Verdict } from "./types";
export type { ClaimCounts, ComparePhrases, CompareOptions, CountsOptions, LedgerWhat, VerdictPhrases, Words } from "./words";
export { VEGA_LITE_MIME } from "./types";
export type { DenoJupyterLike, MonteCarloSettings, NotebookHost, SessionAssumptions, TslabLike } from "./context";
export type { ClaimInput, FigureInput, NotebookOptions, NotebookSession, VegaLiteTopLevelSpec } from "./session";
export { formatInterval, formatNumber, formatSummary } from "../format/number";
export { formatFigure, formatFigureValue } from "../format/figure";
// The one judgement marker: what nb.claim records as a claim's basis, for a chapter that words or charts it.
export { claimBasis, JUDGEMENT_LED_THRESHOLD } from "./basis";
