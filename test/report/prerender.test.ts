/**
 * A build draws each chapter's charts into the chart cache as soon as the chapter has run
 * (`prerenderCharts`), so the render step reads them: the drawing must be the one the render step
 * makes itself, a chart that cannot be drawn must not throw (the render step reports it in place),
 * and a `remove-cell` cell is not drawn.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useChartCache } from "../../src/charts/cache";
import { renderChart } from "../../src/charts/render";
import { VEGA_LITE_MIME } from "../../src/api/types";
import type { Notebook } from "../../src/notebook/nbformat";
import { prerenderCharts } from "../../src/report/render";
import { writesBehindSettled } from "../../src/util/atomic";

const dirs: string[] = [];
const freshCache = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "fragtax-prerender-"));
  dirs.push(dir);
  useChartCache(dir);
  return dir;
};
afterAll(() => {
  useChartCache(undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const spec = (title: string) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  title,
  data: { values: [{ k: "a", n: 3 }, { k: "b", n: 5 }] },
  mark: "bar",
  encoding: { x: { field: "k", type: "nominal" }, y: { field: "n", type: "quantitative" } },
});

const notebookWith = (specs: readonly unknown[], tags: readonly string[] = []): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: specs.map((s, i) => ({ cell_type: "code", id: `c${i}`, metadata: { tags: [...tags] }, execution_count: 1, source: "", outputs: [{ output_type: "display_data", metadata: {}, data: { [VEGA_LITE_MIME]: s } }] })),
}) as Notebook;

const place = { where: "nb.ipynb: cell 1", baseDir: tmpdir(), root: tmpdir(), idPrefix: "vc1-1-o1" };

describe("prerenderCharts", () => {
  it("stores the drawing the render step would make, which the render step then reads", async () => {
    useChartCache(undefined);
    const drawnFresh = await renderChart(spec("Fresh"), place); // no cache: drawn here
    const dir = freshCache();
    await prerenderCharts(notebookWith([spec("Fresh")]), tmpdir(), tmpdir());
    await writesBehindSettled(); // the drawing is written behind (a build waits for it before its outputs)
    expect(readdirSync(dir).filter((f) => f.endsWith(".json")).length).toBeGreaterThan(0);
    const fromCache = await renderChart(spec("Fresh"), place);
    expect(fromCache.markup).toBe(drawnFresh.markup);
    expect(fromCache.warnings).toEqual(drawnFresh.warnings);
  });

  it("a chart that cannot be drawn does not throw; a remove-cell cell is not drawn", async () => {
    const dir = freshCache();
    await expect(prerenderCharts(notebookWith([{ mark: "nonsense-mark", data: { values: [] } }, "{not json"]), tmpdir(), tmpdir())).resolves.toBeUndefined();
    await prerenderCharts(notebookWith([spec("Removed")], ["remove-cell"]), tmpdir(), tmpdir());
    await writesBehindSettled();
    expect(readdirSync(dir).filter((f) => f.endsWith(".json"))).toEqual([]);
  });
});
