/**
 * A diff as a reader sees it in real Chromium on a phone (390 px), standalone (`diff --html`) and as
 * the published report's "What changed" section: an id in its narrow first column broke mid-word
 * ("essay" / "_trai" / "ning_" / "gpu_c" / "ount"). It now wraps after its underscores only, and the
 * page does not widen.
 */
import { describe, expect, it } from "vitest";
import type { Assumption } from "../../src/assumptions/types";
import { diffSnapshots } from "../../src/diff/diff";
import { renderChangesSection, renderDiffPage } from "../../src/diff/render";
import type { FigureValues } from "../../src/report/figures-file";
import { renderReport } from "../../src/report/render";
import { insertBeforeBodyClose } from "../../src/util/page";
import { fixtureInput } from "../report/fixture";
import { readerPages, wordsSplitUnder } from "../report/reader-pages";

const pages = readerPages("fragtax-diff-phone-");

const assumption = (id: string, note: string): Assumption =>
  ({ id, label: "GPUs in a frontier training run (essay)", unit: "GPUs", value: 12_500, kind: "essay", source: { title: "The essay", date: "2026-04-28" }, note }) as unknown as Assumption;
const figure = (id: string, p50: number): FigureValues => ({ id, label: "Design cost per busy chip-hour at split-fleet utilization", unit: "USD", format: "usd", p5: p50 * 0.8, p50, p95: p50 * 1.3 });

// In the browser: each run of letters and digits inside an id's <code> laid out on more than one line.
const SPLIT_IDS = `({ split: ${wordsSplitUnder("document", ".fragtax-diff code")}, codes: document.querySelectorAll(".fragtax-diff code").length, scrollWidth: document.documentElement.scrollWidth })`;

describe("a diff on a phone", () => {
  const ids = ["essay_training_gpu_count", "scenario_balkanization_probability_band", "chip_design_usd_per_chip_hour_two_stacks"];
  const diff = diffSnapshots(
    { label: "2026-11-30", assumptions: ids.map((id) => assumption(id, "before")), figures: ids.map((id) => figure(id, 0.163)) },
    { label: "2026-12-01", assumptions: ids.map((id) => assumption(id, "after, a longer note than before")), figures: ids.map((id) => figure(id, 0.2)) },
  );

  it.each(["diff --html", "a published report's What changed"])("%s: wraps ids after their underscores, never inside a word, and does not widen", async (where) => {
    // As publish adds it: the section before the page's end, under the report's own styles.
    const page = where === "diff --html" ? renderDiffPage(diff) : insertBeforeBodyClose((await renderReport(fixtureInput())).html, renderChangesSection(diff, "2026-11-30").value);
    const tab = await pages.open(pages.write(`${where.length}.html`, page), 390);
    if (where !== "diff --html") await tab.evaluate(`document.getElementById("what-changed").scrollIntoView()`);
    const found = (await tab.evaluate(SPLIT_IDS)) as { split: string[]; codes: number; scrollWidth: number };
    await tab.close();
    expect(found.codes).toBeGreaterThanOrEqual(6);
    expect(found.split).toEqual([]);
    expect(found.scrollWidth).toBeLessThanOrEqual(390);
  }, 60_000);
});
