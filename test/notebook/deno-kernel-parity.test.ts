/**
 * Deno notebooks under fragtax against what Deno's kernel (`deno jupyter`, Deno 2.9, under nbconvert)
 * shows, for behaviours the fixtures of deno.test.ts do not reach: a thrown value that is no Error,
 * raw writes to Deno.stdout, console.group and console.assert, Deno.jupyter.format and JSON imports.
 * Each expectation is what Deno's kernel showed for the same cell; fragtax alone runs here (no Jupyter).
 */
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebooks } from "../../src/notebook/execute-many";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());

describe("a Deno cell that throws a value that is no Error", () => {
  // Deno's kernel (deno jupyter 2.x under nbconvert) reports `throw null` as Error "null", `throw 1` as
  // Error "1" and an object, a `message` field or not, as Error "[object Object]". Before: "thrown
  // value: null", and `{ name: "N", message: "M" }` read as an error named N.
  it("fails the cell with the value as Deno's kernel writes it", async () => {
    const kernel = { name: "deno", language: "typescript" };
    const values = ["null", "1", '"boom"', '{ name: "N", message: "M" }'];
    const files = values.map((value, index) => temp.notebook(`deno-throw-${index}.ipynb`, { kernel, cells: [`throw ${value};`] }));
    const runs = await executeNotebooks(files);
    expect(runs.map((run) => [run.error?.ename, run.error?.evalue])).toEqual([["Error", "null"], ["Error", "1"], ["Error", "boom"], ["Error", "[object Object]"]]);
  });
});

describe("a Deno cell that writes to Deno.stdout without a newline", () => {
  // Before: the runner's next event was read as part of that line, so the cell showed
  // 'raw\u001e{"type":"cell-end",…}' as its output and lost its value.
  it("shows the text, then the cell's value, and the next cell runs", async () => {
    const file = temp.notebook("deno-raw-stdout.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ['Deno.stdout.writeSync(new TextEncoder().encode("raw"));', 'console.log("next");'] });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toBeUndefined();
    const outputs = run?.executed.cells.map((cell) => (cell.cell_type === "code" ? cell.outputs : []));
    expect(outputs).toMatchObject([[{ output_type: "stream", name: "stdout", text: "raw" }, { output_type: "execute_result", data: { "text/plain": "3" } }], [{ output_type: "stream", name: "stdout", text: "next\n" }]]);
  });
});

describe("console.group and console.assert in a Deno cell", () => {
  // Deno's kernel shows "G\n  inner\n…" and "Assertion failed" on stderr. Before: no indentation, and
  // the assertion went to Deno's own stderr, which is not the cell's output: it was lost.
  it("indents what is logged in a group and writes a failed assertion to stderr", async () => {
    const cells = ['console.group("G");\nconsole.log("inner");\nconsole.group();\nconsole.info("deeper\\nline2");\nconsole.groupEnd();\nconsole.groupEnd();\nconsole.log("outer");', 'console.assert(1 > 2);\nconsole.assert(1 > 2, "with %s", "format");'];
    const file = temp.notebook("deno-console.ipynb", { kernel: { name: "deno", language: "typescript" }, cells });
    const [run] = await executeNotebooks([file]);
    expect(run?.executed.cells.map((cell) => (cell.cell_type === "code" ? cell.outputs : []))).toMatchObject([
      [{ name: "stdout", text: "G\n  inner\n    deeper\n    line2\nouter\n" }],
      [{ name: "stderr", text: "Assertion failed\nAssertion failed: with format\n" }],
    ]);
  });
});

describe("Deno.jupyter.format", () => {
  // In deno jupyter (Deno 2.9) it returns a Promise: a cell ending in it shows
  // 'Promise { { "text/plain": "{ a: 1 }" } }'. Before: the bundle itself.
  it("is a Promise of the value's bundle, as in Deno's kernel", async () => {
    const file = temp.notebook("deno-format.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ["Deno.jupyter.format({ a: 1 })", "(await Deno.jupyter.format({ a: 1 }))['text/plain']"] });
    const [run] = await executeNotebooks([file]);
    expect(run?.executed.cells.map((cell) => (cell.cell_type === "code" ? cell.outputs : []))).toMatchObject([[{ data: { "text/plain": 'Promise { { "text/plain": "{ a: 1 }" } }' } }], [{ data: { "text/plain": '"{ a: 1 }"' } }]]);
  });
});

describe("a Deno cell importing JSON", () => {
  // deno jupyter loads a JSON file imported `with { type: "json" }`; before, esbuild's ES2022 output
  // dropped the attribute and Deno refused the import ("Attempted to load JSON module without …").
  it("loads it with its type attribute, statically and by import()", async () => {
    temp.write("deno-json/data.json", '{ "a": 1 }\n');
    const file = temp.notebook("deno-json/json.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ['import data from "./data.json" with { type: "json" };\ndata.a', 'const again = await import("./data.json", { with: { type: "json" } });\nagain.default.a + 1'] });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toBeUndefined();
    expect(run?.executed.cells.map((cell) => (cell.cell_type === "code" ? cell.outputs : []))).toMatchObject([[{ data: { "text/plain": "1" } }], [{ data: { "text/plain": "2" } }]]);
  });

  // Before: a JSON file no static import had loaded failed by import() alone, as plain `deno run` does not:
  // the runner loads a cell's imports before the cell runs, and loaded this one without its type.
  it("loads it by import() alone, by a relative or an absolute path", async () => {
    const data = temp.write("deno-json-dynamic/data.json", '{ "a": 1 }\n');
    temp.write("deno-json-dynamic/other.json", '{ "b": 2 }\n');
    const cells = [`const absolute = await import(${JSON.stringify(data)}, { with: { type: "json" } });\nabsolute.default.a`, 'const relative = await import("./other.json", { with: { type: "json" } });\nrelative.default.b'];
    const file = temp.notebook("deno-json-dynamic/json.ipynb", { kernel: { name: "deno", language: "typescript" }, cells });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toBeUndefined();
    expect(run?.executed.cells.map((cell) => (cell.cell_type === "code" ? cell.outputs : []))).toMatchObject([[{ data: { "text/plain": "1" } }], [{ data: { "text/plain": "2" } }]]);
  });
});
