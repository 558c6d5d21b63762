/**
 * How many rows a chart would draw from data written in its spec: inline `values` (of a view's
 * `data` or the top-level `datasets`) and generated `sequence`s. A sequence typed as 3e7 instead of
 * 3e3 held the build's main thread for a minute and ended it out of memory (V8's native abort, deaf
 * to Ctrl-C); a million rows took 54 s and 2.2 GB for a page no reader can use. Files a chart reads
 * are limited by size (local-files.ts).
 */
import { isRecord } from "../util/records";

/** The rows a chart in the page may draw from its spec's own data. */
export const MAX_CHART_ROWS = 200_000;

export interface ChartRows {
  readonly rows: number;
  /** The sequence that makes the most, when one does: where to look. */
  readonly sequence?: { readonly start: number; readonly stop: number; readonly step: number };
}

/**
 * Calls `visit` on every object of `spec` but the rows themselves (`values`, `datasets`), walked without
 * recursion: a spec is a cell's output, of any depth. `visit` returning false stops the walk.
 */
function eachSpecObject(spec: unknown, visit: (node: Record<string, unknown>) => boolean | void): void {
  const pending: unknown[] = [spec];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (Array.isArray(next)) {
      for (const item of next) pending.push(item); // not push(...next): a long array would pass its length in arguments
      continue;
    }
    if (!isRecord(next)) continue;
    if (visit(next) === false) return;
    for (const [key, value] of Object.entries(next)) if (key !== "values" && key !== "datasets" && typeof value === "object" && value !== null) pending.push(value);
  }
}

/** The rows written or generated in `spec`. */
export function chartRows(spec: unknown): ChartRows {
  let rows = 0;
  let sequence: ChartRows["sequence"];
  let largest = 0;
  eachSpecObject(spec, (next) => {
    if (isRecord(next.sequence)) {
      const { start = 0, stop, step = 1 } = next.sequence;
      if (typeof start === "number" && typeof stop === "number" && typeof step === "number" && step !== 0) {
        const made = Math.max(0, Math.ceil((stop - start) / step));
        rows += made;
        if (made > largest) [largest, sequence] = [made, { start, stop, step }];
      }
    }
    if (Array.isArray(next.values)) rows += next.values.length;
    if (isRecord(next.datasets)) for (const values of Object.values(next.datasets)) if (Array.isArray(values)) rows += values.length;
  });
  return sequence === undefined ? { rows } : { rows, sequence };
}

/**
 * Whether a chart with its data resolved (files inlined: charts/data.ts) has data and none of it holds
 * a row: every `values` is an empty list, or a CSV/TSV text of a header alone, and nothing is
 * generated. Vega-Lite draws such a chart as empty axes without a word (a filter upstream that kept
 * nothing, say). A chart with no data at all (text and rules of constants) is not one.
 */
export function drawsNoRows(spec: unknown): boolean {
  let sources = 0;
  let rows = 0;
  let elsewhere = false;
  const count = (values: unknown): number =>
    Array.isArray(values) ? values.length : typeof values === "string" ? Math.max(0, values.split(/\r?\n/).filter((line) => line.trim() !== "").length - 1) : 1;
  eachSpecObject(spec, (next) => {
    if (isRecord(next.sequence) || typeof next.url === "string") elsewhere = true;
    if ("values" in next) [sources, rows] = [sources + 1, rows + count(next.values)];
    if (isRecord(next.datasets)) for (const values of Object.values(next.datasets)) [sources, rows] = [sources + 1, rows + (Array.isArray(values) ? values.length : 1)];
    return !elsewhere && rows === 0;
  });
  return !elsewhere && sources > 0 && rows === 0;
}
