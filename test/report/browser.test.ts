import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from "pdf-lib";
import { printPdf } from "../../src/report/pdf";
import { destinationPages } from "../../src/report/pdf-document";
import { renderFixture } from "./fixture";

describe("the report in real headless Chromium", () => {
  let chromium: LaunchedChromium;
  let dir = "";
  let htmlFile = "";
  let page = "";

  beforeAll(async () => {
    chromium = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), "fragtax-browser-"));
    page = (await renderFixture()).html;
    htmlFile = join(dir, "report.html");
    writeFileSync(htmlFile, page);
  });

  afterAll(async () => {
    await chromium.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("makes no network request, logs no console error and makes the charts interactive", async () => {
    const tab = await chromium.browser.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    const documentUrl = pathToFileURL(htmlFile).href;
    tab.on("request", (request) => {
      // Inline data: images show up as requests but never leave the page.
      if (request.url() !== documentUrl && !request.url().startsWith("data:")) requests.push(request.url());
    });
    tab.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    tab.on("pageerror", (error) => errors.push(String(error)));
    await tab.goto(documentUrl, { waitUntil: "networkidle0" });

    // Browser-side code as text: the project compiles without the DOM library.
    const state = (await tab.evaluate(`({
      runtime: document.documentElement.getAttribute("data-runtime"),
      charts: [...document.querySelectorAll("figure.chart")].map((figure) => figure.getAttribute("data-interactive")),
      focusableMarks: document.querySelectorAll("figure.chart .chart-mark[tabindex]").length,
    })`)) as { runtime: string; charts: string[]; focusableMarks: number };
    expect(state.runtime).toBe("ready");
    expect(state.charts).toEqual(["tooltips", "tooltips"]);
    // Marks are not tab stops (a chart is one image to assistive technology; see phone.test.ts).
    expect(state.focusableMarks).toBe(0);

    const bar = await tab.$("figure.chart .chart-mark");
    await bar?.hover();
    const tooltip = (await tab.evaluate(`(() => {
      const element = document.querySelector(".chart-tooltip");
      return { hidden: element.hidden, text: element.textContent };
    })()`)) as { hidden: boolean; text: string };
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.text).toMatch(/Scenario.*Merchant era/);

    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it("opens the keyboard's way with a skip link to the report, names each code toggle's cell and keeps faint text at 4.5:1", async () => {
    const tab = await chromium.browser.newPage();
    await tab.setViewport({ width: 1280, height: 900 });
    await tab.goto(pathToFileURL(htmlFile).href, { waitUntil: "load" });
    await tab.keyboard.press("Tab");
    const first = (await tab.evaluate(`(() => {
      const link = document.activeElement;
      const box = link.getBoundingClientRect();
      return { text: link.textContent, href: link.getAttribute("href"), visible: box.top >= 0 && box.bottom <= innerHeight && box.width > 0 };
    })()`)) as { text: string; href: string; visible: boolean };
    expect(first).toEqual({ text: "Skip to the report", href: "#main", visible: true });
    await tab.keyboard.press("Enter");
    const target = (await tab.evaluate(`(() => ({ hash: location.hash, main: document.querySelectorAll("#main").length, tag: document.getElementById("main").tagName, top: Math.round(document.getElementById("main").getBoundingClientRect().top) }))()`)) as { hash: string; main: number; tag: string; top: number };
    expect(target).toMatchObject({ hash: "#main", main: 1, tag: "MAIN" });
    expect(Math.abs(target.top)).toBeLessThan(5);
    // A screen reader hears which cell each toggle opens, not a row of identical "Code" buttons.
    const toggles = (await tab.evaluate(`[...document.querySelectorAll(".cell-source > summary")].map((s) => s.textContent)`)) as string[];
    expect(toggles.length).toBeGreaterThan(1);
    for (const text of toggles) expect(text).toMatch(/^Code of cell \d+$/);
    // Contrast of the faintest text the page uses (code toggles, colophon) against the paper.
    const ratio = (await tab.evaluate(`(() => {
      const rgb = (c) => c.match(/\\d+/g).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      const lum = (c) => { const [r, g, b] = rgb(c); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const fg = getComputedStyle(document.querySelector(".cell-source > summary")).color;
      const bg = getComputedStyle(document.body).backgroundColor;
      return (lum(bg) + 0.05) / (lum(fg) + 0.05);
    })()`)) as number;
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    await tab.close();
  });

  it("prints a PDF with a page per chapter, the title and a headline figure in its text", async () => {
    // Without keywords given, the PDF's keywords are the chapter titles from the contents.
    const { keywords: _given, ...withoutKeywords } = PRINT;
    const printed = await printPdf(page, { ...withoutKeywords, publishedAt: new Date("2026-05-01T09:30:00Z") }, chromium);
    const pdfFile = join(dir, "report.pdf");
    writeFileSync(pdfFile, printed.bytes);
    const info = execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2 + 1);
    expect(printed.pages).toBe(pages);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/^Keywords:\s+What a training run costs, \S/m);
    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
    expect(text).toContain("The Fragmentation Tax (fixture)");
    expect(text).toContain("$28.8M");
    expect(text).toMatch(/page 2 of \d+/);
    expect(text).toContain("What a training run costs");
    // Spaced capitals, drawn glyph by glyph, came out of the PDF as "CHAPTE R 1": searched or copied, they must read as words.
    const plain = execFileSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" });
    expect(plain).toMatch(/^CHAPTER 1$/m);
    expect(plain).toMatch(/^APPENDIX A$/m);
  });

  it("keeps the running header to one line and the date whole, however long the title", async () => {
    // A 120-character title ran to three lines in the margin and broke the date into "2026-" and "12-07".
    const title = `The Fragmentation Tax: ${"who pays for compute when alliances end, ".repeat(7)}`.slice(0, 300);
    const printed = await printPdf(page, { ...PRINT, title, versionDate: "2026-12-07" }, chromium);
    const pdfFile = join(dir, "long-title.pdf");
    writeFileSync(pdfFile, printed.bytes);
    const header = execFileSync("pdftotext", ["-layout", "-f", "2", "-l", "2", pdfFile, "-"], { encoding: "utf8" }).split("\n").filter((line) => line.trim() !== "").slice(0, 3);
    expect(header[0]).toMatch(/^\s*The Fragmentation Tax: who pays .*\s2026-12-07\s*$/);
    expect(header[1]).not.toMatch(/who pays|12-07/);
  });

  it("numbers the contents with the pages the chapters and sections start on, and bookmarks them", async () => {
    const printed = await printPdf(page, PRINT, chromium);
    const pdfFile = join(dir, "contents.pdf");
    writeFileSync(pdfFile, printed.bytes);
    expect(printed.passes).toBeGreaterThanOrEqual(2);
    const pageText = (n: number): string => execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdfFile, "-"], { encoding: "utf8" });
    // Every heading named in the contents: the number printed beside it is the page its heading is on.
    const contents = pageText(1);
    const starts = await destinationPages(printed.bytes);
    const outline = await bookmarks(printed.bytes);
    expect(outline.length).toBeGreaterThanOrEqual(2 + 1);
    let checked = 0;
    for (const entry of outline.flatMap((top) => [top, ...top.children])) {
      // "1 What a training run costs", "Appendix A. Assumptions": the heading on the page is the part after the number.
      const title = entry.title.replace(/^\d+\s+/, "");
      const heading = title.replace(/^Appendix [A-Z]\.\s*/, "");
      const line = contents.split("\n").find((candidate) => candidate.includes(title));
      expect(line, `contents line for "${title}"`).toBeDefined();
      const number = Number(/(\d+)\s*$/.exec(line ?? "")?.[1]);
      expect(number).toBe(entry.page);
      expect(pageText(number).replace(/\s+/g, " ")).toContain(heading);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(starts.size).toBeGreaterThanOrEqual(checked);
    // Chapters carry their sections as children in the bookmarks.
    expect(outline.some((entry) => entry.children.length > 0)).toBe(true);
  });

  it("writes the document's metadata and keeps the PDF tagged", async () => {
    const printed = await printPdf(page, { ...PRINT, publishedAt: new Date("2026-05-01T09:30:00Z") }, chromium);
    const pdfFile = join(dir, "metadata.pdf");
    writeFileSync(pdfFile, printed.bytes);
    const info = execFileSync("pdfinfo", ["-custom", pdfFile], { encoding: "utf8" });
    expect(info).toMatch(/^Title:\s+The Fragmentation Tax \(fixture\)$/m);
    expect(info).toMatch(/^Author:\s+Fixture analysts$/m);
    expect(info).toMatch(/^Subject:\s+Who pays for compute$/m);
    expect(info).toMatch(/^Keywords:\s+compute, clouds$/m);
    expect(info).toMatch(/^AsOfDate:\s+2026-04-28$/m);
    expect(info).toMatch(/^PublicationDate:\s+2026-05-01$/m);
    expect(info).toMatch(/^CreationDate:\s+.*2026/m);
    expect(info).toMatch(/^Producer:\s+fragtax .*Chromium [\d.]+; pdf-lib$/m);
    expect(info).not.toContain(chromium.info.executablePath); // no path of the machine that printed it (a home folder names its user)
    expect(execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes$/m);
  });
});

const PRINT = {
  title: "The Fragmentation Tax (fixture)",
  versionDate: "2026-04-28",
  paper: "A4",
  author: "Fixture analysts",
  subtitle: "Who pays for compute",
  keywords: ["compute", "clouds"],
} as const;

interface Bookmark {
  readonly title: string;
  readonly page: number;
  readonly children: readonly Bookmark[];
}

/** The PDF's outline as a tree of titles and 1-based page numbers. */
async function bookmarks(bytes: Uint8Array): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(bytes);
  const pages = new Map(doc.getPages().map((p, index) => [p.ref.toString(), index + 1]));
  const walk = (first: PDFDict | undefined): Bookmark[] => {
    const list: Bookmark[] = [];
    for (let item = first; item !== undefined; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      const title = item.lookup(PDFName.of("Title"), PDFHexString).decodeText();
      const dest = item.lookup(PDFName.of("Dest"), PDFArray);
      list.push({ title, page: pages.get(String(dest.get(0))) ?? -1, children: walk(item.lookupMaybe(PDFName.of("First"), PDFDict)) });
    }
    return list;
  };
  return walk(doc.catalog.lookup(PDFName.of("Outlines"), PDFDict).lookupMaybe(PDFName.of("First"), PDFDict));
}
