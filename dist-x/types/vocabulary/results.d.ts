/**
 * The vocabulary of results: a percentile summary of samples, a claim's verdict, an input's weight.
 * The model produces them, the formatter and the messages print them, the notebook API re-exports
 * them; they live below all of these (src/vocabulary/ imports nothing), so each depends only downward.
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
/** Every verdict, in the order the ledger counts them. */
export declare const VERDICTS: readonly Verdict[];
/** One input's weight in an output's uncertainty (0…1; the weights of one output sum to 1). */
export interface Driver {
    readonly id: string;
    readonly share: number;
}
