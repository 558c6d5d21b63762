/**
 * The widths the chart canvas measured, kept between processes (src/charts/measured-widths.ts): what
 * one process measured in the report's fonts, the next reads instead of measuring; only what the font
 * files alone decide is kept, under a name their files and the canvas give.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keptWidths } from "../../src/charts/measured-widths";

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
  const cache = join(dir, "cache");
  return { cache, fontFile };
}

describe("measured widths kept between processes", () => {
  it("gives the next process what this one measured in the family's fonts, Latin-1 text only", () => {
    const { cache, fontFile } = setUp();
    const first = keptWidths("Test Sans", [fontFile], cache);
    expect(first.widths.size).toBe(0);
    first.widths.set(FONT, new Map([["A", 6.25], ["AV", 11.5], ["é", 5.75], ["€", 7], ["汉", 11]]));
    first.widths.set("11px Other Face", new Map([["A", 9]]));
    first.keep();
    const next = keptWidths("Test Sans", [fontFile], cache);
    // The system's fonts draw what the family's Latin files do not, and another family is not theirs.
    expect([...next.widths.entries()].map(([font, parts]) => [font, Object.fromEntries(parts)])).toEqual([[FONT, { A: 6.25, AV: 11.5, é: 5.75 }]]);
  });

  it("keeps nothing for the system's fonts (no family of its own), and writes nothing new", () => {
    const { cache, fontFile } = setUp();
    const system = keptWidths(undefined, [fontFile], cache);
    system.widths.set(FONT, new Map([["A", 6]]));
    system.keep();
    expect(() => readdirSync(cache)).toThrow();
    const kept = keptWidths("Test Sans", [fontFile], cache);
    kept.keep(); // nothing measured: no file
    expect(() => readdirSync(cache)).toThrow();
  });

  it("starts again when a font file changes, and reads a damaged file as none", () => {
    const { cache, fontFile } = setUp();
    const first = keptWidths("Test Sans", [fontFile], cache);
    first.widths.set(FONT, new Map([["A", 6.25]]));
    first.keep();
    const [name] = readdirSync(cache);
    utimesSync(fontFile, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(keptWidths("Test Sans", [fontFile], cache).widths.size).toBe(0);
    writeFileSync(join(cache, name as string), '{"11px \\"Test Sans\\"": {"A": "wide"');
    utimesSync(fontFile, new Date(2021, 0, 1), new Date(2021, 0, 1));
    const again = keptWidths("Test Sans", [fontFile], cache);
    again.widths.set(FONT, new Map([["A", 6.25]]));
    again.keep();
    expect(keptWidths("Test Sans", [fontFile], cache).widths.get(FONT)?.get("A")).toBe(6.25);
  });

  it("only measures again where the cache cannot be written", () => {
    const { cache, fontFile } = setUp();
    // A file where the cache folder goes (unwritable for root too, as a read-only install is for its user).
    writeFileSync(cache, "not a folder");
    const kept = keptWidths("Test Sans", [fontFile], cache);
    kept.widths.set(FONT, new Map([["A", 6.25]]));
    expect(() => kept.keep()).not.toThrow();
    expect(keptWidths("Test Sans", [fontFile], cache).widths.size).toBe(0);
  });
});
