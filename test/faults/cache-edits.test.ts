/**
 * A cache entry whose bytes changed since it was written (a disk's bad luck, an edit by hand) must
 * never be why a report is wrong. Each of out/.cache's entries is sealed with the sha256 of its
 * content (util/sealed.ts): a changed one is a miss, and the build makes it again. Before, a changed
 * parsed-assumptions entry gave figures the assumptions file could not produce, and a build, a publish
 * and a verify all passed; changed page and chapter entries reached report.html.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BrokenSealError, sealed, sealedBytes, sealedJson, unsealed, unsealedBytes, unsealedJson } from "../../src/util/sealed";
import { tempProject, type TempProject } from "../project";
import { CLI } from "../published-project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

describe("a sealed entry", () => {
  it("gives back what was sealed, and refuses a changed, truncated or unsealed one", () => {
    const value = { a: [1, 2.5, "x\n\u001b"], b: { c: null } };
    expect(unsealedJson(sealedJson(value, "a.json"), "a.json")).toEqual(value);
    expect(unsealed(sealed("", "a.json"), "a.json")).toBe("");
    const entry = sealedJson(value, "a.json");
    expect(() => unsealed(entry.replace("2.5", "3.5"), "a.json")).toThrow(BrokenSealError);
    // Whole and unaltered, but sealed under another name (an entry copied or swapped under another key).
    expect(() => unsealed(entry, "b.json")).toThrow(BrokenSealError);
    expect(() => unsealed(entry.slice(0, -1), "a.json")).toThrow(BrokenSealError);
    expect(() => unsealed(JSON.stringify(value), "a.json")).toThrow(BrokenSealError);
    expect(() => unsealed(entry.replace(/^sha256:./, "sha256:!"), "a.json")).toThrow(BrokenSealError);
    const bytes = Buffer.from([0, 1, 2, 255]);
    expect(unsealedBytes(sealedBytes(bytes, "a.bin"), "a.bin")).toEqual(bytes);
    expect(() => unsealedBytes(sealedBytes(bytes, "a.bin"), "b.bin")).toThrow(BrokenSealError);
    const spoiled = sealedBytes(bytes, "a.bin");
    spoiled[33] = 7;
    expect(() => unsealedBytes(spoiled, "a.bin")).toThrow(BrokenSealError);
    expect(() => unsealedBytes(Buffer.from([1, 2]), "a.bin")).toThrow(BrokenSealError);
  });
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The page without its build time (the one thing two builds of the same sources differ in). */
const pageOf = (root: string): string => readFileSync(join(root, "out", "build", "report.html"), "utf8").replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, "TIME");

/** A project built once (its page and figures kept as a clean build's), with its CLI and cache folder. */
function builtProject() {
  project = tempProject();
  const root = project.root;
  // A project with a package.json keeps the engine's compiled cells, bundles and type checks (compile-cache.ts).
  symlinkSync(join(import.meta.dirname, "..", "..", "package.json"), join(root, "package.json"));
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  expect(cli("build", "--no-pdf").status).toBe(0);
  const clean = { page: pageOf(root), figures: readFileSync(join(root, "out", "build", "figures.json"), "utf8") };
  return { root, cli, clean, cache: join(root, "out", ".cache") };
}

describe("changed cache entries", () => {
  it("are made again: the build's page and figures are those of a clean build, whatever a parsed-input, compiled-cell, chart, chapter or page entry was changed to", () => {
    const { root, cli, clean, cache } = builtProject();
    // Each entry's content changed, its seal left as it was: every number's first digit, every "the" in words.
    const changed: string[] = [];
    // The parsed assumptions as the attacker changed them: an input's range moved, the file's text unchanged.
    const parsed = join(cache, "inputs", "assumptions.json");
    const stored = readFileSync(parsed, "utf8");
    const [seal, body] = [stored.slice(0, stored.indexOf("\n")), stored.slice(stored.indexOf("\n") + 1)];
    const entry = JSON.parse(body) as { value: { assumptions: Array<{ range?: { low: number; high: number }; value?: number }> } };
    const ranged = entry.value.assumptions.find((assumption) => assumption.range !== undefined);
    if (ranged?.range === undefined) throw new Error("the fixture has a ranged assumption");
    ranged.range = { low: ranged.range.low * 1.2, high: ranged.range.high * 1.2 };
    writeFileSync(parsed, `${seal}\n${JSON.stringify(entry)}`);
    changed.push(parsed);
    for (const file of filesUnder(cache).filter((path) => path !== parsed).filter((path) => /[\\/](inputs|engine|charts|chapters|page)[\\/]/.test(path) && /\.(json|v8)$/.test(path) && !path.includes("model-runs"))) {
      const text = readFileSync(file, "latin1");
      const edited = text.replace(/(\n[\s\S]*?)([1-8])/, (_all, before: string, digit: string) => `${before}${Number(digit) + 1}`).replace(/\bthe\b/, "THE CLOWN");
      if (edited === text) continue;
      writeFileSync(file, edited, "latin1");
      changed.push(file);
    }
    for (const kind of ["inputs", "engine", "charts", "chapters", "page"]) expect(changed.some((file) => file.includes(`${kind}`)), kind).toBe(true);
    // The chapters' own entries go, so the chapters run again and read the compiled cells and bundles.
    rmSync(join(cache, "notebooks"), { recursive: true, force: true });
    const rebuilt = cli("build", "--no-pdf");
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(pageOf(root)).toBe(clean.page);
    expect(pageOf(root)).not.toContain("CLOWN");
    expect(readFileSync(join(root, "out", "build", "figures.json"), "utf8")).toBe(clean.figures);
    // And a no-op build after it takes the entries made again.
    const again = cli("build", "--no-pdf");
    expect(again.stderr).toMatch(/render: .*as the last build rendered|reused/);
    expect(pageOf(root)).toBe(clean.page);
  }, 180_000);

  it("are made again when whole and sealed, but swapped: an entry under another key's name is not that key's", () => {
    const { root, cli, clean, cache } = builtProject();
    // Within each cache, every entry takes the next one's whole, sealed content (another chart's drawing,
    // another cell's compiled code, another chapter's page): each seal is unbroken for its content.
    const groups = [
      filesUnder(join(cache, "charts")).filter((path) => /[\\/]charts[\\/][0-9a-f]+\.json$/.test(path)),
      filesUnder(join(cache, "engine")).filter((path) => /[\\/]cell-[0-9a-f]+\.json$/.test(path)),
      filesUnder(join(cache, "chapters")).filter((path) => path.endsWith(".json")),
    ];
    for (const files of groups) {
      expect(files.length).toBeGreaterThan(1);
      const contents = files.map((file) => readFileSync(file));
      files.forEach((file, i) => writeFileSync(file, contents[(i + 1) % files.length] as Buffer));
    }
    rmSync(join(cache, "notebooks"), { recursive: true, force: true });
    rmSync(join(cache, "page"), { recursive: true, force: true });
    const rebuilt = cli("build", "--no-pdf");
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(pageOf(root)).toBe(clean.page);
    expect(readFileSync(join(root, "out", "build", "figures.json"), "utf8")).toBe(clean.figures);
  }, 180_000);
});
