/**
 * The report and the versions index on a phone (390 px) and a desktop (1280 px), in real Chromium:
 * nothing widens the page, chart text stays readable, and every chart is one image with a title and
 * a description to assistive technology, without a tab stop per mark. Screenshots land in
 * test/.tmp/phone/ for a person to look at.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { beforeAll, describe, expect, it } from "vitest";
import { renderIndexPage } from "../../src/publish/index-page";
import type { Manifest } from "../../src/publish/store";
import type { Cell, Notebook } from "../../src/notebook/nbformat";
import { renderReport } from "../../src/report/render";
import { fixtureInput } from "./fixture";
import { readerPages } from "./reader-pages";

const repo = join(import.meta.dirname, "..", "..");
const shots = join(repo, "test", ".tmp", "phone");
const pages = readerPages("fragtax-phone-");
let reportUrl = "";
let indexUrl = "";

/** A markdown table twelve columns wide: it must scroll inside its own box, not widen the page. */
const WIDE_TABLE = `| ${Array.from({ length: 12 }, (_, i) => `column_heading_${i}`).join(" | ")} |\n| ${Array.from({ length: 12 }, () => "---").join(" | ")} |\n| ${Array.from({ length: 12 }, (_, i) => `value_${i}_of_a_wide_row`).join(" | ")} |\n`;
/** A token with no break opportunity (a pasted hash, a hostile label) in a heading, a paragraph and a list: it wraps, not widens the page. */
const LONG_TOKEN = "unbroken".repeat(120);
/** A log axis from 1 to 1,000 in a wide chart: its phone drawing crowds ten ticks a decade into 180 px. */
const LOG_CHART_CELL: Cell = {
  cell_type: "code", execution_count: 1, metadata: {}, source: "nb.chart(logChart);",
  outputs: [{ output_type: "display_data", metadata: {}, data: { "application/vnd.vegalite.v5+json": {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json", title: "Log axis labels", width: 360, height: 120,
    data: { values: [{ item: "a", p5: 1.2, p95: 9 }, { item: "b", p5: 6, p95: 800 }] },
    mark: { type: "rule", strokeWidth: 3 },
    encoding: { y: { field: "item", type: "nominal" }, x: { field: "p5", type: "quantitative", scale: { type: "log" }, title: "USD billions (log scale)" }, x2: { field: "p95" } },
  } } }],
};
const LONG_WORDS = `## ${LONG_TOKEN}\n\nA paragraph with ${LONG_TOKEN} in it.\n\n- **${LONG_TOKEN}**: in a list\n`;

beforeAll(async () => {
  const input = fixtureInput();
  const [first, ...rest] = input.chapters;
  if (first === undefined) throw new Error("fixture has no chapter");
  const withTable: Notebook = { ...first.notebook, cells: [...first.notebook.cells, { cell_type: "markdown", metadata: {}, source: WIDE_TABLE }, { cell_type: "markdown", metadata: {}, source: LONG_WORDS }, LOG_CHART_CELL] };
  // A figure with structural alternatives: its value reads "… as modelled; … under the alternatives in chapter 1".
  const [figure] = input.figures;
  if (figure === undefined) throw new Error("fixture has no figure");
  const withAlternatives = { ...figure, id: "training_run_cost_with_alternatives_usd", alternatives: [{ id: "a", label: "A", p50: 6.1e8, p5: 5.29e8, p95: 7.03e8 }, { id: "b", label: "B", p50: 6.5e8 }], alternativesWhere: "chapter 1" };
  const report = await renderReport({ ...input, figures: [...input.figures, withAlternatives], chapters: [{ ...first, notebook: withTable }, ...rest] });
  reportUrl = pages.write("report.html", report.html);
  const reports = join(repo, "out", "reports");
  const manifests = readdirSync(reports, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => JSON.parse(readFileSync(join(reports, entry.name, "manifest.json"), "utf8")) as Manifest)
    .reverse();
  indexUrl = pages.write("index.html", renderIndexPage("The Fragmentation Tax", manifests));
  mkdirSync(shots, { recursive: true });
}, 60_000);

const open = (url: string, width: number): Promise<Page> => pages.open(url, width);

// Browser-side code as text: the project compiles without the DOM library.
const LAYOUT = `(() => {
  const charts = [...document.querySelectorAll("figure.chart svg")].filter((svg) => svg.getBoundingClientRect().width > 0);
  const textPx = charts.flatMap((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  });
  const table = [...document.querySelectorAll(".cell-markdown table")].find((t) => t.textContent.includes("column_heading_11"));
  const box = table?.parentElement;
  const figures = document.querySelector(".figures-table");
  const claims = document.querySelector(".claims-table");
  const claimCell = claims?.querySelector("tbody td");
  // Horizontal gaps between neighbouring labels of each visible chart's bottom axis, in px.
  const labelGaps = charts.flatMap((svg) => {
    // Labels Vega dropped for overlapping stay in the SVG with opacity 0; a reader sees only the others.
    // Upright (rotated) category labels stand a line apart by design and are left out.
    const shown = [...svg.querySelectorAll(".role-axis-label text")].filter((t) => t.textContent !== "" && getComputedStyle(t).opacity !== "0" && !(t.getAttribute("transform") ?? "").includes("rotate"));
    const labels = shown.map((t) => t.getBoundingClientRect()).filter((r) => r.width > 0);
    const rows = new Map();
    for (const r of labels) rows.set(Math.round(r.top), [...(rows.get(Math.round(r.top)) ?? []), r]);
    return [...rows.values()].filter((row) => row.length > 1).flatMap((row) => row.sort((a, b) => a.left - b.left).slice(1).map((r, i) => r.left - row[i].right));
  });
  return {
    minLabelGap: Math.min(...labelGaps),
    figuresTableOverflow: figures ? figures.getBoundingClientRect().width - figures.parentElement.clientWidth : null,
    figureColumnShare: figures ? figures.querySelector("tbody td").getBoundingClientRect().width / figures.getBoundingClientRect().width : null,
    claimColumnShare: claims && claimCell ? claimCell.getBoundingClientRect().width / claims.getBoundingClientRect().width : null,
    truncatedChartText: charts.flatMap((svg) => [...svg.querySelectorAll("text")].map((t) => t.textContent)).filter((text) => text.includes("\u2026")),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    visibleCharts: charts.length,
    minChartTextPx: Math.min(...textPx),
    tableScrollsInItsBox: box ? box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === "auto" : null,
    // A keyboard user can reach (and arrow-scroll) a box that scrolls, and only such a box.
    scrollingBoxReachable: box ? box.getAttribute("tabindex") === "0" && box.getAttribute("role") === "region" && box.classList.contains("scrolls") : null,
    stillBoxesAsTabStops: [...document.querySelectorAll(".table-wrap")].filter((b) => b.scrollWidth <= b.clientWidth + 1 && b.hasAttribute("tabindex")).length,
  };
})()`;

describe("on a phone and on a desktop", () => {
  it.each([390, 1280])("the report fits %i px with readable chart text and wide tables scrolling in their own box", async (width) => {
    const tab = await open(reportUrl, width);
    const layout = (await tab.evaluate(LAYOUT)) as { scrollWidth: number; clientWidth: number; visibleCharts: number; minChartTextPx: number; tableScrollsInItsBox: boolean | null; claimColumnShare: number | null; figuresTableOverflow: number | null; figureColumnShare: number | null; minLabelGap: number; scrollingBoxReachable: boolean | null; stillBoxesAsTabStops: number; truncatedChartText: string[] };
    await tab.screenshot({ path: join(shots, `report-${width}.png`) });
    await tab.evaluate(`document.querySelector("figure.chart").scrollIntoView()`);
    await tab.screenshot({ path: join(shots, `report-chart-${width}.png`) });
    expect(layout, JSON.stringify(layout)).toMatchObject({ scrollWidth: layout.clientWidth });
    expect(layout.visibleCharts).toBe(3); // one drawing per chart is shown, the other is display:none
    // No two axis labels touch: on the phone, a log axis ran "10 20 30" together as "10 2030".
    expect(layout.minLabelGap).toBeGreaterThanOrEqual(2);
    expect(layout.minChartTextPx).toBeGreaterThanOrEqual(10);
    expect(layout.tableScrollsInItsBox).toBe(true);
    expect(layout.scrollingBoxReachable).toBe(true);
    expect(layout.stillBoxesAsTabStops).toBe(0);
    expect(layout.truncatedChartText).toEqual([]); // long titles wrap on the phone drawing
    // The ledger's claim (with its explanation) is not squeezed to a few words a line by the numbers.
    if (width === 1280) expect(layout.claimColumnShare).toBeGreaterThan(0.35);
    // The figures appendix fits its box (a value with alternatives wraps instead of widening the
    // table past the page), and the figure's name keeps room (it was squeezed to 98 of 779 px).
    expect(layout.figuresTableOverflow).toBeLessThanOrEqual(0);
    if (width === 1280) expect(layout.figureColumnShare).toBeGreaterThan(0.3);
    await tab.close();
  });

  it.each([390, 1280])("the versions index fits %i px", async (width) => {
    const tab = await open(indexUrl, width);
    const layout = (await tab.evaluate(`({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })`)) as { scrollWidth: number; clientWidth: number };
    await tab.screenshot({ path: join(shots, `index-${width}.png`), fullPage: true });
    expect(layout.scrollWidth).toBe(layout.clientWidth);
    await tab.close();
  });
});

describe("to assistive technology", () => {
  it("each visible chart is one image with a title and a description, no mark is a tab stop, headings do not skip levels", async () => {
    const tab = await open(reportUrl, 1280);
    const state = (await tab.evaluate(`(() => {
      const charts = [...document.querySelectorAll("figure.chart svg")].filter((svg) => svg.getBoundingClientRect().width > 0);
      const named = (ids) => (ids || "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim();
      return {
        charts: charts.map((svg) => ({ role: svg.getAttribute("role"), title: named(svg.getAttribute("aria-labelledby")), description: named(svg.getAttribute("aria-describedby")) })),
        tabStops: document.querySelectorAll("figure.chart [tabindex], figure.chart a[href]").length,
        headings: [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1])),
      };
    })()`)) as { charts: Array<{ role: string; title: string; description: string }>; tabStops: number; headings: number[] };
    expect(state.charts.length).toBe(3);
    for (const chart of state.charts) {
      expect(chart.role).toBe("img");
      expect(chart.title.length).toBeGreaterThan(3);
      expect(chart.description.length).toBeGreaterThan(3);
    }
    expect(state.tabStops).toBe(0);
    expect(state.headings[0]).toBe(1);
    const skips = state.headings.filter((level, i) => i > 0 && level > (state.headings[i - 1] ?? 1) + 1);
    expect(skips).toEqual([]);
    await tab.close();
  });
});
