/**
 * A build's input files parsed once per content (src/build/cache/parsed-inputs.ts), with the real
 * build() on the incremental fixture project. Which parse a build used shows in its outputs: a
 * cached entry is altered on purpose (same key, another value), so a build that took it says so in
 * report.html or errata.json, and one that parsed the file again does not.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../../src/build/pipeline";
import { tempProject, type TempProject } from "../../project";
import { sealedJson, unsealedJson } from "../../../src/util/sealed";

let project: TempProject;
const file = (path: string): string => join(project.root, path);
const entryFile = (kind: string): string => file(`out/.cache/inputs/${kind}.json`);
const quiet = (): FileBuildEffects => new FileBuildEffects(() => undefined);
let reportYaml = "";

/** Rewrites the value of a cached entry, keeping its key. */
function alterEntry(kind: string, change: (value: Record<string, unknown> & unknown[]) => void): void {
  const entry = unsealedJson(readFileSync(entryFile(kind), "utf8"), `${kind}.json`) as { value: Record<string, unknown> & unknown[] };
  change(entry.value);
  // Sealed again (sealed.ts): an entry edited without its seal is a miss, tested below.
  writeFileSync(entryFile(kind), sealedJson(entry, `${kind}.json`));
}

beforeAll(async () => {
  project = tempProject("incremental");
  await build({ root: project.root, pdf: false }, quiet());
  // An errata file whose one entry points at a section and a figure this report has.
  const section = (JSON.parse(readFileSync(file("out/build/sections.json"), "utf8")) as Array<{ id: string }>)[0]?.id ?? "";
  writeFileSync(
    file("notebooks/errata.yaml"),
    ["errata:", "  - id: first_fix", "    version: 2026-01-01", `    section: "${section}"`, "    figures: [alpha_twice]", "    was: The old wording.", "    now: The new wording.", ""].join("\n"),
  );
  reportYaml = `${readFileSync(file("notebooks/report.yaml"), "utf8")}errata: errata.yaml\n`;
  writeFileSync(file("notebooks/report.yaml"), reportYaml);
  const result = await build({ root: project.root, pdf: false }, quiet());
  expect(result.exitCode).toBe(0);
}, 60_000);
afterAll(() => project.remove());

const html = (): string => readFileSync(file("out/build/report.html"), "utf8");
const errataNow = (): string[] => (JSON.parse(readFileSync(file("out/build/errata.json"), "utf8")) as Array<{ now: string }>).map((entry) => entry.now);

describe("parsed input files", () => {
  it("an unchanged report.yaml is taken from the cache; an edited one is parsed again", async () => {
    alterEntry("report", (config) => (config.title = "Title From The Cache"));
    await build({ root: project.root, pdf: false }, quiet());
    expect(html()).toContain("Title From The Cache");

    writeFileSync(file("notebooks/report.yaml"), reportYaml.replace("Incremental fixture", "Incremental fixture, edited"));
    await build({ root: project.root, pdf: false }, quiet());
    expect(html()).toContain("Incremental fixture, edited");
    expect(html()).not.toContain("Title From The Cache");
    writeFileSync(file("notebooks/report.yaml"), reportYaml);
  }, 60_000);

  it("an unchanged errata file is taken from the cache; an edited one is parsed again", async () => {
    await build({ root: project.root, pdf: false }, quiet());
    alterEntry("errata", (errata) => ((errata[0] as { now: string }).now = "Wording from the cache."));
    await build({ root: project.root, pdf: false }, quiet());
    expect(errataNow()).toEqual(["Wording from the cache."]);

    writeFileSync(file("notebooks/errata.yaml"), readFileSync(file("notebooks/errata.yaml"), "utf8").replace("The new wording.", "The newer wording."));
    await build({ root: project.root, pdf: false }, quiet());
    expect(errataNow()).toEqual(["The newer wording."]);
  }, 60_000);

  it("a chapter deleted after its report.yaml was cached is reported at its line, as without the cache", async () => {
    await build({ root: project.root, pdf: false }, quiet());
    expect(existsSync(entryFile("report"))).toBe(true);
    const chapter = readFileSync(file("notebooks/02-beta.ipynb"), "utf8");
    unlinkSync(file("notebooks/02-beta.ipynb"));
    try {
      await expect(build({ root: project.root, pdf: false }, quiet())).rejects.toThrow(/report\.yaml:5:\d+.*02-beta\.ipynb/s);
    } finally {
      writeFileSync(file("notebooks/02-beta.ipynb"), chapter);
    }
  }, 60_000);

  it("a chapter or the assumptions file swapped for a link out of the project after report.yaml was cached is refused, as without the cache", async () => {
    await build({ root: project.root, pdf: false }, quiet());
    expect(existsSync(entryFile("report"))).toBe(true);
    const outside = mkdtempSync(join(tmpdir(), "fragtax-outside-"));
    try {
      for (const name of ["02-beta.ipynb", "assumptions.yaml"]) {
        const inside = file(`notebooks/${name}`);
        renameSync(inside, join(outside, name));
        symlinkSync(join(outside, name), inside);
        try {
          await expect(build({ root: project.root, pdf: false }, quiet())).rejects.toThrow(new RegExp(`report\\.yaml:\\d+:\\d+: .*${name.replace(".", "\\.")} is a symbolic link to .*outside the project`));
        } finally {
          unlinkSync(inside);
          renameSync(join(outside, name), inside);
        }
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  }, 60_000);

  it("a report.yaml with a problem is never cached, and a damaged entry only costs a parse", async () => {
    await build({ root: project.root, pdf: false }, quiet());
    const cached = readFileSync(entryFile("report"), "utf8");
    writeFileSync(file("notebooks/report.yaml"), reportYaml.replace("montecarlo: { samples: 100, seed: 1 }", "montecarlo: { samples: 100, seeds: 1 }"));
    await expect(build({ root: project.root, pdf: false }, quiet())).rejects.toThrow(/report\.yaml:\d+:\d+.*seeds/s);
    expect(readFileSync(entryFile("report"), "utf8")).toBe(cached);

    writeFileSync(file("notebooks/report.yaml"), reportYaml);
    writeFileSync(entryFile("report"), "{ not json");
    const result = await build({ root: project.root, pdf: false }, quiet());
    expect(result.exitCode).toBe(0);
    expect(html()).toContain("Incremental fixture");
    expect(unsealedJson(readFileSync(entryFile("report"), "utf8"), "report.json")).toMatchObject({ value: { title: "Incremental fixture" } });
  }, 60_000);

  it("an entry stored under another key (another text, name or code stamp) is not used", async () => {
    await build({ root: project.root, pdf: false }, quiet());
    const entry = unsealedJson(readFileSync(entryFile("report"), "utf8"), "report.json") as { key: string; value: { title: string } };
    // An altered value under another key: not a hit, so the altered title never shows.
    writeFileSync(entryFile("report"), sealedJson({ ...entry, key: entry.key.replace(/^./, (c) => (c === "0" ? "1" : "0")), value: { ...entry.value, title: "Stale Title" } }, "report.json"));
    await build({ root: project.root, pdf: false }, quiet());
    expect(html()).not.toContain("Stale Title");
    rmSync(entryFile("report"));
  }, 60_000);
});
