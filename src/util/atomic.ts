/**
 * Crash-safe writes: a file is written next to its destination under a temporary name, flushed, and
 * renamed over it. A rename within one filesystem is atomic, so a reader (or a process killed midway)
 * sees either the old content or the new, never half of it.
 */
import { randomBytes } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { open, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { makeFolder, makeFolderSync } from "./folders";

export function temporarySibling(path: string): string {
  return join(dirname(path), `.${temporaryBase(basename(path))}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Bytes of a file's name kept in its temporary sibling's: the rest of the 255 a name may have is the sibling's own. */
const KEPT_NAME_BYTES = 200;

/**
 * A file's name as its temporary sibling starts with it: whole, or cut to its first KEPT_NAME_BYTES of
 * UTF-8 (at a character's end). A 247-byte notebook name, which a build accepts, made a sibling name
 * past the limit, and `run` failed with ENAMETOOLONG. The pid and random part keep siblings apart.
 */
export function temporaryBase(name: string): string {
  if (Buffer.byteLength(name) <= KEPT_NAME_BYTES) return name;
  let kept = "";
  for (const char of name) {
    if (Buffer.byteLength(kept + char) > KEPT_NAME_BYTES) break;
    kept += char;
  }
  return kept;
}

/** Whether `path` is a name temporarySibling makes (a file no message should send the user to). */
export function isTemporarySibling(path: string): boolean {
  return writerOfTemporary(path) !== undefined;
}

/** A write takes milliseconds: a temporary sibling this much older than now was left by a process killed mid-write. */
const ABANDONED_TEMPORARY_MS = 60_000;

/** Whether `path`, last modified at `mtimeMs`, is a temporary sibling a killed write left behind (safe to remove). */
export function abandonedTemporary(path: string, mtimeMs: number, now = Date.now()): boolean {
  return isTemporarySibling(path) && now - mtimeMs > ABANDONED_TEMPORARY_MS;
}

/** The pid of the process that made temporary sibling `path` (its name holds it); undefined for another name. */
export function writerOfTemporary(path: string): number | undefined {
  const pid = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(basename(path))?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/**
 * Removes from `folder` the temporary siblings writes killed midway left there (`kill -9`, a power
 * cut), once they are old enough not to be another process's write in progress; with `of`, only those
 * of that file (a folder of the user's, where a write of ours is one file among theirs). Best effort: a
 * folder that cannot be listed, or a file that cannot be removed, is left as it is.
 */
export async function removeAbandonedTemporaries(folder: string, now = Date.now(), of?: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => isTemporarySibling(name) && (of === undefined || name.startsWith(`.${temporaryBase(of)}.`))).map(async (name) => {
      const path = join(folder, name);
      const info = await stat(path).catch(() => undefined);
      if (info !== undefined && info.isFile() && abandonedTemporary(path, info.mtimeMs, now)) await rm(path, { force: true }).catch(() => undefined);
    }),
  );
}

export interface AtomicWriteOptions {
  /**
   * false: skip the fsync. For caches, where an entry lost to a power cut only costs recomputing it;
   * the rename still means no reader ever sees half a file.
   */
  readonly durable?: boolean;
  /** The new file's permission bits (a file the user's, replaced, keeps its own: `fragtax new` on report.yaml); else the umask's. */
  readonly mode?: number;
}

/**
 * How a cache entry is written: atomically, not flushed. Every cache here checks what it reads (a key
 * inside the entry, a checksum, JSON that must parse), so an entry a power cut spoiled is a miss; a
 * flush per entry cost ~5–15 ms each here, on the path of every rebuild that ran a chapter.
 */
export const CACHE_WRITE: AtomicWriteOptions = { durable: false };

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temporary = temporarySibling(path);
  try {
    // The folder is made only when it is missing: a build writes a few hundred cache entries into a
    // few folders, and a `mkdir -p` before each was one more round trip through the thread pool.
    const handle = await open(temporary, "w").catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException | undefined)?.code !== "ENOENT") throw error;
      await makeFolder(dirname(path));
      return open(temporary, "w");
    });
    try {
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.writeFile(data);
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * writeFileAtomic for a file the user named (`run --out`, `diff --html`): a write of it killed midway
 * left its temporary sibling in the user's folder, where nothing else of ours cleans; the next write
 * of the same file removes it.
 */
export async function writeUserFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(path, data);
  await removeAbandonedTemporaries(dirname(path), Date.now(), basename(path));
}

/** Cache writes under way that no one waits for yet (`writeBehind`), and the first that failed. */
const behind = new Set<Promise<void>>();
let failedBehind: { readonly error: unknown } | undefined;

/**
 * Starts a cache write the caller does not wait for. A rebuild wrote ~a dozen entries (charts, the
 * chapters that ran, the page) one after the other on the main thread's path, each waiting for its
 * open, write, close and rename: ~25 ms of a one-assumption rebuild spent waiting for the disk. The
 * build waits for all of them (`writesBehindSettled`) before it replaces its outputs, so a cache that
 * cannot be written still stops it, with its path, and no write outlives the build's lock. What is
 * written behind must not be read back by the same build from the disk (the chart cache keeps its
 * drawings in memory too).
 */
export function writeBehind(write: () => Promise<void>): void {
  const pending: Promise<void> = write()
    .catch((error: unknown) => {
      failedBehind ??= { error };
    })
    .finally(() => behind.delete(pending));
  behind.add(pending);
}

/**
 * Settles once the writes behind started so far have, whatever came of them (`writesBehindSettled`
 * says that): for work behind that must follow them (a cache's prune follows its writes and touches).
 */
export function writesBehindSoFar(): Promise<void> {
  return Promise.all(behind).then(() => undefined);
}

/** Settles once every write started with `writeBehind` has; throws the first one's error, once. */
export async function writesBehindSettled(): Promise<void> {
  while (behind.size > 0) await Promise.all(behind);
  const failed = failedBehind;
  failedBehind = undefined;
  if (failed !== undefined) throw failed.error;
}

/**
 * Flushes a file's content, or a folder's list of names (what a rename into it changed), to the disk:
 * a rename is atomic for readers at once, but survives a power cut only once its folder is flushed.
 */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The same, synchronously, for start-up caches written before anything async can run (no fsync:
 * caches only). `data` may be the file's chunks in order, written one after another (not copied
 * into one buffer first).
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  makeFolderSync(dirname(path));
  const temporary = temporarySibling(path);
  try {
    if (typeof data === "string" || data instanceof Uint8Array) writeFileSync(temporary, data);
    else writeChunksSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeChunksSync(path: string, chunks: readonly Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    for (const chunk of chunks) {
      // A write may take less than it was given (a signal, a full disk): the rest is written next.
      for (let written = 0; written < chunk.byteLength; ) written += writeSync(fd, chunk, written, chunk.byteLength - written);
    }
  } finally {
    closeSync(fd);
  }
}
