/**
 * The sections cache (build/cache/sections-cache.ts): a rebuild whose notebooks' text is unchanged
 * takes each chapter's sections from out/.cache/inputs/sections.json instead of parsing every code
 * cell again; an edited cell, or another tool, is a miss; what it serves is what parsing gives.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sectionsCached } from "../../../src/build/cache/sections-cache";
import { cellText, type Notebook } from "../../../src/notebook/nbformat";
import { notebookSections } from "../../../src/report/sections";

const repo = join(import.meta.dirname, "..", "..", "..");
const cacheDir = mkdtempSync(join(tmpdir(), "fragtax-sections-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const chapter = (name: string) => ({ notebook: JSON.parse(readFileSync(join(repo, "notebooks", `${name}.ipynb`), "utf8")) as Notebook, relativePath: `notebooks/${name}.ipynb` });
const plain = (found: ReturnType<typeof notebookSections>, cells: number) => ({ sections: found.sections, cells: Array.from({ length: cells + 1 }, (_, cell) => found.sectionOfCell(cell)) });

describe("the sections cache", () => {
  it("serves on a hit what parsing gives, and misses when a cell's text or the tool changes", async () => {
    const chapters = [chapter("05-who-pays"), chapter("08-what-matters")];
    const first = await sectionsCached(cacheDir, chapters, "code-1");
    await first.keep();
    expect(existsSync(join(cacheDir, "inputs", "sections.json"))).toBe(true);
    const hit = await sectionsCached(cacheDir, chapters, "code-1");
    chapters.forEach(({ notebook, relativePath }, i) => {
      const parsed = plain(notebookSections(notebook, relativePath), notebook.cells.length);
      expect(plain(first.value[i]!, notebook.cells.length)).toEqual(parsed);
      expect(plain(hit.value[i]!, notebook.cells.length)).toEqual(parsed);
    });
    // An nb.md template's words edited: the section's prose fingerprint follows (a miss, parsed again).
    const [who, what] = chapters;
    const edited = structuredClone(who!.notebook);
    const cell = edited.cells.findIndex((c) => c.cell_type === "code" && cellText(c.source).includes("nb.md`"));
    edited.cells[cell]!.source = cellText(edited.cells[cell]!.source).replace("nb.md`", "nb.md`Edited words. ");
    const after = await sectionsCached(cacheDir, [{ notebook: edited, relativePath: who!.relativePath }, what!], "code-1");
    const section = after.value[0]!.sectionOfCell(cell + 1);
    const before = first.value[0]!.sections.find((s) => s.id === section);
    const now = after.value[0]!.sections.find((s) => s.id === section);
    expect(now?.proseV2Sha256).not.toBe(before?.proseV2Sha256);
    // Another tool (its code stamp) never takes what this one stored.
    const other = await sectionsCached(cacheDir, chapters, "code-2");
    expect(other.value.map((v) => v.sections)).toEqual(first.value.map((v) => v.sections));
  });
});
