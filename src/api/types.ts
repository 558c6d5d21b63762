/**
 * The contract between notebooks, the notebook engine and the report renderer.
 *
 * A notebook declares headline figures and claim checks through the notebook API (`src/api/`).
 * In `fragtax build` they are recorded into the run context the engine injects; in Jupyter they are
 * only displayed. Nothing here knows about AI economics.
 */

import type { Summary, Verdict } from "../model/types";

// The model's vocabulary, re-exported: notebooks and the renderer name them from here.
export type { Summary, Verdict } from "../model/types";

import type { NumberFormat } from "../format/number";

// How numbers are written lives with the formatter (src/format/); re-exported for notebooks.
export type { NumberFormat } from "../format/number";

/** A named headline figure: lands in figures.json and can be cited by prose. */
export interface FigureRecord {
  readonly id: string;
  readonly label: string;
  /** Unit as readers see it, e.g. "USD", "USD/GPU-hour", "×", "share of revenue". */
  readonly unit: string;
  readonly format: NumberFormat;
  /** Exactly one of `value` (a deterministic figure) or `summary` (a Monte Carlo summary). */
  readonly value?: number;
  readonly summary?: Summary;
  /** Notebook file (relative to the report root) and 1-based cell that declared it; set by the engine. */
  readonly notebook?: string;
  readonly cell?: number;
}

/** A quantitative claim from the source text, checked against the model. */
export interface ClaimRecord {
  readonly id: string;
  /** What the source says, in our words. */
  readonly claim: string;
  readonly stated: { readonly low: number; readonly high: number };
  readonly computed: { readonly low: number; readonly high: number; readonly p50?: number };
  readonly unit: string;
  readonly format: NumberFormat;
  readonly verdict: Verdict;
  /**
   * How far off, as a factor (stated midpoint ÷ computed midpoint); 1 when consistent; `null` when
   * unverifiable (there is nothing to divide by, and a made-up 1 would read as "agrees").
   */
  readonly factor: number | null;
  readonly note?: string;
  readonly notebook?: string;
  readonly cell?: number;
}

/** Mime types of the outputs the notebook API emits. */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
