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

describe("a date in prose", () => {
  it("is kept on one line, as one word (a phone broke '(2026-04-' / '27)'), and stays the same text", () => {
    const html = render("Announced (Ars Technica, 2026-04-27); an id like v2026-04-27x or 2026-04-277 is not a date. `2026-01-01` in code stays code.");
    expect(html).toContain('(Ars Technica, <span class="date">2026-04-27</span>)');
    expect(html.match(/class="date"/g)).toHaveLength(1);
    expect(html).toContain("<code>2026-01-01</code>");
    expect(html.replace(/<[^>]+>/g, "")).toContain("Announced (Ars Technica, 2026-04-27); an id like v2026-04-27x or 2026-04-277 is not a date.");
    // Hostile text around a date stays text.
    expect(render("Said <script>x</script> on 2026-04-27")).toContain('&lt;script&gt;x&lt;/script&gt; on <span class="date">2026-04-27</span>');
  });
});

describe("a heading's entry in the contents (and the PDF's bookmarks)", () => {
  it("is the text the heading shows: HTML shown as text stays text, kept markup gives its text, a footnote mark none", () => {
    const { html, headings } = createMarkdownRenderer().render("## Why <T> matters\n\n## Cost <script>alert(3)</script> $` \\x1b\n\n## A *b* <em>c</em> & `<d>`[^1]\n\n[^1]: A note.", "c1-1");
    const shown = [...html.matchAll(/<h2 id="[^"]*">(.*?)<\/h2>/g)].map((match) => (match[1] ?? "").replace(/<sup class="footnote-ref">.*?<\/sup>/g, "").replace(/<[^>]*>/g, ""));
    expect(shown).toEqual(["Why &lt;t&gt; matters", "Cost &lt;script&gt;alert(3)&lt;/script&gt; $` \\x1b", "A b c &amp; &lt;d&gt;"]);
    expect(headings.map((heading) => heading.text)).toEqual(["Why <t> matters", "Cost <script>alert(3)</script> $` \\x1b", "A b c & <d>"]);
  });
});

describe("images in markdown (the build inlines them: markdown-images.test.ts)", () => {
  it("lists each image's src and line: markdown and reference images, HTML <img> in a paragraph or a block, a table, a footnote", () => {
    const source = [
      "# Title", //                                   1
      "Text ![a](a.png) on a line,", //              2
      "more ![b](<my b.png>)  ", //                  3 (a hard break follows)
      "and ![c][ref].", //                            4
      "", //                                          5
      '<div>\n<img alt="d" src="d&amp;e.png">\n</div>', // 6-8: the img is on line 7
      "", //                                          9
      "| x | y |\n|---|---|\n| ![t](t.gif) | <img src='u.svg'> |", // 10-12
      "", //                                          13
      "Note[^1]", //                                  14
      "", //                                          15
      "[^1]: With ![f](f.webp).", //                 16
      "", //                                          17
      "[ref]: c.jpg", //                              18
    ].join("\n");
    const renderer = createMarkdownRenderer();
    expect(renderer.images(source)).toEqual([
      { src: "a.png", line: 2 }, { src: "my%20b.png", line: 3 }, { src: "c.jpg", line: 18, column: 8 }, { src: "d&e.png", line: 7 },
      { src: "t.gif", line: 12 }, { src: "u.svg", line: 12 }, { src: "f.webp", line: 16 },
    ]);
    // Scanning takes no heading id from the render: the title is still "title", not "title-1".
    expect(renderer.render(source, "c1-1").html).toContain('id="title"');
  });

  it("places a reference image at its definition's URL (the text to correct), however the definition is written", () => {
    const source = [
      "![full][one] ![collapsed][] ![shortcut] ![Case][CASE] ![quoted][q\\]x] ![twice][two]", // 1
      "", //                                        2
      "[one]: one.png", //                          3
      "  [collapsed]:   <my c.png> 'title'", //     4
      "> [shortcut]: s.png", //                     5
      "", //                                        6
      "[case]:", //                                 7
      "    case.png", //                            8
      "[q\\]x]: q.png", //                          9 (a label with an escaped bracket)
      "[two]: first.png", //                        10
      "[two]: second.png", //                       11 (a label's first definition is the one used)
    ].join("\n");
    expect(createMarkdownRenderer().images(source)).toEqual([
      { src: "one.png", line: 3, column: 8 },
      { src: "my%20c.png", line: 4, column: 19 },
      { src: "s.png", line: 5, column: 15 },
      { src: "case.png", line: 8, column: 5 },
      { src: "q.png", line: 9, column: 9 },
      { src: "first.png", line: 10, column: 8 },
    ]);
  });

  it("finds an image however it is written, though the scan skips text without \"![\" or \"<img\" (markdown-scan.ts)", () => {
    const found = (source: string): string[] => createMarkdownRenderer().images(source).map((image) => image.src);
    expect(found('<IMG SRC="upper.png">')).toEqual(["upper.png"]);
    expect(found("text <img\nsrc='broken-line.png'> text")).toEqual(["broken-line.png"]);
    expect(found("| a |\n| - |\n| ![cell](cell.png) |")).toEqual(["cell.png"]);
    expect(found("![ref][r]\n\n[r]: referenced.png")).toEqual(["referenced.png"]);
    // None of these shows an image, with or without the parse.
    expect(found("!\n[a](split.png)")).toEqual([]);
    expect(found("&#33;[a](entity.png)")).toEqual([]);
    expect(found("`![code](code.png)`")).toEqual([]);
    expect(found("[a link](page.png) and an <image src=x.png>")).toEqual([]);
  });

  it("skips an <img> commented out, inline or as a block (nothing shows it); counts lines past the comment", () => {
    const source = ['Text <!-- <img src="old.png"> --> here.', "", "<!--\n<img src='gone.png'>\n-->", "", '<p>\n<img src="kept.png">\n</p>'].join("\n");
    expect(createMarkdownRenderer().images(source)).toEqual([{ src: "kept.png", line: 8 }]);
  });

  it("replaces a src it is given a data: URI for, keeps a data: src, and drops (and lists) any other", () => {
    const images = new Map([["a.png", "data:image/png;base64,AAAA"], ["d&e.png", "data:image/png;base64,BBBB"]]);
    const rendered = createMarkdownRenderer().render('![a](a.png) <img src="d&amp;e.png" alt="d"> ![z](data:image/gif;base64,R0lG) ![r](https://example.com/r.png) ![l](l.png)', "c1-1", images);
    expect(rendered.html).toContain('<img alt="a" src="data:image/png;base64,AAAA" />');
    expect(rendered.html).toContain('<img alt="d" src="data:image/png;base64,BBBB" />');
    expect(rendered.html).toContain('src="data:image/gif;base64,R0lG"');
    expect(rendered.html).not.toMatch(/example\.com|l\.png/);
    expect(rendered.unplaced).toEqual(["https://example.com/r.png", "l.png"]);
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
