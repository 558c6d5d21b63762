/**
 * `out/build/` as one unit: every output of one build, or none of it. A build collects its files in
 * memory and hands them over here at the end:
 *
 *   1. stage   write them into `out/.build-staging-<pid>-<rand>/` (same filesystem), each flushed
 *   2. keep    folders in the old `out/build/` (`executed/` from `fragtax run`) move into the stage;
 *              loose files do not: they belong to the old build
 *   3. swap    rename `out/build` aside, rename the stage into place, remove the old one
 *
 * A build runs under `out/.build.lock` (pid inside). A build killed at any point leaves the lock with
 * a dead owner: `publish` then refuses, because the newest build never finished, and the next build
 * takes the lock over and finishes or undoes the dead build's swap (`recoverSwaps`): nothing is lost.
 */
import { randomBytes } from "node:crypto";
import { chmod, lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { acquireLock, liveLockOwner, lockOwner } from "../util/lock";
import { syncPath } from "../util/atomic";
import { FileSystemError, fileSystemProblemText, isFileSystemProblem, locatingFileSystemErrors } from "../util/fs-errors";
import { buildFolderIsLink } from "../messages/fs";
import { buildLockTakenOver, buildWaiting } from "../messages/report";
import { buildSetAsideLeft, lastGoodNotKept, lastGoodPdfGone, swapRecovered } from "../messages/build-outputs";
import { displayPath } from "../util/paths";
import { visibleInOneLine } from "../format/control";
import { quote } from "shell-quote";
import { makeFolder } from "../util/folders";

export const BUILD_LOG = "build-log.json";

/**
 * Whether the build log's PDF step (`pdf.status`) means its report.pdf was printed from that build's
 * page, now or by reusing an unchanged one. Any other status (skipped, failed, no Chromium) leaves no
 * PDF of that page: a later build must print, and publish refuses the build.
 */
export function printedFromPage(status: unknown): boolean {
  return status === "written" || status === "reused";
}

export function buildLockPath(outDir: string): string {
  return join(dirname(outDir), ".build.lock");
}

/**
 * Waits for the build lock of `outDir` (a build takes seconds to minutes), saying so, and says when it
 * takes over the lock of a process that died holding it; returns its release. With the lock held, a
 * swap a killed build left half done is finished or undone first (`recoverSwaps`), so this build
 * starts from a whole `out/build`.
 */
export async function lockBuild(outDir: string, say: (line: string) => void, tookOver?: () => void): Promise<() => Promise<void>> {
  return locatingFileSystemErrors(BUILD_FOLDER, dirname(outDir), async () => {
    await makeFolder(dirname(outDir));
    const release = await acquireLock(buildLockPath(outDir), {
      timeoutMs: 30 * 60_000,
      pollMs: 200,
      onWait: (pid) => say(buildWaiting(pid)),
      onTakeOver: (pid, reused) => {
        say(buildLockTakenOver(pid, reused));
        tookOver?.();
      },
    });
    // A recovery or a refusal that fails releases the lock: left behind, it read as a build killed midway.
    try {
      await recoverSwaps(outDir, say);
      // Said before any chapter runs, not after them all at the swap (a release on the way out).
      await refuseLink(outDir);
    } catch (error) {
      await release();
      throw error;
    }
    return release;
  });
}

const BUILD_FOLDER = "the build's output folder (out/)";

const STAGE = /^\.build-(?:staging|old)-(\d+)-([0-9a-f]+)$/;

/** `say`: for what the build leaves behind but need not stop for (an old build it could not remove). */
/**
 * What a build's page is to the last good build: a `failed` page (a failed cell, an id twice) moves the
 * build it replaces, when that one did not fail, to `out/last-good/` instead of removing it (one typo
 * no longer cost the last good report and its PDF); a `good` one removes `out/last-good/`, since it no
 * longer is the last; a `neutral` one (a what-if, a build --strict refuses) keeps the good build it
 * replaces there too, and removes none. A what-if's page is never the last good report: a failed build
 * after one kept the what-if, and the last normal report was gone.
 */
export type PageKind = "failed" | "good" | "neutral";

/** The last good build a failed one left in place: its folder, the files a reader wants in it, and whether it was kept by this build. */
export interface LastGood {
  readonly folder: string;
  readonly files: readonly string[];
  readonly keptNow: boolean;
}

/** Makes `files` the whole of `outDir`; returns the last good build when this one's page failed (see `PageKind`). */
export async function replaceBuildOutputs(outDir: string, files: ReadonlyMap<string, string | Uint8Array>, say: (line: string) => void = () => undefined, page: PageKind = "good"): Promise<LastGood | undefined> {
  return locatingFileSystemErrors(BUILD_FOLDER, outDir, () => replace(outDir, files, say, page));
}

/** Where a failed build keeps the build it replaced: beside out/build, so publish and dev never read it. */
export const lastGoodPath = (outDir: string): string => join(dirname(outDir), "last-good");

async function replace(outDir: string, files: ReadonlyMap<string, string | Uint8Array>, say: (line: string) => void, page: PageKind): Promise<LastGood | undefined> {
  const parent = dirname(outDir);
  await makeFolder(parent);
  await recoverSwaps(outDir, say);
  await refuseLink(outDir);
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = join(parent, `.build-staging-${tag}`);
  const old = join(parent, `.build-old-${tag}`);
  let hadOld = false;
  try {
    await mkdir(staging);
    // At once: each file's flush waits on the disk, and the flushes overlap (6 files, ~40 → ~15 ms here).
    // Every write has ended, written or failed, before the first failure is thrown and staging removed.
    const written = await Promise.allSettled([...files].map(([name, contents]) => writeFlushed(join(staging, name), contents)));
    const failed = written.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
    if (failed !== undefined) throw failed.reason;
    // The renames name our temporary folders; what the user can act on is the folder being moved: a
    // kept one (`executed/`) or out/build itself (a mount point, a flag that forbids renaming it).
    let moving = outDir;
    try {
      // A folder where the build writes a file (`mkdir out/build/report.html`) is not kept: it goes with
      // the old build (moved onto the staged file, it failed as "a file is in the way", the wrong way round).
      const kept = (await subfolders(outDir)).filter((name) => !files.has(name));
      // Moving a folder out of out/build needs out/build writable; it is being replaced, so made so
      // (`chmod a-w out/build`, which holds `executed/`, stopped every build at that folder).
      if (kept.length > 0) await ownerMayWrite(outDir);
      for (const folder of kept) {
        moving = join(outDir, folder);
        await rename(moving, join(staging, folder));
      }
      moving = outDir;
      hadOld = await exists(outDir);
      if (hadOld) await rename(outDir, old);
      await rename(staging, outDir);
    } catch (error) {
      // Kept folders already moved go back first.
      await undoSwap(outDir, staging, old).catch(() => undefined);
      throw isFileSystemProblem(error) ? new FileSystemError(fileSystemProblemText(BUILD_FOLDER, moving, error.code), moving, error.code) : error;
    }
    // The files were flushed as written; the renames last through a power cut once their folder is. The
    // new build is in place whether or not this succeeds, so a failure here is not the build's.
    await syncPath(parent).catch(() => undefined);
    const lastGood = lastGoodPath(outDir);
    const keptNow = page !== "good" && hadOld && (await didNotFail(old)) && (await keepAsLastGood(old, lastGood, say));
    // The new build is in place: a set-aside old one that cannot be removed now is said, and removed by the next build.
    if (!keptNow) await removeSetAside(old, say, true);
    if (page === "good") {
      // Its PDF is the only one left when this build printed none: said, so a --no-pdf build after a fix does not drop it unseen.
      const pdfGoes = !files.has("report.pdf") && (await isFile(join(lastGood, "report.pdf")));
      await removeSetAside(lastGood, say, true);
      if (pdfGoes && !(await isFolder(lastGood))) say(lastGoodPdfGone(displayPath(lastGood, process.cwd())));
    }
    // A failed page says where the last good build is; a neutral one, only when it has just moved it there.
    if ((page !== "failed" && !keptNow) || !(await isFolder(lastGood))) return undefined;
    const present = await readdir(lastGood).catch(() => [] as string[]);
    return { folder: lastGood, files: ["report.html", "report.pdf"].filter((name) => present.includes(name)), keptNow };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Whether the build in `dir` is a normal one whose page did not fail: no what-if, no failed cell, no id twice (its build log says). */
async function didNotFail(dir: string): Promise<boolean> {
  try {
    const log = JSON.parse(await readFile(join(dir, BUILD_LOG), "utf8")) as { notebooks?: { failedCells?: unknown[] }[]; duplicateIds?: unknown[]; whatIf?: unknown };
    const normal = log.whatIf === null || log.whatIf === undefined;
    return normal && Array.isArray(log.notebooks) && log.notebooks.every((n) => (n.failedCells ?? []).length === 0) && (log.duplicateIds ?? []).length === 0;
  } catch {
    return false;
  }
}

/**
 * The set-aside old build becomes `out/last-good/`; whatever was there (an earlier one, a file, a link)
 * is set aside and removed. Killed between the renames, the good build is a `.build-old-…` folder the
 * next build's recovery keeps (`recoverSwaps`). One that cannot be moved is said and left for that
 * recovery: the new build is in place, and this is no part of it. True when it was kept.
 */
async function keepAsLastGood(old: string, lastGood: string, say: (line: string) => void): Promise<boolean> {
  const earlier = join(dirname(lastGood), `.build-old-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    if ((await lstat(lastGood).catch(() => undefined)) !== undefined) await rename(lastGood, earlier);
    await rename(old, lastGood);
  } catch (error) {
    say(lastGoodNotKept(displayPath(old, process.cwd()), displayPath(lastGood, process.cwd()), (error as NodeJS.ErrnoException).code ?? String(error)));
    return false;
  }
  await removeSetAside(earlier, say, true);
  return true;
}

async function isFile(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isFile() === true;
}

async function isFolder(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isDirectory() === true;
}

/** Through a link, the folders kept from the old build would be the target's own, moved in here: refused. */
async function refuseLink(outDir: string): Promise<void> {
  if ((await lstat(outDir).catch(() => undefined))?.isSymbolicLink()) {
    throw new FileSystemError(buildFolderIsLink(BUILD_FOLDER, outDir, await readlink(outDir)), outDir, "ELINK");
  }
}

async function writeFlushed(path: string, contents: string | Uint8Array): Promise<void> {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The folders in `dir`; none when it is not there. One that cannot be listed (no permission) throws: read
 * as empty, the swap would set aside `executed/` with the old build, and fail to remove it.
 */
async function subfolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/**
 * The swaps of earlier builds that died midway (with the lock held, every stage not this process's),
 * each finished or undone, never dropped:
 *
 *   - `out/build` gone, its stage and the set-aside old one both there: killed between the two
 *     renames; the stage is the whole new build (files and kept folders), so it is moved into place
 *   - `out/build` there and a stage: killed before the swap, maybe while moving the kept folders
 *     (`executed/`) into the stage; they are moved back, then the stage is removed
 *   - a set-aside old one beside a whole `out/build`: the swap finished; the old one is removed, or,
 *     when it did not fail and the build in place did, kept as `out/last-good/` (the failed build was
 *     killed before it kept it)
 */
async function recoverSwaps(outDir: string, say: (line: string) => void): Promise<void> {
  const parent = dirname(outDir);
  const tags = new Set<string>();
  // Called with the build lock held: a stage of any other process is not a build in progress (a live
  // pid there is one reused since, after a reboot or in a container), so it is recovered too.
  for (const name of await readdir(parent)) {
    const match = STAGE.exec(name);
    if (match && Number(match[1]) !== process.pid) tags.add(`${match[1]}-${match[2]}`);
  }
  for (const tag of tags) {
    const staging = join(parent, `.build-staging-${tag}`);
    const old = join(parent, `.build-old-${tag}`);
    // Each step said: "finished or undone" left the reader to guess which, and what became of out/build/.
    if (!(await exists(outDir)) && (await exists(staging)) && (await exists(old))) {
      await rename(staging, outDir);
      say(swapRecovered("finished"));
    } else if (await exists(staging)) {
      const whole = await exists(outDir);
      if (whole) await moveKeptFoldersBack(staging, outDir);
      await rm(staging, { recursive: true, force: true });
      say(swapRecovered(whole ? "dropped" : "discarded"));
    }
    // An old one with no build in place (a stage that never got there) is the previous build: restored.
    if ((await exists(old)) && !(await exists(outDir))) {
      await rename(old, outDir);
      say(swapRecovered("restored"));
    }
    // A good build set aside by a failed one that was killed before keeping it: kept now, as it would have been.
    if ((await exists(old)) && (await didNotFail(old)) && !(await didNotFail(outDir)) && (await keepAsLastGood(old, lastGoodPath(outDir), say))) continue;
    await removeSetAside(old, say, false);
  }
}

/**
 * Removes an old build a swap set aside. One whose folders were made read-only (`chmod a-w out/build`)
 * cannot be emptied as it is: its folders are made writable first, since they are being removed. What
 * still cannot be removed is said, with what to do, and tried again by the next build: it is no part
 * of any build, so it stops none (it stopped every later one, at the file it could not remove).
 */
async function removeSetAside(old: string, say: (line: string) => void, now: boolean): Promise<void> {
  const removed = async (): Promise<NodeJS.ErrnoException | undefined> => rm(old, { recursive: true, force: true }).then(() => undefined, (error: unknown) => error as NodeJS.ErrnoException);
  if ((await removed()) === undefined) return;
  await ownerMayEmpty(old);
  const left = await removed();
  // Once a process: a build looks for leftovers as it takes the lock and again as it swaps.
  if (left === undefined || saidLeft.has(old)) return;
  saidLeft.add(old);
  const shown = displayPath(old, process.cwd());
  say(buildSetAsideLeft(visibleInOneLine(shown), quote([shown]), left.code ?? left.message, now));
}

/** The leftovers this process already said it could not remove. */
const saidLeft = new Set<string>();

/** Gives the owner read, write and search on `dir` and every folder below it, where allowed (links are not followed). */
async function ownerMayEmpty(dir: string): Promise<void> {
  if (!(await ownerMayWrite(dir))) return;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await ownerMayEmpty(join(dir, entry.name));
}

/** Gives the owner read, write and search on folder `dir`, where allowed; false when it is no folder (a link is not followed). */
async function ownerMayWrite(dir: string): Promise<boolean> {
  const info = await lstat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) return false;
  if ((info.mode & 0o700) !== 0o700) await chmod(dir, (info.mode & 0o7777) | 0o700).catch(() => undefined);
  return true;
}

/** This build's swap after a rename failed: the previous build back in place, with the folders it kept. */
async function undoSwap(outDir: string, staging: string, old: string): Promise<void> {
  if (!(await exists(outDir)) && (await exists(old))) await rename(old, outDir);
  if (await exists(outDir)) await moveKeptFoldersBack(staging, outDir);
}

/** Folders a swap had moved from out/build into its stage (`executed/`), back where they were. */
async function moveKeptFoldersBack(staging: string, outDir: string): Promise<void> {
  for (const folder of await subfolders(staging)) if (!(await exists(join(outDir, folder)))) await rename(join(staging, folder), join(outDir, folder));
}

export type BuildLockState =
  | { readonly state: "free" }
  | { readonly state: "running"; readonly pid: number }
  | { readonly state: "interrupted"; readonly pid: number | undefined };

/** Whether a build holds `out/.build.lock` now, or one died holding it (then its outputs never arrived). */
export async function buildLockState(outDir: string): Promise<BuildLockState> {
  const path = buildLockPath(outDir);
  if (!(await exists(path))) return { state: "free" };
  const pid = await lockOwner(path);
  // Running only while the process that wrote the lock is alive, not another that got its pid since.
  if (pid !== undefined && (await liveLockOwner(path)) === pid) return { state: "running", pid };
  return { state: "interrupted", pid };
}
