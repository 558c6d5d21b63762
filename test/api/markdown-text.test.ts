/**
 * A value interpolated into `nb.md` is text: the report's markdown renderer shows it exactly as
 * written, whatever markdown or typography it happens to contain.
 */
import { describe, expect, it } from "vitest";
import { markdownText } from "../../src/api/session";
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
