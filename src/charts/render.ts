/**
 * Vega-Lite spec → static SVG, in Node, with no network and no randomness: compile with vega-lite
 * (the report theme underneath the spec's own config), run a headless vega View (renderer "none")
 * and serialize it with `toSVG()`. The same SVG goes into the HTML and, through print, the PDF.
 */
import type { TopLevelSpec } from "vega-lite";
import type { View } from "vega";
import { chartBadGeometry, chartBadText, chartFailed } from "../messages/report";
import { chartKey, readChart, writeChart, type CachedChart } from "./cache";
import { CHART_THEME, mergeConfig } from "./theme";

export interface RenderedChart {
  readonly svg: string;
  /** The spec with the theme applied, as embedded in the HTML for readers' tools. */
  readonly themedSpec: Record<string, unknown>;
  readonly width: number;
  readonly height: number;
  /** Problems a reader would see (NaN geometry, "undefined" labels), for the build log. */
  readonly warnings: readonly string[];
}

/** Signs of bad chart data that vega renders silently: NaN coordinates, "undefined"/"NaN" text. */
export function chartWarnings(svg: string, where: string): string[] {
  const warnings: string[] = [];
  if (/="[^"]*NaN[^"]*"/.test(svg)) warnings.push(chartBadGeometry(where));
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? "");
  const bad = texts.find((text) => /\b(?:undefined|NaN|null)\b|\[object Object\]/.test(text));
  if (bad !== undefined) warnings.push(chartBadText(where, bad));
  return warnings;
}

/** Charts carry their data inline; a `data.url` would mean a network or disk read, so it is refused. */
const INLINE_DATA_ONLY = (uri: string): string => `charts must carry their data inline (data.values); refused to load "${uri}"`;

/** Charts carry their data inline; a `data.url` would mean a network or disk read, so it is refused. */
/**
 * vega and vega-lite take ~1 s to load; they are imported on the first chart, so a build or command
 * that renders none (a no-op rebuild, `--help`, publish, diff) never pays for them.
 */
const vegaLibraries = async () => {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const noLoading = vega.loader();
  noLoading.load = (uri: string) => Promise.reject(new Error(INLINE_DATA_ONLY(uri)));
  return { ...vega, compile: vegaLite.compile, noLoading };
};
let libraries: ReturnType<typeof vegaLibraries> | undefined;

/** The first `url` of any `data` block in the spec (vega would only log a failed load, not throw). */
export function findDataUrl(node: unknown): string | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  if (Array.isArray(node)) return node.map(findDataUrl).find((url) => url !== undefined);
  const record = node as Record<string, unknown>;
  const data = record.data;
  if (typeof data === "object" && data !== null && typeof (data as Record<string, unknown>).url === "string") {
    return (data as Record<string, string>).url;
  }
  return Object.values(record).map(findDataUrl).find((url) => url !== undefined);
}

export function applyTheme(spec: Record<string, unknown>): Record<string, unknown> {
  const own = typeof spec.config === "object" && spec.config !== null ? (spec.config as Record<string, unknown>) : {};
  return { ...spec, config: mergeConfig(CHART_THEME as Record<string, unknown>, own) };
}

/** Render one spec; `where` names the notebook cell in errors. Never mutates `spec`. */
export async function renderChart(spec: unknown, where: string): Promise<RenderedChart> {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) throw new Error(chartFailed(where, "the spec is not a JSON object"));
  const url = findDataUrl(spec);
  if (url !== undefined) throw new Error(chartFailed(where, INLINE_DATA_ONLY(url)));
  const themedSpec = applyTheme(structuredClone(spec as Record<string, unknown>));
  const key = chartKey(themedSpec);
  const cached = await readChart(key);
  if (cached) return { ...cached, themedSpec, warnings: chartWarnings(cached.svg, where) };
  let view: View | undefined;
  let chart: CachedChart;
  try {
    // vega-lite would warn on the console; a report build reports through its own messages.
    // The cast is the one place a loose JSON object becomes vega-lite's spec type; compile validates it.
    const { compile, logger, None, parse, View, noLoading } = await (libraries ??= vegaLibraries());
    const vegaSpec = compile(themedSpec as unknown as TopLevelSpec, { logger: logger(None) }).spec;
    view = new View(parse(vegaSpec), { renderer: "none", loader: noLoading, logLevel: None });
    await view.runAsync();
    const svg = await view.toSVG();
    chart = { svg: responsive(svg), width: view.width(), height: view.height() };
  } catch (error) {
    throw new Error(chartFailed(where, error instanceof Error ? error.message : String(error)));
  } finally {
    view?.finalize();
  }
  // Outside the try: an unwritable cache is not this chart's fault (it says so itself, exit 2).
  await writeChart(key, chart);
  return { ...chart, themedSpec, warnings: chartWarnings(chart.svg, where) };
}

// Keep the viewBox and let CSS size the chart (max-width: 100%), so it fits any column and page.
function responsive(svg: string): string {
  return svg.replace(/^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, '<svg$1 width="$2" height="$3" style="max-width:100%;height:auto"');
}
