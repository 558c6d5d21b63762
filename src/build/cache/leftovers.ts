/**
 * What a killed build (`kill -9`, a power cut) left half-written in its caches: each cache write goes
 * to a temporary sibling first and is renamed into place (util/atomic.ts), so a write killed midway
 * leaves only that temporary file, which no build reads. A build writes its caches behind its render
 * (`writeBehind`), so a kill mid-build can leave several. The next build, which takes over the killed
 * one's lock, removes those a minute old in every folder of the cache (never a younger one: it may be
 * another process's write in progress). Builds that follow a build that finished sweep nothing.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isTemporarySibling, removeAbandonedTemporaries } from "../../util/atomic";

/** Removes the abandoned temporary files of `cacheDir` and every folder below it (best effort: nothing here fails a build). */
export async function sweepLeftovers(cacheDir: string, now = Date.now()): Promise<void> {
  const entries = await readdir(cacheDir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((entry) => entry.isDirectory() && !isTemporarySibling(entry.name));
  await Promise.all([removeAbandonedTemporaries(cacheDir, now), ...folders.map((folder) => sweepLeftovers(join(cacheDir, folder.name), now))]);
}
