/**
 * The caches a build writes behind it (util/atomic.ts `writeBehind`: the chapters, the page, the parsed
 * inputs, the notebooks' results), checked before any chapter runs. A file where one's folder must be
 * failed the build only when it waited for those writes: after every chapter ran and the PDF printed
 * (~6 s of the report's build), for a message it could have given at once. The same message, now.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { cacheWhat } from "../../messages/caches";
import { fileSystemRefusal } from "../../util/fs-errors";

const WRITTEN_BEHIND = ["chapters", "page", "inputs", "notebooks"] as const;

/** Throws the located file-system error of the first of them that is not a folder (a missing one is made when written). */
export function refuseBlockedCaches(cacheDir: string): void {
  for (const name of WRITTEN_BEHIND) {
    const folder = join(cacheDir, name);
    let isFolder: boolean;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch {
      continue; // not there (made when written), or out/.cache itself is in the way: said where it is made
    }
    if (!isFolder) throw fileSystemRefusal(cacheWhat(name), folder, "ENOTDIR");
  }
}
