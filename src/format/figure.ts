/**
 * A figure record's numbers as the report writes them: its median with its 90% interval and unit, its
 * headline number alone, and the medians its structural alternatives give. Numbers and intervals
 * themselves are written by number.ts.
 */
import type { Summary } from "../vocabulary/results";
import { appendUnit, formatIntervalWithUnit, formatNumber, formatSummary, summaryParts, type NumberFormat } from "./number";

/** What of a figure (a FigureRecord, src/api/types.ts) its text depends on. */
export interface FigureNumber {
  readonly unit: string;
  readonly format: NumberFormat;
  readonly value?: number;
  readonly summary?: Summary;
  /** Its medians under structural alternatives of the model, and where they are discussed. */
  readonly alternatives?: readonly { readonly label: string; readonly p50: number }[];
  readonly alternativesWhere?: string;
}

/**
 * A figure as prose cites it: the value or summary, plus the unit where the format does not imply it;
 * with structural alternatives, "… as modelled; medians 7%–11% under the alternatives in chapter 8".
 */
export function formatFigure(figure: FigureNumber): string {
  const body =
    figure.summary !== undefined
      ? formatSummary(figure.summary, figure.format)
      : formatNumber(figure.value ?? Number.NaN, figure.format);
  return `${appendUnit(body, figure.unit, figure.format)}${formatAlternatives(figure)}`;
}

/**
 * "; medians 7%–11% under the alternatives in chapter 8" (the spread of the alternatives' medians,
 * said to be medians: written as an interval is, it read as one), or "; median 10% under the
 * alternative (pooling on inference only)"; "" without alternatives.
 */
export function formatAlternatives(figure: FigureNumber): string {
  const alternatives = figure.alternatives ?? [];
  if (alternatives.length === 0) return "";
  const medians = alternatives.map((a) => a.p50);
  const range = formatIntervalWithUnit(Math.min(...medians), Math.max(...medians), figure.format, figure.unit);
  const where = figure.alternativesWhere === undefined ? "" : ` in ${figure.alternativesWhere}`;
  const only = alternatives[0];
  if (alternatives.length === 1 && only !== undefined) return ` as modelled; median ${range} under the alternative (${only.label})${where}`;
  return ` as modelled; medians ${range} under the alternatives${where}`;
}

/** Just the headline number of a figure (median or value), with its unit where needed; a median at its interval's precision. */
export function formatFigureValue(figure: FigureNumber): string {
  const value = figure.summary !== undefined ? summaryParts(figure.summary, figure.format).median : formatNumber(figure.value ?? Number.NaN, figure.format);
  return appendUnit(value, figure.unit, figure.format);
}

/** A figure's 90% interval with its unit once, at its median's precision; "" for a figure with one value. */
export function formatFigureInterval(figure: FigureNumber): string {
  const { summary } = figure;
  return summary === undefined ? "" : formatIntervalWithUnit(summary.p5, summary.p95, figure.format, figure.unit, [summary.p50]);
}
