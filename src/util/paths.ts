/** Where a path is, relative to a folder, and how messages show it: the one home of both rules. */
import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` is inside `folder` (the folder itself included). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return !rel.startsWith("..") && !isAbsolute(rel);
}

/** A path as messages show it: relative to the root (forward slashes) when inside it, else absolute. */
export function displayPath(absolute: string, root: string): string {
  return isInside(root, absolute) ? relative(root, absolute).split(sep).join("/") : absolute;
}
