/**
 * The chart cache is bounded (src/charts/cache.ts `pruneChartCacheBehind`, util/prune.ts): a read of
 * a drawing, a compile or a valid-spec marker marks it used (its mtime, behind the build), so a prune
 * removes the entries used longest ago, not the ones a build just read; a prune within a minute of the
 * last does nothing; and a build-like sequence of redrawn charts keeps the folder within its budget
 * while the last states still hit. (Through real builds: cache-prune-build.test.ts.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { knownValid, pruneChartCacheBehind, readChart, rememberValid, useChartCache, writeChart } from "../../src/charts/cache";
import type { CompileSteps } from "../../src/charts/compiled";
import { renderChart } from "../../src/charts/render";
import { writesBehindSettled } from "../../src/util/atomic";
import { prunedStamp } from "../../src/util/prune";

/** Each test's own chart cache, as a build names it (`useChartCache`), under one temporary folder. */
const root = mkdtempSync(join(tmpdir(), "fragtax-chart-prune-"));
let caches = 0;
const freshCache = (): string => {
  const dir = join(root, `charts-${caches++}`);
  mkdirSync(dir);
  useChartCache(dir);
  return dir;
};
afterAll(async () => {
  await writesBehindSettled();
  useChartCache(undefined);
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

/** A folder pruned at most every ten minutes, by any process (its stamp's time): as if the last prune were long ago. */
const longAgo = (dir: string): void => {
  const stamp = prunedStamp(dir);
  if (existsSync(stamp)) utimesSync(stamp, Date.now() / 1000 - 3600, Date.now() / 1000 - 3600);
};

/** The build's prune: started behind (if due), and waited for with the other writes behind. */
async function prune(budget: number): Promise<boolean> {
  const started = pruneChartCacheBehind(budget);
  await writesBehindSettled();
  return started;
}

/** The cache's files, its compiles (`compiled/…`) included. */
const files = (dir: string): string[] => {
  const compiles = existsSync(join(dir, "compiled")) ? readdirSync(join(dir, "compiled")).map((name) => join("compiled", name)) : [];
  return [...readdirSync(dir).filter((name) => name !== "compiled"), ...compiles].sort();
};
const bytes = (dir: string): number => files(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
const mtime = (path: string): number => statSync(path).mtimeMs;
/** Marks `path` as last used `agoS` seconds ago. */
const usedAgo = (path: string, agoS: number): void => utimesSync(path, Date.now() / 1000 - agoS, Date.now() / 1000 - agoS);

const drawing = (n: number) => ({ markup: `<svg>${"x".repeat(2000)}${n}</svg>`, width: 10, height: 10, notes: [] });

describe("the chart cache's prune", () => {
  it("keeps a drawing read from the disk over older-used ones, though it was written first", async () => {
    const dir = freshCache();
    for (const key of ["a", "b", "c"]) writeChart(key, drawing(1));
    await writesBehindSettled();
    ["a", "b", "c"].forEach((key, i) => usedAgo(join(dir, `${key}.json`), 300 - i * 100)); // a used longest ago
    useChartCache(dir); // the next build: nothing in memory, read from the disk
    expect(await readChart("a")).toMatchObject({ width: 10 });
    await writesBehindSettled(); // the touch lands behind the read
    expect(mtime(join(dir, "a.json"))).toBeGreaterThan(mtime(join(dir, "c.json")));
    expect(await prune(bytes(dir) - 1)).toBe(true); // just over: down to half, one drawing
    expect(files(dir)).toEqual(["a.json"]);
  });

  it("keeps a compile read from the disk (by a new process) over older-used ones, in compiled/", async () => {
    const dir = freshCache();
    const steps: CompileSteps = { compile: (spec) => ({ ...spec }), parse: () => ({ runtime: true }), code: "test" };
    const spec = (mark: string) => ({ data: { values: [{ n: 1 }] }, mark });
    /** `compiledChart` in a new process: nothing kept in memory, its own writes behind, waited for. */
    const compileAnew = async (mark: string): Promise<void> => {
      vi.resetModules();
      const { compiledChart } = await import("../../src/charts/compiled");
      compiledChart(spec(mark), steps, join(dir, "compiled"));
      await (await import("../../src/util/atomic")).writesBehindSettled();
    };
    await compileAnew("bar");
    const [bar] = files(dir);
    for (const mark of ["line", "point"]) await compileAnew(mark);
    const compiles = files(dir);
    expect(compiles).toHaveLength(3);
    compiles.forEach((name, i) => usedAgo(join(dir, name), name === bar ? 400 : 300 - i)); // the bar's used longest ago
    await compileAnew("bar"); // read from the disk
    expect(mtime(join(dir, bar as string))).toBeGreaterThan(Date.now() - 60_000);
    expect(await prune(bytes(dir) - 1)).toBe(true); // just over: down to half, one compile
    expect(files(dir)).toEqual([bar]);
  });

  it("marks a valid-spec marker it finds as used", async () => {
    const dir = freshCache();
    await rememberValid("k");
    usedAgo(join(dir, "valid-k"), 300);
    expect(await knownValid("k")).toBe(true);
    await writesBehindSettled();
    expect(mtime(join(dir, "valid-k"))).toBeGreaterThan(Date.now() - 60_000);
  });

  it("prunes nothing within its budget, nor within ten minutes of the last prune, by this process or another", async () => {
    const dir = freshCache();
    for (const key of ["a", "b", "c"]) writeChart(key, drawing(2));
    await writesBehindSettled();
    const all = files(dir);
    expect(await prune(bytes(dir))).toBe(true); // within its budget: kept
    expect(files(dir)).toEqual(all);
    useChartCache(dir); // a rebuild in the same minute: not listed again
    expect(await prune(1)).toBe(false);
    expect(files(dir)).toEqual(all);
  });
});

describe("a build-like sequence of redrawn charts", () => {
  it("stays within the budget, and the last states still hit", async () => {
    const dir = freshCache();
    const place = { where: "nb.ipynb: cell 1", baseDir: tmpdir(), root: tmpdir(), idPrefix: "vc1-1-o1" };
    // One chart whose numbers change at each build (an assumption edited in `fragtax dev`): a drawing for
    // the page and one for phones each time (~16 KB each), its two compiles (~29 KB each) once.
    const chart = (build: number) => ({ data: { values: Array.from({ length: 20 }, (_, i) => ({ k: `k${i}`, n: i * build + 1 })) }, mark: "bar", encoding: { x: { field: "k", type: "nominal" }, y: { field: "n", type: "quantitative" } } });
    const BUDGET = 240_000;
    let written = 0;
    let lastState: string[] = [];
    for (let build = 0; build < 24; build++) {
      longAgo(dir);
      // As a build does: the cache named, the prune started once its chapters run, then their charts drawn.
      useChartCache(dir);
      await prune(BUDGET);
      expect(bytes(dir)).toBeLessThanOrEqual(BUDGET);
      expect(files(dir)).toEqual(expect.arrayContaining(lastState)); // what the build before drew is kept
      const before = new Set(files(dir));
      await renderChart(chart(build), place);
      await writesBehindSettled();
      lastState = files(dir).filter((name) => !before.has(name));
      written += lastState.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    }
    expect(written).toBeGreaterThan(3 * BUDGET); // unpruned, the folder would hold all of it
    // Undoing the last edit: the drawing of the build before is still there, and read, not drawn again.
    const kept = files(dir);
    useChartCache(dir);
    await renderChart(chart(22), place);
    await writesBehindSettled();
    expect(files(dir)).toEqual(kept);
  });
});
