/**
 * Control characters from data (ESC, BEL, …) are shown as visible escapes wherever a reader sees
 * text: the terminal, the report's HTML, markdown interpolated by `nb.md`, and the PDF's metadata.
 */
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { markdownText } from "../../src/api/markdown-text";
import { finishPdf, readPrinted } from "../../src/report/pdf-document";
import { jsonWithVisibleControls, visibleControls, visibleInOneLine } from "../../src/format/control";
import { codeFrame } from "../../src/util/code-frame";
import { escapeHtml } from "../../src/util/html";
import { terminalText } from "../../src/util/terminal";

const HOSTILE = "Title\u001b]0;pwned\u0007 \u001b[31mred\u001b[0m\u009b";

describe("control characters stay visible text", () => {
  it("terminal, HTML and markdown write ESC, BEL and C1 as \\xNN; tab and line feed stay", () => {
    expect(visibleControls(HOSTILE)).toBe("Title\\x1b]0;pwned\\x07 \\x1b[31mred\\x1b[0m\\x9b");
    expect(terminalText("a\tb\nc\rd")).toBe("a\tb\nc\\x0dd");
    expect(escapeHtml(`<b>${HOSTILE}</b>`)).toBe("&lt;b&gt;Title\\x1b]0;pwned\\x07 \\x1b[31mred\\x1b[0m\\x9b&lt;/b&gt;");
    // A notebook's progress output uses carriage returns: a page keeps them.
    expect(escapeHtml("50%\r100%\n")).toBe("50%\r100%\n");
    // In markdown the backslash itself is escaped, so "\x1b" is what the reader sees.
    expect(markdownText("a\u001bb")).toBe("a\\\\x1bb");
    // A right-to-left override would show a title reversed; separators and bidi marks are invisible.
    expect(visibleControls("Tax\u202eevil\u2028x\u2066y\u200f")).toBe("Tax\\u202eevil\\u2028x\\u2066y\\u200f");
    // The Arabic letter mark is a bidi mark too (it moves neutral characters like the right-to-left mark).
    expect(visibleControls("Tax\u061cevil")).toBe("Tax\\u061cevil");
    expect(escapeHtml("\u061c")).toBe("\\u061c");
    expect(escapeHtml("<i>\u202e</i>")).toBe("&lt;i&gt;\\u202e&lt;/i&gt;");
  });

  it("the PDF's title and author carry no raw control character", async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    const { bytes } = await finishPdf(
      await readPrinted(await blank.save()),
      { title: HOSTILE, author: "Au\u0007thor", keywords: [], asOf: "2026-05-01", published: new Date("2026-05-01T00:00:00Z"), creator: "fragtax", producer: "test" },
      [],
    );
    const done = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(done.getTitle()).toBe(visibleControls(HOSTILE));
    expect(done.getAuthor()).toBe("Au\\x07thor");
  });
});

describe("invisible characters on a terminal", () => {
  it("show a zero-width space, a word joiner and a BOM in a name and in a code frame, whose caret still points at the place", () => {
    expect(visibleInOneLine("zw\u200bx\u2060y\ufeffz")).toBe("zw\\u200bx\\u2060y\\ufeffz");
    expect(terminalText("a\u200bb")).toBe("a\\u200bb");
    // In a page they are the author's: HTML and markdown keep them.
    expect(escapeHtml("a\u200bb")).toBe("a\u200bb");
    const frame = terminalText(codeFrame("const\u200b x = ;", 1, 12, 0));
    const [line, caret] = frame.split("\n");
    expect(line).toBe("> 1 | const\\u200b x = ;");
    expect(caret?.indexOf("^")).toBe(line?.indexOf(";"));
  });
});

describe("JSON for a terminal", () => {
  it("writes C1, DEL and the reordering characters as \\u escapes that parse back to the same value", () => {
    const value = { label: "a\u202eb\u2066c\u0085d\u007fe\u200ff\u2028g", "k\u202e": ["\u061c"] };
    const json = jsonWithVisibleControls(JSON.stringify(value, null, 1));
    expect(json).not.toMatch(/[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json)).toEqual(value);
    expect(jsonWithVisibleControls('{"a":"plain é ✓"}')).toBe('{"a":"plain é ✓"}');
  });
});
