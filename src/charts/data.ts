/**
 * Chart data by URL, read at build time. JupyterLab resolves a relative `data.url` against the
 * notebook's folder, so the build does the same: the file is read, parsed by its `format.type` (or
 * its extension) and put into the spec as inline `values`, so the rendered chart, the spec embedded
 * in the page and the chart cache key all carry the data itself. Local images of image marks become
 * `data:` URIs (the page's policy allows no other images). Anything remote is refused: a report
 * makes no network request, at build time or when read.
 *
 * Only files inside the project, regular and not too large, are read (local-files.ts): a data.url
 * that is not is an error of the chart; an image a data row names that is not is left out, with a
 * warning (the rows may come from anywhere).
 *
 * `chartFiles` lists the same files, for the rebuild cache: a chapter whose chart reads a file is
 * re-run when that file changes, like when an assumption it read changes, and the page is drawn again.
 * It reads only the JSON data files whose rows may name images (a chart with an image URL field).
 */
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import * as messages from "../messages/charts";
import { displayPath } from "../util/paths";
import { isRecord } from "../util/records";
import { chartFileRefusal, IMAGE_TYPES, imageType, isRemoteUrl, localPath, MAX_CHART_FILE_MB, readChartFile, readLocalImage, type LocalImage, type Refusal } from "./local-files";

type Json = Record<string, unknown>;

/** What a chart read: the files (absolute paths), for the rebuild cache; the images it left out, and why. */
export interface ResolvedData {
  readonly spec: Json;
  readonly files: readonly string[];
  readonly leftOut: readonly LeftOut[];
}

/** An image the chart may not read (`reason` says why and what to do): it is drawn without it. */
export interface LeftOut {
  readonly url: string;
  readonly reason: string;
}

const TEXT_FORMATS = new Set(["csv", "tsv", "dsv"]);
const JSON_FORMATS = new Set(["json", "topojson"]);

/** A chart's data or image that cannot be read; `url` as the cell wrote it, so the build locates the error there. */
export class ChartDataError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
  }
}

/**
 * The local files a spec's charts read (data and images), resolved against `baseDir`. A file the chart
 * may not read (outside `root`, a FIFO …) is not listed: it is never hashed. The images a JSON data
 * file's rows name are listed too (its rows are read as the render reads them): otherwise a replaced
 * image, with the notebook and the data file unchanged, would leave the old image in the page.
 */
export function chartFiles(spec: unknown, baseDir: string, root: string): string[] {
  const files = new Set<string>();
  const allowed = (url: string): string | undefined => {
    if (isRemoteUrl(url)) return undefined;
    let path: string;
    try {
      path = localPath(url, baseDir);
    } catch {
      return undefined; // a malformed %-escape: the render fails the chart and says so
    }
    return chartFileRefusal(path, root) === undefined ? path : undefined;
  };
  const add = (url: string): void => {
    const path = allowed(url);
    if (path !== undefined) files.add(path);
  };
  visitData(spec, (data) => {
    if (typeof data.url === "string") add(data.url);
  });
  // Only what the render reads: a row's URL with an image's extension (any other file is left out unread).
  for (const url of imageUrls(hasImageField(spec) ? withJsonRows(spec, allowed) : spec)) {
    const path = allowed(url);
    if (path !== undefined && imageType(path) !== undefined) files.add(path);
  }
  return [...files].sort();
}

/**
 * The local data files a chart names (`data.url`, in any view) that are not there, as `resolveChartData`
 * would find them missing: what `fragtax run` reports without drawing the chart.
 */
export function missingDataFiles(spec: unknown, baseDir: string, root: string): { url: string; path: string }[] {
  const missing: { url: string; path: string }[] = [];
  visitData(spec, (data) => {
    if (typeof data.url !== "string" || isRemoteUrl(data.url)) return;
    let path: string;
    try {
      path = localPath(data.url, baseDir);
    } catch {
      return; // a malformed %-escape: the render says so
    }
    if (chartFileRefusal(path, root) === undefined && !existsSync(path)) missing.push({ url: data.url, path });
  });
  return missing;
}

/**
 * A copy of `spec` with each JSON `data.url` the chart may read replaced by its parsed rows, as
 * `resolveChartData` inlines them (a file that cannot be read or parsed stays a URL: the render
 * reports it).
 */
function withJsonRows(spec: unknown, allowed: (url: string) => string | undefined): unknown {
  const copy = structuredClone(spec);
  visitData(copy, (data) => {
    const path = typeof data.url === "string" ? allowed(data.url) : undefined;
    if (path === undefined || !JSON_FORMATS.has(formatType(data, path))) return;
    try {
      data.values = JSON.parse(readFileSync(path, "utf8")) as unknown;
      delete data.url;
    } catch {
      // unreadable or not JSON: the render fails the chart, and says why
    }
  });
  return copy;
}

/** True when some view takes its image URLs from a field (`encoding.url.field`). */
function hasImageField(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasImageField);
  if (typeof node !== "object" || node === null) return false;
  const url = ((node as Json).encoding as Json | undefined)?.url;
  if (isRecord(url) && typeof url.field === "string") return true;
  return Object.entries(node as Json).some(([key, value]) => key !== "values" && typeof value === "object" && hasImageField(value));
}

/** A copy of `spec` with every local `data.url` inlined and local images as data: URIs; only files inside `root` are read. */
export async function resolveChartData(spec: Json, baseDir: string, root: string): Promise<ResolvedData> {
  const files = new Set<string>();
  const pending: Promise<void>[] = [];
  const copy = structuredClone(spec);
  visitData(copy, (data) => {
    if (typeof data.url !== "string") return;
    const url = data.url;
    if (isRemoteUrl(url)) throw new ChartDataError(messages.chartRemoteData(url), url);
    const path = localPath(url, baseDir);
    pending.push(inline(data, url, path, root, files));
  });
  await Promise.all(pending);
  const leftOut = await inlineImages(copy, baseDir, root, files);
  return { spec: copy, files: [...files].sort(), leftOut };
}

/** How a data file is parsed: its `format.type`, else its extension. */
function formatType(data: Json, path: string): string {
  const format = isRecord(data.format) ? data.format : {};
  return typeof format.type === "string" ? format.type : extname(path).slice(1).toLowerCase();
}

async function inline(data: Json, url: string, path: string, root: string, files: Set<string>): Promise<void> {
  const format = isRecord(data.format) ? data.format : {};
  const type = formatType(data, path);
  if (!TEXT_FORMATS.has(type) && !JSON_FORMATS.has(type)) throw new ChartDataError(messages.chartDataFormat(url, type), url);
  const read = await readLocal(url, path, root);
  if ("refused" in read) throw new ChartDataError(refusalText(url, read.refused), url);
  files.add(path);
  const text = read.bytes.toString("utf8");
  let values: unknown = text;
  if (JSON_FORMATS.has(type)) {
    try {
      values = JSON.parse(text);
    } catch (error) {
      throw new ChartDataError(messages.chartDataUnreadable(url, path, messages.notValidJson((error as Error).message)), url);
    }
  }
  delete data.url;
  data.values = values;
  data.format = { ...format, type };
}

/** Calls `visit` on every `data` object of the spec (top level, layers, lookups' `from.data` …). */
function visitData(node: unknown, visit: (data: Json) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item) => visitData(item, visit));
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Json;
  for (const [key, value] of Object.entries(record)) {
    if (key === "values") continue; // inline rows are data, not spec
    if (key === "data" && isRecord(value)) visit(value);
    visitData(value, visit);
  }
}

/** Image URLs: `url` channels' constant values and the values of the field they name in inline rows. */
function imageUrls(spec: unknown): string[] {
  const urls: string[] = [];
  forEachImageSource(spec, (holder, key) => {
    if (typeof holder[key] === "string") urls.push(holder[key] as string);
  });
  return urls;
}

/** Inlines the spec's local images; returns those it may not read, which are left out (an empty URL draws nothing). */
async function inlineImages(spec: Json, baseDir: string, root: string, files: Set<string>): Promise<LeftOut[]> {
  const pending: Promise<LeftOut | undefined>[] = [];
  forEachImageSource(spec, (holder, key) => {
    const url = holder[key];
    if (typeof url !== "string" || url.startsWith("data:")) return;
    if (isRemoteUrl(url)) throw new ChartDataError(messages.chartRemoteImage(url), url);
    pending.push(
      readLocalImage(url, baseDir, root).then((image) => {
        if (image.kind === "inlined") {
          files.add(image.path);
          holder[key] = image.uri;
          return undefined;
        }
        // A missing file is the chart's error, as for a data file; any other image it may not read is left out.
        if (image.kind === "unreadable") throw new ChartDataError(messages.chartDataUnreadable(url, image.path, image.code), url);
        holder[key] = "";
        return { url, reason: leftOutReason(url, image) };
      }),
    );
  });
  // In the order of the rows, however the reads finish.
  return (await Promise.all(pending)).filter((refused): refused is LeftOut => refused !== undefined);
}

/** Why an image a row names is left out (a row's text is not the chart's fault), saying what to do. */
function leftOutReason(url: string, image: Exclude<LocalImage, { kind: "inlined" | "unreadable" }>): string {
  switch (image.kind) {
    case "bad-path":
      return messages.chartImageBadPath(url, image.detail);
    case "not-image":
      return messages.chartImageNotImage(url, Object.keys(IMAGE_TYPES));
    case "refused":
      return refusalText(url, image.refusal);
  }
}

/** `readChartFile`, with a file-system error (a missing file …) as the chart's error naming `url` and the path. */
async function readLocal(url: string, path: string, root: string): ReturnType<typeof readChartFile> {
  try {
    return await readChartFile(path, root);
  } catch (error) {
    throw new ChartDataError(messages.chartDataUnreadable(url, displayPath(path, root), (error as NodeJS.ErrnoException).code ?? String(error)), url);
  }
}

function refusalText(url: string, refusal: Refusal): string {
  switch (refusal.kind) {
    case "outside":
      return messages.chartFileOutside(url, refusal.real);
    case "not-a-file":
      return messages.chartFileNotRegular(url, refusal.real);
    case "too-large":
      return messages.chartFileTooLarge(url, refusal.real, refusal.bytes, MAX_CHART_FILE_MB);
  }
}

/**
 * Calls `use(holder, key)` for each place an image URL lives: `encoding.url.value`, and row[field]
 * of the inline rows in scope for an `encoding.url.field` (a view's own data or an ancestor's).
 */
function forEachImageSource(node: unknown, use: (holder: Json, key: string) => void, rows: readonly unknown[] = []): void {
  if (Array.isArray(node)) {
    node.forEach((item) => forEachImageSource(item, use, rows));
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const record = node as Json;
  const data = record.data as Json | undefined;
  const scope = data !== undefined && Array.isArray(data.values) ? (data.values as unknown[]) : rows;
  const url = (record.encoding as Json | undefined)?.url as Json | undefined;
  if (typeof url === "object" && url !== null) {
    if (typeof url.value === "string") use(url, "value");
    if (typeof url.field === "string") {
      for (const row of scope) if (typeof row === "object" && row !== null && url.field in row) use(row as Json, url.field);
    }
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== "data" && key !== "encoding" && typeof value === "object") forEachImageSource(value, use, scope);
  }
}
