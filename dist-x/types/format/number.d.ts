/**
 * How every number reaches a reader: one set of rules shared by the notebook API, the renderer,
 * the appendices and figures.json consumers, so "$28.8M" is written the same way everywhere.
 *
 *   usd      → $28.8M, $1.2B, $950K, $2.95, $0.10   (3 significant digits, trailing zeros dropped; cents kept)
 *   multiple → 39×, 1.5×, 0.93×
 *   percent  → 12%, 4.5%, 0.52%              (the input is a fraction: 0.12 → 12%)
 *   count    → 12,000
 *   year     → 2021, 2019 (a calendar year: never grouped, never rounded to 3 digits; a decimal year
 *              such as 2019.55, late July 2019, reads as the year it falls in)
 *   number   → 3 significant digits, thousands separated: 2.95, 12,300
 */
import type { Summary } from "../vocabulary/results";
/**
 * How a number is written for readers. `usd` → $28.8M, `multiple` → 39×, `percent` (a fraction) → 12%,
 * `count` → 12,000, `year` → 2021, `number` → 3 significant digits with the unit after it.
 */
export type NumberFormat = "usd" | "multiple" | "percent" | "count" | "year" | "number";
/** Every format, in the order messages list them (spelled out, not derived: type errors then name `NumberFormat`). */
export declare const NUMBER_FORMATS: readonly NumberFormat[];
export declare function isNumberFormat(value: unknown): value is NumberFormat;
/** What of a figure (a FigureRecord, src/api/types.ts) its text depends on. */
export interface FigureNumber {
    readonly unit: string;
    readonly format: NumberFormat;
    readonly value?: number;
    readonly summary?: Summary;
    /** Its medians under structural alternatives of the model, and where they are discussed. */
    readonly alternatives?: readonly {
        readonly label: string;
        readonly p50: number;
    }[];
    readonly alternativesWhere?: string;
}
/** One number in the given format. Non-finite numbers read "n/a" rather than leaking NaN to readers. */
export declare function formatNumber(x: number, format?: NumberFormat): string;
/** A verdict's factor (stated ÷ computed); one that would read "1×" gets a third digit ("1.03×"): "overstated by 1×" says nothing. */
export declare function formatFactor(factor: number): string;
/**
 * "a" or "an" before a number as formatNumber writes it, by how it is said: "an 85% probability",
 * "an 11× gap", "an 18,000-GPU run", "an $8B deal" (eight billion dollars). The leading group of
 * digits decides: eight…, eighty…, eight hundred…, eleven and eighteen (and their thousands and
 * millions) take "an"; every other number, and a negative one ("minus …"), takes "a".
 */
export declare function indefiniteArticle(numberText: string): "a" | "an";
/** A number that may be missing (a figure absent from one side of a diff): "–" then. */
export declare function formatOptional(x: number | undefined, format?: NumberFormat): string;
/** A change: "+$1.5K", "−$2.5M", "+13%" (from a fraction, 0.125), "0" for none; "–" when unknown. */
export declare function formatDelta(x: number | null | undefined, format?: NumberFormat): string;
/** A duration in build logs and messages: "1.23 s". */
export declare function formatSeconds(ms: number): string;
/**
 * "$20.1M–$40.2M": a p5–p95 (or any low–high) interval; "$40B" when both ends read the same. A
 * zero-width share is a value as given (a fixed input, a claim's exact figure), not a result, and is
 * quoted with its digits as Appendix A quotes it: the ledger wrote the Fed's 3.75% as "3.8%".
 */
export declare function formatInterval(low: number, high: number, format?: NumberFormat): string;
/** "$28.8M (90% CI $20.1M–$40.2M)": the median with its 90% interval. */
export declare function formatSummary(summary: Summary, format?: NumberFormat): string;
/**
 * A figure as prose cites it: the value or summary, plus the unit where the format does not imply it;
 * with structural alternatives, "… as modelled; 7%–11% under the alternatives in chapter 8".
 */
export declare function formatFigure(figure: FigureNumber): string;
/**
 * "; 7%–11% under the alternatives in chapter 8" (the spread of the alternatives' medians), or
 * "; 10% under the alternative (pooling on inference only)"; "" without alternatives.
 */
export declare function formatAlternatives(figure: FigureNumber): string;
/** Just the headline number of a figure (median or value), with its unit where needed. */
export declare function formatFigureValue(figure: FigureNumber): string;
/** A low–high interval with its unit once ("$2.3K–$7.77K/chip", "4–6 years"; one number when both ends read the same). */
export declare function formatIntervalWithUnit(low: number, high: number, format: NumberFormat, unit: string): string;
/**
 * Units the format already shows ($, ×, %) are not repeated; a per-unit USD figure keeps its
 * denominator ("USD/GPU-hour" → "$2.95/GPU-hour"); counts and plain numbers get the unit after them.
 */
export declare function appendUnit(text: string, unit: string, format: NumberFormat): string;
/**
 * The format an assumption's unit implies: USD amounts as $, shares and probabilities as %, a
 * calendar year (unit "year", singular; "years" is a duration) as a year, else plain numbers.
 */
export declare function formatForUnit(unit: string): NumberFormat;
/**
 * An assumption's value or 90% range as readers see it, its unit where the number does not show it
 * (as a figure's, `appendUnit`): "$6B–$12B", "$2–$3/GPU-hour", "18%–22%", "10,000–15,000 GPUs",
 * "60–90 days"; huge plain quantities in powers of ten: "10²⁶–2.5×10²⁷ FLOP". A plain quantity
 * without its unit read "60–90 → 70–95" in a diff and a build's reasons. Tables with their own unit
 * column pass `withUnit: false` ("$2–$3" beside "USD/GPU-hour").
 */
export declare function formatAssumptionQuantity(a: {
    readonly value?: number;
    readonly range?: {
        readonly low: number;
        readonly high: number;
    };
    readonly unit: string;
}, options?: {
    readonly withUnit?: boolean;
}): string;
/** An assumption's number in a one-line message ("$2–$3/GPU-hour → $2.50–$3.50/GPU-hour"); "(none)" without one. */
export declare function formatAssumptionValue(content: {
    readonly value?: number;
    readonly range?: {
        readonly low: number;
        readonly high: number;
    };
    readonly unit: string;
} | undefined): string;
/**
 * `value` (finite, ≥ 0) to at most `digits` significant digits (1–21), as Intl.NumberFormat's
 * `maximumSignificantDigits` writes it with grouping off: the shortest decimal that reads back as
 * `value`, rounded half away from zero, trailing zeros dropped, never in e-notation. Written out
 * because the first Intl.NumberFormat of a process loads ICU's number data, ~20 ms of every build that
 * draws a chart.
 */
export declare function maximumSignificantDigits(value: number, digits: number): string;
/** An integer with its thousands grouped by commas ("12,345"), as en-US writes it. */
export declare function groupThousands(integer: number): string;
