import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";
import { printPdf } from "../../src/report/pdf";
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

  it("prints a PDF with a page per chapter, the title and a headline figure in its text", async () => {
    const bytes = await printPdf(page, { title: "The Fragmentation Tax (fixture)", versionDate: "2026-04-28", paper: "A4" }, chromium);
    const pdfFile = join(dir, "report.pdf");
    writeFileSync(pdfFile, bytes);
    const info = execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2 + 1);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
    expect(text).toContain("The Fragmentation Tax (fixture)");
    expect(text).toContain("$28.8M");
    expect(text).toMatch(/page 2 of \d+/);
    expect(text).toContain("What a training run costs");
  });
});
