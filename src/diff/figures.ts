/**
 * Figures as the diff and the index see them: p5/p50/p95 (p50 = the value for a deterministic
 * figure), read leniently from a build's or a version's `figures.json`.
 */
import { appendUnit, formatInterval, formatNumber } from "../format/number";
import type { FigureRecord, NumberFormat } from "../api/types";

export interface FigureValues {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly format: NumberFormat;
  readonly p5?: number;
  readonly p50: number;
  readonly p95?: number;
}

type FigureLike = Partial<FigureRecord> & { p5?: unknown; p50?: unknown; p95?: unknown };

/** Accepts `[FigureRecord…]`, `{ figures: [...] }`, or flat `{ id, p5, p50, p95 }` rows. */
export function normalizeFigures(data: unknown): FigureValues[] {
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.figures) ? data.figures : [];
  const figures: FigureValues[] = [];
  for (const item of list as FigureLike[]) {
    if (!isObject(item) || typeof item.id !== "string") continue;
    const summary = isObject(item.summary) ? item.summary : undefined;
    const p50 = num(summary?.p50) ?? num(item.p50) ?? num(item.value);
    if (p50 === undefined) continue;
    const p5 = num(summary?.p5) ?? num(item.p5);
    const p95 = num(summary?.p95) ?? num(item.p95);
    figures.push({
      id: item.id,
      label: typeof item.label === "string" ? item.label : item.id,
      unit: typeof item.unit === "string" ? item.unit : "",
      format: (item.format ?? "number") as NumberFormat,
      ...(p5 === undefined ? {} : { p5 }),
      p50,
      ...(p95 === undefined ? {} : { p95 }),
    });
  }
  return figures; // in the order the report declared them: the first ones are the headline
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * A figure's number as the report writes it (src/format/number.ts: "$28.8M", "12%", "2.74 ×10²⁵ FLOP"),
 * with the figure's unit where the format does not already show it. The diff, the "What changed"
 * section and the versions index all use this, so a number reads the same there as in the report.
 */
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
