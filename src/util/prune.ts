/**
 * Caches bounded by size, the entries used longest ago going first. A cache keyed by content only
 * ever grows: every changed input adds an entry and none is replaced. Removing what this build did
 * not use would be wrong, since the cache also serves earlier states (an edit undone must still
 * hit), so instead a read marks its entry as used (its mtime: `touchSync`, `touchBehind`), and a
 * folder past its budget loses the entries used longest ago, down to half the budget (so the next
 * prune is a while off, not at the next entry). A write a process killed midway left (its temporary
 * sibling: atomic.ts) goes too, once a minute old, whatever the folder's size.
 *
 * Every failure here is silent: a prune that cannot list or remove only costs disk space, a touch
 * that cannot land only makes its entry look older than it is.
 */
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { readdir, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { abandonedTemporary, writeBehind, writesBehindSoFar } from "./atomic";

/** A cache file as the prune sees it: its size in bytes and when it was last used (its mtime, ms). */
export interface CacheFile {
  readonly path: string;
  readonly size: number;
  readonly used: number;
}

/**
 * The files to remove: temporaries a killed write left (a minute old), then, while the others hold
 * more than `budget` bytes, the least recently used until they hold half of it.
 */
export function filesToPrune(files: readonly CacheFile[], budget: number, now: number): string[] {
  const abandoned = files.filter((file) => abandonedTemporary(file.path, file.used, now));
  const kept = files.filter((file) => !abandoned.includes(file));
  const removed = abandoned.map((file) => file.path);
  let total = kept.reduce((sum, file) => sum + file.size, 0);
  if (total <= budget) return removed;
  for (const file of [...kept].sort((a, b) => a.used - b.used)) {
    if (total <= budget / 2) break;
    removed.push(file.path);
    total -= file.size;
  }
  return removed;
}

/** `filesToPrune` on the files of `dir` (not its folders), synchronously (the model runs' store: its reads and writes are too). */
export function pruneFolderSync(dir: string, budget: number, now = Date.now()): void {
  let files: CacheFile[];
  try {
    files = readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      const info = statSync(path, { throwIfNoEntry: false }); // another process may prune at the same time
      return info?.isFile() === true ? [{ path, size: info.size, used: info.mtimeMs }] : [];
    });
  } catch {
    return; // no folder yet, or unreadable: nothing to prune
  }
  for (const path of filesToPrune(files, budget, now)) {
    try {
      rmSync(path, { force: true });
    } catch {
      // kept: it only costs its space
    }
  }
}

/** `filesToPrune` on the files of `dirs` together (one budget for all; not their subfolders). */
export async function pruneFolders(dirs: readonly string[], budget: number, now = Date.now()): Promise<void> {
  const listed = await Promise.all(
    dirs.map(async (dir) => {
      const names = await readdir(dir).catch(() => [] as string[]);
      return Promise.all(
        names.map(async (name): Promise<CacheFile[]> => {
          const path = join(dir, name);
          const info = await stat(path).catch(() => undefined);
          return info?.isFile() === true ? [{ path, size: info.size, used: info.mtimeMs }] : [];
        }),
      );
    }),
  );
  await Promise.all(filesToPrune(listed.flat(2), budget, now).map((path) => rm(path, { force: true }).catch(() => undefined)));
}

/**
 * `pruneFolders`, behind the build (atomic.ts `writeBehind`: the build waits for it only before it
 * replaces its outputs and releases its lock, so no other build writes there meanwhile). It starts
 * once the writes and touches already behind have landed: an entry this build wrote or read would
 * otherwise look as old as it was before, and could go first.
 */
export function pruneBehind(dirs: readonly string[], budget: number): void {
  const earlier = writesBehindSoFar();
  writeBehind(async () => {
    await earlier;
    await pruneFolders(dirs, budget);
  });
}

/** Marks `file` as used now; a read-only or vanished file only loses that. */
export function touchSync(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // kept as it is
  }
}

/** `touchSync`, behind the build: a read on the build's path does not wait for it. */
export function touchBehind(file: string): void {
  const now = new Date();
  writeBehind(() => utimes(file, now, now).catch(() => undefined));
}

/** How often a folder is pruned at most, by any process: a build adds a few MB at most meanwhile. */
export const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The file whose time says when `dir` was last pruned (`pruneDue`): beside the folder, not in it, so
 * the folder holds its entries alone.
 */
export const prunedStamp = (dir: string): string => `${dir}.pruned`;

/**
 * Whether `dir` is due a prune (its stamp missing, or older than `everyMs`), and if so the stamp
 * renewed. A prune lists and stats its whole folder (235 kept runs took ~6 ms of a fresh
 * process's main thread, on the path between a chapter's run and its charts), and every `fragtax build`
 * is a process of its own, as is every bench run: a gate per process let each of them prune. One stat
 * decides, across processes. Where the stamp cannot be written (no cache yet, a read-only one), no prune.
 */
export function pruneDue(dir: string, everyMs = PRUNE_EVERY_MS, now = Date.now()): boolean {
  const stamp = prunedStamp(dir);
  const last = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs;
  if (last !== undefined && now - last < everyMs && last <= now) return false;
  try {
    writeFileSync(stamp, "");
    return true;
  } catch {
    return false; // no folder yet, or read-only
  }
}
