/**
 * The page cache of a no-op rebuild (build/cache/page-cache.ts): a page is reused only for the same
 * key, with this build's time in place of the one it was rendered with; a page with a failed cell is
 * never kept; a damaged entry only costs a render.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPage, pageKey, storePage } from "../../../src/build/cache/page-cache";
import type { RenderedReport } from "../../../src/report/render";

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const cacheDir = (): string => {
  const folder = mkdtempSync(join(tmpdir(), "fragtax-page-cache-"));
  folders.push(folder);
  return folder;
};

const OLD = "2026-11-30T01:00:00.000Z";
const NEW = "2026-11-30T02:00:00.000Z";
const page = (failed = false): RenderedReport => ({
  html: `<p>Built ${OLD}</p><meta content="${OLD}">`,
  chapters: [{ number: 1, title: "One", charts: 2 }],
  charts: 2,
  failedCells: failed ? [{ chapter: 1, cell: 3, where: "notebooks/01.ipynb cell 3", message: "boom" }] : [],
  warnings: ["a warning"],
});

describe("the page cache", () => {
  it("keys on the inputs: equal inputs, equal keys; any change, another key", () => {
    const inputs = { chapters: [{ notebook: { cells: [1, 2] } }], provenance: { git: { commit: "abc", dirty: false } } };
    expect(pageKey(inputs)).toBe(pageKey(structuredClone(inputs)));
    expect(pageKey(inputs)).not.toBe(pageKey({ ...inputs, provenance: { git: { commit: "abd", dirty: false } } }));
    expect(pageKey(inputs)).not.toBe(pageKey({ ...inputs, chapters: [{ notebook: { cells: [1, 3] } }] }));
  });

  it("gives the stored page back for its key only, with this build's time wherever the old one was", async () => {
    const dir = cacheDir();
    await storePage(dir, "key-1", OLD, page());
    const reused = await loadPage(dir, "key-1", NEW);
    expect(reused?.html).toBe(`<p>Built ${NEW}</p><meta content="${NEW}">`);
    expect(reused && { ...reused, html: "" }).toEqual({ ...page(), html: "" });
    expect(await loadPage(dir, "key-2", NEW)).toBeUndefined();
  });

  it("never keeps a page with a failed cell, and treats a damaged entry as missing", async () => {
    const dir = cacheDir();
    await storePage(dir, "key-1", OLD, page(true));
    expect(await loadPage(dir, "key-1", NEW)).toBeUndefined();
    await storePage(dir, "key-1", OLD, page());
    writeFileSync(join(dir, "page", "key-1.json"), '{"format":2,"key":"key-1","builtAt":');
    expect(await loadPage(dir, "key-1", NEW)).toBeUndefined();
  });

  it("keeps one page, in a file named by its key (a changed page is a missing file, not another to read)", async () => {
    const dir = cacheDir();
    mkdirSync(join(dir, "page"));
    writeFileSync(join(dir, "page", "entry.json"), "{}"); // the one page, as the cache named it before
    await storePage(dir, "key-1", OLD, page());
    await storePage(dir, "key-2", OLD, page());
    expect(readdirSync(join(dir, "page"))).toEqual(["key-2.json"]);
    expect(await loadPage(dir, "key-1", NEW)).toBeUndefined();
    expect((await loadPage(dir, "key-2", NEW))?.html).toBe(`<p>Built ${NEW}</p><meta content="${NEW}">`);
  });
});
