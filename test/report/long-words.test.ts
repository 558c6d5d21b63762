/**
 * One unbroken word in an appendix's table (a pasted hash, an id-like label, a figure's or a claim's
 * unit beside its numbers) must wrap inside its cell.
 * A table sizes each column to its longest word, so such a word widened the table past the printed
 * page, and Chromium shrank every page of the PDF to fit it (46 pages became 30). Real Chromium, print
 * media at the A4 text width, and on a desktop.
 */
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";
import { renderReport } from "../../src/report/render";
import { breakableText, graphemesOf } from "../../src/util/html";
import { fixtureAssumptions, fixtureInput } from "./fixture";

const LONG = "x_".repeat(60);
const LONG_NAME = `09-${"y".repeat(120)}`;
let chromium: LaunchedChromium;
let page = "";

beforeAll(async () => {
  chromium = await launchChromium();
  const input = fixtureInput();
  const [assumption] = fixtureAssumptions;
  const [figure] = input.figures;
  const [claim] = input.claims;
  if (assumption === undefined || figure === undefined || claim === undefined) throw new Error("the fixture has no assumption, figure or claim");
  const long = { ...assumption, id: "long_words", label: `GPUs in run ${LONG}`, note: `Note ${LONG}`, unit: `unit${LONG}`, source: { title: `Title${LONG}`, date: "2026-04-28" } };
  page = (
    await renderReport({
      ...input,
      assumptions: [...fixtureAssumptions, long],
      figures: [...input.figures, { ...figure, id: "long_label", label: `Figure ${LONG}` }, { ...figure, id: "long_unit", unit: `unit${LONG}`, format: "number" as const }],
      claims: [
        ...input.claims,
        { ...claim, id: "long_claim", claim: `Claim ${LONG}`, note: `Because ${LONG}` },
        { ...claim, id: "long_unit_claim", unit: `unit${LONG}`, format: "number" as const },
        // A chapter's file name is a word too: kept whole when short, it widened the ledger past the page.
        { ...claim, id: "long_notebook_claim", notebook: `notebooks/${LONG_NAME}.ipynb`, cell: 3 },
      ],
    })
  ).html;
}, 60_000);

afterAll(async () => chromium?.close());

async function tablesPastTheirBox(width: number, media: "print" | "screen"): Promise<{ overflows: number[]; text: string }> {
  const tab: Page = await chromium.browser.newPage();
  await tab.setViewport({ width, height: 1000 });
  await tab.emulateMediaType(media);
  await tab.setContent(page, { waitUntil: "load" });
  const result = (await tab.evaluate(`(() => ({
    overflows: [...document.querySelectorAll(".appendix table")].map((t) => Math.round(t.getBoundingClientRect().width - t.closest("section").clientWidth)),
    text: document.querySelector(".assumptions-table").textContent + document.querySelector(".claims-table").textContent,
  }))()`)) as { overflows: number[]; text: string };
  await tab.close();
  return result;
}

describe("a long unbroken word in an appendix table", () => {
  it.each([
    [718, "print" as const],
    [1280, "screen" as const],
  ])("wraps inside its cell at %i px (%s): no table is wider than its page", async (width, media) => {
    const { overflows, text } = await tablesPastTheirBox(width, media);
    expect(overflows.length).toBeGreaterThanOrEqual(3);
    for (const overflow of overflows) expect(overflow).toBeLessThanOrEqual(0);
    // The word is whole as text (a copy or a screen reader reads it unbroken).
    expect(text).toContain(`GPUs in run ${LONG}`);
    expect(text).toContain(`notebooks/${LONG_NAME}.ipynb, cell\u00a03`);
  });

  it("gets break points only inside long words: ordinary words stay whole, text stays escaped", () => {
    expect(breakableText("H100-equivalent GPUs <b>").value).toBe("H100-equivalent GPUs &lt;b&gt;");
    expect(breakableText("a".repeat(30)).value).toBe(`${"a".repeat(14)}<wbr>${"a".repeat(14)}<wbr>aa`);
    // Break points fall between characters a reader sees, never inside an emoji or a combined letter.
    const flags = "🇫🇷".repeat(15);
    expect(breakableText(flags).value.split("<wbr>").every((piece) => piece.length % 4 === 0)).toBe(true);
    expect(breakableText(`<${"é".repeat(30)}>`).value.startsWith("&lt;")).toBe(true);
  });

  it("segments a word of any length as one segmenter over the whole of it would, window boundaries crossing emoji, flags and combined letters", () => {
    const whole = (text: string) => Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
    const pieces = ["👨‍👩‍👧‍👦", "e\u0301", "x", "🇫🇷", "🇩🇪", "\r\n", "ก\u0e33"];
    const text = Array.from({ length: 6000 }, (_, i) => pieces[(i * 7 + (i >> 3)) % pieces.length]).join("");
    expect(text.length).toBeGreaterThan(3 * 4096);
    expect(graphemesOf(text)).toEqual(whole(text));
    expect(graphemesOf("")).toEqual([]);
  });

  it("breaks a word of 300,000 characters (a label's): it took the segmenter ~6 minutes in one piece, and the build with it", () => {
    const word = "L".repeat(300_000);
    const broken = breakableText(word).value;
    expect(broken.split("<wbr>")).toHaveLength(Math.ceil(300_000 / 14));
    expect(broken.replaceAll("<wbr>", "")).toBe(word);
  });
});

describe("a long line in a failed cell's error", () => {
  it("wraps on paper (print media, A4's text width): the message and its caret were cut at the margin", async () => {
    const input = fixtureInput();
    const [first, ...rest] = input.chapters;
    if (first === undefined) throw new Error("the fixture has no chapter");
    const message = `UnknownAssumptionError: unknown assumption "${"gpu_all_in_kw_".repeat(6)}"; did you mean "gpu_all_in_kw"?`;
    const failing = {
      cell_type: "code" as const,
      metadata: {},
      execution_count: 9,
      source: "nb.assumptions.get(id);",
      outputs: [{ output_type: "error" as const, ename: "UnknownAssumptionError", evalue: message, traceback: [`notebooks/x.ipynb: cell 9, line 1, column 112: ${message}`, `> 1 | ${"const value = nb.assumptions.get(id); ".repeat(5)}`] }],
    };
    const html = (await renderReport({ ...input, chapters: [{ ...first, notebook: { ...first.notebook, cells: [...first.notebook.cells, failing] } }, ...rest] })).html;
    const tab: Page = await chromium.browser.newPage();
    await tab.setViewport({ width: 718, height: 1000 });
    await tab.emulateMediaType("print");
    await tab.setContent(html, { waitUntil: "load" });
    const cut = (await tab.evaluate(`[...document.querySelectorAll(".output-error pre")].map((pre) => pre.scrollWidth - pre.clientWidth)`)) as number[];
    await tab.close();
    expect(cut.length).toBeGreaterThanOrEqual(1);
    for (const past of cut) expect(past).toBeLessThanOrEqual(0);
  });
});
