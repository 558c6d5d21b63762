/**
 * The one home of hashing: sha256 and canonical JSON, the vocabulary every cache key, manifest and
 * diff is written in. A file's hash here equals what `sha256sum FILE` prints.
 * Canonical means key order never depends on how an object was built, so equal content → equal bytes.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from "node:fs";
import { join, relative } from "node:path";

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * sha256 of a regular file's content, read in chunks (so any size, and little memory); undefined when
 * there is none there, or it is something else (a folder, a FIFO: opened non-blocking, so a FIFO
 * swapped in never blocks), or cannot be read.
 */
export function sha256OfFile(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return undefined;
    const hash = createHash("sha256");
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
    return hash.digest("hex");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * sha256 of a folder's listing: each entry's path (relative to the folder; with `tree`, every entry
 * below it) and kind, sorted. Contents are not read: a cell that lists a folder depends on which
 * files are there, and on those it then reads, which are tracked as files. A recursive listing is
 * taken both ways Node gives it: by name, following symlinked folders (`readdir(…, { recursive })`),
 * and by entry, not following them (`withFileTypes`), so what the cell saw is covered either way.
 * Undefined when there is no folder there, or it cannot be listed.
 */
export function sha256OfListing(path: string, tree: boolean): string | undefined {
  let entries: Dirent[];
  let names: string[] = [];
  try {
    entries = readdirSync(path, { withFileTypes: true, recursive: tree });
    if (tree) names = readdirSync(path, { recursive: true, encoding: "utf8" });
  } catch {
    return undefined;
  }
  const kind = (entry: Dirent): string => (entry.isDirectory() ? "d" : entry.isFile() ? "f" : entry.isSymbolicLink() ? "l" : "o");
  // Deno's node:fs may give no parentPath; a folder's own entries have none to give.
  const where = (entry: Dirent): string => (tree ? relative(path, join((entry.parentPath as string | undefined) ?? path, entry.name)) : entry.name);
  const lines = [...entries.map((entry) => `${where(entry)}\t${kind(entry)}`), ...names.map((name) => `${name}\tname`)].sort();
  return sha256(lines.join("\n"));
}

/** What `contentStamp` gives for a folder: no sha256 is ever this. */
export const FOLDER_STAMP = "folder";

/**
 * What a path holds, as a rebuild compares it: the sha256 of a regular file, FOLDER_STAMP for a folder,
 * "" for nothing (or something else). A cell that checks a path (`existsSync`, `stat`) depends on it
 * this way: a folder that appears there is a change.
 */
export function contentStamp(path: string): string {
  const hash = sha256OfFile(path);
  if (hash !== undefined) return hash;
  try {
    return statSync(path).isDirectory() ? FOLDER_STAMP : "";
  } catch {
    return "";
  }
}

/** The same hash in base64, as a Content-Security-Policy `'sha256-…'` source names a script. */
export function sha256Base64(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("base64");
}

/** The same hash as bytes (e.g. to seed a generator from a text). */
export function sha256Bytes(data: string | Uint8Array): Buffer {
  return createHash("sha256").update(data).digest();
}

/** Recursively sorts object keys; drops `undefined` fields (as JSON would) so they never alter a hash. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) sorted[key] = sortKeys(field);
    }
    return sorted;
  }
  return value;
}

/** Compact canonical JSON, for hashing. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Stable, pretty JSON (sorted keys, two spaces, trailing newline), for files people and git read. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
