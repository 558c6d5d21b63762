/**
 * A figure's numbers as the diff, the "What changed" section and the versions index write them: the
 * report's own formatter (src/format/number.ts) plus the figure's unit, so a number reads the same
 * everywhere. (figures.json itself is read and written by src/report/figures-file.ts.)
 */
import { appendUnit, formatInterval, formatIntervalWithUnit, formatNumber } from "../format/number";
import type { NumberFormat } from "../api/types";

/** "$28.8M", "12%", "2.74 ×10²⁵ FLOP": the unit added where the format does not already show it. */
export function figureNumber(value: number | undefined, figure: { readonly format: NumberFormat; readonly unit: string }): string {
  if (value === undefined) return "–";
  return appendUnit(formatNumber(value, figure.format), figure.unit, figure.format);
}

/** "p50 (p5–p95)", or just p50 when there is no interval or its ends read the same. */
export function figureRange(side: { readonly p5?: number; readonly p50: number; readonly p95?: number }, figure: { readonly format: NumberFormat; readonly unit: string }): { readonly p50: string; readonly interval: string | null } {
  const p50 = figureNumber(side.p50, figure);
  if (side.p5 === undefined || side.p95 === undefined) return { p50, interval: null };
  const interval = formatInterval(side.p5, side.p95, figure.format);
  return { p50, interval: interval === formatNumber(side.p50, figure.format) && side.p5 === side.p95 ? null : appendUnit(interval, figure.unit, figure.format) };
}

/** A change of p50 with its sign and unit: "+$9.19M", "−66.6×", "+0.2 pp" (percent figures move in points). */
export function figureChange(delta: number, figure: { readonly format: NumberFormat; readonly unit: string }): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "\u2212" : "±";
  const magnitude = figureNumber(Math.abs(delta), figure);
  return `${sign}${figure.format === "percent" ? magnitude.replace(/%$/, " pp") : magnitude}`;
}

/** The spread of a figure's medians under the model's alternatives, as the title page shows it ("$529M–$703M"); "none" without. */
export function alternativesSpread(medians: readonly { readonly p50: number }[], figure: { readonly format: NumberFormat; readonly unit: string }): string {
  if (medians.length === 0) return "none";
  const values = medians.map((m) => m.p50);
  return formatIntervalWithUnit(Math.min(...values), Math.max(...values), figure.format, figure.unit);
}

/** A claim's stated or computed range ("$350B", "$380B–$420B"), as the diff writes it. */
export function claimRangeText(range: { readonly low: number; readonly high: number } | undefined, claim: { readonly format: NumberFormat; readonly unit: string }): string {
  if (range === undefined) return "–";
  return formatIntervalWithUnit(range.low, range.high, claim.format, claim.unit);
}
