/**
 * The widths the chart canvas measured, kept between processes (src/charts/measured-widths.ts): what
 * one process measured in the report's fonts, the next reads instead of measuring; only what the font
 * files alone decide is kept, under a name their files and the canvas give, each font with its probe.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { createCanvas } from "canvas";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { firstFamily, keptWidths } from "../../src/charts/measured-widths";
import { registerMeasureFonts, wholePixelWidth } from "../../src/charts/canvas";
import { CHART_FONT } from "../../src/charts/theme";
import { packageVersion } from "../../src/package-version";
import { keepCodeCachesNow } from "../../src/util/code-cache";
import { toolCacheDir } from "../../src/util/tool-cache";

// What the widths file is written with, as written (another test process may write the install's file meanwhile).
const written = vi.hoisted(() => new Map<string, string>());
vi.mock("../../src/util/tool-cache", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/util/tool-cache")>();
  return {
    ...actual,
    writeToolCache: (file: string, contents: string | Uint8Array): boolean => {
      written.set(file, typeof contents === "string" ? contents : Buffer.from(contents).toString("utf8"));
      return actual.writeToolCache(file, contents);
    },
  };
});

const FONT = '11px "Test Sans", sans-serif';
let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function setUp(): { cache: string; fontFile: string } {
  dir = mkdtempSync(join(tmpdir(), "fragtax-widths-"));
  const fontFile = join(dir, "test-sans.woff2");
  writeFileSync(fontFile, "not really a font: only its size and time name the widths");
  return { cache: join(dir, "cache"), fontFile };
}

describe("measured widths kept between processes", () => {
  it("gives the next process what this one measured in the family's fonts, Latin-1 text only, with each font's probe", () => {
    const { cache, fontFile } = setUp();
    const first = keptWidths("Test Sans", [fontFile], cache);
    expect(first.widths.size).toBe(0);
    first.widths.set(FONT, new Map([["A", 6.25], ["AV", 11.5], ["é", 5.75], ["€", 7], ["汉", 11]]));
    first.probes.set(FONT, 120.5);
    // Another family first (the system's Georgia where installed), or a family whose name holds this one's: not the files'.
    for (const other of ['11px Georgia, "Test Sans"', '11px "Test Sans Light"', "11px Other Face"]) {
      first.widths.set(other, new Map([["A", 9]]));
      first.probes.set(other, 100);
    }
    first.keep();
    const next = keptWidths("Test Sans", [fontFile], cache);
    // The system's fonts draw what the family's Latin files do not.
    expect([...next.widths.entries()].map(([font, parts]) => [font, Object.fromEntries(parts)])).toEqual([[FONT, { A: 6.25, AV: 11.5, é: 5.75 }]]);
    expect([...next.probes]).toEqual([[FONT, 120.5]]);
  });

  it("reads a CSS font's first family", () => {
    expect(firstFamily('600 14px "Source Sans 3", "fragtax symbols", sans-serif')).toBe("Source Sans 3");
    expect(firstFamily("bold 12px/1.2 Georgia, serif")).toBe("Georgia");
    expect(firstFamily("12px 'Test Sans'")).toBe("Test Sans");
    expect(firstFamily("not a font")).toBeUndefined();
  });

  it("keeps nothing for the system's fonts (no family of its own), and writes nothing new", () => {
    const { cache, fontFile } = setUp();
    const system = keptWidths(undefined, [fontFile], cache);
    system.widths.set(FONT, new Map([["A", 6]]));
    system.probes.set(FONT, 100);
    system.keep();
    expect(() => readdirSync(cache)).toThrow();
    keptWidths("Test Sans", [fontFile], cache).keep(); // nothing measured: no file
    expect(() => readdirSync(cache)).toThrow();
  });

  it("starts again when a font file changes, and reads a damaged file as none", () => {
    const { cache, fontFile } = setUp();
    const first = keptWidths("Test Sans", [fontFile], cache);
    first.widths.set(FONT, new Map([["A", 6.25]]));
    first.probes.set(FONT, 100);
    first.keep();
    const [name] = readdirSync(cache);
    utimesSync(fontFile, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(keptWidths("Test Sans", [fontFile], cache).widths.size).toBe(0);
    writeFileSync(join(cache, name as string), '{"fonts": {"11px \\"Test Sans\\"": {"A": "wide"');
    utimesSync(fontFile, new Date(2021, 0, 1), new Date(2021, 0, 1));
    const again = keptWidths("Test Sans", [fontFile], cache);
    again.widths.set(FONT, new Map([["A", 6.25]]));
    again.probes.set(FONT, 100);
    again.keep();
    expect(keptWidths("Test Sans", [fontFile], cache).widths.get(FONT)?.get("A")).toBe(6.25);
  });

  it("only measures again where the cache cannot be written", () => {
    const { cache, fontFile } = setUp();
    // A file where the cache folder goes (unwritable for root too, as a read-only install is for its user).
    writeFileSync(cache, "not a folder");
    const kept = keptWidths("Test Sans", [fontFile], cache);
    kept.widths.set(FONT, new Map([["A", 6.25]]));
    kept.probes.set(FONT, 100);
    expect(() => kept.keep()).not.toThrow();
    expect(keptWidths("Test Sans", [fontFile], cache).widths.size).toBe(0);
  });

  it("names the file by the canvas's version: the aliased package is found", () => {
    expect(packageVersion("canvas")).toBe((JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "node_modules", "canvas", "package.json"), "utf8")) as { version: string }).version);
  });

  it("is what the canvas measures: a label measured in this process is kept, each width the one its measurement used", () => {
    registerMeasureFonts();
    const context = createCanvas(1, 1).getContext("2d");
    // A size no other process measured, so what is read back can only be this one's; the install's file is put back after.
    const font = `600 ${(13 + Math.random()).toFixed(6)}px ${CHART_FONT}`;
    const files = (): string[] => readdirSync(toolCacheDir()).filter((name) => name.startsWith("measured-widths-"));
    const before = new Map(files().map((name) => [name, readFileSync(join(toolCacheDir(), name))]));
    onTestFinished(() => {
      for (const name of files()) {
        const was = before.get(name);
        if (was === undefined) rmSync(join(toolCacheDir(), name), { force: true });
        else writeFileSync(join(toolCacheDir(), name), was);
      }
    });
    context.font = font;
    const used = context.font; // as the canvas writes it back (the key its widths are kept by)
    const label = "Kept widths: Qzx 98.6%";
    const width = context.measureText(label).width;
    written.clear();
    keepCodeCachesNow(); // as the process ends (and as dev ends by its signal)
    const [file, text] = [...written].find(([name]) => basename(name).startsWith("measured-widths-")) ?? [];
    expect(file === undefined ? undefined : dirname(file)).toBe(toolCacheDir());
    const kept = JSON.parse(text ?? "{}") as { fonts?: Record<string, Record<string, number>>; probes?: Record<string, number> };
    const known = new Map(Object.entries(kept.fonts?.[used] ?? {}));
    expect(kept.probes?.[used]).toBeGreaterThan(0);
    // The label's whole-pixel width, made again from the kept widths of its characters and pairs alone.
    expect(wholePixelWidth(label, (part) => {
      const kept = known.get(part);
      if (kept === undefined) throw new Error(`"${part}" was not kept`);
      return kept;
    })).toBe(width);
  });
});
