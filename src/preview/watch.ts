/**
 * What `fragtax dev` watches, and what it leaves alone: the project's folders through chokidar, less
 * node_modules, out/, .git and Jupyter's checkpoints, and less any symbolic link that loops or leads to a
 * folder outside the project. Nothing
 * the watcher meets ends dev: it says once what it cannot watch and goes on serving.
 */
import { watch } from "chokidar";
import type { FSWatcher } from "chokidar";
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import * as devMessages from "../messages/dev";
import { displayPath, isInside } from "../util/paths";
import { visibleInOneLine } from "../format/control";

/**
 * A path as dev names it on the terminal and the page: relative to the root, on one line. A file name
 * may hold a line break, which would start a forged line of its own ("rebuilt in 0.01 s").
 */
export function shownPath(path: string, root: string): string {
  return visibleInOneLine(displayPath(path, root));
}

const NOT_WATCHED = /(^|[/\\])(node_modules|out|\.git|\.ipynb_checkpoints)([/\\]|$)/;

/**
 * Whether `path` is a symbolic link that loops: one that never resolves (`a → b → a`, ELOOP), or one
 * that leads back to a folder it is inside (`notebooks/data/up → ..`). A watcher following links
 * walks the second as …/up/data/up/… until the system says ELOOP, watching the project forty times
 * over on the way; builds read notebooks by name and never walk into either.
 */
export function isLoopingLink(path: string): boolean {
  try {
    if (!lstatSync(path).isSymbolicLink()) return false;
  } catch {
    return false; // gone already: chokidar handles a path that vanished
  }
  try {
    return isInside(realpathSync(path), realpathSync(dirname(path)));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ELOOP";
  }
}

/**
 * Whether `path` is a symbolic link to a folder outside the project (`notebooks/usr → /usr`): a watcher
 * following it walks that whole tree (every file of /usr, ~150,000 "changed" lines and a gigabyte,
 * then a rebuild), and nothing a build reads is there. A link to a file outside is watched as a file.
 */
export function isFolderLinkOutside(path: string, realRoot: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isDirectory() && !isInside(realRoot, realpathSync(path));
  } catch {
    return false; // gone, or a loop: isLoopingLink says
  }
}

/** `folder` and the folders under it that can be read, less those `skip` says to leave (not links). */
function foldersOnDisk(folder: string, skip: (path: string) => boolean, found: string[] = []): string[] {
  if (skip(folder)) return found;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return found; // a file, gone, or unreadable: chokidar says what it cannot watch
  }
  found.push(folder);
  for (const entry of entries) if (entry.isDirectory()) foldersOnDisk(join(folder, entry.name), skip, found);
  return found;
}

/** How long after a folder appears its contents are compared with what the watcher watches. */
const SETTLE_MS = 250;

/**
 * Watches `paths` (relative to `root`); `onChange` gets each changed path relative to root (and as
 * given), `warn` each path it cannot watch, once.
 *
 * chokidar watches a given path that is missing (a templates/ not made yet) through its folder, and so
 * sees it appear; but one deleted while watched (notebooks/ removed and restored from a copy, a
 * `git stash` that takes a data folder away) it drops for good, and a second missing path in the same
 * folder is not seen either (chokidar keeps one name per folder it watches that way). Dev then went on
 * showing the error of the rebuild that found it gone, whatever was restored. So a given path that is
 * deleted, or missing at the start, is watched by a watcher of its own, as a missing path: its
 * return rebuilds, and what is in it is watched from then on. Closing the returned watcher closes
 * those too.
 */
export function watchProject(root: string, paths: readonly string[], onChange: (path: string, absolute: string) => void, warn: (message: string) => void): FSWatcher {
  const warned = new Set<string>();
  const warnOnce = (path: string, message: string): void => {
    if (warned.has(path)) return;
    warned.add(path);
    warn(message);
  };
  // The watchers of given paths that were deleted or missing, by path: one deleted again is watched anew.
  const returning = new Map<string, FSWatcher>();
  // Once closed, a deletion reported late opens no watcher, which would keep dev's process alive.
  let closed = false;
  const realRoot = realRootOf(root);
  const ignored = (path: string): boolean => {
    if (NOT_WATCHED.test(path.slice(root.length))) return true;
    if (isFolderLinkOutside(path, realRoot)) {
      warnOnce(path, devMessages.devLinkOutside(shownPath(path, root)));
      return true;
    }
    if (!isLoopingLink(path)) return false;
    warnOnce(path, devMessages.devLoopingLink(shownPath(path, root)));
    return true;
  };
  const open = (given: string[]): FSWatcher => {
    const watcher = watch(given, { ignoreInitial: true, ignored });
    // chokidar misses a folder made between its listing of the folder above and its watch of that
    // folder (one copied in as the watcher takes its first look, or as a watched folder is put back
    // from a copy), and then every edit inside it, for good. So once it has looked, and again after
    // a folder appears, the folders on disk are compared with those it watches: one it missed is
    // added, and counts as a change (what is in it came unseen).
    let settling: NodeJS.Timeout | undefined;
    const addMissed = (): void => {
      // add() would open a watcher closed meanwhile again (a given path deleted is watched anew).
      if (closed || watcher.closed) return;
      const watched = new Set(Object.keys(watcher.getWatched()));
      const missed = given.flatMap((path) => foldersOnDisk(path, ignored)).filter((folder) => !watched.has(folder));
      if (missed.length === 0) return;
      watcher.add(missed);
      for (const folder of missed) onChange(shownPath(folder, root), folder);
    };
    watcher.once("ready", addMissed);
    watcher.on("all", (event, path) => {
      if ((event === "unlinkDir" || event === "unlink") && given.includes(path) && !closed) {
        watcher.unwatch(path);
        void returning.get(path)?.close();
        returning.set(path, open([path]));
      }
      if (event === "addDir") {
        clearTimeout(settling);
        settling = setTimeout(addMissed, SETTLE_MS).unref(); // nothing to wait for once dev closes
      }
      onChange(shownPath(path, root), path);
    });
    // Without a listener chokidar's 'error' (a folder this user may not read, the system's limit on
    // watches, a loop met some other way) would end dev with a raw stack, its rebuild half done.
    watcher.on("error", (error: unknown) => {
      const { path, code, message } = error as Partial<NodeJS.ErrnoException>;
      const where = path === undefined ? root : path;
      warnOnce(where, devMessages.devNotWatched(shownPath(where, root), code ?? message ?? String(error)));
    });
    return watcher;
  };
  // A path missing now is watched the same way, for the same reason (a project with neither src/ nor
  // templates/ saw only one of them appear); the main watcher keeps the others, or all when none is
  // there yet (a watcher of nothing never says it is ready).
  const absolute = paths.map((path) => join(root, path));
  const present = absolute.filter((path) => existsSync(path));
  const main = open(present.length === 0 ? absolute : present);
  if (present.length > 0) for (const path of absolute.filter((each) => !present.includes(each))) returning.set(path, open([path]));
  const closeMain = main.close.bind(main);
  main.close = async () => {
    closed = true;
    await Promise.all([closeMain(), ...[...returning.values()].map((watcher) => watcher.close())]);
  };
  return main;
}

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}
