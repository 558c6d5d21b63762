import { describe, expect, it } from "vitest";
import { accessibleSvg, chartText, narrowSpec, wrapTitle } from "../../src/charts/accessible";
import { renderChart } from "../../src/charts/render";

describe("chart text for assistive technology", () => {
  it("takes the spec's title and description, else what the chart encodes", () => {
    expect(chartText({ title: { text: "Cost" }, description: "Cost by year" })).toEqual({ title: "Cost", description: "Cost by year" });
    expect(chartText({ mark: "bar", encoding: { x: { field: "year" }, y: { field: "usd", title: "Cost (USD)" } } })).toEqual({
      title: "Chart of x: year; y: Cost (USD)",
      description: "Encodes x: year; y: Cost (USD).",
    });
    expect(chartText({ layer: [{ encoding: { y: { field: "a" } } }, { encoding: { y: { field: "b" } } }] }).title).toBe("Chart of y: a");
  });

  it("makes the SVG one image named by an escaped title and description", () => {
    const svg = accessibleSvg('<svg class="marks" width="10"><g></g></svg>', "chart-1", { title: "<script>x</script>", description: "a & b" });
    expect(svg).toBe('<svg class="marks" width="10" role="img" aria-labelledby="chart-1-title" aria-describedby="chart-1-desc"><title id="chart-1-title">&lt;script&gt;x&lt;/script&gt;</title><desc id="chart-1-desc">a &amp; b</desc><g></g></svg>');
  });
});

describe("the phone drawing", () => {
  it("narrows single and layered charts, keeps their own config, leaves concat and facet alone", () => {
    const spec = { width: 520, config: { axis: { labelLimit: 230, labelColor: "red" } }, layer: [] };
    const narrow = narrowSpec(spec);
    expect(narrow?.width).toBe(180);
    expect((narrow?.config as { axis: Record<string, unknown> }).axis).toEqual({ labelSeparation: 4, labelLimit: 130, labelColor: "red" });
    expect(spec.width).toBe(520); // not mutated
    expect(narrowSpec({ hconcat: [] })).toBeNull();
    expect(narrowSpec({ facet: {}, spec: {} })).toBeNull();
    expect(narrowSpec({ mark: "point", encoding: { column: { field: "c" }, x: { field: "a" } } })).toBeNull();
    expect(narrowSpec({ mark: "point", encoding: { row: { field: "c" }, x: { field: "a" } } })?.width).toBe(180);
  });
});

describe("a long x-axis title on the phone drawing", () => {
  it("wraps onto lines instead of being cut with an ellipsis", async () => {
    const title = "Inference cost uplift (% of today's cost of serving the model)";
    expect(wrapTitle(title, 30)).toEqual(["Inference cost uplift (% of", "today's cost of serving the", "model)"]);
    expect(wrapTitle("short", 30)).toBe("short");
    expect(wrapTitle("an-unbreakable-word-longer-than-the-line", 10)).toBe("an-unbreakable-word-longer-than-the-line");
    const spec = {
      width: 520,
      title: "One training run, stated and computed from the essay's inputs (90% intervals)",
      data: { values: [{ a: 1, b: "x" }, { a: 3, b: "y" }] },
      mark: "point",
      encoding: { x: { field: "a", type: "quantitative", title }, y: { field: "b", type: "nominal" } },
    };
    const narrow = narrowSpec(spec);
    const chart = await renderChart(narrow, { where: "nb.ipynb: cell 1", baseDir: ".", root: ".", idPrefix: "wt" });
    const text = chart.markup.replace(/<[^>]+>/g, " ");
    expect(text).not.toContain("…");
    for (const word of ["Inference", "today's", "model)", "One", "(90%", "intervals)"]) expect(text).toContain(word);
    expect(chart.width).toBeLessThanOrEqual(390);
  });

  it("wraps only the axis: a mark's aria-label, hover tooltip and data table keep the title whole", async () => {
    const title = "Stack-specific share of infrastructure engineering, s (%)";
    const spec = { data: { values: [{ a: 1, b: 2 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative", title }, y: { field: "b", type: "quantitative", title: "B" } } };
    const narrow = narrowSpec(spec);
    const chart = await renderChart(narrow, { where: "nb.ipynb: cell 1", baseDir: ".", root: ".", idPrefix: "wt2" });
    // The axis is still drawn on lines (each an SVG text of its own).
    expect(chart.markup).toContain("<tspan>Stack-specific share of</tspan>");
    // Vega-Lite joined the lines of a wrapped title with ", " in each mark's words: "of, infrastructure engineering,, s (%)".
    const marks = [...chart.markup.matchAll(/<path aria-label="[^"]*"[^>]*aria-roledescription="point"/g)].map(([tag]) => tag);
    expect(marks.length).toBeGreaterThan(0);
    for (const tag of marks) expect(tag).toContain(`aria-label="${title}: 1; B: 2"`);
  });
});
