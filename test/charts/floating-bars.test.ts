/**
 * Bars spanning x to x2 with a quantity on y and no y2, not binned: Vega-Lite draws dashes, and the
 * build says so. Checked on specs (charts/floating-bars.ts) and on what a drawing really shows.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { floatingBars } from "../../src/charts/floating-bars";
import { renderChart } from "../../src/charts/render";
import type { Notebook } from "../../src/notebook/nbformat";
import { chartSpecProblems } from "../../src/report/chart-outputs";

const bins = [{ x0: 0, x1: 1, count: 10 }, { x0: 1, x1: 2, count: 40 }, { x0: 2, x1: 3, count: 25 }];
const histogram = (x: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  data: { values: bins },
  mark: "bar",
  encoding: { x: { field: "x0", type: "quantitative", ...x }, x2: { field: "x1" }, y: { field: "count", type: "quantitative" }, ...extra },
});

describe("floating bars", () => {
  it("finds a histogram of prepared bins without bin: \"binned\", and nothing once it is binned or given y2", () => {
    expect(floatingBars(histogram({}))).toEqual([{ path: "the spec", span: "x", value: "y" }]);
    expect(floatingBars(histogram({ bin: "binned" }))).toEqual([]);
    expect(floatingBars(histogram({}, { y2: { datum: 0 } }))).toEqual([]);
  });

  it("leaves ranged bars against categories alone (a timeline), and finds the transposed case and bars in layers", () => {
    const timeline = { data: { values: [] }, mark: { type: "bar" }, encoding: { x: { field: "start", type: "quantitative" }, x2: { field: "end" }, y: { field: "task", type: "nominal" } } };
    expect(floatingBars(timeline)).toEqual([]);
    const transposed = { data: { values: bins }, mark: "bar", encoding: { y: { field: "x0", type: "quantitative" }, y2: { field: "x1" }, x: { field: "count", type: "quantitative" } } };
    expect(floatingBars(transposed)).toEqual([{ path: "the spec", span: "y", value: "x" }]);
    // Intervals that are not bins are ranged bars, a chart of their own (the Vega-Lite gallery's); a stated orient is obeyed.
    const ranged = { data: { values: [{ b: 28, b2: 0 }, { b: 55, b2: 0 }, { b: 43, b2: 0 }] }, mark: "bar", encoding: { x: { field: "b", type: "quantitative" }, y: { field: "b", type: "quantitative" }, y2: { field: "b2" } } };
    expect(floatingBars(ranged)).toEqual([]);
    expect(floatingBars({ ...histogram({}), mark: { type: "bar", orient: "vertical" } })).toEqual([]);
    // Bars whose thickness the author set float as asked.
    expect(floatingBars({ ...histogram({}), mark: { type: "bar", height: 30 } })).toEqual([]);
    expect(floatingBars(histogram({}, { size: { value: 30 } }))).toEqual([]);
    expect(floatingBars({ ...histogram({}), config: { bar: { continuousBandSize: 30 } } })).toEqual([]);
    // Rows from a file are not seen here: nothing is claimed about them.
    expect(floatingBars({ ...histogram({}), data: { url: "data/bins.csv" } })).toEqual([]);
    // A layer's views inherit its encoding: the bar layer floats, the rule layer is no bar.
    const layered = { data: { values: bins }, encoding: { x: { field: "x0", type: "quantitative" }, x2: { field: "x1" } }, layer: [{ mark: "rule" }, { mark: "bar", encoding: { y: { field: "count", type: "quantitative" } } }] };
    expect(floatingBars(layered)).toEqual([{ path: "layer[1]", span: "x", value: "y" }]);
    expect(floatingBars({ vconcat: [histogram({ bin: "binned" }), histogram({})] })).toEqual([{ path: "vconcat[1]", span: "x", value: "y" }]);
    expect(floatingBars({ data: { values: bins }, vconcat: [{ mark: "bar", encoding: histogram({}).encoding }] })).toEqual([{ path: "vconcat[0]", span: "x", value: "y" }]);
  });

  it("takes none of the Vega-Lite gallery's examples for floating bars", () => {
    const folder = join(import.meta.dirname, "..", "fixtures", "gallery", "specs");
    const flagged = readdirSync(folder).filter((name) => floatingBars(JSON.parse(readFileSync(join(folder, name), "utf8")) as Record<string, unknown>).length > 0);
    expect(readdirSync(folder).length).toBeGreaterThan(600);
    expect(flagged).toEqual([]);
  });

  it("is said by fragtax run too, at the x2 of the cell that drew it", async () => {
    const source = 'nb.chart({\n  data: { values: bins },\n  mark: "bar",\n  encoding: { x: { field: "x0", type: "quantitative" }, x2: { field: "x1" }, y: { field: "count", type: "quantitative" } },\n});';
    const notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", id: "c1", metadata: {}, execution_count: 1, source, outputs: [{ output_type: "display_data", metadata: {}, data: { "application/vnd.vegalite.v5+json": histogram({}) } }] }] } as Notebook;
    expect((await chartSpecProblems(notebook, "notebooks/01-x.ipynb", "/nowhere/notebooks", "/nowhere")).warnings).toEqual([expect.stringMatching(/^notebooks\/01-x\.ipynb: cell 1, line 4, column \d+: the bars at the spec span x to x2 but have no y2/)]);
  });

  it("warns where the drawing shows dashes, located at x2 in the cell, and not where it shows bars", async () => {
    const place = { where: "notebooks/01-x.ipynb: cell 3", baseDir: process.cwd(), root: process.cwd(), idPrefix: "fb", locate: (literal: string) => (literal === "x2" ? "notebooks/01-x.ipynb: cell 3, line 4, column 38" : undefined) };
    const heights = (svg: string): number[] => [...svg.matchAll(/aria-roledescription="bar"[^>]*? d="M[\d.-]+,[\d.-]+h[\d.-]+v([\d.-]+)/g)].map((match) => Math.round(Number(match[1])));
    const floating = await renderChart(histogram({}), place);
    expect(new Set(heights(floating.markup)).size).toBe(1); // every bar the same thin dash
    expect(floating.warnings).toEqual([
      'notebooks/01-x.ipynb: cell 3, line 4, column 38: the bars at the spec span x to x2 but have no y2 and x is not binned, so each is drawn as a thin dash at its y value. For a histogram of bins made already (histogramBins), write bin: "binned" in x (x: { field: "x0", bin: "binned", type: "quantitative" }); for bars from zero, add y2: { datum: 0 }; if bars floating at their y values are meant, give them a thickness (mark: { type: "bar", height: 10 }).',
    ]);
    const standing = await renderChart(histogram({ bin: "binned" }), place);
    expect(new Set(heights(standing.markup)).size).toBe(3);
    expect(standing.warnings).toEqual([]);
  });
});
