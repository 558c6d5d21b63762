/**
 * The chapter cache (build/cache/chapter-cache.ts, report/render.ts `renderOrTake`): a rebuild takes
 * the chapters whose render would read the same things and renders the others, and the page is the
 * page a render without the cache gives, heading ids included; a failed chapter, a changed image or
 * a damaged entry is rendered again; a render keeps only its own chapters.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chapterCache, type ChapterCache } from "../../../src/build/cache/chapter-cache";
import type { Notebook } from "../../../src/notebook/nbformat";
import { chapterKey, renderReport, type ReportInput } from "../../../src/report/render";
import { fixtureInput } from "../../report/fixture";
import { tempFolders } from "../../project";

const folders = tempFolders();
const tempDir = (): string => folders.scratch("fragtax-chapter-cache-");

const readBytes = async (path: string): Promise<Uint8Array> => readFile(path);

/** A notebook of markdown cells (each a cell's text). */
function notebook(...cells: string[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((source, i) => ({ cell_type: "markdown", id: `m${i}`, metadata: {}, source })),
  } as Notebook;
}

/** The fixture report with its chapters replaced by these notebooks (in `baseDir` when given). */
function report(notebooks: readonly Notebook[], baseDir?: string): ReportInput {
  const input = fixtureInput();
  return {
    ...input,
    chapters: notebooks.map((nb, i) => ({ number: i + 1, relativePath: `notebooks/0${i + 1}.ipynb`, notebook: nb, ...(baseDir !== undefined && { baseDir }) })),
  };
}

/** The cache, counting the chapters it gave back. */
function counted(cache: ChapterCache): ChapterCache & { taken: number } {
  const counting = {
    ...cache,
    taken: 0,
    load: async (key: string) => {
      const kept = await cache.load(key);
      if (kept !== undefined) counting.taken += 1;
      return kept;
    },
  };
  return counting;
}

const ids = (html: string): string[] => [...html.matchAll(/<h2 id="([^"]+)"/g)].map((match) => match[1] ?? "");

describe("the chapter cache", () => {
  it("takes the chapters that did not change, renders the one that did, and gives the page a full render gives", async () => {
    const dir = tempDir();
    const root = fixtureInput().config.root;
    const first = report([notebook("# One\n\nAlpha."), notebook("# Two\n\nBeta."), notebook("# Three\n\nGamma.")]);
    const cache = counted(chapterCache(dir, root, () => [], readBytes));
    await renderReport(first, cache);
    expect(cache.taken).toBe(0);
    expect(readdirSync(join(dir, "chapters"))).toHaveLength(3);

    const second = report([notebook("# One\n\nAlpha."), notebook("# Two\n\nBeta, changed."), notebook("# Three\n\nGamma.")]);
    const again = counted(chapterCache(dir, root, () => [], readBytes));
    const page = await renderReport(second, again);
    expect(again.taken).toBe(2);
    expect(page.chaptersTaken).toBe(2);
    expect(page.html).toContain("Beta, changed.");
    expect(page.html).toBe((await renderReport(second)).html);
    expect({ ...page, chaptersTaken: 0 }).toEqual({ ...(await renderReport(second)), chaptersTaken: 0 });
  });

  it("keeps heading ids unique report-wide: a taken chapter's ids count, and a chapter after a changed heading is rendered again", async () => {
    const dir = tempDir();
    const root = fixtureInput().config.root;
    const start = report([notebook("# One\n\n## Method\n\nFirst."), notebook("# Two\n\n## Method\n\nSecond.")]);
    await renderReport(start, chapterCache(dir, root, () => [], readBytes));

    // Chapter 1 taken from the cache: chapter 2, rendered again, must still see its "method".
    const secondChanged = report([notebook("# One\n\n## Method\n\nFirst."), notebook("# Two\n\n## Method\n\nSecond, edited.")]);
    const taken = counted(chapterCache(dir, root, () => [], readBytes));
    const page = await renderReport(secondChanged, taken);
    expect(taken.taken).toBe(1);
    expect(ids(page.html)).toEqual(["method", "method-1"]);
    expect(page.html).toBe((await renderReport(secondChanged)).html);

    // Chapter 1 drops its heading: chapter 2's text is as before, but its id is now "method".
    const firstChanged = report([notebook("# One\n\nFirst, no heading."), notebook("# Two\n\n## Method\n\nSecond, edited.")]);
    const after = counted(chapterCache(dir, root, () => [], readBytes));
    const next = await renderReport(firstChanged, after);
    expect(after.taken).toBe(0);
    expect(ids(next.html)).toEqual(["method"]);
    expect(next.html).toBe((await renderReport(firstChanged)).html);
  });

  it("keys on what else a render reads: a chart data file's contents, the chapter's number", () => {
    const root = fixtureInput().config.root;
    const chapter = report([notebook("# One")]).chapters[0];
    if (chapter === undefined) throw new Error("no chapter");
    const keyWith = (data: readonly (readonly [string, string | null])[]): string => chapterKey(chapter, [], chapterCache(tempDir(), root, () => data, readBytes).extra(chapter));
    expect(keyWith([["data.csv", "aa"]])).toBe(keyWith([["data.csv", "aa"]]));
    expect(keyWith([["data.csv", "aa"]])).not.toBe(keyWith([["data.csv", "bb"]]));
    expect(keyWith([["data.csv", "aa"]])).not.toBe(keyWith([["data.csv", null]]));
    expect(chapterKey(chapter, [], null)).not.toBe(chapterKey({ ...chapter, number: 2 }, [], null));
    expect(chapterKey(chapter, ["a", "b"], null)).toBe(chapterKey(chapter, ["b", "a"], null));
  });

  it("never keeps a chapter with a failed cell: it is rendered, and reported, every time", async () => {
    const dir = tempDir();
    const input = fixtureInput(); // its second chapter has a cell that fails
    const cache = counted(chapterCache(dir, input.config.root, () => [], readBytes));
    const first = await renderReport(input, cache);
    expect(first.failedCells.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, "chapters"))).toHaveLength(1);
    const again = counted(chapterCache(dir, input.config.root, () => [], readBytes));
    const second = await renderReport(input, again);
    expect(again.taken).toBe(1);
    expect(second.failedCells).toEqual(first.failedCells);
    expect(second.html).toBe(first.html);
  });

  it("renders a chapter again when an image its markdown inlined changed, or its entry is damaged", async () => {
    const dir = tempDir();
    const root = tempDir();
    const svg = (fill: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="${fill}"/></svg>`;
    writeFileSync(join(root, "pic.svg"), svg("red"));
    const input = report([notebook("# One\n\n![a picture](pic.svg)")], root);
    await renderReport({ ...input, config: { ...input.config, root } }, chapterCache(dir, root, () => [], readBytes));

    writeFileSync(join(root, "pic.svg"), svg("blue"));
    const changed = counted(chapterCache(dir, root, () => [], readBytes));
    const page = await renderReport({ ...input, config: { ...input.config, root } }, changed);
    expect(changed.taken).toBe(0);
    expect(page.html).toContain(Buffer.from(svg("blue")).toString("base64"));

    for (const name of readdirSync(join(dir, "chapters"))) writeFileSync(join(dir, "chapters", name), '{"chapter":{"html":');
    const damaged = counted(chapterCache(dir, root, () => [], readBytes));
    expect((await renderReport({ ...input, config: { ...input.config, root } }, damaged)).html).toBe(page.html);
    expect(damaged.taken).toBe(0);
  });

  it("keeps only the chapters of the last render, and what a killed write left once it is old", async () => {
    const dir = tempDir();
    const root = fixtureInput().config.root;
    await renderReport(report([notebook("# One"), notebook("# Two")]), chapterCache(dir, root, () => [], readBytes));
    const folder = join(dir, "chapters");
    const old = join(folder, ".x.json.123.0123abcd.tmp");
    const fresh = join(folder, ".y.json.123.4567cdef.tmp");
    writeFileSync(old, "{");
    writeFileSync(fresh, "{");
    utimesSync(old, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    const before = readdirSync(folder).filter((name) => name.endsWith(".json"));

    const cache = chapterCache(dir, root, () => [], readBytes);
    await renderReport(report([notebook("# One"), notebook("# Two, renamed")]), cache);
    await cache.prune();
    const after = readdirSync(folder);
    expect(after.filter((name) => name.endsWith(".json"))).toHaveLength(2);
    expect(after.filter((name) => before.includes(name))).toHaveLength(1); // chapter 1's entry stays, chapter 2's old one went
    expect(after).toContain(".y.json.123.4567cdef.tmp"); // maybe another build's write in progress
    expect(after).not.toContain(".x.json.123.0123abcd.tmp");
  });

  it("stops the render with the cache's path when it cannot be written", async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "chapters"), "a file where the folder goes");
    const root = fixtureInput().config.root;
    await expect(renderReport(report([notebook("# One")]), chapterCache(dir, root, () => [], readBytes))).rejects.toThrow(/out\/\.cache\/chapters/);
  });
});
