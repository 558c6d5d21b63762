/**
 * The words a code cell writes as prose (src/notebook/prose-calls.ts): the literal text of its nb.md
 * and nb.mdFragment templates, nothing else. oxc's reading and TypeScript's must agree: the stale-prose
 * guard hashes them, and a hash must not depend on which parser a machine could load.
 */
import { describe, expect, it } from "vitest";
import { repositoryCodeCells } from "./helpers";
import { proseCallText, proseCallTextWithOxc, proseCallTextWithTypeScript } from "../../src/notebook/prose-calls";

describe("the prose a code cell writes", () => {
  it("is the literal text of nb.md and nb.mdFragment templates, not their expressions, code strings or comments", () => {
    const source = [
      'const colour = "steelblue"; const id = nb.figure({ id: "run_cost_usd", label: "Run cost" }); // "a comment"',
      "/* nb.md`commented out` */ const s = 'nb.md`in a string`'; const re = /`/;",
      "nb.md`One run costs ${cost}, ${ok ? `fine ${x}` : \"off\"}.\\n${rows.map((r) => nb.mdFragment`${r.label}: **${nb.fmt(r.p50, \"usd\")}**`)}`;",
      "(nb.md)`Parenthesized.`; nb.md!`Non-null.`; md`Destructured ${x}.`; other`Not prose.`; nb.chart({ title: `Not prose either` });",
    ].join("\n");
    const oxc = proseCallTextWithOxc(source);
    expect(oxc).toEqual(["One run costs ", ", ", ".\\n", "", "", ": **", "**", "Parenthesized.", "Non-null.", "Destructured ", "."]);
    expect(proseCallTextWithTypeScript(source)).toEqual(oxc);
  });

  it("in a cell with a syntax error is TypeScript's reading of it", () => {
    const source = "nb.md`Before the error ${x}.`;\nconst broken = ;";
    expect(proseCallTextWithOxc(source)).toBeUndefined();
    expect(proseCallText(source)).toEqual(["Before the error ", "."]);
  });

  it("is the same from oxc as from TypeScript for every code cell of every notebook in the repository", () => {
    let read = 0;
    let parts = 0;
    for (const { where, source } of repositoryCodeCells()) {
      const oxc = proseCallTextWithOxc(source);
      if (oxc === undefined) continue;
      read += 1;
      parts += oxc.length;
      expect(oxc, where).toEqual(proseCallTextWithTypeScript(source));
    }
    expect(read).toBeGreaterThan(500);
    expect(parts).toBeGreaterThan(100); // the report's chapters write their prose with nb.md
  });
});
