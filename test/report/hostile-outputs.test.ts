/**
 * A notebook's `text/html` and `image/svg+xml` outputs (tslab.display.html / svg, Deno.jupyter.html)
 * are sanitized before they reach the report: in real headless Chromium nothing they carry runs,
 * navigates or loads anything (neither for a reader nor for the printing Chromium), what a reader
 * needs (a table, inline SVG) still shows, and no comment they carry can steer `fragtax publish`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Notebook } from "../../src/notebook/nbformat";
import { CHANGES_MARKER } from "../../src/publish/publish";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";
import { CHANGES_TOC_MARKER } from "../../src/report/markers";
import { printPdf } from "../../src/report/pdf";
import { renderReport } from "../../src/report/render";
import { sanitizeMarkdownHtml, sanitizeOutputHtml } from "../../src/report/sanitize";
import { fixtureInput } from "./fixture";

/** A local server standing in for the attacker's: every request it gets is a load the page must not make. */
let server: Server;
let base = "";
const hits: string[] = [];

function hostileOutputs(): Record<string, string>[] {
  return [
    {
      "text/html":
        `<meta http-equiv="refresh" content="0;url=${base}/phish.html"><base href="${base}/"><link rel="stylesheet" href="${base}/style.css">` +
        `<link rel="prefetch" href="${base}/prefetch">${CHANGES_MARKER}${CHANGES_TOC_MARKER}` +
        `<table class="dataframe" id="hostile-table"><thead><tr><th style="text-align: right">region</th><th>cost</th></tr></thead>` +
        `<tbody><tr><td onmouseover="alert(1)">EU</td><td style="background: url(${base}/bg.png)">1.5</td></tr></tbody></table>` +
        `<img src="${base}/pixel.png" onerror="alert(1)"><iframe src="${base}/frame"></iframe><object data="${base}/object"></object>` +
        `<form action="${base}/form"><input name="q"></form><a id="js-link" href="javascript:alert(1)">click</a>` +
        `<style>@import url(${base}/import.css); body { background: url(${base}/body.png) }</style><script>fetch("${base}/script")</script>`,
    },
    {
      "image/svg+xml":
        `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" id="hostile-svg" width="100" height="50" viewBox="0 0 100 50">` +
        `<defs><linearGradient id="grad"><stop offset="0" stop-color="steelblue"/></linearGradient></defs>` +
        `<rect id="drawn" width="100" height="50" fill="url(#grad)" onload="alert(1)"/>` +
        `<use href="${base}/sprite.svg#a"/><use xlink:href="${base}/sprite2.svg#a"/><image href="${base}/image.png" width="10" height="10"/>` +
        `<rect width="5" height="5" filter="url(${base}/filter.svg#f)" fill="url(${base}/paint.svg#p)"/>` +
        `<foreignObject width="100" height="50"><div xmlns="http://www.w3.org/1999/xhtml"><img src="${base}/foreign.png"></div></foreignObject>` +
        `<a xlink:href="javascript:alert(1)"><text x="5" y="20">label</text></a><script>fetch("${base}/svg-script")</script></svg>`,
    },
  ];
}

function hostileReport() {
  const input = fixtureInput();
  const first = input.chapters[0];
  if (first === undefined) throw new Error("fixture has no chapter");
  const notebook: Notebook = {
    ...first.notebook,
    cells: [
      ...first.notebook.cells,
      {
        cell_type: "code",
        metadata: {},
        execution_count: 9,
        source: "tslab.display.html(hostile); tslab.display.svg(drawing);",
        outputs: hostileOutputs().map((data) => ({ output_type: "display_data" as const, data, metadata: {} })),
      },
    ],
  } as Notebook;
  return renderReport({ ...input, chapters: [{ ...first, notebook }, ...input.chapters.slice(1)] });
}

describe("notebook HTML and SVG outputs in the report", () => {
  let chromium: LaunchedChromium;
  let dir = "";
  let htmlFile = "";
  let page = "";

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? "");
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<p>phished</p>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    chromium = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), "fragtax-hostile-"));
    page = (await hostileReport()).html;
    htmlFile = join(dir, "report.html");
    writeFileSync(htmlFile, page);
  }, 60_000);

  afterAll(async () => {
    await chromium.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("a reader's browser stays on the report, loads nothing and runs nothing, and still sees the table and the drawing", async () => {
    const tab = await chromium.browser.newPage();
    const requests: string[] = [];
    const documentUrl = pathToFileURL(htmlFile).href;
    tab.on("request", (request) => {
      if (request.url() !== documentUrl && !request.url().startsWith("data:")) requests.push(request.url());
    });
    const dialogs: string[] = [];
    tab.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await tab.goto(documentUrl, { waitUntil: "networkidle0" });
    // A meta refresh of 0 s would have navigated by now; give it a moment more to be sure.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await tab.hover("#hostile-table td");
    const state = (await tab.evaluate(`({
      url: location.href,
      cells: [...document.querySelectorAll("#hostile-table td")].map((td) => td.textContent),
      drawn: (() => { const box = document.getElementById("drawn")?.getBoundingClientRect(); return box ? [box.width, box.height] : null; })(),
      gradient: document.querySelector("#hostile-svg linearGradient") !== null,
      svgNamespace: document.getElementById("drawn")?.namespaceURI,
      link: document.getElementById("js-link")?.getAttribute("href") ?? null,
      hostile: document.querySelectorAll(["meta", "base", "link", "iframe", "object", "form", "script", "style", "foreignObject", "[onload]", "[onerror]", "[onmouseover]"].map((s) => ".output-html " + s + ", .output-image " + s).join(", ")).length + document.querySelectorAll("base, link, meta[http-equiv=refresh]").length,
    })`)) as { url: string; cells: string[]; drawn: number[] | null; gradient: boolean; svgNamespace: string; link: string | null; hostile: number };
    expect(state.url).toBe(documentUrl);
    expect(state.cells).toEqual(["EU", "1.5"]);
    expect(state.drawn).toEqual([100, 50]);
    expect(state.gradient).toBe(true);
    expect(state.svgNamespace).toBe("http://www.w3.org/2000/svg");
    expect(state.link).toBeNull();
    expect(state.hostile).toBe(0);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(hits).toEqual([]);
    await tab.close();
  });

  it("the printing Chromium loads nothing either", async () => {
    hits.length = 0;
    const printed = await printPdf(page, { title: "Hostile", versionDate: "2026-04-28", paper: "A4", author: "tests", subtitle: "", keywords: [] }, chromium);
    expect(printed.pages).toBeGreaterThan(0);
    expect(hits).toEqual([]);
  }, 60_000);

  it("leaves publish's markers only where the template put them", () => {
    expect(page.split(CHANGES_MARKER)).toHaveLength(2);
    expect(page.split(CHANGES_TOC_MARKER)).toHaveLength(2);
    // The template's "What changed" marker follows the chapters, so the hostile table comes before it.
    expect(page.indexOf("hostile-table")).toBeLessThan(page.indexOf(CHANGES_MARKER));
  });
});

describe("the sanitizing policies", () => {
  it("keeps a data: raster image and fragment references in outputs, and drops every other reference", () => {
    expect(sanitizeOutputHtml('<img src="data:image/png;base64,AAAA" alt="x">')).toBe('<img src="data:image/png;base64,AAAA" alt="x" />');
    expect(sanitizeOutputHtml('<svg><use xlink:href="#dot"></use><rect fill="url(#g)"></rect></svg>')).toBe('<svg><use xlink:href="#dot"></use><rect fill="url(#g)"></rect></svg>');
    expect(sanitizeOutputHtml('<svg><image href="data:image/svg+xml;base64,AAAA"></image></svg>')).toBe("<svg><image></image></svg>");
    expect(sanitizeOutputHtml('<p style="color: red; background-image: image-set(x)">a</p>')).toBe('<p style="color:red">a</p>');
    expect(sanitizeOutputHtml('<a href="//evil.example/x">a</a>')).toBe("<a>a</a>");
  });

  it("reads presentation attributes as CSS: no escaped or unlisted function gets through", () => {
    // CSS escapes spell url( as u\\72l(; image-set() loads an image like url() does.
    for (const hostile of ['fill="u\\72l(https://evil.example/x.svg#a)"', 'mask="image-set(\'https://evil.example/m.png\' 1x)"', 'fill="url(https://evil.example/x)"', 'filter="var(--x)"']) {
      expect(sanitizeOutputHtml(`<svg><rect ${hostile} width="1"></rect></svg>`), hostile).toBe('<svg><rect width="1"></rect></svg>');
    }
    expect(sanitizeOutputHtml('<svg><rect style="fill:u\\72l(https://evil.example/x)" width="1"></rect></svg>')).toBe('<svg><rect width="1"></rect></svg>');
  });

  it("keeps what a plotting library's SVG needs: dashes, opacities, fonts, transforms, local gradients; drops its metadata", () => {
    const drawing =
      '<svg><g transform="translate(10,20) scale(2) rotate(-45 5 5)"><path d="M0 0L1 1" style="fill:url(#g);stroke-dasharray:3.7,1.6;stroke-linecap:butt;fill-opacity:0.5;stroke-opacity:0.8"></path>' +
      '<text text-anchor="middle" style="font:10px \'DejaVu Sans\', sans-serif">label</text></g></svg>';
    expect(sanitizeOutputHtml(drawing)).toBe(drawing);
    expect(sanitizeOutputHtml("<svg><metadata>Matplotlib v3.8, https://matplotlib.org/</metadata><rect></rect></svg>")).toBe("<svg><rect></rect></svg>");
  });

  it("drops comments from markdown too, so no cell can plant a publish marker", () => {
    expect(sanitizeMarkdownHtml(`<p>a</p>${CHANGES_MARKER}`)).toBe("<p>a</p>");
  });

  it("shows control and bidi characters as visible escapes, in markdown and in outputs, and keeps line ends", () => {
    // A right-to-left override drew the rest of its paragraph reversed; ESC and NUL reached the page raw.
    expect(sanitizeMarkdownHtml("<h2>evil\u202eexe.txt</h2>\r\n<p>a\u001b[31mred\u0007 b\u0000</p>")).toBe("<h2>evil\\u202eexe.txt</h2>\r\n<p>a\\x1b[31mred\\x07 b\\x00</p>");
    expect(sanitizeOutputHtml('<td title="x\u202ey">1\u2066</td>')).toBe('<td title="x\\u202ey">1\\u2066</td>');
    // Right-to-left prose keeps the marks that place its punctuation, and its line separators.
    const hebrew = "<p>\u05e2\u05d1\u05e8\u05d9\u05ea: 400\u200f$ \u0627\u0644\u0639\u0631\u0628\u064a\u0629\u061c 400\u200e a\u2028b</p>";
    expect(sanitizeMarkdownHtml(hebrew)).toBe(hebrew);
  });
});
