import { readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { typeErrorHint } from "../../src/notebook/type-hints";
import { checkNotebooks, formatDiagnostic, topLevelNames } from "../../src/notebook/check";
import { executeNotebook } from "../../src/notebook/execute";
import { appendCell, tempProject } from "../project";
import { FIXTURES, TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());
const root = join(import.meta.dirname, "..", "..");

describe("fragtax check", () => {
  it("passes the engine's fixture notebooks (declarations across cells, redeclaration, imports, tslab, ../dist/model.js → src)", () => {
    const files = ["semantics", "display", "imports", "model-entry"].map((name) => join(FIXTURES, `${name}.ipynb`));
    expect(checkNotebooks(files, { root, includeSrc: false }).map(formatDiagnostic)).toEqual([]);
  });

  it("maps type errors to notebook, cell and line, with tslab's rules across cells", () => {
    const file = temp.notebook("typed.ipynb", {
      cells: [
        'let n = 1;\nconst c = "s";\ninterface P { x: number }',
        { markdown: "text" },
        "n = 2;\nconst p: P = { x: 1 };",
        'const q: number = c;\nn = "str";',
        "const c = 5;\nconst z: string = c;\nc = 6;",
        'import * as tslab from "tslab";\ntslab.display.html(42);',
      ],
    });
    const diagnostics = checkNotebooks([file], { root, includeSrc: false });
    expect(diagnostics.map((d) => [d.cell, d.line, d.column, d.code])).toEqual([
      [4, 1, 7, 2322],
      [4, 2, 1, 2322],
      [5, 2, 7, 2322],
      [5, 3, 1, 2588],
      [6, 2, 20, 2345],
    ]);
    expect(formatDiagnostic(diagnostics[0]!)).toMatch(/typed\.ipynb: cell 4, line 1, column 7: TS2322: Type 'string' is not assignable to type 'number'/);
  });

  it("refuses `declare global` in a cell, as tslab does, located at the declaration (it was put past the cell's last line)", async () => {
    const file = temp.notebook("global.ipynb", { cells: ["const before = 1;", "declare global {\n  var fragtaxX: number;\n}", "fragtaxX"] });
    const checked = checkNotebooks([file], { root, includeSrc: false });
    expect(checked.map((d) => [d.cell, d.line, d.column, d.code])).toEqual([[2, 1, 9, 2661]]);
    expect(formatDiagnostic(checked[0]!)).toMatch(/global\.ipynb: cell 2, line 1, column 9: TS2661: a cell cannot declare globals \(`declare global \{ … \}`\): tslab cannot compile such a cell either/);
    const run = await executeNotebook(file, { root });
    expect(run.error).toMatchObject({ kind: "type", cell: 2, line: 1, column: 9 });
    expect(run.cellsRun).toBe(1);
  });

  it("locates a name an ordinary cell exports itself (refused, as tslab refuses it) at that name, not past the cell's last line", async () => {
    const file = temp.notebook("exported.ipynb", { cells: ["const before = 1;", "// a row of the table\nexport interface Row { n: number }\nconst row: Row = { n: before };"] });
    const checked = checkNotebooks([file], { root, includeSrc: false });
    expect(checked.map((d) => [d.cell, d.line, d.column, d.code])).toEqual([[2, 2, 18, 2484]]);
    expect(formatDiagnostic(checked[0]!)).toContain("exported.ipynb: cell 2, line 2, column 18: TS2484: Export declaration conflicts with exported declaration of 'Row'.");
    const run = await executeNotebook(file, { root });
    expect(run.error).toMatchObject({ kind: "type", cell: 2, line: 2, column: 18 });
    expect(run.cellsRun).toBe(1);
  });

  it("says which values a closed list of the API allows when a type error is about one, in check and in a run alike", async () => {
    const project = tempProject("project");
    try {
      const cell = appendCell(project.root, "01-price.ipynb", 'nb.md`${nb.fmt(hours, "usdd")}`;\nconst verdict: Parameters<typeof nb.claim>[0]["verdict"] = "fine";');
      const file = join(project.root, "notebooks", "01-price.ipynb");
      const formats = 'A format of the notebook API is one of "usd", "multiple", "percent", "count", "year", "correlation", "number"';
      const checked = checkNotebooks([file], { root: project.root, includeSrc: false }).map(formatDiagnostic);
      expect(checked).toEqual([
        expect.stringContaining(`cell ${cell}, line 1, column 23: TS2345: Argument of type '"usdd"' is not assignable to parameter of type 'NumberFormat | undefined'. ${formats}; did you mean "usd"?`),
        expect.stringContaining(`cell ${cell}, line 2, column 7: TS2322: Type '"fine"' is not assignable to type 'Verdict'. A verdict of the notebook API is one of "consistent", "overstated", "understated", "unverifiable".`),
      ]);
      const run = await executeNotebook(file, { root: project.root });
      expect(run.error?.evalue).toBe(`Argument of type '"usdd"' is not assignable to parameter of type 'NumberFormat | undefined'. ${formats}; did you mean "usd"?`);
      expect(run.error?.frame).toContain(`also cell ${cell}, line 2, column 7: TS2322: Type '"fine"' is not assignable to type 'Verdict'. A verdict of the notebook API is one of`);
    } finally {
      project.remove();
    }
  });

  it("names the key a chart spec meant when a misspelt one is checked against vega-lite's types (TypeScript suggests none for a union)", async () => {
    const project = tempProject("project");
    try {
      const cell = appendCell(project.root, "01-price.ipynb", 'nb.chart({ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { y: { feild: "a", type: "quantitative" } } });');
      const file = join(project.root, "notebooks", "01-price.ipynb");
      const [checked] = checkNotebooks([file], { root: project.root, includeSrc: false }).map(formatDiagnostic);
      expect(checked).toContain(`cell ${cell}, line 1, column 72: TS2353: Object literal may only specify known properties, and 'feild' does not exist in type`);
      expect(checked).toMatch(/'\. Did you mean "field"\? \(a chart spec's keys are Vega-Lite's\)$/);
      expect((await executeNotebook(file, { root: project.root })).error?.evalue).toContain('Did you mean "field"?');
    } finally {
      project.remove();
    }
    // A top-level key: the spec's type is a union in the schema (TopLevelSpec, anyOf unit, layer, … specs), its members' keys suggested.
    expect(typeErrorHint("Object literal may only specify known properties, and 'encoding2' does not exist in type 'TopLevelSpec'.")).toBe(' Did you mean "encoding"? (a chart spec\'s keys are Vega-Lite\'s)');
    // Inside a layer, TypeScript names the members as Partial<…> of the schema's definitions: their keys still count.
    expect(typeErrorHint("Object literal may only specify known properties, and 'feild' does not exist in type 'Partial<PositionValueDef> | Partial<PositionDatumDef<Field>> | Partial<PositionFieldDef<Field>>'.")).toBe(' Did you mean "field"? (a chart spec\'s keys are Vega-Lite\'s)');
    // Only a type of vega-lite's schema has its keys suggested; a union of other types gets nothing.
    expect(typeErrorHint("Object literal may only specify known properties, and 'lable' does not exist in type 'MyRow | Other<Field | X>'.")).toBe("");
  });

  it("says how to type a chart spec built in a variable (its literals widened, or made readonly by as const), and that the annotated spec checks", () => {
    const project = tempProject("project");
    try {
      const file = join(project.root, "notebooks", "01-price.ipynb");
      const spec = '{ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" }, tooltip: [{ field: "a" }] } }';
      const widened = appendCell(project.root, "01-price.ipynb", `const spec = ${spec};\nnb.chart(spec);`);
      const readonly = appendCell(project.root, "01-price.ipynb", `const frozen = ${spec} as const;\nnb.chart(frozen);`);
      const [first, second, ...others] = checkNotebooks([file], { root: project.root, includeSrc: false }).map(formatDiagnostic);
      expect(others).toEqual([]);
      for (const [checked, cell] of [[first, widened], [second, readonly]] as const) {
        expect(checked).toContain(`cell ${cell}, line 2, column 10: TS2345: Argument of type`);
        expect(checked).toContain("give it the API's type, `const spec: VegaLiteTopLevelSpec = { … }`");
      }
      // The fix the hint gives: the same spec, annotated, passes.
      const notebook = JSON.parse(readFileSync(file, "utf8")) as { cells: Array<{ source: string | string[] }> };
      notebook.cells.splice(-2, 2);
      writeFileSync(file, JSON.stringify(notebook));
      appendCell(project.root, "01-price.ipynb", `const typed: VegaLiteTopLevelSpec = ${spec};\nnb.chart(typed);`);
      const source = JSON.parse(readFileSync(file, "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
      const firstCode = source.cells.find((cell) => cell.cell_type === "code");
      if (firstCode === undefined) throw new Error("the fixture has a code cell");
      firstCode.source = [firstCode.source].flat().join("").replace("import { notebook", "import { type VegaLiteTopLevelSpec, notebook");
      writeFileSync(file, JSON.stringify(source));
      expect(checkNotebooks([file], { root: project.root, includeSrc: false }).map(formatDiagnostic)).toEqual([]);
    } finally {
      project.remove();
    }
    expect(typeErrorHint("Argument of type '{ mark: string; }' is not assignable to parameter of type 'Partial<MyThing>'.")).toBe("");
  });

  it("says where a claim's verdict and factor come from when nb.claim is given neither, or one", () => {
    const both = "Argument of type '{ id: string; }' is not assignable to parameter of type 'ClaimInput'.\n  Type '{ id: string; }' is missing the following properties from type 'Omit<ClaimRecord, \"basis\" | \"cell\" | \"notebook\" | \"section\">': verdict, factor";
    expect(typeErrorHint(both)).toBe(". A claim's verdict and factor come from checkClaim(stated, computed): spread it into the claim, nb.claim({ …, ...checkClaim(stated, computed) })");
    const one = "Argument of type '{ id: string; }' is not assignable to parameter of type 'ClaimInput'.\n  Property 'factor' is missing in type '{ id: string; verdict: \"consistent\"; }' but required in type 'Omit<ClaimRecord, \"basis\" | \"cell\" | \"notebook\" | \"section\">'.";
    expect(typeErrorHint(one)).toBe(" A claim's factor comes from checkClaim(stated, computed): spread it into the claim, nb.claim({ …, ...checkClaim(stated, computed) })");
    // Another missing property of a claim is TypeScript's to name alone.
    expect(typeErrorHint("Type '{}' is missing the following properties from type 'Omit<ClaimRecord, \"basis\">': id, claim")).toBe("");
  });

  // Before: a Deno cell in a tslab notebook (or one without a kernelspec) got TypeScript's bare "Cannot find name 'Deno'".
  it("says a notebook that meets no Deno namespace runs under tslab, and how to make it a Deno notebook", () => {
    expect(typeErrorHint("Cannot find name 'Deno'.")).toContain(' This notebook runs under tslab (its kernelspec names tslab, or it has none), where Deno\'s namespace does not exist: for a Deno notebook set the kernelspec\'s name to "deno"');
    expect(typeErrorHint("Cannot find name 'Denoo'.")).toBe("");
  });

  it("gives that hint only when the API's own type is what the value should have been, and TypeScript suggested nothing", () => {
    expect(typeErrorHint(`Type '"ok"' is not assignable to type 'VerdictLike'.`)).toBe("");
    expect(typeErrorHint(`Argument of type 'NumberFormat' is not assignable to parameter of type 'number'.`)).toBe("");
    expect(typeErrorHint(`Type '"usdd"' is not assignable to type 'NumberFormat'. Did you mean '"usd"'?`)).toBe("");
    expect(typeErrorHint(`Type 'number' is not assignable to type 'string'.`)).toBe("");
    expect(typeErrorHint(`Type '"ok"' is not assignable to type 'Verdict'.`)).toBe(' A verdict of the notebook API is one of "consistent", "overstated", "understated", "unverifiable".');
    // A chain (a format widened to string in an object) ends in the property's type: that line counts.
    const chain = "Argument of type '{ id: string; format: string; }' is not assignable to parameter of type 'FigureSpec'.\n  Types of property 'format' are incompatible.\n    Type 'string' is not assignable to type 'NumberFormat'.";
    expect(typeErrorHint(chain)).toBe(' A format of the notebook API is one of "usd", "multiple", "percent", "count", "year", "correlation", "number".');
  });

  it("finds the top-level names of every declaration kind", () => {
    const names = topLevelNames('import d, { a as b } from "m";\nimport * as ns from "n";\nlet x = 1, { y } = o;\nconst [z] = w;\nfunction f() {}\nclass C {}\ninterface I {}\ntype T = 1;\nenum E { A }');
    expect([...names]).toEqual([["d", "other"], ["b", "other"], ["ns", "other"], ["x", "mutable"], ["y", "mutable"], ["z", "const"], ["f", "other"], ["C", "other"], ["I", "other"], ["T", "other"], ["E", "other"]]);
  });

  it("checks a 2,000-cell notebook (each header names only what the cell uses) and locates an error in cell 1999", () => {
    const cells = Array.from({ length: 2000 }, (_, i) =>
      i === 0 ? "let total = 0;" : i === 1998 ? `const wrong: string = v${i - 1} + total;` : `const v${i} = ${i} + total;\ntotal += v${i};\nfunction f${i}(x: number): number { return x + v${i}; }`,
    );
    const file = temp.notebook("big.ipynb", { cells });
    const diagnostics = checkNotebooks([file], { root, includeSrc: false });
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${file}: cell 1999, line 1, column 7: TS2322: Type 'number' is not assignable to type 'string'.`]);
  }, 120_000);
});

describe("a misspelt name from an earlier cell", () => {
  it("is suggested as tslab's compiler would (TS2552), by check and by run; an unrelated name is not", async () => {
    const file = temp.notebook("misspelt.ipynb", { cells: ["const perDay = 24;\nconst other = 1;", "console.log(perDya);", "console.log(zzzz);"] });
    const diagnostics = checkNotebooks([file], { root, includeSrc: false });
    expect(diagnostics.map((d) => [d.cell, d.code, d.message])).toEqual([
      [2, 2552, "Cannot find name 'perDya'. Did you mean 'perDay'?"],
      [3, 2304, "Cannot find name 'zzzz'."],
    ]);
    const run = await executeNotebook(file, { cache: false });
    expect(run.error).toMatchObject({ kind: "type", cell: 2, ename: "TS2552", evalue: "Cannot find name 'perDya'. Did you mean 'perDay'?" });
  });
});

describe("a @module cell's names", () => {
  it("are not suggested from the notebook's earlier cells, which a module cell cannot see", async () => {
    const { cellModules } = await import("../../src/notebook/typecheck");
    const file = temp.notebook("module-names.ipynb", { cells: ["const perDay = 24;", "/** @module lib */\nexport const x = 1;", "const y = perDay;"] });
    const modules = cellModules({ file, cells: [{ cell: 1, source: "const perDay = 24;" }, { cell: 2, source: "/** @module lib */\nexport const x = 1;" }, { cell: 3, source: "const y = perDay;" }] }, temp.path);
    expect(modules.map((m) => [m.cell, m.earlierNames])).toEqual([[1, []], [2, []], [3, ["perDay"]]]);
  });
});

describe("fragtax check on the command line", () => {
  it("shows each error with the code frame fragtax run shows: from the cell, or from the imported file", () => {
    const folder = join(temp.path, "framed");
    temp.write("framed/package.json", '{ "name": "framed", "private": true }');
    temp.write("framed/lib/convert.ts", "export const asText = (x: number): string => x;\n");
    const file = temp.notebook("framed/t.ipynb", { cells: ['import { asText } from "./lib/convert";\nlet n = 1;', "const label = asText(n);\nconst s: string = n;"] });
    const run = spawnSync(process.execPath, [join(root, "dist", "cli.cjs"), "check", file], { encoding: "utf8", cwd: folder });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(["t.ipynb: cell 2, line 2, column 7: TS2322: Type 'number' is not assignable to type 'string'.", "  1 | const label = asText(n);", "> 2 | const s: string = n;", "    |       ^"].join("\n"));
    expect(run.stderr).toContain(["lib/convert.ts:1:46: TS2322: Type 'number' is not assignable to type 'string'.", "> 1 | export const asText = (x: number): string => x;"].join("\n"));
  });
});
