/**
 * The widths canvas.ts measured, kept in the install's tool cache between processes. Each process
 * measured every character and pair of its charts' labels afresh through the canvas (~16 µs a call,
 * ~500 calls, ~6–9 ms of a one-assumption rebuild's drawing); the widths of a font's characters do
 * not change while its files and the canvas do not, so the file is named by both (the canvas's
 * version, each font file's path, size and modification time). Only what those files alone decide is
 * kept: the widths in a font naming their family, of Latin-1 text (the files are Latin subsets; other
 * characters fall back to the system's fonts, which can change under the same name).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { packageVersion } from "../package-version";
import { sha256 } from "../util/hash";
import { isRecord } from "../util/records";
import { toolCacheDir, writeToolCache } from "../util/tool-cache";

/** Widths by font (the canvas's `font` string), then by the text measured (a character or a pair). */
export type Widths = Map<string, Map<string, number>>;

/** Past this many widths of one font, new ones are measured but not kept (labels of every script at once). */
const MAX_KEPT_PER_FONT = 20_000;

/** The file of `files`' widths; undefined when there are none to name it by, or one cannot be read. */
function widthsFile(files: readonly string[], cacheDir: string): string | undefined {
  if (files.length === 0) return undefined;
  try {
    const stamps = files.map((file) => {
      const info = statSync(file);
      return `${file}\0${info.size}\0${info.mtimeMs}`;
    });
    return join(cacheDir, `measured-widths-${sha256([packageVersion("canvas"), ...stamps].join("\n")).slice(0, 16)}.json`);
  } catch {
    return undefined;
  }
}

/** Text these font files alone measure (Latin-1, printable): the part of the widths that is kept. */
const LATIN_1 = /^[\u0020-\u007e\u00a0-\u00ff]+$/;

/** The widths kept for the font files of `family` (empty when none are kept, or the file is damaged). */
export function keptWidths(family: string | undefined, files: readonly string[], cacheDir: string = toolCacheDir()): { readonly widths: Widths; readonly keep: () => void } {
  const file = family === undefined ? undefined : widthsFile(files, cacheDir);
  const keepable = (font: string, part: string): boolean => family !== undefined && font.includes(family) && LATIN_1.test(part);
  const widths: Widths = new Map();
  let loaded = 0;
  if (file !== undefined) {
    try {
      const data: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (isRecord(data)) {
        for (const [font, parts] of Object.entries(data)) {
          if (!isRecord(parts)) continue;
          const known = new Map<string, number>();
          for (const [part, width] of Object.entries(parts)) if (typeof width === "number" && Number.isFinite(width) && keepable(font, part)) known.set(part, width);
          widths.set(font, known);
          loaded += known.size;
        }
      }
    } catch {
      // none kept yet, or a damaged file: measured again, and kept anew
    }
  }
  const kept = (): [string, [string, number][]][] =>
    [...widths].map(([font, known]) => [font, [...known].filter(([part]) => keepable(font, part)).slice(0, MAX_KEPT_PER_FONT)] as [string, [string, number][]]).filter(([, parts]) => parts.length > 0);
  return {
    widths,
    // Written only when this process measured something new to keep (a read-only install only measures again).
    keep: () => {
      if (file === undefined) return;
      const data = kept();
      if (data.reduce((sum, [, parts]) => sum + parts.length, 0) === loaded) return;
      writeToolCache(file, JSON.stringify(Object.fromEntries(data.map(([font, parts]) => [font, Object.fromEntries(parts)]))));
    },
  };
}
