/**
 * The model's own vocabulary for results: a percentile summary of samples and a claim's verdict.
 * They live here, not in the notebook API (src/api/ re-exports them), so the model depends on nothing
 * above it.
 */

/** Percentile summary of a Monte Carlo output (or of any sample set). */
export interface Summary {
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

export type Verdict = "consistent" | "overstated" | "understated" | "unverifiable";

/** One input's weight in an output's uncertainty (0…1; the weights of one output sum to 1). */
export interface Driver {
  readonly id: string;
  readonly share: number;
}
