/**
 * The report's chart look, shared by every chart: the same fonts and sizes as the text around them,
 * quiet axes, a restrained palette, and tooltips on every mark (shown by the report's runtime).
 * A chart's own `config` wins over the theme, key by key.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Config } from "vega-lite";
import { isRecord } from "../util/records";

/** The report's sans face and its symbols fallback (both inlined in the page by src/report/fonts.ts). */
export const CHART_FONT = `"Source Sans 3", "fragtax symbols", sans-serif`;

/**
 * The fonts text is measured with at build time (src/charts/canvas.ts), so a label is truncated only
 * when it would not fit on the page. `files` are registered with the canvas under `family` (e.g. the
 * report's own woff2 fonts); without files the system's fonts matching CHART_FONT are used.
 */
export const CHART_MEASURE_FONTS: { readonly family: string | undefined; readonly files: readonly string[] } = measureFonts();

/** The page's own Source Sans 3 (regular and bold), the face chart text is drawn in. */
function measureFonts(): { readonly family: string | undefined; readonly files: readonly string[] } {
  try {
    const folder = join(dirname(createRequire(import.meta.url).resolve("@fontsource/source-sans-3/package.json")), "files");
    return { family: "Source Sans 3", files: ["400", "700"].map((weight) => join(folder, `source-sans-3-latin-${weight}-normal.woff2`)) };
  } catch {
    // No font package (npm install not run): the system's fonts; the report's font step says what to do.
    return { family: undefined, files: [] };
  }
}

/**
 * Categorical colours: Paul Tol's "muted" scheme (nine colours chosen to stay distinct under the
 * common colour-vision deficiencies and in greyscale print) and a dark grey, so ten categories never
 * repeat a colour. The single-series colour stays the report's blue.
 */
export const CHART_PALETTE = ["#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77", "#cc6677", "#882255", "#aa4499", "#555555"] as const;
export const CHART_COLOR = "#35618f";

const INK = "#222222";
const MUTED = "#5a5a5a";
const RULE = "#d9d9d9";

export const CHART_THEME: Config = {
  // Transparent: the chart sits on the page colour on screen and on white paper in print.
  background: "transparent",
  font: CHART_FONT,
  padding: 8,
  view: { continuousWidth: 500, continuousHeight: 260, discreteWidth: 500, discreteHeight: { step: 26 }, stroke: null },
  range: { category: [...CHART_PALETTE] },
  mark: { color: CHART_COLOR, tooltip: true },
  bar: { color: CHART_COLOR },
  line: { strokeWidth: 2 },
  point: { filled: true, size: 40 },
  title: { font: CHART_FONT, fontSize: 14, fontWeight: 600, color: INK, anchor: "start", offset: 10, subtitleColor: MUTED, subtitleFontSize: 12 },
  axis: {
    labelFont: CHART_FONT,
    labelFontSize: 11,
    labelColor: MUTED,
    titleFont: CHART_FONT,
    titleFontSize: 12,
    titleFontWeight: 600,
    titleColor: INK,
    titlePadding: 8,
    domainColor: "#9a9a9a",
    tickColor: "#9a9a9a",
    gridColor: RULE,
    gridOpacity: 0.7,
  },
  // Labels are measured with a real canvas, so a limit only cuts what would not fit the column.
  axisX: { grid: false, labelAngle: 0, labelLimit: 140 },
  axisY: { labelLimit: 240 },
  legend: {
    labelFont: CHART_FONT, labelFontSize: 11, labelColor: MUTED, labelLimit: 240, titleFont: CHART_FONT, titleFontSize: 12, titleColor: INK, titleLimit: 480,
    orient: "bottom", direction: "horizontal",
  },
  header: { labelFont: CHART_FONT, titleFont: CHART_FONT, labelFontSize: 12 },
  text: { font: CHART_FONT, fontSize: 11, color: INK },
};

/** Text smaller than this (px, once the chart is scaled into the column) is hard to read. */
export const MIN_READABLE_PX = 9;

/** A horizontal legend wrapped into rows of four entries instead of one line wider than the page. */
export const LEGEND_IN_ROWS: Json = { legend: { columns: 4 } };

/**
 * Config for a chart `scale` times wider than the column: text enlarged so that once the chart is
 * scaled into the column it is still at least MIN_READABLE_PX (at most 2.5×, beyond which the
 * chart would only grow further).
 */
export function largerText(scale: number): Json {
  const grow = Math.min(2.5, Math.max(1, (MIN_READABLE_PX * scale) / 11));
  const size = (px: number): number => Math.round(px * grow);
  return {
    legend: { labelFontSize: size(11), titleFontSize: size(12), symbolSize: Math.round(100 * grow), labelLimit: size(240) },
    axis: { labelFontSize: size(11), titleFontSize: size(12) },
    header: { labelFontSize: size(12), titleFontSize: size(13) },
    title: { fontSize: size(14), subtitleFontSize: size(12) },
    text: { fontSize: size(11) },
  };
}

/** An axis title that always carries its unit: `axisTitle("Training cost", "USD")` → "Training cost (USD)". */
export function axisTitle(label: string, unit: string): string {
  return unit.trim() === "" ? label : `${label} (${unit})`;
}

type Json = Record<string, unknown>;

/** `base` overlaid with `over`, recursively for plain objects; neither input is changed. */
export function mergeConfig(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isRecord(current) && isRecord(value) ? mergeConfig(current, value) : value;
  }
  return out;
}
