/**
 * A figure's numbers as the diff, the "What changed" section and the versions index write them: the
 * report's own formatter (src/format/number.ts) plus the figure's unit, so a number reads the same
 * everywhere. (figures.json itself is read and written by src/report/figures-file.ts.)
 */
import { appendUnit, formatIntervalWithUnit, formatNumber, summaryParts } from "../format/number";
import type { NumberFormat } from "../api/types";
import * as messages from "../messages/diff";

/** "$28.8M", "12%", "2.74 ×10²⁵ FLOP": the unit added where the format does not already show it. */
export function figureNumber(value: number | undefined, figure: { readonly format: NumberFormat; readonly unit: string }): string {
  if (value === undefined) return "–";
  return appendUnit(formatNumber(value, figure.format), figure.unit, figure.format);
}

/**
 * "p50 (p5–p95)" at one precision, or just p50 when there is no interval or its ends read the same.
 * `also`: the numbers of the other side of a diff's row, so an unchanged median reads the same in both.
 */
export function figureRange(side: { readonly p5?: number; readonly p50: number; readonly p95?: number }, figure: { readonly format: NumberFormat; readonly unit: string }, also: readonly number[] = []): { readonly p50: string; readonly interval: string | null } {
  const { p5, p50, p95 } = side;
  if (p5 === undefined || p95 === undefined) return { p50: figureNumber(p50, figure), interval: null };
  const { median, interval } = summaryParts({ p5, p50, p95 }, figure.format, also);
  const unit = (text: string) => appendUnit(text, figure.unit, figure.format);
  return { p50: unit(median), interval: interval === median && p5 === p95 ? null : unit(interval) };
}

/**
 * A change of p50 with its sign and unit: "+$9.19M", "+0.2 pp" (percent figures move in points),
 * "−66.6" (a multiple's move is a difference of multiples: "−66.6×" read as "divided by 66.6").
 */
export function figureChange(delta: number, figure: { readonly format: NumberFormat; readonly unit: string }): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "\u2212" : "±";
  const magnitude = figureNumber(Math.abs(delta), figure);
  const moved = figure.format === "percent" ? magnitude.replace(/%$/, " pp") : figure.format === "multiple" ? magnitude.replace(/×$/, "") : magnitude;
  return `${sign}${moved}`;
}

/** The spread of a figure's medians under the model's alternatives, as the title page shows it ("$529M–$703M"); "none" without. */
export function alternativesSpread(medians: readonly { readonly p50: number }[], figure: { readonly format: NumberFormat; readonly unit: string }): string {
  if (medians.length === 0) return "none";
  const values = medians.map((m) => m.p50);
  return formatIntervalWithUnit(Math.min(...values), Math.max(...values), figure.format, figure.unit);
}

interface Alternative {
  readonly id: string;
  readonly label: string;
  readonly p50: number;
}

/**
 * How a figure's medians under the alternatives changed: their spread, when it reads differently
 * (the title page shows it); else each alternative whose median reads differently, was renamed, added
 * or removed, so that a change that leaves the spread's ends alone is never shown as "X → X".
 */
export function alternativesChange(before: readonly Alternative[], after: readonly Alternative[], was: { readonly format: NumberFormat; readonly unit: string }, now: { readonly format: NumberFormat; readonly unit: string }): string {
  const [from, to] = [alternativesSpread(before, was), alternativesSpread(after, now)];
  if (from !== to) return messages.diffAlternativesMoved(from, to);
  const old = new Map(before.map((a) => [a.id, a]));
  const kept = new Set(after.map((a) => a.id));
  const parts = after.flatMap((a) => {
    const b = old.get(a.id);
    if (b === undefined) return [messages.diffAlternativeAddedOrRemoved(a.label, figureNumber(a.p50, now), true)];
    const [x, y] = [figureNumber(b.p50, was), figureNumber(a.p50, now)];
    return [...(b.label === a.label ? [] : [messages.diffAlternativeRenamed(b.label, a.label)]), ...(x === y ? [] : [messages.diffAlternativeMoved(a.label, x, y)])];
  });
  const removed = before.filter((b) => !kept.has(b.id)).map((b) => messages.diffAlternativeAddedOrRemoved(b.label, figureNumber(b.p50, was), false));
  // Every median reads the same and nothing was renamed: a move below the figure's rounding.
  return [...parts, ...removed].join("; ") || messages.diffAlternativesBelowRounding(to);
}

/** A claim's stated or computed range ("$350B", "$380B–$420B"), as the diff writes it. */
export function claimRangeText(range: { readonly low: number; readonly high: number } | undefined, claim: { readonly format: NumberFormat; readonly unit: string }): string {
  if (range === undefined) return "–";
  return formatIntervalWithUnit(range.low, range.high, claim.format, claim.unit);
}
