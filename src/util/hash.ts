/**
 * The one home of hashing: sha256 and canonical JSON, the vocabulary every cache key, manifest and
 * diff is written in. A file's hash here equals what `sha256sum FILE` prints.
 * Canonical means key order never depends on how an object was built, so equal content → equal bytes.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readdirSync, readlinkSync, readSync, statSync, type Dirent } from "node:fs";
import { isFolder } from "./paths";
import { join } from "node:path";
import { jsonWithVisibleControls } from "../format/control";

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** sha256 of data given in parts (typed arrays as their bytes): the same as of the parts joined. */
export function sha256Stream(): { update(part: string | NodeJS.ArrayBufferView): void; hex(): string } {
  const hash = createHash("sha256");
  return {
    update: (part) => void hash.update(part),
    hex: () => hash.digest("hex"),
  };
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
 * below it) and kind, and where each symlink points, sorted. Contents are not read: a cell that lists a
 * folder depends on which files are there, and on those it then reads, which are tracked as files.
 * A tree is walked into symlinked folders too (a recursive `readdir` by name follows them), each real
 * folder once (known by device and inode, so a loop of links costs one visit and a deep tree no more
 * than its folders); a folder that cannot be listed below the top counts as such. Each entry is one
 * JSON line, so no name can pass for two. Undefined when there is no folder there, or it cannot be listed.
 */
export function sha256OfListing(path: string, tree: boolean): string | undefined {
  const lines: string[] = [];
  const visited = new Set<string>();
  const list = (folder: string, prefix: string): boolean => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      const full = join(folder, entry.name);
      const link = entry.isSymbolicLink() ? linkTarget(full) : undefined;
      lines.push(JSON.stringify([name, entry.isDirectory() ? "d" : entry.isFile() ? "f" : link !== undefined ? "l" : "o", ...(link === undefined ? [] : [link])]));
      if (tree && (entry.isDirectory() || (link !== undefined && isFolder(full)))) {
        const id = folderId(full);
        if (id !== undefined && !visited.has(id)) {
          visited.add(id);
          if (!list(full, name)) lines.push(JSON.stringify([name, "unlisted"]));
        }
      }
    }
    return true;
  };
  const top = folderId(path);
  if (top !== undefined) visited.add(top);
  return list(path, "") ? sha256(lines.sort().join("\n")) : undefined;
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "";
  }
}

/** A folder's identity (device and inode, through links): the same real folder by any path. */
function folderId(path: string): string | undefined {
  try {
    const { dev, ino } = statSync(path, { bigint: true });
    return `${dev}:${ino}`;
  } catch {
    return undefined;
  }
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
  return isFolder(path) ? FOLDER_STAMP : "";
}

/**
 * An environment variable's value as a rebuild compares it: its sha256, "" when it is not set. Only the
 * hash is kept (in out/.cache), since a variable a cell reads may hold a token.
 */
export function envStamp(value: string | undefined): string {
  return value === undefined ? "" : sha256(value);
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
      if (field === undefined) continue;
      // "__proto__" (an own key of parsed JSON) assigned would set the prototype and drop out of the
      // hash: a manifest's seal then missed a field added under that name. Defined, it stays a key.
      if (key === "__proto__") Object.defineProperty(sorted, key, { value: sortKeys(field), enumerable: true, writable: true, configurable: true });
      else sorted[key] = sortKeys(field);
    }
    return sorted;
  }
  return value;
}

/** Compact canonical JSON, for hashing. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * Stable, pretty JSON (sorted keys, two spaces, trailing newline), for files people and git read: what
 * a terminal would act on (C1 controls, bidi overrides) written as `\uXXXX` escapes, as in the build's
 * own JSON files (report/records.ts `pretty`), so `cat manifest.json` shows a hostile label as text.
 */
export function stableJson(value: unknown): string {
  return `${jsonWithVisibleControls(JSON.stringify(sortKeys(value), null, 2))}\n`;
}
