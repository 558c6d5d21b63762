/**
 * Vega-Lite spec → static chart markup, in Node, with no network and no randomness. The same markup
 * goes into the HTML and, through print, the PDF.
 *
 *   1. check     the spec against the Vega-Lite schema (a misspelled key fails, located and with a
 *                "did you mean"), then read local `data.url` files and images into the spec
 *   2. theme     the report theme underneath the spec's own config; a field a channel names that the
 *                data lacks fails the chart; one only a transform reads, and interactive-only
 *                features, become warnings
 *   3. render    compile with vega-lite, run a headless vega View with a seeded random generator and
 *                real text measurement (src/charts/canvas.ts), serialize to SVG — or, for a very large
 *                chart, to a PNG (the data stays reachable under the chart). A chart wider than the
 *                column is drawn again with a legend in rows and larger text, so it scales down readably.
 *   4. scope     every SVG id prefixed with the chart's place in the report, so charts never share ids
 *                whether rendered now or taken from the chart cache (cache.ts holds unscoped markup)
 */
import type { TopLevelSpec } from "vega-lite";
import type { parse as vegaParse, Spec, View } from "vega";
import { codeVersion } from "../package-version";
import { compiledChart, type CompileSteps } from "./compiled";
import * as messages from "../messages/charts";
import { narrowSpec, PHONE_COLUMN_PX } from "./accessible";
import { showFirstFrame } from "./animation";
import { sharedCodegen, type Codegen } from "./codegen";
import { chartKey, compiledChartsDir, drawingCode, noSpecRemembered, readChart, writeChart, type CachedChart } from "./cache";
import { registerMeasureFonts } from "./canvas";
import { importVega } from "./vega-modules";
import { ChartDataError, resolveChartData } from "./data";
import { chartRows, drawsNoRows, MAX_CHART_ROWS } from "./rows";
import { chartDataTables, type DataTable } from "./data-table";
import { readableMarkText } from "./mark-text";
import { locateMissing, missingFields, missingFieldWarning, type Locate } from "./fields";
import { textOnQuantities, textOnQuantityWarning } from "./text-quantities";
import { floatingBars } from "./floating-bars";
import { titlesWithLineBreaks } from "./title-breaks";
import { scopeSvgIds } from "./ids";
import { interactiveFeatures } from "./interactive";
import { rasterise, svgTooLarge, tooManyMarks } from "./raster";
import { withSeededRandom } from "./random";
import { loadSchemaValidator } from "./schema";
import { checkSpec } from "./spec-check";
import { CHART_THEME, LEGEND_IN_ROWS, largerText, mergeConfig } from "./theme";
import { visibleControls, visibleInOneLine } from "../format/control";

/** One drawing of a chart: markup (ids scoped) and its size in CSS px. */
export interface ChartDrawing {
  /** `<svg …>` or, for a rasterised chart, `<img …>` plus its data; ids scoped to this chart. */
  readonly markup: string;
  readonly width: number;
  readonly height: number;
}

export interface RenderedChart extends ChartDrawing {
  /** The spec with the theme applied and local data inlined, as embedded in the HTML for readers' tools. */
  readonly themedSpec: Record<string, unknown>;
  /** Problems a reader would see (missing fields, NaN geometry, what a static page cannot show). */
  readonly warnings: readonly string[];
  /** Local files the chart read (data, images), absolute paths. */
  readonly files: readonly string[];
  /**
   * The phone drawing (accessible.ts `narrowSpec`), its ids scoped apart from the wide one's; null when
   * the chart fits a phone column as drawn, or has no phone drawing (concat, facet, repeat).
   */
  readonly narrow: ChartDrawing | null;
  /** The data its marks draw, as tables for readers who cannot see the drawing (data-table.ts). */
  readonly tables: readonly DataTable[];
}

export interface ChartPlace {
  /** "notebooks/01-x.ipynb: cell 4", for messages. */
  readonly where: string;
  /** The folder relative `data.url`s resolve against (the notebook's, as in JupyterLab). */
  readonly baseDir: string;
  /** The project root: a chart reads no file outside it (charts/local-files.ts). */
  readonly root: string;
  /** Unique in the report (e.g. "vc1-4-o1"): prefixes the chart's SVG ids. */
  readonly idPrefix: string;
  /** Where a name sits in the code that made the chart: a field missing from the data is located at its name. */
  readonly locate?: Locate;
}

/** The column the report's text sets charts in (templates/report.css `--measure` less padding), px. */
export const COLUMN_PX = 660;

/** A failed chart: the message says where and what to do; the report shows it in place. */
export class ChartError extends Error {}

/**
 * vega and vega-lite take ~0.1 s to load; they are imported on the first chart, so a build or command
 * that renders none (a no-op rebuild, `--help`, publish, diff) never pays for them.
 */
const vegaLibraries = async () => {
  registerMeasureFonts();
  const { vega, vegaLite } = await importVega();
  // Every URL was inlined in step 1; anything left (e.g. a URL built by an expression) is refused.
  const noLoading = vega.loader();
  noLoading.load = (uri: string) => Promise.reject(new Error(messages.chartRemoteData(uri)));
  // Local images were made data: URIs in step 1; those are the only images a chart may show. Links
  // (the `href` channel) are navigation, not loading: web and mail links are kept, nothing else.
  noLoading.sanitize = (uri: string, options: { context?: string }) => {
    if (options.context === "href") return Promise.resolve({ href: /^(?:https?:|mailto:|#)/i.test(uri) ? uri : "" });
    return uri.startsWith("data:") ? Promise.resolve({ href: uri }) : Promise.reject(new Error(messages.chartRemoteImage(uri)));
  };
  // vega re-exports vega-statistics' generator switch and vega-runtime's context at run time; its
  // typings declare neither. The default code generator is the `expr` of a context made without one.
  // So is vega-format's locale, whose d3 number format the marks' words use (mark-text.ts).
  const { setRandom, runtimeContext, defaultLocale } = vega as unknown as {
    setRandom(random: () => number): void;
    runtimeContext(dataflow: unknown): { expr: Codegen };
    defaultLocale(): { format(specifier: string): (value: number) => string };
  };
  const expr = sharedCodegen(runtimeContext({ events: () => undefined }).expr);
  // vega-lite would warn on the console; a report build reports through its own messages. The cast is
  // the one place a loose JSON object becomes vega-lite's spec type (checked in step 1).
  const steps: CompileSteps = {
    compile: (spec) => vegaLite.compile(spec as unknown as TopLevelSpec, { logger: vega.logger(vega.None) }).spec as unknown as Record<string, unknown>,
    parse: (vegaSpec) => vega.parse(vegaSpec as unknown as Spec),
    code: `${codeVersion("vega")} ${codeVersion("vega-lite")} ${drawingCode()}`,
  };
  return { ...vega, noLoading, setRandom, expr, defaultLocale, steps };
};
let libraries: ReturnType<typeof vegaLibraries> | undefined;

/**
 * Loads vega and vega-lite now (a build does so while its chapters run, when its main thread is
 * idle), and the spec validator too when the chart cache remembers no valid spec (a first build: each
 * spec will be validated, and the first chapter's charts waited ~0.1 s for it). A rebuild whose specs
 * are remembered never loads it (cache.ts `validSpecKey`).
 */
export async function loadChartLibraries(): Promise<void> {
  await (libraries ??= vegaLibraries());
  if (await noSpecRemembered()) await loadSchemaValidator();
}

export function applyTheme(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const own = typeof spec.config === "object" && spec.config !== null ? (spec.config as Record<string, unknown>) : {};
  return { ...spec, config: mergeConfig(mergeConfig(CHART_THEME as Record<string, unknown>, extra), own) };
}

/** Render one spec. Never mutates `spec`. Throws ChartError with a located message. */
export async function renderChart(spec: unknown, place: ChartPlace): Promise<RenderedChart> {
  const { where } = place;
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) throw new ChartError(messages.chartFailed(where, messages.chartNotObject()));
  // 1. check
  const checked = await checkSpec(spec, where, place.locate);
  const schemaWarning = checked.text === "" ? [] : [checked.text];
  if (checked.fatal) throw new ChartError(checked.text);
  const data = chartRows(spec);
  if (data.rows > MAX_CHART_ROWS) throw new ChartError(messages.chartFailed(data.sequence === undefined ? where : (place.locate?.("sequence", { key: true }) ?? where), messages.chartTooManyRows(data.rows, MAX_CHART_ROWS, data.sequence)));
  let resolved: Awaited<ReturnType<typeof resolveChartData>>;
  try {
    resolved = await resolveChartData(spec as Record<string, unknown>, place.baseDir, place.root);
  } catch (error) {
    if (error instanceof ChartDataError) throw new ChartError(messages.chartFailed(place.locate?.(error.url) ?? where, error.message));
    throw error;
  }
  // 2. theme
  const themedSpec = applyTheme(resolved.spec);
  const missing = missingFields(themedSpec);
  // A field a channel names and the data lacks draws an empty or wrong chart: it fails, each such field
  // located at its name in the cell (a field only a transform reads stays a warning, below).
  const drawnWithout = missing.filter((field) => field.channel === true);
  if (drawnWithout.length > 0) throw new ChartError(drawnWithout.map((field) => missingFieldWarning(locateMissing(place.locate, field) ?? where, field)).join("\n"));
  const brokenTitles = titlesWithLineBreaks(themedSpec).map(visibleInOneLine);
  if (brokenTitles.length > 0) throw new ChartError(messages.chartFailed(where, messages.chartTitleLineBreak(brokenTitles)));
  const texts = textOnQuantities(themedSpec);
  // 3. render (or reuse), and the phone drawing from the same checked and resolved spec
  const chart = await drawOrReuse(themedSpec, where);
  const warnings = [
    ...schemaWarning,
    ...missing.map((field) => missingFieldWarning(locateMissing(place.locate, field) ?? where, field)),
    ...texts.map((text) => textOnQuantityWarning(place.locate?.(text.field) ?? where, text)),
    ...floatingBars(themedSpec).map((bars) => messages.chartFloatingBars(place.locate?.(`${bars.span}2`, { key: true }) ?? where, bars.path, bars.span, bars.value)),
    ...(drawsNoRows(resolved.spec) ? [messages.chartNoRows(where)] : []),
    ...interactiveFeatures(themedSpec).map(({ feature, shows, animation }) =>
      messages.chartInteractive(where, feature, animation === true && chart.frame !== undefined ? messages.chartFirstFrame(visibleInOneLine(chart.frame.field), visibleInOneLine(chart.frame.value)) : shows),
    ),
  ];
  // NaN geometry and "undefined" labels are what a missing field (or words on a quantitative scale)
  // looks like: named once, by the field. (An image's base64 text says nothing about its data: only SVG is looked at.)
  const looked = missing.length > 0 || texts.length > 0 || !chart.markup.startsWith("<svg") ? [] : chartWarnings(chart.markup, where);
  warnings.push(...chart.notes.map((note) => `${where}: ${note}`), ...looked);
  warnings.push(...resolved.leftOut.map(({ url, reason }) => messages.chartImageLeftOut(place.locate?.(url) ?? where, reason)));
  const narrow = await phoneDrawing(resolved.spec, chart, where);
  // 4. scope
  return {
    markup: scopeSvgIds(chart.markup, place.idPrefix),
    themedSpec,
    width: chart.width,
    height: chart.height,
    warnings,
    files: resolved.files,
    narrow: narrow === null ? null : { markup: scopeSvgIds(narrow.markup, `${place.idPrefix}-narrow`), width: narrow.width, height: narrow.height },
    tables: chart.tables ?? [],
  };
}

/**
 * The chart from the chart cache, or drawn (and stored): the page's drawing, reflowed if too wide,
 * or the phone drawing, drawn once as it comes.
 */
async function drawOrReuse(themedSpec: Record<string, unknown>, where: string, kind: "page" | "phone" = "page"): Promise<CachedChart> {
  const json = JSON.stringify(themedSpec);
  const key = chartKey(json, kind);
  let chart = await readChart(key);
  if (chart === undefined) {
    chart = kind === "page" ? await renderFresh(themedSpec, json, where) : (await draw(themedSpec, json, where, { tables: false })).chart;
    writeChart(key, chart);
  }
  return chart;
}

/**
 * The phone drawing, unless the chart already fits a phone column (then it is shown as is) or has
 * none. Kept only if it is narrower than the page's drawing and fits the page's column (a phone
 * drawing is never reflowed). Its warnings would repeat the wide drawing's; if it cannot be drawn,
 * phones get the wide one.
 */
async function phoneDrawing(resolvedSpec: Record<string, unknown>, wide: CachedChart, where: string): Promise<CachedChart | null> {
  if (wide.width <= PHONE_COLUMN_PX) return null;
  const narrow = narrowSpec(resolvedSpec);
  if (narrow === null) return null;
  try {
    const phone = await drawOrReuse(applyTheme(narrow), where, "phone");
    return phone.width < wide.width && phone.width <= COLUMN_PX ? phone : null;
  } catch (error) {
    if (error instanceof ChartError) return null;
    throw error;
  }
}

async function renderFresh(themedSpec: Record<string, unknown>, json: string, where: string): Promise<CachedChart> {
  try {
    // A first drawing wider than the column is only measured (its SVG is never written): it is drawn again.
    const first = await draw(themedSpec, json, where, { measureIfWider: COLUMN_PX });
    if (first.chart.width <= COLUMN_PX || first.chart.markup.startsWith("<img")) return first.chart;
    // Wider than the column, it would be scaled down until its text is unreadable. First the usual
    // culprit, a one-line legend, wraps into rows (a chart without legends would draw the same); if
    // still too wide, the text is enlarged by the scale the page will apply, so it is readable once scaled.
    const rows = first.legends ? (await draw(applyTheme(themedSpec, LEGEND_IN_ROWS), undefined, where)).chart : first.chart;
    if (rows.width <= COLUMN_PX) return { ...rows, notes: [...rows.notes, messages.chartReflowed(first.chart.width, rows.width, COLUMN_PX)] };
    const larger = (await draw(applyTheme(themedSpec, mergeConfig(LEGEND_IN_ROWS, largerText(rows.width / COLUMN_PX))), undefined, where)).chart;
    return { ...larger, notes: [...larger.notes, messages.chartScaled(larger.width, COLUMN_PX)] };
  } catch (error) {
    if (error instanceof ChartError) throw error;
    throw new ChartError(messages.chartFailed(where, visibleInOneLine(error instanceof Error ? error.message : String(error))));
  }
}

/**
 * One drawing; `legends` says whether the compiled chart has any (only those a reflow can change).
 * With `measureIfWider`, a chart wider than that is only measured: its markup is left empty. Its data
 * tables are read from the view as drawn (after an animation's first frame is chosen), unless
 * `tables` is false (the phone drawing: the page's drawing carries them).
 */
async function draw(themedSpec: Record<string, unknown>, json: string | undefined, where: string, options: { measureIfWider?: number; tables?: boolean } = {}): Promise<{ chart: CachedChart; legends: boolean }> {
  const { None, View, noLoading, setRandom, expr, defaultLocale, steps } = await (libraries ??= vegaLibraries());
  let view: View | undefined;
  try {
    return await withSeededRandom(json ?? JSON.stringify(themedSpec), setRandom, async () => {
      // Compiled and parsed apart from its data (compiled.ts): a chart whose numbers alone moved is neither.
      const { vegaSpec, runtime } = compiledChart(themedSpec, steps, compiledChartsDir());
      const legends = hasLegends(vegaSpec);
      view = new View(runtime as ReturnType<typeof vegaParse>, { renderer: "none", loader: noLoading, logLevel: None, expr });
      await view.runAsync();
      const frame = await showFirstFrame(view, vegaSpec as unknown as Record<string, unknown>);
      // Before the SVG and the tables: both read the marks' words (aria-labels, tooltips) from here.
      readableMarkText(view, themedSpec, (specifier) => defaultLocale().format(specifier));
      const tables = options.tables === false ? {} : { tables: chartDataTables(view, themedSpec) };
      // Too many marks: straight to an image, without writing the SVG first.
      const many = tooManyMarks(view);
      const size = viewSize(view);
      if (many !== undefined && size !== undefined) return { chart: { ...(await rasterChart(view, themedSpec, size, many)), ...(frame && { frame }), ...tables }, legends };
      if (options.measureIfWider !== undefined && size !== undefined && size.width > options.measureIfWider) return { chart: { markup: "", ...size, notes: [], ...tables }, legends };
      // A chart's text is data: control and bidi characters in it (ESC, NUL, a right-to-left override)
      // are written as visible escapes, as wherever a reader sees text (format/control.ts). The SVG is where
      // all of it meets: titles, labels and marks' aria-labels (which the tooltips show); vega's markup
      // itself has none. canvas.ts measures text the same way, so the layout leaves room for them.
      const svg = visibleControls(await view.toSVG());
      // The drawing's whole size (plot, axes, legends, titles), not only the plot's width().
      const attributes = /^<svg[^>]*? width="([\d.]+)" height="([\d.]+)"/.exec(svg);
      const drawn = { width: Number(attributes?.[1] ?? view.width()), height: Number(attributes?.[2] ?? view.height()) };
      const why = many ?? svgTooLarge(svg.length);
      if (why !== undefined) return { chart: { ...(await rasterChart(view, themedSpec, drawn, why)), ...(frame && { frame }), ...tables }, legends };
      return { chart: { markup: responsive(svg), ...drawn, notes: [], ...(frame && { frame }), ...tables }, legends };
    });
  } catch (error) {
    throw new ChartError(messages.chartFailed(where, visibleInOneLine(error instanceof Error ? error.message : String(error))));
  } finally {
    view?.finalize();
  }
}

async function rasterChart(view: View, themedSpec: Record<string, unknown>, size: { width: number; height: number }, why: string): Promise<CachedChart> {
  return { markup: await rasterise(view, themedSpec, size.width, size.height), ...size, notes: [messages.chartRasterised(why)] };
}

/**
 * The size vega writes on the SVG root (its renderer's width: view size plus padding), read from the
 * view without writing the SVG. vega keeps the view size in private fields; if they are ever gone,
 * undefined makes the caller write the SVG and read it there.
 */
function viewSize(view: View): { width: number; height: number } | undefined {
  const inner = view as unknown as { _viewWidth?: unknown; _viewHeight?: unknown };
  if (typeof inner._viewWidth !== "number" || typeof inner._viewHeight !== "number") return undefined;
  const padding = view.padding() as { left: number; right: number; top: number; bottom: number };
  return { width: Math.max(0, inner._viewWidth + padding.left + padding.right), height: Math.max(0, inner._viewHeight + padding.top + padding.bottom) };
}

/** Whether a compiled Vega spec draws any legend (in any group). */
function hasLegends(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  const record = node as { legends?: unknown; marks?: unknown };
  if (Array.isArray(record.legends) && record.legends.length > 0) return true;
  return Array.isArray(record.marks) && record.marks.some(hasLegends);
}

/** Signs of bad chart data that vega renders silently: NaN coordinates, "undefined"/"NaN" text. */
export function chartWarnings(svg: string, where: string): string[] {
  const warnings: string[] = [];
  if (/="[^"]*NaN[^"]*"/.test(svg)) warnings.push(messages.chartBadGeometry(where));
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? "");
  const bad = texts.find((text) => /\b(?:undefined|NaN|null)\b|\[object Object\]/.test(text));
  if (bad !== undefined) warnings.push(messages.chartBadText(where, visibleInOneLine(bad)));
  return warnings;
}

// Keep the viewBox and let CSS size the chart (max-width: 100%), so it fits any column and page.
function responsive(svg: string): string {
  return svg.replace(/^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, '<svg$1 width="$2" height="$3" style="max-width:100%;height:auto"');
}
