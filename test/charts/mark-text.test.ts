/**
 * What a chart's marks say in words (src/charts/mark-text.ts): the aria-label a screen reader reads and
 * the report's hover tooltip shows, and the data table beside it. Drawn through the chart path itself;
 * the expected numbers are computed here from the spec's rows.
 */
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { renderChart } from "../../src/charts/render";
import { readableNumber } from "../../src/charts/mark-text";

const baseDir = resolve(import.meta.dirname, "..", "fixtures", "charts-data");
const place = { where: "nb.ipynb: cell 2", baseDir, root: baseDir, idPrefix: "mt" };

/** The aria-labels of the marks in an SVG (not of its axes and legends), unescaped as a browser reads them. */
function markLabels(markup: string): string[] {
  return [...markup.matchAll(/<[a-z]+ [^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => tag.includes('role="graphics-symbol"') && !/aria-roledescription="(axis|legend|title)"/.test(tag))
    .flatMap((tag) => /aria-label="([^"]*)"/.exec(tag)?.slice(1, 2) ?? [])
    .map((label) => label.replaceAll("&quot;", '"').replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"));
}

describe("a chart's marks in words", () => {
  // A ratio with a range, as the claims chart draws it: the range's end is a field of a layer with no
  // title of its own, read against the first layer's axis.
  const rows = [
    { claim: "Run cost", ratio: 7.568018047234, ratioHigh: 15.27940344339 },
    { claim: "Energy", ratio: 0.766610669806, ratioHigh: 1.0239170228712 },
  ];
  const spec = {
    data: { values: rows },
    layer: [
      { mark: "rule", encoding: { y: { field: "claim", type: "nominal", title: "Claim" }, x: { field: "ratio", type: "quantitative", title: "Stated ÷ computed" }, x2: { field: "ratioHigh" } } },
      { mark: "point", encoding: { y: { field: "claim", type: "nominal" }, x: { field: "ratio", type: "quantitative" } } },
    ],
  };

  it("writes unformatted floats to four significant digits and names a range's end by its axis", async () => {
    const { markup, tables } = await renderChart(spec, place);
    const labels = markLabels(markup);
    expect(labels.length).toBeGreaterThanOrEqual(rows.length * 2);
    for (const row of rows) {
      const ratio = readableNumber(String(row.ratio));
      const high = readableNumber(String(row.ratioHigh));
      expect(ratio.length).toBeLessThan(String(row.ratio).length);
      expect(labels).toContain(`Stated ÷ computed: ${ratio}; Claim: ${row.claim}; Stated ÷ computed (end): ${high}`);
    }
    // No label keeps a float's every digit or a bare column name.
    expect(labels.filter((label) => /\d\.\d{6,}|ratioHigh/.test(label))).toEqual([]);
    // The data table reads the same words.
    const cells = tables.flatMap((table) => [...table.columns, ...table.rows.flat()]);
    expect(cells).toContain("Stated ÷ computed (end)");
    expect(cells).toContain(readableNumber(String(rows[0]?.ratioHigh)));
    expect(cells.filter((cell) => /\d\.\d{6,}|ratioHigh/.test(cell))).toEqual([]);
  }, 60_000);

  // The first Intl.NumberFormat (or toLocaleString, or localeCompare) of a process loads ICU's data,
  // ~15–20 ms of every build that draws a chart: the words are written without it.
  it("are written without ICU's number formatting or collation", async () => {
    const numberFormat = vi.spyOn(Intl, "NumberFormat");
    const toLocaleString = vi.spyOn(Number.prototype, "toLocaleString");
    const localeCompare = vi.spyOn(String.prototype, "localeCompare");
    try {
      const { markup, tables } = await renderChart({ ...spec, data: { values: [...rows, { claim: "Chips", ratio: 1.23456789012, ratioHigh: 2.34567890123 }] } }, place);
      expect(markLabels(markup).some((label) => label.includes("1.235"))).toBe(true);
      expect(tables.length).toBeGreaterThan(0);
      expect(numberFormat).not.toHaveBeenCalled();
      expect(toLocaleString).not.toHaveBeenCalled();
      expect(localeCompare).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  }, 60_000);

  it("cuts d3's six default decimals of a format without a precision, and keeps a format that asked for digits", async () => {
    const shares = [{ share: 0, n: 1.5 }, { share: 0.25, n: 2.75 }];
    const { markup } = await renderChart({ data: { values: shares }, mark: "point", encoding: { x: { field: "share", type: "quantitative", title: "Share", axis: { format: "%" } }, y: { field: "n", type: "quantitative", title: "N", format: ".2f" } } }, place);
    const labels = markLabels(markup);
    expect(labels).toEqual(expect.arrayContaining(["Share: 0%; N: 1.50", "Share: 25%; N: 2.75"]));
    expect(labels.filter((label) => label.includes("0.000000%"))).toEqual([]);
  }, 60_000);

  it("keeps text that only looks like a pair, and hostile text, as it is", async () => {
    const hostile = 'x; y: 3.14159265358 <script>alert(1)</script> $` \u001b[31m';
    const { markup } = await renderChart({ data: { values: [{ label: hostile, v: 1 }] }, mark: "point", encoding: { x: { field: "v", type: "quantitative", title: "V" }, y: { field: "label", type: "nominal", title: "Label" } } }, place);
    const [label] = markLabels(markup);
    expect(markup).not.toContain("<script>");
    // The label's own "y: 3.14159265358" is text of a value, not a value: kept, escapes made visible.
    expect(label).toBe("V: 1; Label: x; y: 3.14159265358 <script>alert(1)</script> $` \\x1b[31m");
  }, 60_000);

  it("leaves a field on a second, independent axis named by itself, not by the first axis's title", async () => {
    const values = [{ month: "Jan", cost: 3, share: 0.25 }, { month: "Feb", cost: 4, share: 0.5 }];
    const { markup, tables } = await renderChart(
      {
        data: { values },
        layer: [
          { mark: "bar", encoding: { x: { field: "month", type: "nominal", title: "Month" }, y: { field: "cost", type: "quantitative", title: "Cost (USD)" } } },
          { mark: "point", encoding: { x: { field: "month", type: "nominal" }, y: { field: "share", type: "quantitative" } } },
        ],
        resolve: { scale: { y: "independent" } },
      },
      place,
    );
    const labels = markLabels(markup);
    expect(labels).toContain("Month: Jan; share: 0.25");
    expect(labels.some((label) => label.includes("Cost (USD): 0.25"))).toBe(false);
    expect(tables.flatMap((table) => table.columns)).toContain("share");
  }, 60_000);

  it("shortens both ends of a prepared bin (bin: \"binned\"), as fragtax new's starter chart draws it", async () => {
    // histogramBins' edges are floats; Vega-Lite writes a binned field as "start – end", each end
    // with d3's twelve significant digits when no format is given.
    const bins = [{ x0: 0.782428402425, x1: 1.05896851143, count: 46 }, { x0: 1.05896851143, x1: 1.33550862044, count: 218 }];
    const { markup, tables } = await renderChart(
      { data: { values: bins }, mark: "bar", encoding: { x: { field: "x0", bin: "binned", type: "quantitative", title: "Cost" }, x2: { field: "x1" }, y: { field: "count", type: "quantitative", title: "Samples" } } },
      place,
    );
    const labels = markLabels(markup);
    expect(labels).toEqual(expect.arrayContaining(["Cost: 0.7824 – 1.059; Samples: 46", "Cost: 1.059 – 1.336; Samples: 218"]));
    expect(tables.flatMap((table) => table.rows.flat())).toEqual(expect.arrayContaining(["0.7824 – 1.059", "1.059 – 1.336"]));
    expect(readableNumber("1.05896851143 – 1.33550862044")).toBe("1.059 – 1.336");
    expect(readableNumber("1.5 – 2.5")).toBe("1.5 – 2.5"); // a format asked for these
  }, 60_000);

  it("writes a band's ends in the number format of the axis it is read against, as the axis labels do", async () => {
    // A band drawn in one layer, read against a percent axis another layer formats: Vega-Lite gives the
    // band's fields no format (an x2 none at all), so they read "0.2", "0.6" under a "(%)" title.
    const { markup, tables } = await renderChart(
      {
        layer: [
          { data: { values: [{ lo: 0.2, hi: 0.6 }] }, mark: "rect", encoding: { x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
          { data: { values: [{ share: 0.5, cost: 1.5 }] }, mark: "point", encoding: { x: { field: "share", type: "quantitative", title: "Share (%)", axis: { format: "%" } }, y: { field: "cost", type: "quantitative", title: "Cost" } } },
        ],
      },
      place,
    );
    const labels = markLabels(markup);
    expect(labels).toContain("Share (%): 20%; Share (%) (end): 60%");
    expect(labels).toContain("Share (%): 50%; Cost: 1.5");
    expect(tables.flatMap((table) => table.rows.flat())).toEqual(expect.arrayContaining(["20%", "60%"]));
  }, 60_000);

  it("names a range's end by its own view's start, when that view titles it and another titles the axis", async () => {
    const { markup } = await renderChart(
      {
        layer: [
          { data: { values: [{ n: 1, c: 2 }, { n: 9, c: 3 }] }, mark: "line", encoding: { x: { field: "n", type: "quantitative", title: "Ecosystems" }, y: { field: "c", type: "quantitative", title: "Cost" } } },
          { data: { values: [{ essayLow: 5, essayHigh: 7 }] }, mark: "rect", encoding: { x: { field: "essayLow", type: "quantitative", title: "The essay's count" }, x2: { field: "essayHigh" } } },
        ],
      },
      place,
    );
    expect(markLabels(markup)).toContain("The essay's count: 5; The essay's count (end): 7");
  }, 60_000);

  it("reads an untitled field against the axis's own title, not against another view's field title", async () => {
    // A band titled by its ends under an axis titled by the quantity, a median point and a reference
    // rule untitled: the point and the rule are read as the axis reads, not as "…, 5th percentile".
    const { markup } = await renderChart(
      {
        data: { values: [{ p5: 2, p50: 3, p95: 5 }] },
        layer: [
          { mark: "rule", encoding: { x: { field: "p5", type: "quantitative", title: "Cost, 5th percentile", axis: { title: "Cost (USD)" } }, x2: { field: "p95", title: "Cost, 95th percentile" } } },
          { mark: "point", encoding: { x: { field: "p50", type: "quantitative" } } },
          { data: { values: [{ today: 1 }] }, mark: "rule", encoding: { x: { field: "today", type: "quantitative" } } },
        ],
      },
      place,
    );
    const labels = markLabels(markup);
    expect(labels).toContain("Cost, 5th percentile: 2; Cost, 95th percentile: 5");
    expect(labels).toContain("Cost (USD): 3");
    expect(labels).toContain("Cost (USD): 1");
    expect(labels.join("\n")).not.toMatch(/percentile: [13]\b/);
  }, 60_000);

  it("shortens only what d3's defaults wrote", () => {
    expect(readableNumber("1234567.12346")).toBe("1234567"); // twelve significant digits: no format
    expect(readableNumber("3.14159265358")).toBe("3.142");
    expect(readableNumber("0.12345")).toBe("0.12345"); // five decimals: a format asked for them
    expect(readableNumber("12.5%")).toBe("12.5%");
    expect(readableNumber("1,234.5678901")).toBe("1,234.5678901"); // grouped: a format wrote it
  });
});
