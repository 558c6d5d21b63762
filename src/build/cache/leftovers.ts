/**
 * What writes killed midway (`kill -9`, a power cut) left in the build's caches: each write goes to a
 * temporary sibling first (util/atomic.ts), which such a kill leaves behind. The caches that prune
 * themselves remove theirs as they prune (the chapters, the engine's model runs, V8's code caches);
 * these are the other folders a build writes, swept when chapters ran (a no-op build writes nothing).
 */
import { dirname, join } from "node:path";
import type { OutPaths } from "../../config/paths";
import { removeAbandonedTemporaries } from "../../util/atomic";
import { entryPath } from "./notebook-cache";

/** The folders swept: the parsed inputs, the page, the charts and their compiled specs, the engine's compiled cells, and each chapter's run entry. */
export function sweptFolders(paths: OutPaths, chapters: readonly string[]): string[] {
  return [
    join(paths.cache, "inputs"),
    join(paths.cache, "page"),
    paths.chartCache,
    join(paths.chartCache, "compiled"),
    paths.engineCache,
    ...chapters.map((chapter) => dirname(entryPath(paths.notebookCache, chapter))),
  ];
}

/** Removes the abandoned temporary files of every swept folder (best effort: nothing here fails a build). */
export async function sweepLeftovers(paths: OutPaths, chapters: readonly string[], now = Date.now()): Promise<void> {
  await Promise.all(sweptFolders(paths, chapters).map((folder) => removeAbandonedTemporaries(folder, now)));
}
