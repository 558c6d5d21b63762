/**
 * The report's own fonts, so the page looks — and breaks — the same on every machine: Source Serif 4
 * for the text, Source Sans 3 for figures, tables and charts, Source Code Pro for code (SIL Open
 * Font License, from the @fontsource packages), and DejaVu Sans (Bitstream Vera licence, from
 * dejavu-fonts-ttf) for the few symbols outside those fonts' character sets (√, superscript digits).
 *
 * Each face is cut down to the characters the page uses (harfbuzz's hb-subset via `subset-font`)
 * and inlined as a woff2 data: URI, which the page's policy allows (`font-src data:`). Subsetting
 * costs about a second, so the resulting CSS is kept on disk by content and reused.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fontPackageMissing } from "../messages/report";
import { InputError } from "../util/errors";
import { toolCacheDir, writeToolCache } from "../util/tool-cache";
import { sha256 } from "../util/hash";
import { makeFolderSync } from "../util/folders";

/** The family names the stylesheets and the chart theme ask for. */
export const FONT_FAMILY = {
  serif: "Source Serif 4",
  sans: "Source Sans 3",
  mono: "Source Code Pro",
  /** Symbols none of the three has; listed second in every stack. */
  symbols: "fragtax symbols",
} as const;

/** A font package missing from node_modules: the install is incomplete (exit 2, "run npm install"). */
export class FontPackageError extends InputError {}

interface Face {
  readonly family: string;
  readonly pkg: string;
  readonly weight: number;
  readonly style: "normal" | "italic";
}

const SERIF = "@fontsource/source-serif-4";
const SANS = "@fontsource/source-sans-3";
const MONO = "@fontsource/source-code-pro";
const SYMBOLS = "dejavu-fonts-ttf";
/** Regular and bold, so bold text's symbols are not drawn with a synthesized (Type 3) bold. */
const SYMBOL_FILES = [
  { weight: 400, file: "ttf/DejaVuSans.ttf" },
  { weight: 700, file: "ttf/DejaVuSans-Bold.ttf" },
] as const;

/** The weights and styles report.css uses; others are synthesized by the browser from these. */
const FACES: readonly Face[] = [
  { family: FONT_FAMILY.serif, pkg: SERIF, weight: 400, style: "normal" },
  { family: FONT_FAMILY.serif, pkg: SERIF, weight: 400, style: "italic" },
  { family: FONT_FAMILY.serif, pkg: SERIF, weight: 600, style: "normal" },
  { family: FONT_FAMILY.serif, pkg: SERIF, weight: 700, style: "normal" },
  { family: FONT_FAMILY.sans, pkg: SANS, weight: 400, style: "normal" },
  { family: FONT_FAMILY.sans, pkg: SANS, weight: 600, style: "normal" },
  { family: FONT_FAMILY.sans, pkg: SANS, weight: 700, style: "normal" },
  { family: FONT_FAMILY.mono, pkg: MONO, weight: 400, style: "normal" },
];

/**
 * Always kept, whatever the page says: printable ASCII (the print step writes page numbers into the
 * contents; `publish` adds a "What changed" section) and common typographic punctuation.
 */
const ALWAYS = `${String.fromCharCode(...Array.from({ length: 95 }, (_, i) => i + 32))}\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00d7\u00b7\u2212\u2192\u2248\u2264\u2265\u20ac\u00a3`;

export interface PackageLookup {
  /** The folder of an installed package, or undefined when it is missing. */
  readonly packageDir: (pkg: string) => string | undefined;
}

const require = createRequire(import.meta.url);
const nodeLookup: PackageLookup = {
  packageDir: (pkg) => {
    try {
      return dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      return undefined;
    }
  },
};

export interface EmbeddedFonts {
  /** @font-face rules with the fonts inline. */
  readonly css: string;
  /** Characters outside the three families, drawn with the symbols face. */
  readonly symbols: string;
  readonly reused: boolean;
}

/**
 * @font-face rules for the characters in `text`. `cacheDir` keeps the result by content (package
 * versions + characters); without it every call subsets again.
 */
export interface EmbedOptions {
  readonly cacheDir?: string;
  readonly lookup?: PackageLookup;
}

export function embedFonts(text: string, options: EmbedOptions = {}): Promise<EmbeddedFonts> {
  return embedFaces(text, FACES, options);
}

async function embedFaces(text: string, faces: readonly Face[], options: EmbedOptions): Promise<EmbeddedFonts> {
  const lookup = options.lookup ?? nodeLookup;
  const dirs = new Map<string, string>();
  for (const pkg of [SERIF, SANS, MONO, SYMBOLS]) {
    const dir = lookup.packageDir(pkg);
    if (dir === undefined || !existsSync(join(dir, "package.json"))) throw new FontPackageError(fontPackageMissing(pkg));
    dirs.set(pkg, dir);
  }
  const dirOf = (pkg: string): string => dirs.get(pkg) ?? "";
  const characters = codePoints(`${ALWAYS}${text}`);
  const versions = [...dirs].map(([pkg, dir]) => `${pkg}@${(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version}`);
  const key = sha256(JSON.stringify({ versions, faces, characters })).slice(0, 20);
  const cacheFile = options.cacheDir === undefined ? undefined : join(options.cacheDir, `fonts-${key}.json`);
  if (cacheFile !== undefined && existsSync(cacheFile)) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, "utf8")) as { css: string; symbols: string };
      if (typeof cached.css === "string" && typeof cached.symbols === "string") return { ...cached, reused: true };
    } catch {
      // a damaged cache entry only costs a subsetting
    }
  }
  const { default: subsetFont } = await import("subset-font");
  const rules: string[] = [];
  // Characters some family lacks: drawn with the symbols face wherever that family is in use.
  const outside = new Set<number>();
  for (const face of faces) {
    const ranges = subsetRanges(dirOf(face.pkg));
    const covered = new Set<number>();
    for (const [subset, range] of ranges) {
      const chosen = characters.filter((cp) => !covered.has(cp) && inRanges(cp, range));
      if (chosen.length === 0) continue;
      for (const cp of chosen) covered.add(cp);
      const file = join(dirOf(face.pkg), "files", `${face.pkg.split("/")[1]}-${subset}-${face.weight}-${face.style}.woff2`);
      if (!existsSync(file)) continue;
      const woff2 = await subsetFont(readFileSync(file), String.fromCodePoint(...chosen), { targetFormat: "woff2" });
      rules.push(fontFace(face, woff2, chosen));
    }
    for (const cp of characters) if (!covered.has(cp)) outside.add(cp);
  }
  const symbols = [...outside].filter((cp) => cp > 32).sort((a, b) => a - b);
  const symbolWeights = SYMBOL_FILES.filter(({ weight }) => faces.some((face) => face.weight >= weight));
  for (const { weight, file } of symbols.length > 0 ? symbolWeights : []) {
    const woff2 = await subsetFont(readFileSync(join(dirOf(SYMBOLS), file)), String.fromCodePoint(...symbols), { targetFormat: "woff2" });
    rules.push(fontFace({ family: FONT_FAMILY.symbols, pkg: SYMBOLS, weight, style: "normal" }, woff2, symbols));
  }
  const result = { css: `${LICENCE_NOTE}\n${rules.join("\n")}`, symbols: String.fromCodePoint(...symbols) };
  if (cacheFile !== undefined) writeToolCache(cacheFile, JSON.stringify(result));
  return { ...result, reused: false };
}

const LICENCE_NOTE =
  `/* Fonts: Source Serif 4, Source Sans 3, Source Code Pro (SIL Open Font License 1.1, Adobe; ` +
  `licence: node_modules/@fontsource/<name>/LICENSE) and DejaVu Sans (Bitstream Vera licence; ` +
  `node_modules/dejavu-fonts-ttf/LICENSE), cut down to the characters of this page. */`;

function fontFace(face: Face, woff2: Uint8Array, characters: readonly number[]): string {
  return (
    `@font-face{font-family:"${face.family}";font-style:${face.style};font-weight:${face.weight};font-display:block;` +
    `src:url(data:font/woff2;base64,${Buffer.from(woff2).toString("base64")}) format("woff2");unicode-range:${unicodeRange(characters)}}`
  );
}

type Range = readonly (readonly [number, number])[];

/** The package's subsets (latin first, then the rest in its own order) with their code point ranges. */
function subsetRanges(dir: string): (readonly [string, Range])[] {
  const table = JSON.parse(readFileSync(join(dir, "unicode.json"), "utf8")) as Record<string, string>;
  const entries = Object.entries(table).map(([name, spec]) => [name, parseRanges(spec)] as const);
  return entries.sort(([a], [b]) => (a === "latin" ? -1 : b === "latin" ? 1 : 0));
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]]. */
export function parseRanges(spec: string): Range {
  return spec.split(",").map((part) => {
    const [low, high] = part.trim().replace(/^U\+/i, "").split("-");
    const from = Number.parseInt(low ?? "", 16);
    return [from, high === undefined ? from : Number.parseInt(high, 16)] as const;
  });
}

function inRanges(cp: number, ranges: Range): boolean {
  return ranges.some(([low, high]) => cp >= low && cp <= high);
}

/** Sorted code points → "U+20-7E,U+D7" (runs collapsed). */
export function unicodeRange(characters: readonly number[]): string {
  const sorted = [...characters].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    const hex = (cp: number): string => cp.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(sorted[i] ?? 0)}` : `U+${hex(sorted[i] ?? 0)}-${hex(sorted[j] ?? 0)}`);
    i = j + 1;
  }
  return parts.join(",");
}

/**
 * The distinct printable code points of `text`, sorted. The text is the whole page (~1 MB), run once
 * per render, before V8 has optimized anything: a loop over its million UTF-16 units took ~7 ms of a
 * rebuild's main thread. Most of the page is ASCII, so each printable ASCII character is looked for
 * by the engine's own search (which stops at its first occurrence), and only what is left once the
 * ASCII runs are taken out (a few KB) is walked by hand, surrogate pairs joined: ~2 ms. Each ASCII
 * run leaves a NUL behind, so two lone surrogates it separated are not joined into a pair. A lone
 * surrogate counts as itself, as the string iterator yields it.
 */
export function codePoints(text: string): number[] {
  const bmp = new Uint8Array(0x10000);
  for (let cp = 32; cp < 127; cp++) if (text.includes(String.fromCharCode(cp))) bmp[cp] = 1;
  const rest = text.replace(/[\0-\x7f]+/g, "\0");
  const astral = new Set<number>();
  for (let i = 0; i < rest.length; i++) {
    const unit = rest.charCodeAt(i);
    const next = unit >= 0xd800 && unit <= 0xdbff ? rest.charCodeAt(i + 1) : Number.NaN; // NaN past the end
    if (next >= 0xdc00 && next <= 0xdfff) {
      astral.add((unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000);
      i++;
    } else bmp[unit] = 1;
  }
  const found: number[] = [];
  for (let cp = 32; cp < bmp.length; cp++) if (bmp[cp] === 1 && cp !== 127) found.push(cp);
  return [...found, ...[...astral].sort((a, b) => a - b)];
}

/**
 * A fontconfig configuration naming only the DejaVu fonts in node_modules, for the Chromium that
 * prints. Chromium cannot use even the page's inlined fonts when fontconfig finds no font at all, and
 * whatever it falls back to (the running header, a glyph no face has) would otherwise be the build
 * machine's: with this file every machine prints with the same fonts.
 */
/** `privateDir`: where the configuration goes when the install's cache cannot be written (the browser's own temporary profile). */
export function chromiumFontConfig(privateDir: string, lookup: PackageLookup = nodeLookup, cacheDir: string = toolCacheDir()): string {
  const dejavu = lookup.packageDir(SYMBOLS);
  if (dejavu === undefined) throw new FontPackageError(fontPackageMissing(SYMBOLS));
  const alias = (generic: string, family: string): string => `  <alias><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  const configIn = (folder: string): string =>
    [
      `<?xml version="1.0"?>`,
      `<!DOCTYPE fontconfig SYSTEM "fonts.dtd">`,
      `<!-- Written by fragtax (src/report/fonts.ts) for the Chromium that prints the PDF. -->`,
      `<fontconfig>`,
      `  <dir>${escapeXml(join(dejavu, "ttf"))}</dir>`,
      `  <cachedir>${escapeXml(join(folder, "cache"))}</cachedir>`,
      alias("serif", "DejaVu Serif"),
      alias("sans-serif", "DejaVu Sans"),
      alias("monospace", "DejaVu Sans Mono"),
      `</fontconfig>`,
      ``,
    ].join("\n");
  const folder = join(cacheDir, "fontconfig");
  const file = join(folder, "fonts.conf");
  const config = configIn(folder);
  const current = (): string | undefined => (existsSync(file) ? readFileSync(file, "utf8") : undefined);
  if (current() !== config) writeToolCache(file, config);
  if (current() === config) return file;
  // The install's cache cannot be written (read-only, or a file in its place). Without this file
  // Chromium would fall back to the machine's fonts and print another PDF without a word: the
  // configuration goes to the browser's private folder instead, written anew each time.
  const fallback = join(privateDir, "fontconfig");
  makeFolderSync(fallback);
  writeFileSync(join(fallback, "fonts.conf"), configIn(fallback));
  return join(fallback, "fonts.conf");
}

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
