/**
 * Chart data by URL, read at build time. JupyterLab resolves a relative `data.url` against the
 * notebook's folder, so the build does the same: the file is read, parsed by its `format.type` (or
 * its extension) and put into the spec as inline `values`, so the rendered chart, the spec embedded
 * in the page and the chart cache key all carry the data itself. Local images of image marks become
 * `data:` URIs (the page's policy allows no other images). Anything remote is refused: a report
 * makes no network request, at build time or when read.
 *
 * `chartFiles` lists the same files without reading them, for the rebuild cache: a chapter whose
 * chart reads a file is re-run when that file changes, like when an assumption it read changes.
 */
import { readFile } from "node:fs/promises";
import { extname, isAbsolute, join } from "node:path";
import { chartDataFormat, chartDataUnreadable, chartRemoteData, chartRemoteImage, notValidJson } from "../messages/charts";
import { isRecord } from "../util/records";

type Json = Record<string, unknown>;

/** What a chart read: the files (absolute paths), for the rebuild cache. */
export interface ResolvedData {
  readonly spec: Json;
  readonly files: readonly string[];
}

const TEXT_FORMATS = new Set(["csv", "tsv", "dsv"]);
const JSON_FORMATS = new Set(["json", "topojson"]);
const IMAGE_TYPES: Readonly<Record<string, string>> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp" };

export class ChartDataError extends Error {}

/** `http:`, `https:`, `//host`, `file:` … anything that is not a plain relative path. */
function isRemote(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

/** The local files a spec's charts read (data and images), resolved against `baseDir`; nothing is read. */
export function chartFiles(spec: unknown, baseDir: string): string[] {
  const files = new Set<string>();
  visitData(spec, (data) => {
    if (typeof data.url === "string" && !isRemote(data.url)) files.add(resolvePath(data.url, baseDir));
  });
  for (const url of imageUrls(spec)) if (!isRemote(url)) files.add(resolvePath(url, baseDir));
  return [...files].sort();
}

/** A copy of `spec` with every local `data.url` inlined and local images as data: URIs. */
export async function resolveChartData(spec: Json, baseDir: string): Promise<ResolvedData> {
  const files = new Set<string>();
  const pending: Promise<void>[] = [];
  const copy = structuredClone(spec);
  visitData(copy, (data) => {
    if (typeof data.url !== "string") return;
    const url = data.url;
    if (isRemote(url)) throw new ChartDataError(chartRemoteData(url));
    const path = resolvePath(url, baseDir);
    files.add(path);
    pending.push(inline(data, url, path));
  });
  await Promise.all(pending);
  await inlineImages(copy, baseDir, files);
  return { spec: copy, files: [...files].sort() };
}

function resolvePath(url: string, baseDir: string): string {
  const path = decodeURIComponent(url.split(/[?#]/)[0] ?? url);
  return isAbsolute(path) ? path : join(baseDir, path);
}

async function inline(data: Json, url: string, path: string): Promise<void> {
  const format = typeof data.format === "object" && data.format !== null ? (data.format as Json) : {};
  const type = typeof format.type === "string" ? format.type : extname(path).slice(1).toLowerCase();
  if (!TEXT_FORMATS.has(type) && !JSON_FORMATS.has(type)) throw new ChartDataError(chartDataFormat(url, type));
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ChartDataError(chartDataUnreadable(url, path, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  let values: unknown = text;
  if (JSON_FORMATS.has(type)) {
    try {
      values = JSON.parse(text);
    } catch (error) {
      throw new ChartDataError(chartDataUnreadable(url, path, notValidJson((error as Error).message)));
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

async function inlineImages(spec: Json, baseDir: string, files: Set<string>): Promise<void> {
  const pending: Promise<void>[] = [];
  forEachImageSource(spec, (holder, key) => {
    const url = holder[key];
    if (typeof url !== "string" || url.startsWith("data:")) return;
    if (isRemote(url)) throw new ChartDataError(chartRemoteImage(url));
    const path = resolvePath(url, baseDir);
    files.add(path);
    const mime = IMAGE_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
    pending.push(
      readFile(path).then(
        (bytes) => void (holder[key] = `data:${mime};base64,${bytes.toString("base64")}`),
        (error: NodeJS.ErrnoException) => Promise.reject(new ChartDataError(chartDataUnreadable(url, path, error.code ?? String(error)))),
      ),
    );
  });
  await Promise.all(pending);
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
