/**
 * A value interpolated into `nb.md` is text: the report's markdown renderer shows it exactly as
 * written, whatever markdown or typography it happens to contain.
 */
import { describe, expect, it } from "vitest";
import { markdownText } from "../../src/api/markdown-text";
import { interpolateMarkdown } from "../../src/api/session";
import { createMarkdownRenderer } from "../../src/report/markdown";

/** The text a reader sees of `nb.md` with `value` interpolated (tags removed, entities decoded). */
function shown(before: string, value: string): string {
  const html = createMarkdownRenderer().render(`${before}${markdownText(value)}`, "doc").html;
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}

describe("values interpolated into nb.md", () => {
  it("keep what the typographer would rewrite: (c), --, ..., +-, quotes", () => {
    const value = `(c) (tm) x--y a---b ... +- ?.... "quoted" 'single' <!--`;
    expect(shown("A ", value)).toBe(`A ${value}`);
  });

  it("set an apostrophe inside a word as the typographer sets the sentence around it", () => {
    // Before, a generated phrase kept "essay's" straight beside the markdown's "OpenAI’s" in one sentence.
    expect(shown("OpenAI's bill, and ", "the essay's figure, O'Brien's note")).toBe("OpenAI\u2019s bill, and the essay\u2019s figure, O\u2019Brien\u2019s note");
    // In a link's destination it stays as written: the file is img/o'k.png, not img/o’k.png.
    const [image] = createMarkdownRenderer().images(`![x](${markdownText("img/o'k.png")})`);
    expect(decodeURIComponent(image?.src ?? "")).toBe("img/o'k.png");
    // Quotes around words are data's own and stay straight.
    expect(shown("", "'single' and \"double\"")).toBe("'single' and \"double\"");
    // A plural's possessive is set as "essay's" is, unless the value quotes with single quotes.
    expect(shown("Of the ", "four alternatives' medians, the models' own")).toBe("Of the four alternatives\u2019 medians, the models\u2019 own");
    expect(shown("", "'apples' and pears'")).toBe("'apples' and pears'");
  });

  it("keep every markup character, at the start of a line too", () => {
    for (const value of ["# not a heading", "- not a list", "1. not a list", "> not a quote", "**not bold** _nor this_ `nor code` [not](a link)", "=== not a rule", "<b>not html</b> &amp; &#32;"]) {
      expect(shown("", value), value).toBe(value);
    }
  });

  it("never open an indented code block", () => {
    const html = createMarkdownRenderer().render(markdownText("    four spaces first"), "doc").html;
    expect(html).not.toContain("<code>");
    expect(html).toContain("four spaces first");
  });
});

describe("a value inside HTML an nb.md template writes", () => {
  const md = (strings: TemplateStringsArray, ...values: unknown[]): string => interpolateMarkdown(strings, values).source;

  it("is written with character references there, and with backslashes in prose (readable source)", () => {
    expect(md`<td>${"$5 <b>"}</td>`).toBe("<td>&#36;5 &#60;b&#62;</td>");
    expect(md`<div title="${`a "q" b`}">x</div>`).toBe(`<div title="a &#34;q&#34; b">x</div>`);
    expect(md`<table>\n<tr><td>${"$5"}</td></tr>`).toBe("<table>\n<tr><td>&#36;5</td></tr>");
    // A blank line ends the HTML block: markdown again. Inline HTML mid-line, closed, is prose too.
    expect(md`<details>\n\nCost ${"$5"}`).toBe("<details>\n\nCost \\$5");
    expect(md`A <b>bold</b> ${"$5"}`).toBe("A <b>bold</b> \\$5");
  });

  it("shows as written either way in the report's renderer", () => {
    const html = createMarkdownRenderer().render(md`<div>${"$5 *x* <i>"}</div>\n\nProse ${"$5 *x* <i>"}`, "doc").html;
    expect(html).toContain("<div>$5 *x* &lt;i&gt;</div>");
    expect(html).toContain("<p>Prose $5 *x* &lt;i&gt;</p>");
  });
});
