/**
 * Chapters earlier builds rendered, taken again when nothing a chapter's render reads has changed.
 * The page cache (page-cache.ts) serves a build in which nothing changed; this one serves the common
 * rebuild in which some chapters ran again and the others did not: after one assumption changed, two
 * of the report's nine chapters run, and the other seven were rendered again for nothing (~110 ms
 * of markdown, sanitizing and chart lookups, on the build's critical path after the last chapter).
 *
 *   key     report/render.ts `chapterKey`: the chapter's executed notebook, number, label and folder,
 *           the heading ids the chapters before it took (ids are unique report-wide), and `extra`
 *           here: the contents of the chart data files it names and the stamp of the tool's code
 *           and templates (code-stamp.ts)
 *   file    `out/.cache/chapters/<key>.json`: the rendered chapter and the heading ids it took
 *   check   the images its markdown inlined still hold the bytes it inlined (they are found only
 *           by parsing the markdown, so they are checked rather than keyed, as the page cache does)
 *   prune   after a render, only the chapters of that page are kept
 *
 * A chapter with a failed cell is never kept (render.ts): it is rendered, and reported, again.
 */
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { CACHE_WRITE, removeAbandonedTemporaries, writeFileAtomic } from "../../util/atomic";
import { locatingFileSystemErrors } from "../../util/fs-errors";
import { readPlainText } from "../../util/plain-file";
import type { ChapterInput } from "../../report/chapters";
import type { ChapterKeeper, KeptChapter } from "../../report/render";
import { sameImages } from "./page-cache";
import { codeStamp } from "./code-stamp";
import { sealedJson, unsealedJson } from "../../util/sealed";
import { cacheWhat } from "../../messages/caches";

const FOLDER = "chapters";

export interface ChapterCache extends ChapterKeeper {
  /** Removes the kept chapters this render neither took nor kept (an earlier state of a chapter that changed). */
  prune(): Promise<void>;
}

/**
 * The chapter cache in `cacheDir`. `data(chapter)`: its charts' data files with their sha256 (null
 * for one that cannot be read); `readBytes` reads an inlined image to compare it.
 */
export function chapterCache(
  cacheDir: string,
  root: string,
  data: (chapter: ChapterInput) => readonly (readonly [string, string | null])[],
  readBytes: (path: string) => Promise<Uint8Array>,
): ChapterCache {
  const folder = join(cacheDir, FOLDER);
  const used = new Set<string>();
  const file = (key: string): string => join(folder, `${key}.json`);
  // Once per render, not per chapter: the stamp stats every template file each time it is taken.
  const code = codeStamp();
  return {
    extra: (chapter) => ({ data: data(chapter), code }),
    async load(key) {
      used.add(key);
      let kept: Partial<KeptChapter>;
      try {
        kept = unsealedJson(await readPlainText(file(key)), file(key)) as Partial<KeptChapter>;
      } catch {
        return undefined; // not kept, damaged or changed since it was written (sealed.ts): rendered
      }
      if (typeof kept.chapter?.html !== "string" || !Array.isArray(kept.anchors)) return undefined;
      return (await sameImages(kept.chapter, root, readBytes)) ? (kept as KeptChapter) : undefined;
    },
    async store(key, kept) {
      used.add(key);
      // As every other cache: one that cannot be written stops the build with its path.
      await locatingFileSystemErrors(cacheWhat("chapters"), folder, () => writeFileAtomic(file(key), sealedJson(kept, file(key)), CACHE_WRITE));
    },
    async prune() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        return; // nothing kept yet
      }
      const stale = names.filter((name) => name.endsWith(".json") && !used.has(name.slice(0, -".json".length)));
      await Promise.all([
        ...stale.map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)),
        // A write's temporary file a `kill -9` left, once it is old enough not to be another build's write in progress.
        removeAbandonedTemporaries(folder),
      ]);
    },
  };
}
