/**
 * A type error inside an object literal is placed at the value to change: TypeScript put the caret on
 * the outer property (`x:` of a chart's encoding) for a wrong `type: "quantitive"` inside it.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkNotebooks } from "../../src/notebook/check";
import { incompatibleValueAt } from "../../src/notebook/value-place";
import { appendCell, tempProject } from "../project";

const chain = (...names: string[]): string =>
  ["Type '{ … }' is not assignable to type 'Partial<PositionDef<Field>>'.", ...names.map((name) => `  Types of property '${name}' are incompatible.`), "    Type '\"quantitive\"' is not assignable to type 'StandardType'."].join("\n");

describe("where a type error in an object literal is fixed", () => {
  const source = 'const spec = {\n  encoding: { x: { field: "p5", type: "quantitive" }, y: { field: "n" } },\n};';

  it("is the value its chain of properties names, from the outer property or the object TypeScript reported", () => {
    expect(incompatibleValueAt(source, { line: 2, column: 15 }, chain("type"))).toEqual({ line: 2, column: 39 });
    expect(incompatibleValueAt(source, { line: 2, column: 13 }, chain("x", "type"))).toEqual({ line: 2, column: 39 });
    expect(incompatibleValueAt(source, { line: 1, column: 14 }, chain("encoding", "x", "type"))).toEqual({ line: 2, column: 39 });
  });

  it("stays where TypeScript put it when the literal does not hold the value as written, or the message names no property", () => {
    expect(incompatibleValueAt('const t = "quantitive";\nconst x = { field: "p5", type: t };', { line: 2, column: 11 }, chain("kind"))).toBeUndefined();
    expect(incompatibleValueAt(source, { line: 2, column: 15 }, "Type 'string' is not assignable to type 'number'.")).toBeUndefined();
    expect(incompatibleValueAt("const broken = {", { line: 1, column: 16 }, chain("type"))).toBeUndefined();
  });

  it("moves an error TypeScript puts at a property's key to its own value written in place (mark: \"bars\"), and only then", () => {
    const spec = 'nb.chart({ data: { values: [] },\n  mark: "bars",\n  width: size, height: cfg.height,\n  kwPerGpu: `${kw}`, pue: String(p) });';
    expect(incompatibleValueAt(spec, { line: 2, column: 3 }, `Type '"bars"' is not assignable to type 'AnyMark'. Did you mean '"bar"'?`)).toEqual({ line: 2, column: 9 });
    // A template literal or a call written there is where to change, as a literal is.
    expect(incompatibleValueAt(spec, { line: 4, column: 3 }, "Type 'string' is not assignable to type 'number'.")).toEqual({ line: 4, column: 13 });
    expect(incompatibleValueAt(spec, { line: 4, column: 22 }, "Type 'string' is not assignable to type 'number'.")).toEqual({ line: 4, column: 27 });
    // A value from a name is not moved (its declaration may be what is wrong), nor an error of another kind.
    expect(incompatibleValueAt(spec, { line: 3, column: 3 }, "Type 'string' is not assignable to type 'number'.")).toBeUndefined();
    expect(incompatibleValueAt(spec, { line: 3, column: 16 }, "Type 'string' is not assignable to type 'number'.")).toBeUndefined();
    // Nor a name behind a wrapper that leaves it what it is.
    for (const wrapped of ["cfg?.size", "(size)", "size!", "size as number", "size satisfies number"]) {
      expect(incompatibleValueAt(`f({ w: ${wrapped} });`, { line: 1, column: 5 }, "Type 'string' is not assignable to type 'number'."), wrapped).toBeUndefined();
    }
    expect(incompatibleValueAt(spec, { line: 2, column: 3 }, "Object literal may only specify known properties, and 'mark' does not exist in type 'X'.")).toBeUndefined();
  });

  it("puts check's caret on a chart's misspelt encoding type", () => {
    const project = tempProject();
    try {
      const cell = appendCell(project.root, "01-price.ipynb", 'nb.chart({ data: { values: [{ a: 1 }] }, mark: "point",\n  encoding: { x: { field: "a", type: "quantitive" } } });');
      const found = checkNotebooks([join(project.root, "notebooks", "01-price.ipynb")], { root: project.root, includeSrc: false });
      expect(found.map(({ cell, line, column, code }) => ({ cell, line, column, code }))).toEqual([{ cell, line: 2, column: 38, code: 2322 }]);
      expect(found[0]?.message).toContain("Did you mean '\"quantitative\"'?");
    } finally {
      project.remove();
    }
  }, 60_000);
});
