/**
 * The page cache of a no-op rebuild (build/cache/page-cache.ts): a page is reused only for the same
 * key and only while out/build/report.html is the page its entry names, with this build's time in
 * place of the one it was rendered with; a page with a failed cell is never kept; a damaged entry only
 * costs a render.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadPage, pageKey, pageSource, storePage } from "../../../src/build/cache/page-cache";
import type { RenderedReport } from "../../../src/report/render";

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const cacheDir = (): string => {
  const folder = mkdtempSync(join(tmpdir(), "fragtax-page-cache-"));
  folders.push(folder);
  return folder;
};

/** An out/build/ holding `report`'s page built at `builtAt`, as the build writes it (the page and its log). */
const written = (report: RenderedReport, builtAt = OLD, out = cacheDir()): string => {
  writeFileSync(join(out, "report.html"), report.html.split(OLD).join(builtAt));
  writeFileSync(join(out, "build-log.json"), JSON.stringify({ builtAt }));
  return out;
};
/** What the build keeps: the page's record, named by its source. */
const store = (dir: string, key: string, report: RenderedReport): Promise<void> => storePage(dir, key, pageSource(report.html, OLD), report);

const OLD = "2026-11-30T01:00:00.000Z";
const NEW = "2026-11-30T02:00:00.000Z";
const page = (failed = false): RenderedReport => ({
  html: `<p>Built ${OLD}</p><meta content="${OLD}">`,
  chapters: [{ number: 1, title: "One", charts: 2 }],
  charts: 2,
  failedCells: failed ? [{ failed: "ran", chapter: 1, cell: 3, where: "notebooks/01.ipynb cell 3", message: "boom" }] : [],
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
    const out = written(page());
    await store(dir, "key-1", page());
    const reused = await loadPage(dir, "key-1", NEW, out);
    expect(reused?.html).toBe(`<p>Built ${NEW}</p><meta content="${NEW}">`);
    expect(reused && { ...reused, html: "" }).toEqual({ ...page(), html: "" });
    expect(await loadPage(dir, "key-2", NEW, out)).toBeUndefined();
  });

  it("keeps what the build reports about the page, not the page: its HTML is the one out/build holds", async () => {
    const dir = cacheDir();
    const big: RenderedReport = { ...page(), html: `<p>Built ${OLD}</p>${"<p>text</p>".repeat(20_000)}` };
    const out = written(big);
    await store(dir, "key-1", big);
    expect(statSync(join(dir, "page", "key-1.json")).size).toBeLessThan(2_000);
    expect(readFileSync(join(dir, "page", "key-1.json"), "utf8")).not.toContain("<p>text</p>");
    expect((await loadPage(dir, "key-1", NEW, out))?.html).toBe(big.html.replace(OLD, NEW));
  });

  it("takes out/build's page whatever build time its log gives, as long as it is the same page: a reused page needs no new record", async () => {
    const dir = cacheDir();
    await store(dir, "key-1", page());
    // Written by a later build that reused it (another build time), or by the one that rendered it.
    for (const builtAt of [OLD, NEW]) {
      const out = written(page(), builtAt);
      expect((await loadPage(dir, "key-1", "2026-11-30T03:00:00.000Z", out))?.html, builtAt).toBe(page().html.split(OLD).join("2026-11-30T03:00:00.000Z"));
    }
  });

  it("renders again when out/build/report.html is not the page its record names: edited, of another length, another build's, missing, or without its log", async () => {
    const dir = cacheDir();
    await store(dir, "key-1", page());
    const out = written(page());
    writeFileSync(join(out, "report.html"), page().html.replace("Built", "Bui1t")); // the same length
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
    writeFileSync(join(out, "report.html"), `${page().html} `);
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
    written({ ...page(), html: page().html.replace("Built", "Drawn") }, OLD, out);
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
    written(page(), OLD, out);
    expect(await loadPage(dir, "key-1", NEW, out)).toBeDefined();
    writeFileSync(join(out, "build-log.json"), JSON.stringify({ builtAt: "2026-11-30T04:00:00.000Z" })); // not the time the page shows
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
    rmSync(join(out, "build-log.json"));
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
    written(page(), OLD, out);
    rmSync(join(out, "report.html"));
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
  });

  it("never keeps a page with a failed cell, and treats a damaged entry as missing", async () => {
    const dir = cacheDir();
    const out = written(page(true));
    await store(dir, "key-1", page(true));
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
    await store(dir, "key-1", page());
    writeFileSync(join(dir, "page", "key-1.json"), '{"format":3,"key":"key-1","source":');
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
  });

  it("keeps one page, in a file named by its key (a changed page is a missing file, not another to read)", async () => {
    const dir = cacheDir();
    const out = written(page());
    mkdirSync(join(dir, "page"));
    writeFileSync(join(dir, "page", "entry.json"), "{}"); // the one page, as the cache named it before
    await store(dir, "key-1", page());
    await store(dir, "key-2", page());
    expect(readdirSync(join(dir, "page"))).toEqual(["key-2.json"]);
    expect(await loadPage(dir, "key-1", NEW, out)).toBeUndefined();
    expect((await loadPage(dir, "key-2", NEW, out))?.html).toBe(`<p>Built ${NEW}</p><meta content="${NEW}">`);
  });
});
