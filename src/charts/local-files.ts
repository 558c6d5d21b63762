/**
 * Which local files a chart (or a markdown image, report/markdown-images.ts) may read, and reading
 * them. The notebook names a chart's data file, but
 * the rows in that file may come from anywhere: an image mark takes its URLs from a data column, so
 * a downloaded data file could name /etc/passwd or ../../.ssh/id_rsa (and the build would copy it
 * into the page) or a FIFO or /dev/zero (and the build would wait forever). So a chart reads a file
 * only when its real path (symlinks resolved) is inside the project, it is a regular file, and it is
 * at most MAX_CHART_FILE_MB. The same rule decides which files the rebuild cache hashes, so it never
 * opens what the chart would not.
 */
import { constants, realpathSync, statSync } from "node:fs";
import { lstat, open } from "node:fs/promises";
import { extname, isAbsolute, join, resolve } from "node:path";
import { isInside } from "../util/paths";

/** The page inlines what a chart reads: more than this would make a page no browser or printer opens. */
export const MAX_CHART_FILE_MB = 32;
const MAX_BYTES = MAX_CHART_FILE_MB * 1024 * 1024;

/** Why a chart may not read a file. `real` is the path with symlinks resolved. */
export type Refusal =
  | { readonly kind: "outside"; readonly real: string }
  | { readonly kind: "not-a-file"; readonly real: string }
  | { readonly kind: "too-large"; readonly real: string; readonly bytes: number };

/**
 * Why a chart may not read `path` (absolute), or undefined when it may. A path that does not resolve
 * (a missing file) is judged by its text; reading it then reports the error (ENOENT) as before.
 */
export function chartFileRefusal(path: string, root: string): Refusal | undefined {
  const real = realPath(path);
  if (real === undefined) return isInside(resolve(root), resolve(path)) ? undefined : { kind: "outside", real: resolve(path) };
  if (!isInside(realPath(root) ?? resolve(root), real)) return { kind: "outside", real };
  const info = statSync(real, { throwIfNoEntry: false });
  if (info === undefined) return undefined;
  if (!info.isFile()) return { kind: "not-a-file", real };
  return info.size > MAX_BYTES ? { kind: "too-large", real, bytes: info.size } : undefined;
}

/**
 * The bytes of `path`, or why a chart may not read it. What is opened is the real path that was
 * checked, and the file is checked again once open: one swapped after the check (for a FIFO, or for
 * a link out of the project) is opened without waiting for a writer (O_NONBLOCK), found to be another
 * file than the one checked, and refused; no more than it measured then is read.
 */
export async function readChartFile(path: string, root: string): Promise<{ bytes: Buffer } | { refused: Refusal }> {
  const refused = chartFileRefusal(path, root);
  if (refused !== undefined) return { refused };
  const real = realPath(path) ?? path;
  const checked = statSync(real, { throwIfNoEntry: false });
  // O_NONBLOCK is POSIX only (Windows has no FIFOs to wait on); O_NOFOLLOW: the checked path, not a link put there since.
  const handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { refused: { kind: "not-a-file", real } };
    if (checked !== undefined && (info.dev !== checked.dev || info.ino !== checked.ino)) return { refused: { kind: "outside", real } };
    if (info.size > MAX_BYTES) return { refused: { kind: "too-large", real, bytes: info.size } };
    const bytes = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled) };
  } finally {
    await handle.close();
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The images the page may carry, by extension: what every browser and the printing Chromium show
 * from a `data:` URI. An SVG is one too: shown as an image (an `<img>`, a chart's `<image>`) it is
 * an image document, which runs no script and loads nothing, so inlining it adds no way to run code.
 */
export const IMAGE_TYPES: Readonly<Record<string, string>> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp" };

/** The image type a path names by its extension (only these are copied into a page), or undefined. */
export const imageType = (path: string): string | undefined => IMAGE_TYPES[extname(path).toLowerCase()];

/** `http:`, `https:`, `//host`, `file:` … anything that is not a plain relative or absolute path. */
export function isRemoteUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");
}

/** The file a URL names, as JupyterLab resolves it: %-escapes decoded, `?…`/`#…` dropped, relative to `baseDir`. Throws on a malformed %-escape. */
export function localPath(url: string, baseDir: string): string {
  const path = decodeURIComponent(url.split(/[?#]/)[0] ?? url);
  return isAbsolute(path) ? path : join(baseDir, path);
}

/** Whether `bytes` start as a file of type `mime` does (its signature; an SVG is XML text with an <svg element). */
export function looksLikeImage(mime: string, bytes: Buffer): boolean {
  const starts = (signature: string, at = 0): boolean => bytes.subarray(at, at + signature.length).toString("latin1") === signature;
  switch (mime) {
    case "image/png":
      return starts("\x89PNG\r\n\x1a\n");
    case "image/jpeg":
      return starts("\xff\xd8\xff");
    case "image/gif":
      return starts("GIF87a") || starts("GIF89a");
    case "image/webp":
      return starts("RIFF") && starts("WEBP", 8);
    default:
      return /^\uFEFF?\s*</.test(bytes.subarray(0, 1024).toString("utf8")) && bytes.toString("utf8").includes("<svg");
  }
}

/** What reading a local image gave: its `data:` URI, or why there is none (each caller words it). */
export type LocalImage =
  | { readonly kind: "inlined"; readonly path: string; readonly uri: string; readonly bytes: Buffer }
  | { readonly kind: "bad-path"; readonly detail: string }
  | { readonly kind: "not-image" }
  | { readonly kind: "refused"; readonly refusal: Refusal }
  | { readonly kind: "unreadable"; readonly path: string; readonly code: string };

/**
 * A local (not remote: the caller checks `isRemoteUrl` first) image as a `data:` URI. Only an image
 * is copied into the page: a URL naming ../.env or .git/config inside the project is refused by its
 * name, and a file named like an image must also start like one.
 */
export async function readLocalImage(url: string, baseDir: string, root: string): Promise<LocalImage> {
  let path: string;
  try {
    path = localPath(url, baseDir);
  } catch (error) {
    return { kind: "bad-path", detail: error instanceof Error ? error.message : String(error) };
  }
  const mime = imageType(path);
  // Not read, by its name; but one that is not there is said to be missing (`<img src=x>`: a typo, or a
  // file not yet added), not to be of a type the report cannot show.
  if (mime === undefined) return (await lstat(path).then(() => true, (error: NodeJS.ErrnoException) => error.code !== "ENOENT")) ? { kind: "not-image" } : { kind: "unreadable", path, code: "ENOENT" };
  let read: Awaited<ReturnType<typeof readChartFile>>;
  try {
    read = await readChartFile(path, root);
  } catch (error) {
    return { kind: "unreadable", path, code: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  if ("refused" in read) return { kind: "refused", refusal: read.refused };
  if (!looksLikeImage(mime, read.bytes)) return { kind: "not-image" };
  return { kind: "inlined", path, uri: `data:${mime};base64,${read.bytes.toString("base64")}`, bytes: read.bytes };
}
