/**
 * Very large charts as images. A 41,000-point map is 12 MB of SVG: the browser takes tens of
 * seconds to lay it out and print it, and the PDF grows by tens of MB. Past a mark count or an SVG
 * size the chart is drawn by vega's canvas renderer (on @napi-rs/canvas) at print resolution and
 * embedded as a PNG; its inline data stays reachable as a CSV download under the image.
 */
import type { View } from "vega";
import * as messages from "../messages/charts";
import { escapeHtml as escapeAttribute } from "../util/html";
import { isRecord } from "../util/records";

export const MAX_MARKS = 20_000;
export const MAX_SVG_MB = 4;
/** Pixels per CSS pixel: 2× is ~190 dpi on an A4 column, sharp in print and on screen. */
const SCALE = 2;

/** Why this chart should be an image because of its mark count (known before any SVG is written), or undefined. */
export function tooManyMarks(view: View): string | undefined {
  const marks = countMarks((view.scenegraph() as unknown as { root: unknown }).root);
  return marks > MAX_MARKS ? messages.chartLargeMarks(marks, MAX_MARKS) : undefined;
}

/** Why this chart's SVG is too large to print, or undefined when it is fine. */
export function svgTooLarge(svgLength: number): string | undefined {
  const megabytes = svgLength / 1e6;
  return megabytes > MAX_SVG_MB ? messages.chartLargeSvg(megabytes, MAX_SVG_MB) : undefined;
}

function countMarks(node: unknown): number {
  if (typeof node !== "object" || node === null) return 0;
  const items = (node as { items?: unknown }).items;
  if (!Array.isArray(items)) return 0;
  let count = 0;
  for (const item of items) count += 1 + countMarks(item);
  return count;
}

export async function rasterise(view: View, spec: Record<string, unknown>, width: number, height: number): Promise<string> {
  const canvas = (await view.toCanvas(SCALE)) as unknown as { toBuffer(mime: "image/png"): Buffer };
  const png = canvas.toBuffer("image/png").toString("base64");
  const title = typeof spec.title === "string" ? spec.title : typeof spec.description === "string" ? spec.description : "";
  const image = `<img class="chart-raster" src="data:image/png;base64,${png}" width="${width}" height="${height}" alt="${escapeAttribute(messages.chartImageAlt(title))}" style="max-width:100%;height:auto">`;
  return image + dataDownload(spec);
}

/** A download link for the chart's top-level inline data: rows as CSV, CSV/TSV text as is, other JSON as JSON. */
function dataDownload(spec: Record<string, unknown>): string {
  const data = spec.data as { values?: unknown; format?: { type?: unknown } } | undefined;
  const values = data?.values;
  if (values === undefined) return "";
  let file: { name: string; mime: string; text: string; rows: number };
  if (typeof values === "string") {
    const tsv = data?.format?.type === "tsv";
    file = { name: tsv ? "chart-data.tsv" : "chart-data.csv", mime: tsv ? "text/tab-separated-values" : "text/csv", text: values, rows: Math.max(0, values.trim().split("\n").length - 1) };
  } else if (Array.isArray(values) && values.every(isRecord)) {
    file = { name: "chart-data.csv", mime: "text/csv", text: toCsv(values as Record<string, unknown>[]), rows: values.length };
  } else {
    file = { name: "chart-data.json", mime: "application/json", text: JSON.stringify(values), rows: Array.isArray(values) ? values.length : 1 };
  }
  const href = `data:${file.mime};base64,${Buffer.from(file.text, "utf8").toString("base64")}`;
  return `<p class="chart-data"><a download="${file.name}" href="${href}">${escapeAttribute(messages.chartDataDownload(file.rows))}</a></p>`;
}

function toCsv(rows: readonly Record<string, unknown>[]): string {
  const columns = [...new Set(rows.slice(0, 100).flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown): string => {
    const text = value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map(cell).join(","), ...rows.map((row) => columns.map((column) => cell(row[column])).join(","))].join("\n");
}
