/**
 * figures.json: its one row type (`FigureEntry`), its one writer (`figuresJson`, called by the build)
 * and its one reader (`readFiguresJson`, used by publish and diff). The reader is lenient: versions
 * published by older fragtax releases stored other shapes, and published versions are never rewritten.
 * `FigureValues` is a row as the diff and the index compare it: p5/p50/p95, p50 = a deterministic
 * figure's value.
 */
import type { FigureRecord, NumberFormat } from "../api/types";
import { pretty } from "./records";
import { isRecord } from "../util/records";
import { byIdOrder } from "../util/order";
import { isNumberFormat } from "../format/number";

/** One row of figures.json. */
export interface FigureEntry {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly format: NumberFormat;
  /** A deterministic figure's value; a Monte Carlo figure has mean/p5/p50/p95 instead. */
  readonly value?: number;
  readonly mean?: number;
  readonly p5?: number;
  readonly p50?: number;
  readonly p95?: number;
  /** Notebook (relative to the root) and 1-based cell that declared it. */
  readonly notebook?: string;
  readonly cell?: number;
  readonly section?: string;
  readonly alternatives?: FigureRecord["alternatives"];
  readonly alternativesWhere?: string;
}

/** figures.json for a build's figures, sorted by id. */
export function figuresJson(figures: readonly FigureRecord[]): string {
  const entries: FigureEntry[] = [...figures]
    .sort(byIdOrder)
    .map((f) => ({
      id: f.id,
      label: f.label,
      unit: f.unit,
      format: f.format,
      ...(f.summary === undefined ? { value: f.value } : { mean: f.summary.mean, p5: f.summary.p5, p50: f.summary.p50, p95: f.summary.p95 }),
      notebook: f.notebook,
      cell: f.cell,
      section: f.section,
      alternatives: f.alternatives,
      alternativesWhere: f.alternativesWhere,
    }));
  return pretty(entries);
}

export interface FigureValues {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly format: NumberFormat;
  readonly p5?: number;
  readonly p50: number;
  readonly p95?: number;
  /** Its medians under structural alternatives (the index and the manifest show them beside the interval). */
  readonly alternatives?: FigureRecord["alternatives"];
  readonly alternativesWhere?: string;
}

type FigureLike = Partial<FigureRecord> & { mean?: unknown; p5?: unknown; p50?: unknown; p95?: unknown };

/**
 * The rows of a parsed figures.json, in file order. Accepts the current rows, `[FigureRecord…]` (a
 * `summary` object) and `{ figures: [...] }`; skips rows without an id or a number.
 */
export function readFiguresJson(data: unknown): FigureEntry[] {
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.figures) ? data.figures : [];
  const entries: FigureEntry[] = [];
  for (const item of list as FigureLike[]) {
    if (!isRecord(item) || typeof item.id !== "string") continue;
    const summary = isRecord(item.summary) ? item.summary : undefined;
    const p50 = num(summary?.p50) ?? num(item.p50);
    const value = num(item.value);
    if (p50 === undefined && value === undefined) continue;
    const [mean, p5, p95] = [num(summary?.mean) ?? num(item.mean), num(summary?.p5) ?? num(item.p5), num(summary?.p95) ?? num(item.p95)];
    entries.push({
      id: item.id,
      label: typeof item.label === "string" ? item.label : item.id,
      unit: typeof item.unit === "string" ? item.unit : "",
      // A format this version does not know (a damaged or hand-made file) reads as a plain number, not "undefined".
      format: isNumberFormat(item.format) ? item.format : "number",
      ...(value === undefined ? {} : { value }),
      ...(mean === undefined ? {} : { mean }),
      ...(p5 === undefined ? {} : { p5 }),
      ...(p50 === undefined ? {} : { p50 }),
      ...(p95 === undefined ? {} : { p95 }),
      ...(typeof item.notebook === "string" ? { notebook: item.notebook } : {}),
      ...(typeof item.cell === "number" ? { cell: item.cell } : {}),
      ...(typeof item.section === "string" ? { section: item.section } : {}),
      ...alternativesOf(item),
    });
  }
  return entries;
}

/** Rows as the diff and the index compare them. */
export function figureValues(entries: readonly FigureEntry[]): FigureValues[] {
  return entries.map((entry) => ({
    id: entry.id,
    label: entry.label,
    unit: entry.unit,
    format: entry.format,
    ...(entry.p5 === undefined ? {} : { p5: entry.p5 }),
    p50: entry.p50 ?? entry.value ?? Number.NaN,
    ...(entry.p95 === undefined ? {} : { p95: entry.p95 }),
    ...(entry.alternatives === undefined ? {} : { alternatives: entry.alternatives }),
    ...(entry.alternativesWhere === undefined ? {} : { alternativesWhere: entry.alternativesWhere }),
  }));
}

/** A row's structural alternatives, kept only when each has an id, a label and a finite median. */
function alternativesOf(item: FigureLike): Pick<FigureEntry, "alternatives" | "alternativesWhere"> {
  if (!Array.isArray(item.alternatives)) return {};
  const alternatives = (item.alternatives as unknown[]).filter(
    (a): a is NonNullable<FigureRecord["alternatives"]>[number] => isRecord(a) && typeof a.id === "string" && typeof a.label === "string" && num(a.p50) !== undefined,
  );
  if (alternatives.length === 0) return {};
  return { alternatives, ...(typeof item.alternativesWhere === "string" ? { alternativesWhere: item.alternativesWhere } : {}) };
}

/** A parsed figures.json as FigureValues, in the order the report declared them (the first are the headline). */
export function normalizeFigures(data: unknown): FigureValues[] {
  return figureValues(readFiguresJson(data));
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
