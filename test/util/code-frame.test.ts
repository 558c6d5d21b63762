/** Code frames: the caret under the column, and a window of a long line (a notebook saved as one line of JSON) instead of all of it. */
import { describe, expect, it } from "vitest";
import { codeFrame, FRAME_WIDTH, PAGE_FRAME } from "../../src/util/code-frame";

describe("codeFrame", () => {
  it("shows short lines whole, the caret under the column", () => {
    expect(codeFrame("const a = 1;\nconst b = ;\nconst c = 3;", 2, 11)).toBe(["  1 | const a = 1;", "> 2 | const b = ;", "    |           ^", "  3 | const c = 3;"].join("\n"));
  });

  it("shows a window of a long line around the column, cut with …, the caret under the same character", () => {
    const line = `${"a".repeat(5000)}X${"b".repeat(5000)}`;
    const frame = codeFrame(`first\n${line}\nlast`, 2, 5001);
    const [, shown = "", caret = "", after = ""] = frame.split("\n");
    expect(shown.length).toBeLessThan(FRAME_WIDTH + 20);
    expect(shown).toMatch(/^> 2 \| …a+Xb+…$/);
    // The caret stands under the X.
    expect(caret.indexOf("^")).toBe(shown.indexOf("X"));
    // The other lines show the same window: here, nothing of them (they are shorter than its start).
    expect(after).toBe("  3 | …");
    expect(frame.split("\n")[0]).toBe("  1 | …");
  });

  it("on the page, windows a line past 72 characters with the caret ~24 in, so it is in view in a phone-wide box", () => {
    const line = `nb.chart({ ${"data: 1, ".repeat(12)}y: { field: "cuont" }, ${"more: 2, ".repeat(8)} });`;
    const column = line.indexOf('"cuont"') + 1;
    const [shown = "", caret = ""] = codeFrame(line, 1, column, 2, PAGE_FRAME).split("\n");
    expect(shown.length).toBeLessThanOrEqual("> 1 | ".length + 1 + PAGE_FRAME.width + 1);
    expect(shown.slice(caret.indexOf("^"))).toMatch(/^"cuont"/);
    expect(caret.indexOf("^")).toBeLessThan(36);
    // The terminal's frame of the same line shows it whole (it is shorter than 240 characters).
    expect(line.length).toBeLessThan(FRAME_WIDTH);
    expect(codeFrame(line, 1, column).split("\n")[0]).toBe(`> 1 | ${line}`);
  });

  it("on the page, windows a short line too when its column is past what a phone shows, and never a line whose column is in view", () => {
    const line = `const total = price * count + shipping + handling - discount;`;
    const column = line.indexOf("discount") + 1;
    const [shown = "", caret = ""] = codeFrame(line, 1, column, 2, PAGE_FRAME).split("\n");
    expect(shown.slice(caret.indexOf("^"))).toBe("discount;");
    expect(caret.indexOf("^")).toBeLessThan(36);
    expect(codeFrame(line, 1, 7, 2, PAGE_FRAME).split("\n")[0]).toBe(`> 1 | ${line}`);
  });

  it("clips at the line's start or end without an ellipsis there, and never splits a surrogate pair", () => {
    const near = codeFrame(`${"x".repeat(10)}Y${"z".repeat(500)}`, 1, 11).split("\n");
    expect(near[0]).toMatch(/^> 1 \| x{10}Yz+…$/);
    expect(near[1]?.indexOf("^")).toBe(near[0]?.indexOf("Y"));
    const halved = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    expect(codeFrame("😀".repeat(300), 1, 301)).not.toMatch(halved);
    // Nor in the lines around it, whose pairs fall elsewhere than the error line's.
    expect(codeFrame(`${"c".repeat(1000)}\n${"😀".repeat(500)}`, 1, 502)).not.toMatch(halved);
    expect(codeFrame(`${"b".repeat(400)}${"😀".repeat(300)}\n${"a".repeat(1000)}`, 2, 500)).not.toMatch(halved);
  });
});
