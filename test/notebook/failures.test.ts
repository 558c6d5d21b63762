import { describe, expect, it } from "vitest";
import { stringLiteralAt } from "../../src/notebook/string-literals";

describe("stringLiteralAt: where a cell writes the text an error is about", () => {
  const source = ['const a = get("x_id");', "const b = { one: 'y', two: `x_id` };", 'const c = "x_idx" + "x_id";'].join("\n");

  it("takes the first literal at or after the failing call, in any quotes", () => {
    expect(stringLiteralAt(source, "x_id", { line: 2, column: 1 })).toEqual({ line: 2, column: 28 });
    expect(stringLiteralAt(source, "x_id", { line: 3, column: 11 })).toEqual({ line: 3, column: 21 });
    expect(stringLiteralAt(source, "x_id", { line: 1, column: 11 })).toEqual({ line: 1, column: 15 });
  });

  it("falls back to the last literal before the call, then to the first anywhere", () => {
    expect(stringLiteralAt(source, "y", { line: 3, column: 1 })).toEqual({ line: 2, column: 18 });
    expect(stringLiteralAt(source, "y", undefined)).toEqual({ line: 2, column: 18 });
  });

  it("is undefined when the cell never writes the text whole (a computed id, or only a longer string)", () => {
    expect(stringLiteralAt(source, "x_i", { line: 1, column: 1 })).toBeUndefined();
    expect(stringLiteralAt(source, "z", undefined)).toBeUndefined();
  });

  it("reads literals from the syntax tree: one written with escapes is the same text, one in a comment is none", () => {
    const escaped = ['// get("essay_count") was the old call', 'const n = nb.assumptions.get("essay_\\u0063ount");'].join("\n");
    expect(stringLiteralAt(escaped, "essay_count", { line: 2, column: 11 })).toEqual({ line: 2, column: 30 });
    expect(stringLiteralAt(escaped, "essay_count", undefined)).toEqual({ line: 2, column: 30 });
    expect(stringLiteralAt("const s = `x_\\x69d`;", "x_id", undefined)).toEqual({ line: 1, column: 11 });
  });
});
