import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebook } from "../../src/notebook/execute";
import { NotebookFormatError, type CodeCell } from "../../src/notebook/nbformat";
import { TempDir } from "./helpers";
import { codeFrame } from "../../src/util/code-frame";
import { locateFailure } from "../../src/notebook/failures";
import { visibleControls } from "../../src/format/control";

const temp = new TempDir();
afterAll(() => temp.cleanup());

const code = (cells: readonly { cell_type: string }[]) => cells.filter((cell): cell is CodeCell => cell.cell_type === "code");

describe("errors before any cell runs", () => {
  it("finds a syntax error in a later cell before running the first", async () => {
    const file = temp.notebook("syntax.ipynb", { cells: ['console.log("ran")', { markdown: "text" }, "const ok = 1;\nconst broken = (1 + ;"] });
    const run = await executeNotebook(file);
    expect(run.status).toBe("failed");
    expect(run.cellsRun).toBe(0);
    expect(code(run.executed.cells)[0]?.outputs).toEqual([]);
    expect(run.error).toMatchObject({ kind: "syntax", cell: 3, line: 2, column: 21, ename: "TS1109", evalue: "Expression expected." });
    expect(run.error?.message).toMatch(/syntax\.ipynb: cell 3, line 2, column 21: TS1109: Expression expected\./);
    expect(run.error?.frame).toContain("> 2 | const broken = (1 + ;");
  });

  it("locates a thrown value that is no Error at the cell's one throw statement, and says why it has no line of its own", async () => {
    const one = await executeNotebook(temp.notebook("throw-undefined.ipynb", { cells: ["const a = 1;", "if (a === 1) {\n  throw undefined;\n}"] }));
    expect(one.error).toMatchObject({ cell: 2, line: 2, column: 3, ename: "Error", evalue: "undefined" });
    expect(one.error?.frame).toContain("(the cell threw undefined, which is not an Error and names no line: the place above is the cell's one throw statement; throw new Error(\"…\") to have the line it is thrown from named)");
    // Two throw statements: which one threw is not known; the cell is named, and why no line.
    const two = await executeNotebook(temp.notebook("throw-object.ipynb", { cells: ["const a = Number(\"1\");\nif (a === 2) throw 1;\nelse throw { code: 42 };"] }));
    expect(two.error).toMatchObject({ cell: 1, ename: "Error", evalue: "{ code: 42 }" });
    expect(two.error?.line).toBeUndefined();
    expect(two.error?.frame).toContain("(the cell threw { code: 42 }, which is not an Error and names no line; throw new Error(\"…\") to have the line it is thrown from named)");
    // A promise rejected with no Error: located at the cell's one await, with the advice to reject with an Error.
    const rejected = await executeNotebook(temp.notebook("reject-undefined.ipynb", { cells: ["const a = 1;\nawait Promise.reject();"] }));
    expect(rejected.error).toMatchObject({ cell: 1, line: 2, column: 1, evalue: "undefined" });
    expect(rejected.error?.frame).toContain('(the promise the cell awaits above was rejected with undefined, which is not an Error and names no line; reject with an Error, e.g. Promise.reject(new Error("…")) or reject(new Error("…")), to have the line it comes from named)');
  });

  it("names a missing module with the cell and line that imports it", async () => {
    const file = temp.notebook("missing.ipynb", { cells: ["const a = 1;", 'const b = 2;\nimport { x } from "./does-not-exist";'] });
    const run = await executeNotebook(file);
    expect(run.status).toBe("failed");
    expect(run.cellsRun).toBe(0);
    expect(run.error).toMatchObject({ kind: "module", cell: 2, line: 2 });
    expect(run.error?.evalue).toContain('cannot find module "./does-not-exist"');
  });

  it("says the same for a notebook in a subfolder, without naming the engine's own entry file", async () => {
    const project = new TempDir();
    project.write("package.json", '{ "name": "sub-project", "private": true }\n');
    const file = project.notebook("notebooks/sub/missing.ipynb", { cells: ['import { x } from "../dist/not-here.js";'] });
    const run = await executeNotebook(file).finally(() => project.cleanup());
    expect(run.error).toMatchObject({ kind: "module", cell: 1, line: 1 });
    expect(run.error?.evalue).toBe('cannot find module "../dist/not-here.js" (imports resolve from the notebook\'s folder, like in Jupyter)');
  });

  it("says a package that is not installed is a package to install, not a path to look for", async () => {
    const file = temp.notebook("no-package.ipynb", { cells: ['import { parse } from "no-such-package-here/sync";\nconst p = parse;'] });
    const run = await executeNotebook(file);
    expect(run.error).toMatchObject({ kind: "module", cell: 1, line: 1 });
    expect(run.error?.evalue).toBe('cannot find module "no-such-package-here/sync": the package "no-such-package-here" is not installed in this project; install it with `npm install no-such-package-here` (or check the name)');
    const scoped = temp.notebook("no-scoped.ipynb", { cells: ['import x from "@nowhere/pkg/deep";\nconst y = x;'] });
    expect((await executeNotebook(scoped)).error?.evalue).toContain("`npm install @nowhere/pkg`");
  });

  it("rejects a file that is not JSON, with line and column", async () => {
    const file = temp.write("notjson.ipynb", '{\n  "cells": [\n    oops\n  ]\n}');
    const error = await executeNotebook(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotebookFormatError);
    expect((error as Error).message).toMatch(/notjson\.ipynb:3:5: not a notebook: the file is not valid JSON here: unexpected 'oops' \(text in JSON is in double quotes\);/);
    // The line, with a caret at the place: not V8's excerpt of the text around it, line breaks and all, inside the sentence.
    expect((error as Error).message.split("\n").slice(1)).toEqual(['  2 |   "cells": [', "> 3 |     oops", "    |     ^", "  4 |   ]"]);
  });

  it("says a time limit reached before any code cell began is the notebook's set-up, not a \"cell 0\"", () => {
    const places = { cells: [], notebook: "notebooks/12-notes.ipynb", root: ".", bundle: {} as never, deno: false };
    const error = locateFailure({ kind: "timeout", cell: 0 }, new Map(), places, 1);
    expect(error?.message).toBe("notebooks/12-notes.ipynb: TimeoutError: the notebook's set-up, before any code cell began, did not finish within 0.001 s and was stopped; raise the limit with --timeout SECONDS");
  });

  it("locates a backslash JSON does not take (a Windows path typed by hand) where it is, not as a file cut off", async () => {
    const file = temp.write("escape.ipynb", '{\n  "cells": [],\n  "metadata": { "note": "C:\\data" }\n}');
    const error = await executeNotebook(file).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('escape.ipynb:3:28: not a notebook: the file is not valid JSON here: a backslash JSON does not take: "\\d" is no escape (one backslash is written \\\\, as in "C:\\\\data")');
    expect((error as Error).message).not.toContain("cut off");
  });

  it("says what to do about a hand-edited notebook that is not JSON, and names a byte-order mark, which the JSON error shows as an invisible character (fragtax run, exit 2)", () => {
    const cli = join(import.meta.dirname, "../../dist/cli.cjs");
    const good = JSON.stringify({ cells: [], metadata: { kernelspec: { name: "tslab", language: "typescript", display_name: "TypeScript" } }, nbformat: 4, nbformat_minor: 5 });
    const comma = temp.write("comma.ipynb", good.replace('"cells": []', '"cells": [],,').replace('"cells":[]', '"cells":[],,'));
    const bom = temp.write("bom.ipynb", `\uFEFF${good}`);
    const ran = (file: string) => spawnSync("node", [cli, "run", file, "--out", join(dirname(file), "out.ipynb")], { encoding: "utf8" });
    const commaRun = ran(comma);
    expect(commaRun.status).toBe(2);
    expect(commaRun.stderr).toMatch(/comma\.ipynb:1:\d+: not a notebook: the file is not valid JSON here: unexpected ',' \(two commas, or a comma with no value before it\?\); correct it at that place \(a hand edit: a missing or extra comma or quote\), or restore it from git/);
    const bomRun = ran(bom);
    expect(bomRun.status).toBe(2);
    expect(bomRun.stderr).toContain('bom.ipynb:1:1: not a notebook: the file starts with a byte-order mark (U+FEFF, an editor\'s "UTF-8 with BOM"), which JSON does not allow and Jupyter refuses too; save it as UTF-8 without a BOM');
    expect(bomRun.stderr).not.toContain("\uFEFF");
    // Not a notebook at all (a YAML file given by mistake; not named report.yaml here, which the other
    // notebooks in this folder would take as theirs): said so, not advice to repair or restore its JSON.
    const yaml = temp.write("settings.yaml", "title: A report\nchapters: [a.ipynb]\n");
    const yamlRun = ran(yaml);
    expect(yamlRun.status).toBe(2);
    expect(yamlRun.stderr.trim()).toMatch(/settings\.yaml: not a notebook: this is not an \.ipynb file, and it holds no JSON; give the path of a notebook \(a chapter in notebooks\/, e\.g\. notebooks\/00-summary\.ipynb\)$/);
  });

  it("rejects a notebook nested thousands of levels deep (its run overflowed the stack: Node's bare message), naming the file", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const file = temp.write("deep.ipynb", `{"cells":[],"metadata":{"kernelspec":{"name":"tslab","language":"typescript","display_name":"TypeScript"},"deep":${deep}},"nbformat":4,"nbformat_minor":5}`);
    const error = await executeNotebook(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotebookFormatError);
    expect((error as Error).message).toMatch(/deep\.ipynb: not a notebook as Jupyter writes one: its JSON nests more than 500 levels deep/);
  });

  it("rejects nbformat 3", async () => {
    const file = temp.notebook("old.ipynb", { cells: ["1"], nbformat: 3 });
    await expect(executeNotebook(file)).rejects.toThrow(/nbformat 3 is not supported/);
    // As Jupyter wrote version 3: its cells in "worksheets".
    const worksheets = temp.write("worksheets.ipynb", JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [{ cells: [] }] }));
    await expect(executeNotebook(worksheets)).rejects.toThrow(/nbformat 3 is not supported/);
  });

  it("says a JSON object without a notebook's fields is not a notebook, rather than of an unsupported version", async () => {
    // `{}` read "nbformat undefined is not supported".
    const empty = temp.write("empty.ipynb", "{}\n");
    await expect(executeNotebook(empty)).rejects.toThrow(/empty\.ipynb: not a notebook: the JSON object has no "nbformat" or "cells" \(a notebook Jupyter writes has "cells", "metadata" and "nbformat"\); start a chapter with `fragtax new <name>`/);
    const cellsOnly = temp.write("cells-only.ipynb", '{ "cells": [] }\n');
    await expect(executeNotebook(cellsOnly)).rejects.toThrow(/cells-only\.ipynb: not a notebook: the JSON object has no "nbformat" \(/);
  });

  it("says what a notebook file holds when it is not a notebook's JSON object, and what to do", async () => {
    // They read "not a notebook: expected a JSON object with …", without what the file held or what to do.
    for (const [name, text, holds] of [["array.ipynb", "[]", "a JSON list"], ["string.ipynb", '"x"', "a JSON string"], ["null.ipynb", "null", "JSON null"], ["number.ipynb", "42", "a JSON number"]] as const) {
      await expect(executeNotebook(temp.write(name, text))).rejects.toThrow(
        `${name}: not a notebook: it holds ${holds}, where a notebook Jupyter writes is a JSON object with "cells", "metadata" and "nbformat"; start a chapter with \`fragtax new <name>\`, or restore the file from git`,
      );
    }
    // "nbformat 4 is not supported; fragtax reads nbformat 4": the version written as text.
    const quoted = temp.write("quoted.ipynb", '{ "nbformat": "4", "nbformat_minor": 5, "metadata": {}, "cells": [] }');
    await expect(executeNotebook(quoted)).rejects.toThrow('quoted.ipynb: not a notebook as Jupyter writes one: "nbformat" is "4", where Jupyter writes the version as a number: write "nbformat": 4 (without quotes)');
    // Version 4 without cells: "has no cells", not '"cells" must be an array of cells'.
    const noCells = temp.write("no-cells.ipynb", '{ "nbformat": 4, "nbformat_minor": 5, "metadata": {} }');
    await expect(executeNotebook(noCells)).rejects.toThrow(/no-cells\.ipynb: not a notebook: the JSON object has no "cells" \(/);
  });

  it("rejects a notebook whose kernel is not TypeScript", async () => {
    const file = temp.notebook("python.ipynb", { cells: ["print(1)"], kernel: { name: "python3", language: "python" } });
    await expect(executeNotebook(file)).rejects.toThrow(/kernel is "python3"; fragtax runs notebooks for two kernels: tslab .* and Deno/);
  });
});

describe("errors while running", () => {
  it("locates a runtime error at cell, line and column of the TypeScript source, keeps earlier outputs, marks later cells not run", async () => {
    const file = temp.notebook("runtime.ipynb", {
      cells: [
        'console.log("before");',
        { markdown: "# a heading" },
        "const values: number[] = [1, 2];\ninterface Unused { a: string }\nconst total: number = values.reduce((a, b) => a + b);\nconst broken = (undefined as unknown as { x: number }).x;",
        'console.log("never");',
      ],
    });
    const run = await executeNotebook(file);
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ kind: "runtime", cell: 3, line: 4, column: 56, ename: "TypeError" });
    expect(run.error?.message).toMatch(/runtime\.ipynb: cell 3, line 4, column 56: TypeError: Cannot read properties of undefined/);
    expect(run.error?.frame).toContain("> 4 | const broken");
    const [first, failing, later] = code(run.executed.cells);
    expect(first?.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "before\n" }]);
    expect(failing?.execution_count).toBe(2);
    expect(failing?.outputs[0]).toMatchObject({ output_type: "error", ename: "TypeError" });
    expect(later).toMatchObject({ execution_count: null, outputs: [], metadata: { fragtax: { status: "not-run" } } });
  });

  it("an error thrown inside an imported file: located at the calling cell and in that file, with both code frames (a cached bundle too)", async () => {
    temp.write("thrown/package.json", '{ "name": "thrown", "private": true }');
    // Inside the notebook's folder: tslab's rootDir holds no TypeScript file outside it (tslab-root-dir.ts).
    temp.write("thrown/notebooks/lib/price.ts", "export function price(gpus: number): number {\n  if (gpus < 0) {\n    throw new RangeError(`negative GPU count: ${gpus}`);\n  }\n  return gpus * 2;\n}\n");
    const file = temp.notebook("thrown/notebooks/t.ipynb", { cells: ['import { price } from "./lib/price";', "const fine = price(2);\nconst bad = price(-1);"] });
    for (const attempt of ["fresh bundle", "cached bundle"]) {
      const run = await executeNotebook(file);
      expect(run.error, attempt).toMatchObject({ kind: "runtime", cell: 2, line: 2, column: 13, ename: "RangeError", evalue: "negative GPU count: -1" });
      const frame = run.error?.frame ?? "";
      expect(frame, attempt).toContain("> 2 | const bad = price(-1);");
      expect(frame, attempt).toContain("thrown in notebooks/lib/price.ts:3:11:");
      expect(frame, attempt).toMatch(/> 3 \| {5}throw new RangeError/);
      // The executed notebook's error output carries the same text (what Jupyter shows).
      const output = code(run.executed.cells)[1]?.outputs[0];
      expect(output?.output_type === "error" ? output.traceback.join("\n") : "").toContain("thrown in notebooks/lib/price.ts:3:11:");
    }
  });

  it("an error with a message of a million characters is located as any other (the frame search took minutes, deaf to Ctrl-C)", async () => {
    const file = temp.notebook("long-message.ipynb", { cells: ['console.log("before");', 'throw new Error("bad data: " + "x".repeat(1_000_000));'] });
    const run = await executeNotebook(file);
    expect(run.error).toMatchObject({ kind: "runtime", cell: 2, line: 1, column: 7, ename: "Error" });
    expect(run.error?.evalue.startsWith("bad data: xxx")).toBe(true);
  });

  it("an error whose message getter throws fails its own cell, saying so (it was put on the first cell, with the getter's message)", async () => {
    const file = temp.notebook("getter.ipynb", {
      cells: ['console.log("first");', 'const e = new Error("real");\nObject.defineProperty(e, "message", { get() { throw new Error("getter boom"); } });\nthrow e;', 'console.log("never");'],
    });
    const run = await executeNotebook(file);
    expect(run.error).toMatchObject({ kind: "runtime", cell: 2, ename: "Error" });
    expect(run.error?.evalue).toContain("(its message could not be read: reading it threw Error: getter boom)");
    expect(code(run.executed.cells)[0]?.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "first\n" }]);
  });

  describe("a callback the last cell scheduled that throws once the cell ended (fragtax run, a process each)", () => {
    const cli = join(import.meta.dirname, "../../dist/cli.cjs");
    const run = (name: string, delayMs: number) => {
      const file = temp.notebook(name, { cells: [`const x = 1;\nsetTimeout(() => { throw new Error("late"); }, ${delayMs});`] });
      return spawnSync("node", [cli, "run", file, "--out", join(dirname(file), `${name}.out.ipynb`)], { encoding: "utf8" });
    };

    it("a moment later (1 ms) fails that cell, located; it aborted the whole process (V8's fatal error, exit 134) or blamed process.exit", () => {
      for (const attempt of [1, 2, 3]) {
        const ran = run(`late-timer-${attempt}.ipynb`, 1);
        expect(ran.stderr).not.toMatch(/FATAL ERROR|process\.exit|stopped unexpectedly|Node\.js v/);
        expect(ran.status).toBe(1);
        expect(ran.stderr).toMatch(/late-timer-\d\.ipynb: cell 1, line 2, column 26: Error: late/);
      }
    });

    it("after the run is over (300 ms) is not a crash: the notebook's result stands", () => {
      for (const attempt of [1, 2]) {
        const ran = run(`later-timer-${attempt}.ipynb`, 300);
        expect(ran.stderr).not.toMatch(/FATAL ERROR|process\.exit|stopped unexpectedly|Node\.js v/);
        expect(ran.status).toBe(0);
      }
    });
  });

  it("a cell stopped at its time limit inside an imported module is located at its call and at the loop in that file", async () => {
    temp.write("spinner.ts", "export function spin(n: number): void {\n  let i = n;\n  for (;;) {\n    i += 1;\n  }\n}\n");
    const file = temp.notebook("spins-in-import.ipynb", { cells: ['import { spin } from "./spinner";\nconst start: number = 1;\nspin(start);'] });
    const run = await executeNotebook(file, { timeoutMs: 500 });
    expect(run.error).toMatchObject({ kind: "timeout", cell: 1, line: 3, ename: "TimeoutError" });
    expect(run.error?.frame).toContain("> 3 | spin(start);");
    expect(run.error?.frame).toMatch(/running in spinner\.ts:3:3 when it was stopped:\n[\s\S]*> 3 \| {3}for \(;;\) \{/);
  });

  it("an error thrown in the cell itself names no other file", async () => {
    const file = temp.notebook("own-throw.ipynb", { cells: ['const f = (n: number) => { if (n < 0) throw new Error("negative"); return n; };\nf(-1);'] });
    const run = await executeNotebook(file);
    expect(run.error).toMatchObject({ kind: "runtime", cell: 1, ename: "Error", evalue: "negative" });
    expect(run.error?.frame ?? "").not.toContain("thrown in");
  });

  it("stops a synchronous endless cell at the timeout and names it, at the line it was running", async () => {
    const file = temp.notebook("spin.ipynb", { cells: ['console.log("first")', "let turns = 0;\nwhile (true) {\n  turns += 1;\n}", 'console.log("never")'] });
    const run = await executeNotebook(file, { timeoutMs: 1000 });
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ kind: "timeout", cell: 2, line: 2, ename: "TimeoutError" });
    expect(run.error?.message).toMatch(/spin\.ipynb: cell 2, line 2, column 1: TimeoutError: the cell did not finish within 1 s/);
    expect(run.error?.frame).toContain("> 2 | while (true) {");
    expect(code(run.executed.cells)[0]?.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "first\n" }]);
  });

  it("stops an async cell that never settles (while a timer keeps the loop alive) at the timeout", async () => {
    const file = temp.notebook("never.ipynb", { cells: ["setInterval(() => {}, 50);\nawait new Promise(() => {});", "1"] });
    const run = await executeNotebook(file, { timeoutMs: 500 });
    expect(run.error).toMatchObject({ kind: "timeout", cell: 1 });
    expect(code(run.executed.cells)[1]?.metadata).toEqual({ fragtax: { status: "not-run" } });
  });

  it("reports at once an awaited promise that nothing can settle", async () => {
    const file = temp.notebook("stalled.ipynb", { cells: ["1", "await new Promise(() => {});"] });
    const run = await executeNotebook(file, { timeoutMs: 60_000 });
    expect(run.error).toMatchObject({ kind: "stalled", cell: 2 });
    expect(run.error?.evalue).toMatch(/can never settle/);
  });

  it("stops a cell that keeps the event loop busy after an await", async () => {
    const file = temp.notebook("later.ipynb", { cells: ["await Promise.resolve();\nsetInterval(() => {}, 10);\nfor (;;) {}"] });
    const run = await executeNotebook(file, { timeoutMs: 500 });
    expect(run.error).toMatchObject({ kind: "timeout", cell: 1 });
  });
});

describe("thrownInImport (where in an imported file an error was thrown)", () => {
  it("under Deno: a project file's file URL frame, never the engine's runner script or a package", async () => {
    const { thrownInImport } = await import("../../src/notebook/errors");
    const bundle = { file: "fragtax-imports.js", map: undefined, prefix: "" };
    const root = "/project";
    const stack = (frame: string) => `Error: x\n    at f (${frame})\n    at cell (fragtax-cell-2.ts:1:1)`;
    expect(thrownInImport(stack("file:///project/notebooks/lib/a.ts:3:11"), bundle, root, { fileUrls: true })).toEqual({ file: "/project/notebooks/lib/a.ts", line: 3, column: 11 });
    expect(thrownInImport(stack("file:///project/notebooks/$deno$stdin.mts:1:27"), bundle, root, { fileUrls: true })).toBeUndefined();
    expect(thrownInImport(stack("file:///project/node_modules/p/index.js:1:2"), bundle, root, { fileUrls: true })).toBeUndefined();
    expect(thrownInImport(stack("file:///elsewhere/a.ts:1:2"), bundle, root, { fileUrls: true })).toBeUndefined();
    // Under Node a file URL frame is the engine's own code.
    expect(thrownInImport(stack("file:///project/notebooks/lib/a.ts:3:11"), bundle, root, { fileUrls: false })).toBeUndefined();
  });
});

describe("codeFrame", () => {
  it("puts the caret under the column whatever the line holds before it: tabs, control characters shown as escapes, or nothing", () => {
    // Padding with one space per character put the caret 3 columns left of a column after "\x1b" (shown as 4 characters),
    // and left of any column after a tab, which a terminal widens to the next tab stop.
    const caret = (source: string, column: number) => (codeFrame(source, 1, column).split("\n")[1] ?? "").slice("    | ".length);
    expect(caret("\tconst x = 1;", 8)).toBe("\t      ^");
    expect(visibleControls("const s = \"\u001b[31m\"; x;")).toBe('const s = "\\x1b[31m"; x;');
    expect(caret("const s = \"\u001b[31m\"; x;", 20)).toBe(" ".repeat(22) + "^");
    expect(caret("ab", 5)).toBe("    ^");
  });

  it("shows no numbered empty line after the last line of a cell that ends with a line break", () => {
    expect(codeFrame("const x: number = 1;\nconst y: string = x;\n", 2, 7)).toBe("  1 | const x: number = 1;\n> 2 | const y: string = x;\n    |       ^");
    // An error on the empty line itself (an unexpected end) still shows it.
    expect(codeFrame("f(\n", 2, 1)).toBe("  1 | f(\n> 2 |\n    | ^");
    expect(codeFrame("a;\n\nb;\n", 1, 1)).toBe("> 1 | a;\n    | ^\n  2 |\n  3 | b;");
  });
});
