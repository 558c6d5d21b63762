/**
 * HTML inside a markdown cell: harmless markup is kept, anything that could run is shown as text or
 * dropped, and a cell's unclosed tag or comment ends with the cell (checked in real Chromium: the
 * next cell is still on the page).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarkdownRenderer } from "../../src/report/markdown";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";

const render = (source: string): string => createMarkdownRenderer().render(source, "c1-1").html;

describe("HTML in markdown cells", () => {
  it("shows a script as the text it is and drops event handlers, javascript: links and styles", () => {
    const html = render('<script>alert(1)</script> <img src="x.png" onerror="alert(2)"> [go](javascript:alert(3)) <a href="javascript:alert(4)">a</a> <div onclick="x()" style="position:fixed">d</div>');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:alert\(4\)|position:fixed/);
    expect(html).not.toContain('href="javascript:');
  });

  it("keeps the markup a report uses: superscripts, details, aligned tables, footnotes, code, data images", () => {
    const html = render("x<sup>2</sup> <details><summary>More</summary>text</details>\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |\n\nNote[^1] ![c](data:image/png;base64,AAAA)\n\n[^1]: The note.\n\n```ts\nconst x = 1;\n```");
    for (const kept of ["<sup>2</sup>", "<details><summary>More</summary>", '<th style="text-align:right">a</th>', 'class="footnote-ref"', 'id="fn-c1-1-1"', '<code class="language-ts">', 'src="data:image/png;base64,AAAA"']) {
      expect(html).toContain(kept);
    }
  });
});

describe("a cell's unclosed comment or tag, in Chromium", () => {
  let chromium: LaunchedChromium;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium.close();
  });

  it("ends with its cell: the next cell is still shown", async () => {
    const renderer = createMarkdownRenderer();
    const cells = ["Intro <!-- TODO: rewrite this", "<div><em>open tags", "## After the broken cells\n\nStill here."].map((source, i) => `<div class="cell">${renderer.render(source, `c1-${i}`).html}</div>`);
    const tab = await chromium.browser.newPage();
    await tab.setContent(`<!doctype html><html><body>${cells.join("\n")}</body></html>`);
    const text = (await tab.evaluate("document.body.innerText")) as string;
    const cellCount = (await tab.evaluate("document.body.children.length")) as number;
    await tab.close();
    expect(text).toContain("After the broken cells");
    expect(text).toContain("Still here.");
    expect(cellCount).toBe(3);
  });
});
