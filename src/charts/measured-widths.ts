/**
 * The widths canvas.ts measured, kept in the install's tool cache between processes. Each process
 * measured every character and pair of its charts' labels afresh through the canvas (~16 µs a call,
 * ~500 calls, ~6–9 ms of a one-assumption rebuild's drawing); the widths of a font's characters do
 * not change while its files and the canvas do not, so the file is named by both (the canvas's
 * version, each font file's path, size and modification time).
 *
 * Only what those files decide is kept: the widths in a font whose first family is theirs, of Latin-1
 * text (the files are Latin subsets; other characters fall back to the system's fonts, which can
 * change under the same name). And a face the files lack (a weight between theirs) is the canvas's
 * choice, which a font installed on the system can change: so each font's widths are kept with the
 * width of a probe text, which canvas.ts measures again (one call) the first time a process uses the
 * font, and a font whose probe differs is measured afresh.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { packageVersion } from "../package-version";
import { sha256 } from "../util/hash";
import { isRecord } from "../util/records";
import { toolCacheDir, writeToolCache } from "../util/tool-cache";

/** Widths by font (the canvas's `font` string), then by the text measured (a character or a pair). */
export type Widths = Map<string, Map<string, number>>;

/** The text whose width stands for a font's face (canvas.ts measures it once per font and process). */
export const PROBE = "Hamburgefonstiv 0123456789";

/** Past this many widths of one font, new ones are measured but not kept (labels of every script at once). */
const MAX_KEPT_PER_FONT = 20_000;

/** Text these font files alone measure (Latin-1, printable). */
const LATIN_1 = /^[\u0020-\u007e\u00a0-\u00ff]+$/;

/** The first family of a CSS font (`600 14px "Source Sans 3", sans-serif` → `Source Sans 3`). */
export function firstFamily(font: string): string | undefined {
  const families = /\d(?:px|pt|em|rem|%)(?:\s*\/\s*\S+)?\s+(.+)$/.exec(font)?.[1];
  const first = families?.split(",")[0]?.trim();
  return first?.replace(/^(["'])(.*)\1$/, "$2");
}

/** The file of `files`' widths; undefined when there are none to name it by, or one cannot be read. */
function widthsFile(files: readonly string[], cacheDir: string): string | undefined {
  if (files.length === 0) return undefined;
  try {
    const stamps = files.map((file) => {
      const info = statSync(file);
      return `${file}\0${info.size}\0${info.mtimeMs}`;
    });
    return join(cacheDir, `measured-widths-${sha256(["2", packageVersion("canvas"), ...stamps].join("\n")).slice(0, 16)}.json`);
  } catch {
    return undefined;
  }
}

export interface KeptWidths {
  readonly widths: Widths;
  /** Each kept font's probe width (`PROBE`): canvas.ts drops a font's widths when it measures otherwise now. */
  readonly probes: Map<string, number>;
  /** Writes what was measured, when there is more to keep than was read. */
  readonly keep: () => void;
}

/** The widths kept for the font files of `family` (empty when none are kept, or the file is damaged). */
export function keptWidths(family: string | undefined, files: readonly string[], cacheDir: string = toolCacheDir()): KeptWidths {
  const file = family === undefined ? undefined : widthsFile(files, cacheDir);
  const keepableFont = (font: string): boolean => family !== undefined && firstFamily(font) === family;
  const widths: Widths = new Map();
  const probes = new Map<string, number>();
  let loaded = "";
  if (file !== undefined) {
    try {
      const data: unknown = JSON.parse(readFileSync(file, "utf8"));
      const fonts = isRecord(data) && isRecord(data.fonts) ? data.fonts : {};
      const probed = isRecord(data) && isRecord(data.probes) ? data.probes : {};
      for (const [font, parts] of Object.entries(fonts)) {
        const probe = probed[font];
        if (!isRecord(parts) || !keepableFont(font) || typeof probe !== "number") continue;
        const known = new Map<string, number>();
        for (const [part, width] of Object.entries(parts)) if (typeof width === "number" && Number.isFinite(width) && LATIN_1.test(part)) known.set(part, width);
        widths.set(font, known);
        probes.set(font, probe);
      }
    } catch {
      // none kept yet, or a damaged file: measured again, and kept anew
    }
    loaded = signature();
  }
  /**
   * What canvas.ts can change, in brief: a width is never replaced, only added, and a font whose probe
   * changed starts again; so each font's count and probe say whether anything was measured. Serialising
   * every width to compare took ~7 ms of each drawing process, at its start and again as it exited.
   */
  function signature(): string {
    return [...widths].map(([font, known]) => `${font}\0${known.size}\0${probes.get(font) ?? ""}`).join("\n");
  }
  function serialize(): string {
    const fonts: Record<string, Record<string, number>> = {};
    const kept: Record<string, number> = {};
    for (const [font, known] of widths) {
      const probe = probes.get(font);
      if (!keepableFont(font) || probe === undefined) continue;
      fonts[font] = Object.fromEntries([...known].filter(([part]) => LATIN_1.test(part)).slice(0, MAX_KEPT_PER_FONT));
      kept[font] = probe;
    }
    return JSON.stringify({ fonts, probes: kept });
  }
  return {
    widths,
    probes,
    // Written only when this process measured something new to keep (a read-only install only measures again).
    keep: () => {
      if (file === undefined || signature() === loaded) return;
      writeToolCache(file, serialize());
    },
  };
}
