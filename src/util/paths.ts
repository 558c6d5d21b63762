/**
 * Where a path is, relative to a folder, and how messages show it: the one home of both rules. Also
 * where the tool itself is (its templates/ beside its code).
 */
import { existsSync, lstatSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { toolNotFound } from "../messages/fs";

/** Whether `path` is a folder, or leads to one (false when it is not there). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `path` is itself a symbolic link, whether or not it leads anywhere. */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether `path` is inside `folder` (the folder itself included). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return !rel.startsWith("..") && !isAbsolute(rel);
}

/**
 * The file outside `root` that `path` leads to through a symbolic link, or undefined: no link, a link
 * inside the project, a broken one, or one to no plain file (a device or a pipe is refused as one when
 * it is read, which says more). Both sides are compared after every link: the root may be one too.
 */
export function linkedOutside(path: string, root: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(path);
    if (!statSync(target).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // An unreadable root is compared as written.
  }
  return isInside(realRoot, target) ? undefined : target;
}

/** A path as messages show it: relative to the root (forward slashes) when inside it, else absolute. */
export function displayPath(absolute: string, root: string): string {
  // Against the file system's root (no project found above a path), "nonexistent.ipynb" read as a file here: absolute.
  if (dirname(resolve(root)) === resolve(root)) return absolute;
  return isInside(root, absolute) ? relative(root, absolute).split(sep).join("/") : absolute;
}

/**
 * A path as a shell in `cwd` would name it: relative when inside `cwd`, or when both are inside the
 * project `root` (`../out/build/x.ipynb` from notebooks/), else absolute.
 */
export function shellPath(absolute: string, cwd: string, root: string): string {
  if (isInside(cwd, absolute) || !isInside(root, absolute) || !isInside(root, cwd)) return displayPath(absolute, cwd);
  return relative(cwd, absolute).split(sep).join("/");
}

/** The tool's own folder (with templates/), found from this module whether run from src/ or dist/. */
export function toolRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "templates", "report.html"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(toolNotFound(fileURLToPath(import.meta.url)));
    dir = parent;
  }
}

/**
 * `path` (absolute) as the file system resolves it: its deepest existing part through symlinks, the
 * rest (not there yet) as written. Where a path leads decides whether it is inside a folder.
 */
export function realPathSoFar(path: string): string {
  // The C library's realpath: one call, where Node's own lstat()s each part of the path. A build asks
  // this of every module and declaration file each chapter imports (~100 a chapter): ~6 ms → ~2 ms.
  try {
    return realpathSync.native(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathSoFar(parent), basename(path));
  }
}

/**
 * Project paths (relative to `root`, `/`-separated) with one name per file: two that lead to the same
 * file keep the one inside the project. A folder linked in from elsewhere (notebooks/lib → ../shared)
 * is named through the link by the type check and by its real path by the bundler, and the one file
 * was listed twice, in a fingerprint and in the reason a notebook re-ran.
 */
export function oneNamePerFile(root: string, paths: readonly string[]): string[] {
  // Each path resolved once, not once per comparison of the sort (~100 a chapter, ~6 ms a rebuild).
  const resolved = paths.map((path) => ({ path, absolute: resolve(root, path) })).map((entry) => ({ ...entry, inside: isInside(root, entry.absolute) }));
  const byFile = new Map<string, string>();
  for (const { path, absolute } of resolved.sort((a, b) => Number(b.inside) - Number(a.inside))) {
    const file = realPathSoFar(absolute);
    if (!byFile.has(file)) byFile.set(file, path);
  }
  return [...byFile.values()].sort();
}
