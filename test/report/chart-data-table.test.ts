/**
 * Each chart's data as a table, as a reader meets it in real Chromium: the fixture report with two
 * more charts (an aggregate over hostile labels, and more points than a table keeps), opened at
 * 1280 and 390 px. The tables' rows are checked against the rows each chart's own spec holds (the
 * expected values are computed from the spec embedded in the page, not written here), reached with
 * the Tab key, kept as text whatever the labels say, and left out of print.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_TABLE_ROWS } from "../../src/charts/data-table";
import type { Cell } from "../../src/notebook/nbformat";
import { renderReport } from "../../src/report/render";
import { visibleControls } from "../../src/format/control";
import { fixtureInput } from "./fixture";
import { readerPages } from "./reader-pages";

const shots = join(import.meta.dirname, "..", ".tmp", "chart-tables");
/** Labels that must reach the reader as the very characters they are: markup, replacement patterns, a terminal escape. */
const HOSTILE = ["<script>window.pwned = 1</script>", "$` and $& and $' and $$", "\u001b[31mred\u001b[0m"];
const HOSTILE_ROWS = HOSTILE.flatMap((name, i) => [{ name, usd: i + 1 }, { name, usd: 10 * (i + 1) }]);
const MANY = Array.from({ length: MAX_TABLE_ROWS + 12 }, (_, i) => ({ x: i, y: 3 * i, z: i % 7 }));
/** Axis and legend titles as long as the report's own ("Stated figure ÷ computed figure (×, log scale)"): headers wrap, not widen the table. */
const LONG_TITLE = (what: string) => `${what}: stated figure ÷ computed figure (×, log scale)`;

const chartCell = (spec: Record<string, unknown>): Cell => ({ cell_type: "code", execution_count: 1, metadata: {}, source: "nb.chart(spec);", outputs: [{ output_type: "display_data", metadata: {}, data: { "application/vnd.vegalite.v5+json": spec } }] });

const pages = readerPages("fragtax-chart-tables-");
let url = "";

beforeAll(async () => {
  const input = fixtureInput();
  const [first, ...rest] = input.chapters;
  if (first === undefined) throw new Error("fixture has no chapter");
  const cells = [
    chartCell({ title: "Hostile labels", data: { values: HOSTILE_ROWS }, mark: "bar", encoding: { y: { field: "name", type: "nominal", title: "Name" }, x: { aggregate: "sum", field: "usd", type: "quantitative", title: "Total (USD)" } } }),
    chartCell({ title: "Many points", data: { values: MANY }, mark: "point", encoding: { x: { field: "x", type: "quantitative", title: LONG_TITLE("X") }, y: { field: "y", type: "quantitative", title: LONG_TITLE("Y") }, color: { field: "z", type: "quantitative", title: LONG_TITLE("Z") } } }),
  ];
  const report = await renderReport({ ...input, chapters: [{ ...first, notebook: { ...first.notebook, cells: [...first.notebook.cells, ...cells] } }, ...rest] });
  url = pages.write("report.html", report.html);
  mkdirSync(shots, { recursive: true });
}, 60_000);

const open = (width: number): Promise<Page> => pages.open(url, width);

interface FigureTables {
  spec: { data?: { values?: Record<string, unknown>[] }; encoding?: Record<string, { field?: string; title?: string; aggregate?: string; type?: string }> };
  summaries: number;
  columns: string[][];
  rows: string[][][];
  notes: string[];
  rowHeaders: boolean[];
}

// Browser-side code as text: the project compiles without the DOM library.
const FIGURES = `[...document.querySelectorAll("figure.chart")].map((figure) => ({
  spec: JSON.parse(figure.querySelector("script.chart-spec").textContent),
  summaries: figure.querySelectorAll("details.chart-data-table > summary").length,
  columns: [...figure.querySelectorAll("details.chart-data-table table")].map((t) => [...t.querySelectorAll("thead th")].map((th) => th.textContent)),
  rows: [...figure.querySelectorAll("details.chart-data-table table")].map((t) => [...t.querySelectorAll("tbody tr")].map((tr) => [...tr.cells].map((td) => td.textContent))),
  rowHeaders: [...figure.querySelectorAll("details.chart-data-table tbody tr")].map((tr) => tr.cells[0].matches("th[scope=row]")),
  notes: [...figure.querySelectorAll("details.chart-data-table .note")].map((p) => p.textContent),
}))`;

/** A cell's number as the chart wrote it ("34%", "$1.20", "−3"), in the data's own terms. */
function cellNumber(text: string): number {
  const value = Number(text.replace(/\u2212/g, "-").replace(/[^0-9.eE-]/g, ""));
  return text.trim().endsWith("%") ? value / 100 : value;
}

/**
 * The rows a single-view chart draws, derived from its spec: one per data row (or per group of an
 * aggregate), each encoded field under its title, as [text for a nominal or ordinal field | number].
 */
function expectedRows(spec: FigureTables["spec"], columns: readonly string[]): (string | number)[][] {
  const rows = spec.data?.values ?? [];
  const channels = Object.values(spec.encoding ?? {});
  const byTitle = (title: string) => channels.find((channel) => (channel.title ?? channel.field) === title);
  const aggregated = channels.find((channel) => channel.aggregate === "sum");
  const groups = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const key = JSON.stringify(channels.filter((channel) => channel.aggregate === undefined).map((channel) => row[channel.field ?? ""]));
    const group = groups.get(key);
    if (aggregated === undefined || group === undefined) groups.set(aggregated === undefined ? String(groups.size) : key, { ...row });
    else group[aggregated.field ?? ""] = Number(group[aggregated.field ?? ""]) + Number(row[aggregated.field ?? ""]);
  }
  return [...groups.values()].map((row) => columns.map((title) => {
    const value = row[byTitle(title)?.field ?? ""];
    return typeof value === "number" ? value : visibleControls(String(value));
  }));
}

describe("a chart's data as a table", () => {
  it("every chart has one, with the rows its spec draws under the axis titles", async () => {
    const tab = await open(1280);
    const figures = (await tab.evaluate(FIGURES)) as FigureTables[];
    await tab.close();
    expect(figures.length).toBe(4);
    for (const figure of figures) {
      expect(figure.summaries).toBe(1);
      const [columns = [], rows = []] = [figure.columns[0], figure.rows[0]];
      // A line with its points is one table (the same rows twice would be read twice).
      expect(figure.columns).toHaveLength(1);
      expect([...columns].sort()).toEqual(Object.values(figure.spec.encoding ?? {}).map((channel) => channel.title ?? channel.field).sort());
      // A chart's names come first and head their rows ("Name", not the sum, in the hostile chart's table).
      const named = Object.values(figure.spec.encoding ?? {}).find((channel) => channel.type === "nominal");
      if (named !== undefined) {
        expect(columns[0]).toBe(named.title ?? named.field);
        expect(new Set(figure.rowHeaders)).toEqual(new Set([true]));
      }
      const expected = expectedRows(figure.spec, columns);
      expect(rows).toHaveLength(Math.min(expected.length, MAX_TABLE_ROWS));
      rows.forEach((row, i) => row.forEach((cell, j) => {
        const want = expected[i]?.[j];
        if (typeof want === "number") expect(cellNumber(cell), `${cell} for ${String(want)}`).toBeCloseTo(want, 3);
        else expect(cell).toBe(want);
      }));
      if (expected.length > MAX_TABLE_ROWS) expect(figure.notes).toEqual([`The first ${String(MAX_TABLE_ROWS)} of ${String(expected.length)} rows are shown; ${String(expected.length - MAX_TABLE_ROWS)} are left out.`]);
      else expect(figure.notes).toEqual([]);
    }
  });

  it("keeps hostile labels as text: no script runs, the replacement patterns and the escape read as written", async () => {
    const tab = await open(1280);
    const state = (await tab.evaluate(`({
      pwned: window.pwned === 1,
      scripts: [...document.scripts].filter((s) => !s.type).length,
      cells: [...document.querySelectorAll("details.chart-data-table tbody :is(td, th)")].map((cell) => cell.textContent),
    })`)) as { pwned: boolean; scripts: number; cells: string[] };
    await tab.close();
    expect(state.pwned).toBe(false);
    expect(state.scripts).toBe(1); // the report's own runtime, by its hash; the tables add none
    for (const name of HOSTILE) expect(state.cells).toContain(visibleControls(name));
  });

  it("is reached with the Tab key and opened with Enter", async () => {
    const tab = await open(1280);
    const reached: string[] = [];
    for (let i = 0; i < 80 && reached.length < 4; i++) {
      await tab.keyboard.press("Tab");
      const focused = (await tab.evaluate(`document.activeElement.matches("details.chart-data-table > summary") ? document.activeElement.closest("figure").id : ""`)) as string;
      if (focused !== "" && !reached.includes(focused)) {
        reached.push(focused);
        if (reached.length === 1) await tab.keyboard.press("Enter");
      }
    }
    const state = (await tab.evaluate(`({
      figures: [...document.querySelectorAll("figure.chart")].map((f) => f.id),
      firstOpenHeight: document.querySelector("details.chart-data-table[open] table")?.getBoundingClientRect().height ?? 0,
    })`)) as { figures: string[]; firstOpenHeight: number };
    await tab.close();
    expect(reached).toEqual(state.figures);
    expect(state.firstOpenHeight).toBeGreaterThan(20);
  });

  it("fits the column open on a desktop: long titles wrap in their header", async () => {
    const tab = await open(1280);
    await tab.evaluate(`document.querySelectorAll("details.chart-data-table").forEach((d) => { d.open = true; })`);
    await new Promise((done) => setTimeout(done, 100));
    const overflow = (await tab.evaluate(`[...document.querySelectorAll("details.chart-data-table .table-wrap")].map((b) => b.scrollWidth - b.clientWidth)`)) as number[];
    await tab.evaluate(`document.querySelectorAll("details.chart-data-table")[3].scrollIntoView()`);
    await tab.screenshot({ path: join(shots, "open-1280.png") });
    await tab.close();
    expect(overflow).toEqual(overflow.map(() => 0));
  });

  it("fits a phone open, and is not printed", async () => {
    const tab = await open(390);
    await tab.evaluate(`document.querySelectorAll("details.chart-data-table").forEach((d) => { d.open = true; })`);
    await new Promise((done) => setTimeout(done, 100)); // the toggle events are queued
    await tab.evaluate(`document.querySelector("details.chart-data-table").scrollIntoView()`);
    await tab.screenshot({ path: join(shots, "open-390.png") });
    const phone = (await tab.evaluate(`({ scrollWidth: document.documentElement.scrollWidth, boxes: [...document.querySelectorAll("details.chart-data-table .table-wrap")].map((b) => b.scrollWidth <= b.clientWidth + 1 || (b.getAttribute("tabindex") === "0" && b.classList.contains("scrolls"))) })`)) as { scrollWidth: number; boxes: boolean[] };
    expect(phone.scrollWidth).toBeLessThanOrEqual(390);
    // A table wider than the phone scrolls in its box, which is then a tab stop (runtime.js).
    expect(phone.boxes.every(Boolean)).toBe(true);
    await tab.emulateMediaType("print");
    const printed = (await tab.evaluate(`[...document.querySelectorAll("details.chart-data-table")].map((d) => getComputedStyle(d).display)`)) as string[];
    await tab.close();
    expect(printed.length).toBe(4);
    expect(new Set(printed)).toEqual(new Set(["none"]));
  });
});
