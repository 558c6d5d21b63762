/**
 * The stale-prose guard counts only prose as "the words changed" (report/sections.ts, v2 fingerprint):
 * a section's markdown and the literal text of its nb.md templates. A string literal edited in its
 * code (a chart colour, an id, a path) left the guard off: the run's cost doubled, an unused
 * `const unusedColour = "steelblue"` went into the section's code cell, and publish went through
 * without --reviewed, recording no review. Real builds of test/fixtures/project through the real CLI.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fragtax } from "../published-project";
import { tempProject, type TempProject } from "../project";

const SECTION = "01-price#the-price-of-a-training-run";
let project: TempProject;

/** Rewrites cell `index` (0-based) of notebooks/01-price.ipynb. */
function editCell(index: number, edit: (source: string) => string): void {
  const file = join(project.root, "notebooks", "01-price.ipynb");
  const notebook = JSON.parse(readFileSync(file, "utf8")) as { cells: Array<{ source: string | string[] }> };
  const cell = notebook.cells[index] as { source: string | string[] };
  const before = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
  cell.source = edit(before);
  expect(cell.source).not.toBe(before);
  writeFileSync(file, JSON.stringify(notebook));
}

const run = async (...args: string[]) => fragtax([...args, "--root", project.root], { cwd: project.root });

beforeAll(async () => {
  project = tempProject();
  const built = await run("build");
  expect(built.code, built.stderr).toBe(0);
  const published = await run("publish");
  expect(published.code, published.stderr).toBe(0);
  // The run's GPU-hours doubled: its cost moves +100% under the section's unchanged words.
  const assumptions = join(project.root, "notebooks", "assumptions.yaml");
  const text = readFileSync(assumptions, "utf8");
  expect(text).toContain("value: 10000000");
  writeFileSync(assumptions, text.replace("value: 10000000", "value: 20000000"));
}, 180_000);

afterAll(() => project.remove());

describe("prose to re-read after an edit of the section's code", () => {
  it("a string literal added to the section's code is not its words re-read: the build lists it, publish refuses it", async () => {
    // Cell 3 declares run_cost_usd, under the chapter's first heading.
    editCell(2, (source) => `${source}\nconst unusedColour = "steelblue"; // a chart colour, never shown\n`);
    const built = await run("build");
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain("publish will refuse these sections");
    expect(built.stderr).toMatch(new RegExp(`${SECTION}[\\s\\S]*figure run_cost_usd: \\$25M → \\$50M \\(\\+100%\\)`));
    const refused = await run("publish");
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain("publish refused: since");
    expect(refused.stderr).toContain(SECTION);
  }, 180_000);

  it("an edit of the section's prose is: publish goes through without --reviewed, and records no review", async () => {
    editCell(0, (source) => source.replace("What one frontier run costs at today's rental prices.", "What one frontier run costs at today's rental prices, for a run twice as long as before."));
    const built = await run("build");
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain("publish will refuse");
    const published = await run("publish");
    expect(published.code, published.stderr).toBe(0);
    expect(published.stderr).toContain("Prose to re-read: none");
    const id = /\d{4}-\d{2}-\d{2}-2/.exec(published.stderr + published.stdout)?.[0] ?? "";
    const manifest = JSON.parse(readFileSync(join(project.root, "out", "reports", id, "manifest.json"), "utf8")) as { prose: unknown };
    expect(manifest.prose).toEqual({ guard: "checked", reviewed: [] });
  }, 180_000);
});
