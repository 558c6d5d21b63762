/**
 * The cell rewrite reads esbuild's output as parsed by oxc (fast, native) or, where oxc's binary
 * cannot load, by acorn (transpile.ts `parseJs`). Both must give the rewrite the same tree: the same
 * statements at the same offsets (UTF-16 code units, with characters outside the BMP and multi-byte
 * ones before them), the same patterns, imports and top-level awaits. Here each cell is rewritten
 * from both trees and the code, source map and imports compared; and the rewrite itself is checked
 * on the cases whose offsets are easiest to get wrong.
 */
import { parse } from "acorn";
import type { Program } from "acorn";
import { describe, expect, it } from "vitest";
import { rewriteCell } from "../../src/notebook/transpile";
import { oxcParser } from "../../src/notebook/oxc";

const CELLS: Record<string, string> = {
  "declarations of every kind": "const a = 1, b = 'x';\nlet c;\nvar { d, e: [f, ...g] = [], ...h } = obj;\nfunction k() { return 1; }\nclass K {}\n",
  "text outside the BMP before a declaration": "const s = \"—×😀𝄞\";\nconst after = s.length;\nafter\n",
  "imports, named, default, namespace and with attributes": "import d, { x as y, \"a b\" as z } from \"m\";\nimport * as ns from \"n\";\nimport data from \"./d.json\" with { type: \"json\" };\nimport \"side\";\ny + z;\n",
  "a dynamic import and top-level await": "const m = await import(\"./lib.js\");\nfor await (const x of gen()) console.log(x);\nm.default\n",
  "a parenthesised trailing object": "const v = 2;\n({ v, w: [1, 2, 3] })\n",
  "a string literal statement (a directive to a parser)": "'x'\n",
  "exports in an ordinary cell": "export const e = 1;\nexport default function named() {}\nexport { e as f };\n",
  "a template and a regular expression with a slash": "const re = /a\\/b/g;\n`${re.source} — ✓`\n",
};

function acornProgram(js: string): Program {
  return parse(js, { ecmaVersion: "latest", sourceType: "module" });
}

describe("the cell parser", () => {
  it("is oxc's native parser on this platform", () => {
    expect(oxcParser()).not.toBeNull();
  });

  for (const [name, js] of Object.entries(CELLS)) {
    it(`gives the rewrite the same tree as acorn: ${name}`, () => {
      const fromOxc = rewriteCell(js, "cell-1.js");
      const fromAcorn = rewriteCell(js, "cell-1.js", undefined, acornProgram(js));
      expect(fromOxc).toEqual(fromAcorn);
    });

    it(`gives a @module cell the same tree as acorn: ${name}`, () => {
      const fromOxc = rewriteCell(js, "cell-1.js", "lib");
      const fromAcorn = rewriteCell(js, "cell-1.js", "lib", acornProgram(js));
      expect(fromOxc).toEqual(fromAcorn);
    });
  }

  it("rewrites at the right offsets after characters outside the BMP", () => {
    const { code } = rewriteCell(CELLS["text outside the BMP before a declaration"] ?? "", "cell-1.js");
    expect(code).toContain('( s = "—×😀𝄞");');
    expect(code).toContain("( after = s.length);");
    expect(code).toContain("shown([(after)])");
  });

  it("shows a parenthesised trailing object as the cell's value, as tslab does", () => {
    const { code } = rewriteCell(CELLS["a parenthesised trailing object"] ?? "", "cell-1.js");
    expect(code).toMatch(/return __fragtax\.shown\(\[\(\(\{ v, w: \[1, 2, 3\] \}\)\)\]\)/);
  });

  it("says what it could not parse as fragtax's own error, not the cell's", () => {
    expect(() => rewriteCell("const = ;", "cell-1.js")).toThrow(SyntaxError);
  });
});
