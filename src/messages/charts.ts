/** Messages about Vega-Lite charts: spec problems, data files, what the static page shows. */
import { didYouMean } from "./suggestion";
import { groupThousands } from "../format/number";

/** More rows in a spec's own data (inline values, a sequence) than a chart in the page may draw. */
export const chartTooManyRows = (rows: number, max: number, sequence?: { start: number; stop: number; step: number }): string =>
  `its data has ${rows.toLocaleString("en-US")} rows${sequence === undefined ? "" : ` (a sequence from ${sequence.start} to ${sequence.stop} by ${sequence.step})`}, over the ${max.toLocaleString("en-US")} a chart in the page may draw; ` +
  "aggregate, bin or sample the data in the cell (or check the numbers: a typo can add zeros)";

/** A chart whose data holds no row (charts/rows.ts `drawsNoRows`): drawn as empty axes. */
export const chartNoRows = (where: string): string =>
  `${where}: the chart's data has no rows, so it draws its axes and nothing else; check what filtered them out, or leave the chart out when there is nothing to show`;

export const chartFailed = (where: string, detail: string): string => `${where}: the Vega-Lite chart could not be rendered: ${detail}`;

export const chartBadGeometry = (where: string): string =>
  `${where}: the chart has NaN coordinates (a value missing or invalid for its scale, e.g. 0 on a log scale)`;

export const chartBadText = (where: string, text: string): string => `${where}: the chart shows the label "${text}" (a field missing from the data?)`;

export const chartNotObject = (): string => "the spec is not a JSON object";

/** Titles with a line break (charts/title-breaks.ts), by their paths in the spec. */
export const chartTitleLineBreak = (paths: readonly string[]): string =>
  `${paths.length === 1 ? `the title at ${paths[0] ?? ""} has a line break` : `the titles at ${paths.join(", ")} have line breaks`}, which Vega-Lite cannot draw (it writes a title into the chart's tooltip, where a line break ends the expression): write a title's lines as a list, title: ["first line", "second line"]`;

// ── the spec against the Vega-Lite schema ────────────────────────────────────────────────────────
export const chartSpecProblem = (where: string, path: string, problem: string, suggestion: string | undefined): string =>
  `${where}: chart spec: ${problem} at ${path}${didYouMean(suggestion)}`;

export const chartMoreProblems = (count: number): string => ` (the schema reports ${count} more, mostly the other forms it allows there)`;

export const chartMissingField = (where: string, field: string, path: string, available: readonly string[], suggestion: string | undefined): string =>
  `${where}: chart field "${field}" (at ${path}) is not in the chart's data` +
  (suggestion === undefined ? "." : didYouMean(suggestion)) +
  ` The data has: ${available.slice(0, 12).map((name) => `"${name}"`).join(", ")}${available.length > 12 ? ", …" : ""}.`;

/** A column whose name holds "." or "[", which Vega-Lite reads as a path into nested data. */
export const chartFieldReadAsPath = (where: string, field: string, path: string, escaped: string): string =>
  `${where}: chart field "${field}" (at ${path}) is a column of the chart's data, but Vega-Lite reads "." and "[" in a field as a path into nested data, so it finds nothing there; escape them with a backslash: field: ${JSON.stringify(escaped)} (or rename the column).`;

/** A quantitative encoding of a field whose values are words: the marks have no position. */
export const chartTextOnQuantity = (where: string, field: string, path: string, examples: readonly string[]): string =>
  `${where}: chart field "${field}" is typed "quantitative" (at ${path}), but its values are text (${examples.map((value) => `"${value}"`).join(", ")}), ` +
  `which a quantitative scale cannot place, so its marks are drawn without a position. Use type "nominal" for categories ("ordinal" if they have an order), or give the field numbers.`;

/** Bars spanning x to x2 (or y to y2) with a quantity on the other axis, no second value and no bins. */
export const chartFloatingBars = (where: string, path: string, span: "x" | "y", value: "x" | "y"): string =>
  `${where}: the bars at ${path} span ${span} to ${span}2 but have no ${value}2 and ${span} is not binned, so each is drawn as a thin dash at its ${value} value. ` +
  `For a histogram of bins made already (histogramBins), write bin: "binned" in ${span} (${span}: { field: "x0", bin: "binned", type: "quantitative" }); for bars from zero, add ${value}2: { datum: 0 }; ` +
  `if bars floating at their ${value} values are meant, give them a thickness (mark: { type: "bar", ${span === "x" ? "height" : "width"}: 10 }).`;

/** Under a chart drawn without fields its data lacks (that a transform reads): the reader is told, not shown an empty plot. */
export const chartMissingFieldNote = (fields: readonly { readonly field: string; readonly suggestion?: string }[]): string =>
  `This chart names ${fields.length === 1 ? "a field" : "fields"} its data does not have (${fields.map(({ field, suggestion }) => `"${field}"${suggestion === undefined ? "" : `, perhaps "${suggestion}"`}`).join("; ")}), so it is drawn without ${fields.length === 1 ? "it" : "them"}.`;

// ── data and images by URL ───────────────────────────────────────────────────────────────────────
export const chartRemoteData = (url: string): string =>
  `data.url "${url}" is remote; a report makes no network requests. Save the file next to the notebook and give its relative path (e.g. "data/cars.json"), or put the rows in data.values.`;

export const chartRemoteImage = (url: string): string =>
  `the image "${url}" is remote; a report makes no network requests. Save it next to the notebook and give its relative path.`;

export const chartDataFormat = (url: string, type: string): string =>
  `data.url "${url}": format "${type || "(none)"}" cannot be read at build time; use json, csv, tsv or topojson (set data.format.type when the file name does not say).`;

export const chartDataUnreadable = (url: string, path: string, detail: string): string =>
  detail === "ENOENT"
    ? `"${url}" was not found (${path}); paths are relative to the notebook's folder, as in JupyterLab. Correct the path or add the file.`
    : `"${url}" could not be read (${path}: ${detail}); paths are relative to the notebook's folder, as in JupyterLab.`;

/** Why a chart may not read a local file (charts/local-files.ts), and what to do instead. */
export const chartFileOutside = (url: string, real: string): string =>
  `"${url}" is outside the project (${real}); a chart reads only files inside the project folder. Copy the file into the project (e.g. next to the notebook) and give its relative path.`;

export const chartImageNotImage = (url: string, types: readonly string[]): string =>
  `"${url}" is not an image (a chart copies into the page only image files: ${types.join(", ")}, whose contents start as such a file does); give the path of an image.`;

export const chartImageBadPath = (url: string, detail: string): string =>
  `"${url}" is not a file path (${detail}); give the image's path relative to the notebook, with % only as in %20.`;

export const chartFileNotRegular = (url: string, real: string): string =>
  `"${url}" (${real}) is not a regular file (a folder, device or pipe); a chart reads only ordinary files. Give the path of a data or image file.`;

export const chartFileTooLarge = (url: string, real: string, bytes: number, limitMb: number): string =>
  `"${url}" (${real}) is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${limitMb} MB a chart may read into the page; aggregate or filter the data into a smaller file.`;

/** An image a data row names that the chart may not read: the chart is drawn without it. */
export const chartImageLeftOut = (where: string, reason: string): string => `${where}: an image of the chart was left out: ${reason}`;

// ── what the static page shows ───────────────────────────────────────────────────────────────────
/** Notes about how a chart was drawn (kept with the cached chart; the build prefixes where). */
export const chartRasterised = (why: string): string => `the chart was drawn as an image (${why}); its data can be downloaded under it`;

export const chartInteractive = (where: string, feature: string, shows: string): string =>
  `${where}: the chart uses ${feature}, which a static page cannot offer; the report shows ${shows}`;

/** What the page shows of an animation drawn at one frame: "its first frame only (year 1955)". */
export const chartFirstFrame = (field: string, value: string): string => `its first frame only (${field} ${value})`;

export const chartReflowed = (before: number, after: number, column: number): string =>
  `the chart was ${Math.round(before)} px wide, wider than the ${column} px column; its legend was wrapped into rows (now ${Math.round(after)} px)`;

export const chartScaled = (width: number, column: number): string =>
  `the chart is ${Math.round(width)} px wide, wider than the ${column} px column: it is scaled to ${Math.round((100 * column) / width)}%, drawn with larger text and its legend in rows so the text stays readable`;

export const chartLargeMarks = (marks: number, limit: number): string => `${groupThousands(marks)} marks, over ${groupThousands(limit)}`;
export const chartLargeSvg = (megabytes: number, limit: number): string => `${megabytes.toFixed(1)} MB of SVG, over ${limit} MB`;
export const chartDataDownload = (rows: number): string => `Download the data of this chart (${groupThousands(rows)} rows)`;
/** A chart's data tables (report/chart-table.ts): the summary a reader opens, a table's caption, and the rows cut. */
export const chartDataTableSummary = (rows: number): string => `Data table (${groupThousands(rows)} ${rows === 1 ? "row" : "rows"})`;
/**
 * Vega-Lite's mark types as a reader names what they draw: "rule" and "rect" are a plotting library's
 * words; a chart that draws intervals as rules and a shaded range as a rect shows line segments and a band.
 */
const MARK_NOUNS: Readonly<Record<string, string>> = {
  arc: "Slices", area: "Areas", bar: "Bars", circle: "Points", geoshape: "Shapes", image: "Images", line: "Lines",
  point: "Points", rect: "Rectangles", rule: "Line segments", square: "Points", text: "Text labels", tick: "Ticks", trail: "Trails",
};
/** A data table's caption, when a chart has several: "Line segments (2 of 3): 4 rows". */
export const chartDataTableMarks = (marks: string, rows: number, ofKind?: { nth: number; of: number }): string =>
  `${MARK_NOUNS[marks] ?? `${marks.charAt(0).toUpperCase()}${marks.slice(1)} marks`}${ofKind === undefined ? "" : ` (${groupThousands(ofKind.nth)} of ${groupThousands(ofKind.of)})`}: ${groupThousands(rows)} ${rows === 1 ? "row" : "rows"}`;
export const chartDataTableLeftOut = (shown: number, total: number): string =>
  `The first ${groupThousands(shown)} of ${groupThousands(total)} rows are shown; ${groupThousands(total - shown)} are left out.`;
export const chartImageAlt = (title: string): string => (title === "" ? "Chart (drawn as an image because of its size)" : `Chart: ${title}`);

export const notValidJson = (detail: string): string => `not valid JSON: ${detail}`;
