/**
 * A chart's data tables (src/charts/data-table.ts), from the chart path itself: the rows are what the
 * marks draw after the spec's transforms (expected values computed here from the spec's rows, not
 * written out), headed by the axis and legend titles, formatted as the chart formats them.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_TABLE_ROWS } from "../../src/charts/data-table";
import { readableNumber } from "../../src/charts/mark-text";
import { renderChart } from "../../src/charts/render";
import { chartDataDetails } from "../../src/report/chart-table";

const baseDir = resolve(import.meta.dirname, "..", "fixtures", "charts-data");
const place = { where: "nb.ipynb: cell 2", baseDir, root: baseDir, idPrefix: "vt" };
const render = (spec: Record<string, unknown>) => renderChart(spec, place);

const COSTS = [
  { region: "east", item: "power", usd: 1.25 },
  { region: "east", item: "chips", usd: 4.5 },
  { region: "west", item: "power", usd: 2 },
  { region: "west", item: "chips", usd: 3.75 },
  { region: "north", item: "chips", usd: 0.5 },
];

/** The sum of `usd` per region, in the order regions first appear (the aggregate's order). */
function sums(rows: readonly { region: string; usd: number }[]): [string, number][] {
  const out = new Map<string, number>();
  for (const row of rows) out.set(row.region, (out.get(row.region) ?? 0) + row.usd);
  return [...out];
}

describe("a chart's data table", () => {
  it("holds the aggregated rows the bars draw, headed by the axis titles, in the encoding's format", async () => {
    const spec = {
      data: { values: COSTS },
      mark: "bar",
      encoding: { x: { field: "region", type: "nominal", title: "Region" }, y: { aggregate: "sum", field: "usd", type: "quantitative", title: "Cost (USD)", format: "$.2f" } },
    };
    const { tables } = await render(spec);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.columns).toEqual(["Region", "Cost (USD)"]);
    const rows = [...(tables[0]?.rows ?? [])].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    // d3's "$.2f": a dollar sign and two decimals.
    const expected = sums(COSTS).map(([region, usd]) => [region, `$${usd.toFixed(2)}`]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows).toEqual(expected);
    expect(tables[0]?.total).toBe(expected.length);
  }, 60_000);

  it("shows the folded rows, and a calculated field, not the spec's inline rows", async () => {
    const wide = [{ year: "2025", cloud: 3, owned: 5 }, { year: "2026", cloud: 4, owned: 7 }];
    const spec = {
      data: { values: wide },
      transform: [{ fold: ["cloud", "owned"], as: ["where", "usd"] }, { calculate: "datum.usd * 2", as: "doubled" }],
      mark: "point",
      encoding: { x: { field: "year", type: "ordinal", title: "Year" }, y: { field: "doubled", type: "quantitative", title: "Twice the cost" }, color: { field: "where", type: "nominal", title: "Where it runs" } },
    };
    const [table] = (await render(spec)).tables;
    expect(table?.columns).toEqual(["Year", "Twice the cost", "Where it runs"]);
    const expected = wide.flatMap((row) => (["cloud", "owned"] as const).map((where) => [row.year, String(row[where] * 2), where]));
    expect([...(table?.rows ?? [])].sort()).toEqual(expected.sort());
  }, 60_000);

  it("names binned rows by their range and reads a data.url file's rows", async () => {
    const values = [1, 2, 2, 7, 9].map((v) => ({ v }));
    const binned = (await render({ data: { values }, mark: "bar", encoding: { x: { bin: { step: 5 }, field: "v", title: "Value" }, y: { aggregate: "count", title: "How many" } } })).tables[0];
    expect(binned?.columns).toEqual(["Value", "How many"]);
    const counts = [0, 5].map((start) => values.filter(({ v }) => v >= start && v < start + 5).length);
    expect(binned?.rows.map((row) => row[1])).toEqual(counts.map(String));
    expect(binned?.rows.map((row) => row[0])).toEqual(["0 – 5", "5 – 10"]);

    const csv = readFileSync(resolve(baseDir, "small.csv"), "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
    const fromFile = (await render({ data: { url: "small.csv" }, mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "value", type: "quantitative" } } })).tables[0];
    expect(fromFile?.rows).toEqual(csv);
  }, 60_000);

  it("heads a layer's untitled field by the axis it is read against, and gives each facet panel's rows their facet value", async () => {
    const layered = await render({
      data: { values: [{ what: "a", p5: 1, p50: 2, p95: 3 }, { what: "b", p5: 2, p50: 4, p95: 8 }] },
      layer: [
        { mark: "rule", encoding: { y: { field: "what", type: "nominal", title: "Item" }, x: { field: "p5", type: "quantitative", title: "Cost (USD)" }, x2: { field: "p95" } } },
        { mark: "point", encoding: { y: { field: "what", type: "nominal" }, x: { field: "p50", type: "quantitative" } } },
      ],
    });
    expect(layered.tables.map((table) => [table.marks, table.columns])).toEqual([
      ["rule", ["Cost (USD)", "Cost (USD) (end)", "Item"]],
      ["point", ["Cost (USD)", "Item"]],
    ]);
    const faceted = await render({ data: { values: COSTS }, mark: "bar", encoding: { x: { field: "item", type: "nominal" }, y: { field: "usd", type: "quantitative" }, column: { field: "region", title: "Region" } } });
    expect(faceted.tables).toHaveLength(1); // one table for the panels, not one per panel
    const [table] = faceted.tables;
    expect(table?.columns).toEqual(["Region", "item", "usd"]);
    expect([...(table?.rows ?? [])].sort()).toEqual(COSTS.map((row) => [row.region, row.item, String(row.usd)]).sort());
  }, 60_000);

  it("captions each of several tables with what a reader sees drawn, counting marks of one kind", async () => {
    const values = [{ what: "a", low: 1, mid: 2, high: 3 }, { what: "b", low: 2, mid: 4, high: 8 }];
    const y = { field: "what", type: "nominal", title: "Item" };
    const { tables } = await render({
      data: { values },
      layer: [
        { mark: "rule", encoding: { y, x: { field: "low", type: "quantitative", title: "Cost" }, x2: { field: "high" } } },
        { mark: { type: "rule", strokeDash: [2, 2] }, encoding: { y, x: { field: "mid", type: "quantitative" }, x2: { field: "high" } } },
        { mark: "point", encoding: { y, x: { field: "mid", type: "quantitative" } } },
        { mark: "rect", data: { values: [{ from: 1.5, to: 2.5 }] }, encoding: { x: { field: "from", type: "quantitative" }, x2: { field: "to" } } },
      ],
    });
    const captions = [...String(chartDataDetails(tables, "Costs")).matchAll(/<caption>([^<]*)<\/caption>/g)].map((match) => match[1]);
    expect(captions).toEqual(["Line segments (1 of 2): 2 rows", "Line segments (2 of 2): 2 rows", "Points: 2 rows", "Rectangles: 1 row"]);
  }, 60_000);

  it("keeps the first rows of a large chart and counts them all; a line and its points are one table", async () => {
    const values = Array.from({ length: MAX_TABLE_ROWS + 30 }, (_, i) => ({ x: i, y: i * i }));
    const { tables } = await render({ data: { values }, mark: { type: "line", point: true }, encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } });
    expect(tables).toHaveLength(1);
    expect(tables[0]?.total).toBe(values.length);
    expect(tables[0]?.rows).toEqual(values.slice(0, MAX_TABLE_ROWS).map(({ x, y }) => [String(x), String(y)]));
  }, 60_000);

  it("names a map's shapes instead of listing their coordinates, and cuts a very long text", async () => {
    const square = (x: number) => ({ type: "Polygon", coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
    const features = [1, 2].map((id) => ({ id, rate: id / 10, note: "n".repeat(id * 150), geo: { type: "Feature", id, properties: {}, geometry: square(id) } }));
    const [table] = (await render({ data: { values: features }, mark: "geoshape", projection: { type: "equirectangular" }, encoding: { shape: { field: "geo", type: "geojson" }, color: { field: "rate", type: "quantitative" }, tooltip: [{ field: "note" }, { field: "geo" }] } })).tables;
    const cells = (table?.rows ?? []).flat();
    expect(cells.some((cell) => cell.includes("coordinates"))).toBe(false);
    expect(cells).toEqual(expect.arrayContaining(["(shape 1)", "(shape 2)", "n".repeat(150), `${"n".repeat(200)}\u2026`]));
  }, 60_000);

  it("writes an unformatted float to four significant digits, never fewer than its whole part", () => {
    expect(readableNumber("7.56801804723")).toBe("7.568");
    expect(readableNumber("565.685424949")).toBe("565.7");
    expect(readableNumber("123456.123456")).toBe("123456");
    expect(readableNumber("0.0239170228712")).toBe("0.02392");
    expect(readableNumber("\u22120.766610669806")).toBe("\u22120.7666");
    expect(readableNumber("20.000000%")).toBe("20%");
    expect(readableNumber("1.0")).toBe("1.0"); // a format the spec asked for is kept
    expect(readableNumber("$3.00")).toBe("$3.00");
  });
});
