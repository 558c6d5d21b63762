/**
 * Vega-Lite spec → static chart markup, in Node, with no network and no randomness. The same markup
 * goes into the HTML and, through print, the PDF.
 *
 *   1. check     the spec against the Vega-Lite schema (a misspelled key fails, located and with a
 *                "did you mean"), then read local `data.url` files and images into the spec
 *   2. theme     the report theme underneath the spec's own config; fields missing from inline data
 *                and interactive-only features become warnings
 *   3. render    compile with vega-lite, run a headless vega View with a seeded random generator and
 *                real text measurement (src/charts/canvas.ts), serialize to SVG — or, for a very large
 *                chart, to a PNG (the data stays reachable under the chart). A chart wider than the
 *                column is drawn again with a legend in rows and larger text, so it scales down readably.
 *   4. scope     every SVG id prefixed with the chart's place in the report, so charts never share ids
 *                whether rendered now or taken from the chart cache (cache.ts holds unscoped markup)
 */
import type { TopLevelSpec } from "vega-lite";
import type { View } from "vega";
import * as messages from "../messages/charts";
import { chartKey, readChart, writeChart, type CachedChart } from "./cache";
import { registerMeasureFonts } from "./canvas";
import { ChartDataError, resolveChartData } from "./data";
import { missingFields } from "./fields";
import { scopeSvgIds } from "./ids";
import { interactiveFeatures } from "./interactive";
import { rasterise, rasterReason } from "./raster";
import { withSeededRandom } from "./random";
import { schemaProblems } from "./schema";
import { CHART_THEME, LEGEND_IN_ROWS, largerText, mergeConfig } from "./theme";

export interface RenderedChart {
  /** `<svg …>` or, for a rasterised chart, `<img …>` plus its data; ids scoped to this chart. */
  readonly markup: string;
  /** The spec with the theme applied and local data inlined, as embedded in the HTML for readers' tools. */
  readonly themedSpec: Record<string, unknown>;
  readonly width: number;
  readonly height: number;
  /** Problems a reader would see (missing fields, NaN geometry, what a static page cannot show). */
  readonly warnings: readonly string[];
  /** Local files the chart read (data, images), absolute paths. */
  readonly files: readonly string[];
}

export interface ChartPlace {
  /** "notebooks/01-x.ipynb: cell 4", for messages. */
  readonly where: string;
  /** The folder relative `data.url`s resolve against (the notebook's, as in JupyterLab). */
  readonly baseDir: string;
  /** Unique in the report (e.g. "vc1-4-o1"): prefixes the chart's SVG ids. */
  readonly idPrefix: string;
}

/** The column the report's text sets charts in (templates/report.css `--measure` less padding), px. */
export const COLUMN_PX = 660;

/** A failed chart: the message says where and what to do; the report shows it in place. */
export class ChartError extends Error {}

/**
 * vega and vega-lite take ~1 s to load; they are imported on the first chart, so a build or command
 * that renders none (a no-op rebuild, `--help`, publish, diff) never pays for them.
 */
const vegaLibraries = async () => {
  registerMeasureFonts();
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  // Every URL was inlined in step 1; anything left (e.g. a URL built by an expression) is refused.
  const noLoading = vega.loader();
  noLoading.load = (uri: string) => Promise.reject(new Error(messages.chartRemoteData(uri)));
  // Local images were made data: URIs in step 1; those are the only images a chart may show. Links
  // (the `href` channel) are navigation, not loading: web and mail links are kept, nothing else.
  noLoading.sanitize = (uri: string, options: { context?: string }) => {
    if (options.context === "href") return Promise.resolve({ href: /^(?:https?:|mailto:|#)/i.test(uri) ? uri : "" });
    return uri.startsWith("data:") ? Promise.resolve({ href: uri }) : Promise.reject(new Error(messages.chartRemoteImage(uri)));
  };
  // vega re-exports vega-statistics' generator switch at run time; its typings do not declare it.
  const { setRandom } = vega as unknown as { setRandom(random: () => number): void };
  return { ...vega, compile: vegaLite.compile, noLoading, setRandom };
};
let libraries: ReturnType<typeof vegaLibraries> | undefined;

export function applyTheme(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const own = typeof spec.config === "object" && spec.config !== null ? (spec.config as Record<string, unknown>) : {};
  return { ...spec, config: mergeConfig(mergeConfig(CHART_THEME as Record<string, unknown>, extra), own) };
}

/** Render one spec. Never mutates `spec`. Throws ChartError with a located message. */
export async function renderChart(spec: unknown, place: ChartPlace): Promise<RenderedChart> {
  const { where } = place;
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) throw new ChartError(messages.chartFailed(where, messages.chartNotObject()));
  // 1. check
  const problems = await schemaProblems(spec);
  const first = problems[0];
  const schemaWarning = first === undefined ? [] : [messages.chartSpecProblem(where, first.path, first.problem, first.suggestion) + (problems.length > 1 ? messages.chartMoreProblems(problems.length - 1) : "")];
  if (first?.fatal === true) throw new ChartError(schemaWarning[0]);
  let resolved: Awaited<ReturnType<typeof resolveChartData>>;
  try {
    resolved = await resolveChartData(spec as Record<string, unknown>, place.baseDir);
  } catch (error) {
    if (error instanceof ChartDataError) throw new ChartError(messages.chartFailed(where, error.message));
    throw error;
  }
  // 2. theme
  const themedSpec = applyTheme(resolved.spec);
  const missing = missingFields(themedSpec);
  const warnings = [
    ...schemaWarning,
    ...missing.map((field) => messages.chartMissingField(where, field.field, field.path, field.available, field.suggestion)),
    ...interactiveFeatures(themedSpec).map(({ feature, shows }) => messages.chartInteractive(where, feature, shows)),
  ];
  // 3. render (or reuse)
  const key = chartKey(themedSpec);
  let chart = await readChart(key);
  if (chart === undefined) {
    chart = await renderFresh(themedSpec, where);
    await writeChart(key, chart);
  }
  // NaN geometry and "undefined" labels are what a missing field looks like: named once, by the field.
  warnings.push(...chart.notes.map((note) => `${where}: ${note}`), ...(missing.length > 0 ? [] : chartWarnings(chart.markup, where)));
  // 4. scope
  return { markup: scopeSvgIds(chart.markup, place.idPrefix), themedSpec, width: chart.width, height: chart.height, warnings, files: resolved.files };
}

async function renderFresh(themedSpec: Record<string, unknown>, where: string): Promise<CachedChart> {
  try {
    const first = await draw(themedSpec, where);
    if (first.width <= COLUMN_PX || first.markup.startsWith("<img")) return first;
    // Wider than the column, it would be scaled down until its text is unreadable. First the usual
    // culprit, a one-line legend, wraps into rows; if still too wide, the text is enlarged by the
    // scale the page will apply, so it is readable once scaled.
    const rows = await draw(applyTheme(themedSpec, LEGEND_IN_ROWS), where);
    if (rows.width <= COLUMN_PX) return { ...rows, notes: [...rows.notes, messages.chartReflowed(first.width, rows.width, COLUMN_PX)] };
    const larger = await draw(applyTheme(themedSpec, mergeConfig(LEGEND_IN_ROWS, largerText(rows.width / COLUMN_PX))), where);
    return { ...larger, notes: [...larger.notes, messages.chartScaled(larger.width, COLUMN_PX)] };
  } catch (error) {
    if (error instanceof ChartError) throw error;
    throw new ChartError(messages.chartFailed(where, error instanceof Error ? error.message : String(error)));
  }
}

async function draw(themedSpec: Record<string, unknown>, where: string): Promise<CachedChart> {
  const { compile, logger, None, parse, View, noLoading, setRandom } = await (libraries ??= vegaLibraries());
  let view: View | undefined;
  try {
    return await withSeededRandom(JSON.stringify(themedSpec), setRandom, async () => {
      // vega-lite would warn on the console; a report build reports through its own messages.
      // The cast is the one place a loose JSON object becomes vega-lite's spec type (checked in step 1).
      const vegaSpec = compile(themedSpec as unknown as TopLevelSpec, { logger: logger(None) }).spec;
      view = new View(parse(vegaSpec), { renderer: "none", loader: noLoading, logLevel: None });
      await view.runAsync();
      const svg = await view.toSVG();
      // The drawing's whole size (plot, axes, legends, titles), not only the plot's width().
      const size = /^<svg[^>]*? width="([\d.]+)" height="([\d.]+)"/.exec(svg);
      const [width, height] = [Number(size?.[1] ?? view.width()), Number(size?.[2] ?? view.height())];
      const why = rasterReason(view, svg.length);
      if (why !== undefined) return { markup: await rasterise(view, themedSpec, width, height), width, height, notes: [messages.chartRasterised(why)] };
      return { markup: responsive(svg), width, height, notes: [] };
    });
  } catch (error) {
    throw new ChartError(messages.chartFailed(where, error instanceof Error ? error.message : String(error)));
  } finally {
    view?.finalize();
  }
}

/** Signs of bad chart data that vega renders silently: NaN coordinates, "undefined"/"NaN" text. */
export function chartWarnings(svg: string, where: string): string[] {
  const warnings: string[] = [];
  if (/="[^"]*NaN[^"]*"/.test(svg)) warnings.push(messages.chartBadGeometry(where));
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? "");
  const bad = texts.find((text) => /\b(?:undefined|NaN|null)\b|\[object Object\]/.test(text));
  if (bad !== undefined) warnings.push(messages.chartBadText(where, bad));
  return warnings;
}

// Keep the viewBox and let CSS size the chart (max-width: 100%), so it fits any column and page.
function responsive(svg: string): string {
  return svg.replace(/^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, '<svg$1 width="$2" height="$3" style="max-width:100%;height:auto"');
}
