/**
 * Figures as the diff and the index see them: p5/p50/p95 (p50 = the value for a deterministic
 * figure), read leniently from a build's or a version's `figures.json`.
 */
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
