/**
 * The rendered page of the last build, reused when nothing it is made of changed — the point of a
 * no-op rebuild: rendering loads Vega, the canvas, ajv's chart validator, markdown-it and the font
 * subsetter, most of a no-op's time.
 *
 *   1. key     sha256 of everything the renderer reads: the chapters' executed notebooks, figures,
 *              claims, assumptions, config, provenance without its build time, the what-if notice,
 *              and the stamps of the tool's own code, templates and lockfile (cache/code-stamp.ts: an
 *              edit to templates/ in `fragtax dev` renders again)
 *   2. lookup  `out/.cache/page/<key>.json`: what the build reports about the page, and the sha256 of
 *              its HTML with its build time taken out (`pageSource`, as the PDF step compares pages).
 *              Named by its key, so a page that changed is a missing file, not one read to find
 *              another key; only the latest is kept
 *   3. page    the HTML itself is the one the build wrote, `out/build/report.html`, with the build
 *              time its build-log.json gives; taken when its length and source are the entry's (a
 *              page edited, replaced by another build's or missing is rendered again). Kept here too,
 *              as JSON, it cost every build that rendered ~15 ms of its last stretch (a megabyte
 *              escaped into JSON and hashed) and a megabyte written. A project whose report.yaml
 *              writes no HTML and no PDF has no page on disk: its page is rendered every time
 *   4. check   the images its markdown inlined (report/markdown-images.ts) are the same bytes: they
 *              are found only by parsing the markdown, which the key avoids, so the page records
 *              them, each with its sha256, and a changed, removed or replaced one renders it again
 *   5. reuse   the page with the old build time replaced by this build's (the only part of the page
 *              that is not in the key)
 *
 * Only pages without a failed cell are kept: a failure is rendered again, so it is reported again.
 */
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { CACHE_WRITE, writeFileAtomic } from "../../util/atomic";
import { locatingFileSystemErrors } from "../../util/fs-errors";
import { sha256 } from "../../util/hash";
import type { RenderedReport } from "../../report/render";
import type { InlinedFile } from "../../report/markdown-images";
import { chartFileRefusal } from "../../charts/local-files";
import { codeStamp } from "./code-stamp";
import { readPlainText } from "../../util/plain-file";
import { sealedJson, unsealedJson } from "../../util/sealed";
import { isRecord } from "../../util/records";
import { BUILD_LOG } from "../outputs";
import { cacheWhat } from "../../messages/caches";

// 2: pages record the images their markdown inlined (a page of format 1 never inlined one).
// 3: the HTML is out/build/report.html's, named by its source and length.
const FORMAT = 3;

/** What a reused page stands for: the rendered report less its HTML, which `source` and `bytes` name. */
interface PageEntry {
  readonly format: typeof FORMAT;
  readonly key: string;
  readonly source: string;
  readonly bytes: number;
  readonly report: Omit<RenderedReport, "html">;
}

/** The sha256 of a page with its build time taken out: equal, the pages are the same but for it. */
export function pageSource(html: string, builtAt: string): string {
  return sourceOf(html.split(builtAt));
}

/** The source of a page cut at its build time (one cut serves the check and the new time alike). */
const sourceOf = (parts: readonly string[]): string => sha256(parts.join(""));

/**
 * The key of the page for these render inputs (any JSON value; build time left out by the caller).
 * JSON, not canonical JSON, as a chapter's key (report/render.ts `chapterKey`): the build assembles
 * the same inputs in the same order, and a different order of keys would only miss. Sorting every
 * key of every executed notebook took ~5 ms of each rebuild that rendered.
 */
export function pageKey(inputs: unknown): string {
  return sha256(JSON.stringify({ format: FORMAT, inputs, code: codeStamp() }));
}

function entryFile(cacheDir: string, key: string): string {
  return join(cacheDir, "page", `${key}.json`);
}

/**
 * The cached page for `key` with `builtAt` as its build time, its HTML `outDir`'s report.html (whose
 * own build time its build-log.json gives); undefined when missing, of another key, unreadable, or
 * when report.html is not the page the entry names (a file of another length is not read).
 */
export async function loadPage(cacheDir: string, key: string, builtAt: string, outDir: string): Promise<RenderedReport | undefined> {
  try {
    const entry = unsealedJson(await readPlainText(entryFile(cacheDir, key)), entryFile(cacheDir, key)) as Partial<PageEntry>;
    if (entry.format !== FORMAT || entry.key !== key || typeof entry.source !== "string" || typeof entry.bytes !== "number" || !isRecord(entry.report)) return undefined;
    const log = JSON.parse(await readPlainText(join(outDir, BUILD_LOG))) as unknown;
    const written = isRecord(log) && typeof log.builtAt === "string" && log.builtAt !== "" ? log.builtAt : undefined;
    if (written === undefined) return undefined;
    const parts = (await readPlainText(join(outDir, "report.html"), { bytes: entry.bytes })).split(written);
    if (sourceOf(parts) !== entry.source) return undefined;
    return { ...(entry.report as Omit<RenderedReport, "html">), html: parts.join(builtAt) };
  } catch {
    return undefined; // a missing or damaged entry or page (or one changed since it was written: sealed.ts) only costs a render
  }
}

/**
 * Keeps the page for the next build; a page with a failed cell is not kept. A cache that cannot be
 * written stops the build with its path, as every other cache does (ignored, every build drew the page again without a word).
 */
export async function storePage(cacheDir: string, key: string, source: string, report: RenderedReport): Promise<void> {
  if (report.failedCells.length > 0) return;
  const { html, ...reported } = report;
  const entry: PageEntry = { format: FORMAT, key, source, bytes: Buffer.byteLength(html), report: reported };
  const folder = join(cacheDir, "page");
  await locatingFileSystemErrors(cacheWhat("page"), folder, async () => {
    await writeFileAtomic(entryFile(cacheDir, key), sealedJson(entry, entryFile(cacheDir, key)), CACHE_WRITE);
    // The pages of other keys (and `entry.json`, as the cache named its one page before): a build
    // holds the output lock, so no other build is writing here.
    const older = (await readdir(folder)).filter((name) => name.endsWith(".json") && name !== `${key}.json`);
    await Promise.all(older.map((name) => rm(join(folder, name), { force: true })));
  });
}

/**
 * Whether every image a cached page (or chapter: chapter-cache.ts) inlined still holds the bytes it
 * inlined. One that may no longer be read (now a FIFO, or a link out of the project) is not opened:
 * the page is rendered again, and the render says why the image cannot be placed.
 */
export async function sameImages(report: { readonly images?: readonly InlinedFile[] | undefined }, root: string, readBytes: (path: string) => Promise<Uint8Array>): Promise<boolean> {
  const same = await Promise.all(
    (report.images ?? []).map(async (image) => chartFileRefusal(image.path, root) === undefined && (await readBytes(image.path).then(sha256, () => null)) === image.sha256),
  );
  return same.every(Boolean);
}
