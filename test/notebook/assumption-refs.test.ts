/**
 * The assumption ids `fragtax check` finds in a cell are read from oxc's syntax tree, TypeScript's
 * where oxc cannot read the cell (src/notebook/assumption-refs.ts). The two readings must agree: an
 * id, its place and its order decide what check reports, and where.
 */
import { describe, expect, it } from "vitest";
import { repositoryCodeCells } from "./helpers";
import { assumptionRefs, assumptionRefsWithOxc, assumptionRefsWithTypeScript } from "../../src/notebook/assumption-refs";

describe("the assumption ids a cell names", () => {
  it("are the same from oxc as from TypeScript, with their places, for every code cell of every notebook in the repository", () => {
    let read = 0;
    let found = 0;
    for (const { where, cell, source } of repositoryCodeCells()) {
      const oxc = assumptionRefsWithOxc({ cell, source });
      if (oxc === undefined) continue;
      read += 1;
      found += oxc.length;
      expect(oxc, where).toEqual(assumptionRefsWithTypeScript({ cell, source }));
    }
    expect(read).toBeGreaterThan(500);
    expect(found).toBeGreaterThan(10); // the report's chapters name ids by their literals
  });

  it("are found where TypeScript finds them, and nowhere else, in every form a cell can name them", () => {
    const source = [
      'const é = "ü"; const a = nb.assumptions.get("after_wide_chars");',
      "const b = assumptions.get(`template_id`), c = nb.assumptions.get(`with_${x}`);",
      'const d = nb.assumptions?.get("optional_call"), e = nb?.assumptions.get("optional_member");',
      'const f = (nb.assumptions).get("parenthesized_reader"), g = nb.assumptions["get"]("computed_get");',
      'const h = nb.assumptions.get<number>("type_argument"), i = nb.assumptions.get("two", "arguments");',
      'const j = nb.assumptions.get("as_const" as const), k = other.get("not_assumptions");',
      'const l = inputsFrom(nb.assumptions, { p: "plain", ["computed_key"]: "computed", q: `tpl`, ...spread, short, m() { return "method"; } });',
      'const m = model.inputsFrom(assumptions, { p: "through_namespace" }), n = inputsFrom(other, { p: "not_assumptions_2" });',
      'f(() => nb.assumptions.get("inside_a_function")); class K { x = nb.assumptions.get("in_a_class_field"); }',
      '// nb.assumptions.get("commented_out")\nconst s = \'nb.assumptions.get("in_a_string")\';',
    ].join("\n");
    const oxc = assumptionRefsWithOxc({ cell: 3, source });
    expect(oxc).toEqual(assumptionRefsWithTypeScript({ cell: 3, source }));
    expect(oxc?.map((ref) => ref.id)).toEqual([
      "after_wide_chars", "template_id", "optional_call", "optional_member", "type_argument",
      "plain", "computed", "tpl", "through_namespace", "inside_a_function", "in_a_class_field",
    ]);
    // Columns count UTF-16 code units, as the cell's text does: "é" and "ü" come before the first id.
    expect(oxc?.[0]).toEqual({ id: "after_wide_chars", cell: 3, line: 1, column: 45 });
    expect(source.split("\n")[0]?.indexOf('"after_wide_chars"')).toBe(44);
  });

  it("in a cell with a syntax error are TypeScript's reading of it", () => {
    const cell = { cell: 1, source: 'const ok = nb.assumptions.get("before_the_error");\nconst broken = ;' };
    expect(assumptionRefsWithOxc(cell)).toBeUndefined();
    expect(assumptionRefs([cell])).toEqual(assumptionRefsWithTypeScript(cell));
    expect(assumptionRefs([cell]).map((ref) => ref.id)).toEqual(["before_the_error"]);
  });
});
