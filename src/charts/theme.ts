/**
 * The report's chart look, shared by every chart: the same fonts and sizes as the text around them,
 * quiet axes, a restrained palette, and tooltips on every mark (shown by the report's runtime).
 * A chart's own `config` wins over the theme, key by key.
 */
import type { Config } from "vega-lite";

/** The report's sans face and its symbols fallback (both inlined in the page by src/report/fonts.ts). */
export const CHART_FONT = `"Source Sans 3", "fragtax symbols", sans-serif`;

/** Muted blue, amber, teal, rose, grey, olive: distinguishable, print-safe, not loud. */
export const CHART_PALETTE = ["#35618f", "#d08c34", "#3c8d7f", "#b5546a", "#7a7a7a", "#8c8c3c"] as const;

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
  mark: { color: CHART_PALETTE[0], tooltip: true },
  bar: { color: CHART_PALETTE[0] },
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
  axisX: { grid: false, labelAngle: 0, labelLimit: 140 },
  legend: { labelFont: CHART_FONT, labelFontSize: 11, labelColor: MUTED, titleFont: CHART_FONT, titleFontSize: 12, titleColor: INK, orient: "bottom", direction: "horizontal" },
  header: { labelFont: CHART_FONT, titleFont: CHART_FONT, labelFontSize: 12 },
  text: { font: CHART_FONT, fontSize: 11, color: INK },
};

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
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfig(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
