/**
 * The claims ledger and the other appendix tables (the headline figures' too) as a reader sees them in real Chromium, on a phone
 * (390 px) and a desktop (1280 px): the page does not widen, no table scrolls sideways on a phone (the
 * ledger's verdicts were cut at the box's edge, the assumptions' sources off the screen), no word of
 * a cell is split across lines ("notebook" / "s/01-"), and the ledger's cells keep their table roles
 * when a phone lays rows out as cards. Screenshots land in test/.tmp/appendix-tables/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClaimRecord } from "../../src/api/types";
import { renderReport } from "../../src/report/render";
import { fixtureInput } from "./fixture";
import { readerPages, wordsSplitUnder } from "./reader-pages";

const shots = join(import.meta.dirname, "..", ".tmp", "appendix-tables");
const pages = readerPages("fragtax-appendix-tables-");
let url = "";

beforeAll(async () => {
  const input = fixtureInput();
  const [claim] = input.claims;
  if (claim === undefined) throw new Error("fixture has no claim");
  // The report's own notebook names and a verdict resting on judgement, as the real ledger has them.
  const more: ClaimRecord[] = [
    { ...claim, id: "long_path", notebook: "notebooks/07-specialization-trap.ipynb", cell: 10, note: "A note of a sentence or two, as the ledger's claims carry, explaining where the figure comes from." },
    { ...claim, id: "judged", verdict: "understated", factor: 0.59, notebook: "notebooks/03-credits-lock-in.ipynb", cell: 4, basis: { shares: { judgement: 1 }, judgementLed: true, mainJudgement: { id: "google_credit_share", label: "Share of Google's commitment paid as TPU capacity / cloud credits", share: 1 } } },
  ];
  const [figure] = input.figures;
  if (figure === undefined) throw new Error("fixture has no figure");
  // Figures of the report's chapter 7, declared in its longest notebook name, with values that take their column's room.
  const chapter7 = (id: string, label: string, unit: string, format: string, p5: number, p50: number, p95: number) =>
    ({ ...figure, id, label, unit, format, summary: { mean: p50, p5, p25: p50, p50, p75: p50, p95 }, notebook: "notebooks/07-specialization-trap.ipynb", cell: 4 }) as typeof figure;
  const longFigures = [
    chapter7("chip_break_even_units", "Chips needed for a custom design to break even", "chips", "number", 77968, 186661, 439870),
    { ...chapter7("chip_design_usd_per_chip", "Design cost per chip, volume split across ecosystems", "USD/chip", "usd", 2302, 4215, 7771), alternatives: [{ id: "a", label: "A", p50: 3900, p5: 2100, p95: 7300 }], alternativesWhere: "chapter 7" },
    chapter7("chip_design_usd_per_chip_hour_two_stacks", "Design cost per busy chip-hour at split-fleet utilization", "USD/chip-hour", "usd", 0.0839, 0.163, 0.322),
    chapter7("fleet_utilization_two_stacks", "Fleet utilization when one pool is split across two stacks", "fraction of capacity", "percent", 0.476, 0.598, 0.724),
  ];
  const report = await renderReport({ ...input, claims: [...input.claims, ...more], figures: [...input.figures, ...longFigures] });
  url = pages.write("report.html", report.html);
  mkdirSync(shots, { recursive: true });
}, 60_000);

const open = (width: number): Promise<Page> => pages.open(url, width);

// Browser-side code as text: the project compiles without the DOM library. A "word" is a run of
// letters and digits: a path may break after "/" or "-" or before ".ipynb", never inside "notebooks".
const TABLE = (tableExpression: string): string => `(() => {
  const table = ${tableExpression};
  const box = table.closest(".table-wrap");
  const split = ${wordsSplitUnder("table", "tbody td")};
  return {
    scrollWidth: document.documentElement.scrollWidth,
    tableOverflow: table.getBoundingClientRect().width - box.clientWidth,
    split,
    verdictsCut: [...table.querySelectorAll(".verdict-badge")].filter((b) => b.getBoundingClientRect().right > box.getBoundingClientRect().right + 1).length,
    checkedIn: [...table.querySelectorAll("tbody td:last-child")].map((td) => td.textContent),
  };
})()`;

describe("the claims ledger and the other appendix tables", () => {
  it.each([390, 1280])("at %i px fits, and splits no word of a cell across lines", async (width) => {
    const tab = await open(width);
    const ledger = (await tab.evaluate(TABLE(`document.querySelector(".claims-table")`))) as { scrollWidth: number; tableOverflow: number; split: string[]; verdictsCut: number; checkedIn: string[] };
    await tab.evaluate(`document.getElementById("appendix-claims").scrollIntoView()`);
    await tab.screenshot({ path: join(shots, `claims-${width}.png`), fullPage: false });
    await tab.close();
    expect(ledger.scrollWidth).toBeLessThanOrEqual(width);
    expect(ledger.split).toEqual([]);
    expect(ledger.checkedIn).toContain("notebooks/07-specialization-trap.ipynb, cell\u00a010");
    if (width === 390) {
      expect(ledger.tableOverflow).toBeLessThanOrEqual(0); // no sideways scroll: a card per claim
      expect(ledger.verdictsCut).toBe(0);
    }
  });

  it.each([390, 1280])("at %i px, the other appendix tables fit their box and split no word of a cell either", async (width) => {
    const tab = await open(width);
    const tables = (await tab.evaluate(`[...document.querySelectorAll(".appendix table")].map((t) => t.className)`)) as string[];
    const results: Record<string, { tableOverflow: number; split: string[] }> = {};
    for (const [index] of tables.entries()) {
      const { tableOverflow, split } = (await tab.evaluate(TABLE(`document.querySelectorAll(".appendix table")[${String(index)}]`))) as { tableOverflow: number; split: string[] };
      results[`${String(index)} ${tables[index] ?? ""}`] = { tableOverflow, split };
    }
    await tab.evaluate(`document.getElementById("appendix-assumptions").scrollIntoView()`);
    await tab.screenshot({ path: join(shots, `assumptions-${width}.png`) });
    await tab.close();
    expect(Object.keys(results).length).toBeGreaterThanOrEqual(4);
    // The assumptions table (six columns) was 568 px in a 350 px box: the source of every input was off the screen.
    for (const [table, { tableOverflow, split }] of Object.entries(results)) {
      expect(split, table).toEqual([]);
      expect(tableOverflow, table).toBeLessThanOrEqual(0);
    }
  });

  it.each([390, 1280])("at %i px lays the headline figures out as the ledger is: cards on a phone, a table on a desktop", async (width) => {
    const tab = await open(width);
    const layout = (await tab.evaluate(`(() => {
      const row = [...document.querySelectorAll(".figures-table tbody tr")].find((tr) => tr.textContent.includes("chip_design_usd_per_chip_hour_two_stacks"));
      const value = row.querySelector('td[data-label="Value"]');
      return { display: getComputedStyle(row).display, valueWidth: value.getBoundingClientRect().width, rowWidth: row.getBoundingClientRect().width, label: getComputedStyle(value, "::before").content };
    })()`)) as { display: string; valueWidth: number; rowWidth: number; label: string };
    await tab.close();
    if (width === 390) {
      expect(layout.display).toBe("grid");
      // The value across the whole card, under its name: it wrapped to five lines in a third of the column.
      expect(layout.valueWidth).toBeGreaterThan(0.9 * layout.rowWidth);
      expect(layout.label).toContain("Value");
    } else {
      expect(layout.display).toBe("table-row");
      expect(layout.valueWidth).toBeLessThan(0.5 * layout.rowWidth);
    }
  });

  it("keeps its table roles to assistive technology when a phone lays its rows out as cards", async () => {
    const tab = await open(390);
    const table = await tab.$(".claims-table");
    const tree = await tab.accessibility.snapshot({ root: table ?? undefined, interestingOnly: false });
    await tab.close();
    const roles = new Set<string>();
    const visit = (node: { role?: string; children?: unknown[] } | null | undefined): void => {
      if (node === null || node === undefined) return;
      if (node.role !== undefined) roles.add(node.role);
      (node.children as typeof node[] | undefined)?.forEach(visit);
    };
    visit(tree);
    expect(tree?.role).toBe("table");
    expect([...roles]).toEqual(expect.arrayContaining(["row", "columnheader", "cell"]));
  });
});
