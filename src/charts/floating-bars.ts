/**
 * Bars that span an interval on one axis (`x` to `x2`) and take a quantity on the other (`y`) with no
 * second value (`y2`) and no binning. Vega-Lite then draws each bar as a thin dash at its quantity,
 * under an axis that starts below zero, and says nothing: a histogram of bins made in the notebook
 * (`histogramBins`) written without `bin: "binned"`. Found on the spec, without drawing it.
 *
 * The same encoding is a chart of its own when the intervals are not bins (the gallery's "ranged
 * bars": each bar spans its own interval, at a position), so only intervals that tile, each one
 * ending where another starts, as bins do, are taken for a histogram; and bars whose thickness or
 * `orient` the author set (mark `height`/`width`/`size`, a `size` channel, `config.bar`'s band
 * sizes) are drawn as asked.
 */
import { specPath } from "./schema";
import { isRecord } from "../util/records";

type Json = Record<string, unknown>;

export interface FloatingBars {
  /** Where the view is in the spec, e.g. `layer[1]` (or "the spec"). */
  readonly path: string;
  /** The channel the bars span (with its `2` channel) and the one whose quantity they float at. */
  readonly span: "x" | "y";
  readonly value: "x" | "y";
}

export function floatingBars(spec: Json): FloatingBars[] {
  const found: FloatingBars[] = [];
  const bar = isRecord(spec.config) && isRecord(spec.config.bar) ? spec.config.bar : {};
  if (bar.continuousBandSize !== undefined || bar.discreteBandSize !== undefined) return found;
  visit(spec, "", { encoding: {}, rows: [] }, found);
  return found;
}

function visit(view: Json, pointer: string, inherited: { encoding: Json; rows: readonly unknown[] }, found: FloatingBars[]): void {
  // A layer's views inherit its encoding; every view inherits the data of the view around it.
  const encoding = { ...inherited.encoding, ...(isRecord(view.encoding) ? view.encoding : {}) };
  const rows = isRecord(view.data) ? (Array.isArray(view.data.values) ? view.data.values : []) : inherited.rows;
  const mark = typeof view.mark === "string" ? { type: view.mark } : isRecord(view.mark) ? view.mark : {};
  const sized = ["height", "width", "size", "orient"].some((key) => mark[key] !== undefined) || encoding.size !== undefined;
  if (mark.type === "bar" && !sized) {
    for (const [span, value] of [["x", "y"], ["y", "x"]] as const) {
      const [start, end, quantity] = [encoding[span], encoding[`${span}2`], encoding[value]];
      const floats =
        isRecord(start) && isRecord(end) && !binned(start) && typeof start.field === "string" && typeof end.field === "string" &&
        isRecord(quantity) && quantity.type === "quantitative" && !binned(quantity) && encoding[`${value}2`] === undefined &&
        tiles(rows, start.field, end.field);
      if (floats) found.push({ path: specPath(pointer), span, value });
    }
  }
  if (Array.isArray(view.layer)) view.layer.forEach((child, index) => isRecord(child) && visit(child, `${pointer}/layer/${index}`, { encoding, rows }, found));
  for (const key of ["hconcat", "vconcat", "concat"]) {
    const children = view[key];
    if (Array.isArray(children)) children.forEach((child, index) => isRecord(child) && visit(child, `${pointer}/${key}/${index}`, { encoding: {}, rows }, found));
  }
  if (isRecord(view.spec)) visit(view.spec, `${pointer}/spec`, { encoding: {}, rows }, found);
}

const binned = (definition: Json): boolean => definition.bin !== undefined && definition.bin !== false && definition.bin !== null;

/** Whether the rows' intervals (`start`–`end`) are bins: at least two, nearly each ending where another starts. */
function tiles(rows: readonly unknown[], start: string, end: string): boolean {
  const intervals = rows.filter(isRecord).map((row) => [row[start], row[end]]).filter((pair): pair is [number, number] => pair.every((edge) => typeof edge === "number" && Number.isFinite(edge)));
  if (intervals.length < 2) return false;
  const starts = new Set(intervals.map(([from]) => from));
  const joined = intervals.filter(([, to]) => starts.has(to)).length;
  return joined >= Math.max(1, Math.floor(0.8 * (intervals.length - 1)));
}
