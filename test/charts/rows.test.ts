/**
 * A chart whose data holds no row draws empty axes without a word from Vega-Lite: the build and
 * `fragtax run` warn of it (charts/rows.ts `drawsNoRows`). A chart with rows anywhere, data it reads
 * from elsewhere, or no data at all is not one.
 */
import { describe, expect, it } from "vitest";
import { drawsNoRows } from "../../src/charts/rows";

const bars = (data: unknown) => ({ data, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } });

describe("drawsNoRows", () => {
  it("finds data with no rows: an empty list, a CSV of a header alone, empty named datasets, every layer empty", () => {
    expect(drawsNoRows(bars({ values: [] }))).toBe(true);
    expect(drawsNoRows(bars({ values: "a,b\n", format: { type: "csv" } }))).toBe(true);
    expect(drawsNoRows({ datasets: { rows: [] }, ...bars({ name: "rows" }) })).toBe(true);
    expect(drawsNoRows({ layer: [bars({ values: [] }), bars({ values: [] })] })).toBe(true);
  });

  it("passes data with a row anywhere, data from a file or a sequence, and a chart with no data", () => {
    expect(drawsNoRows(bars({ values: [{ a: "x", b: 1 }] }))).toBe(false);
    expect(drawsNoRows(bars({ values: "a,b\nx,1\n", format: { type: "csv" } }))).toBe(false);
    expect(drawsNoRows({ layer: [bars({ values: [] }), bars({ values: [{ a: "x", b: 1 }] })] })).toBe(false);
    expect(drawsNoRows(bars({ url: "data.csv" }))).toBe(false);
    expect(drawsNoRows(bars({ sequence: { start: 0, stop: 10 } }))).toBe(false);
    expect(drawsNoRows({ mark: "text", encoding: { text: { value: "hello" } } })).toBe(false);
  });
});
