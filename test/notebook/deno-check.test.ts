/**
 * Deno notebooks are type-checked by Deno's own checker (`deno check`), with tslab's cell rules, and
 * a type error is located and refused exactly as in a tslab notebook: by `fragtax check` (exit 1),
 * `fragtax run` (the cells before it run, it and the ones after do not; exit 1) — in a cell, or in an
 * imported local `.ts` file, located in that file. Timeouts and runtime errors are located the same way.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkDenoNotebooks, formatDiagnostic } from "../../src/notebook/check";
import { executeNotebook } from "../../src/notebook/execute";
import { runSummary } from "../../src/messages/notebook";
import type { CodeCell, Output } from "../../src/notebook/nbformat";
import { TempDir } from "./helpers";

const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "dist", "cli.cjs");
const temp = new TempDir();
afterAll(() => temp.cleanup());
const deno = { name: "deno", language: "typescript" };

const codeCells = (cells: readonly { cell_type: string }[]): CodeCell[] => cells.filter((cell): cell is CodeCell => cell.cell_type === "code");
const stdout = (outputs: readonly Output[]): string => outputs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? o.text : "")).join("");

describe("a type error in a Deno notebook refuses to run (fragtax run)", () => {
  it("runs the cells before it, not it nor the cells after; located with TS code and message", async () => {
    const file = temp.notebook("typed.ipynb", { kernel: deno, cells: ['console.log("first", typeof Deno.pid);\nlet n = 1;', 'console.log("never");\nconst s: string = n;', 'console.log("after");'] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ kind: "type", cell: 2, line: 2, column: 7, ename: "TS2322", evalue: "Type 'number' is not assignable to type 'string'." });
    expect(run.error?.message).toBe("typed.ipynb: cell 2, line 2, column 7: TS2322: Type 'number' is not assignable to type 'string'.");
    const cells = codeCells(run.executed.cells);
    expect(stdout(cells[0]?.outputs ?? [])).toBe("first number\n");
    expect(cells[1]?.outputs.map((o) => o.output_type)).toEqual(["error"]);
    expect(cells[2]?.metadata.fragtax).toEqual({ status: "not-run" });
  });

  it("says when it waits for its own type check, and gives that time apart from the cells' (Deno's check takes seconds)", async () => {
    const file = temp.notebook("timed.ipynb", { kernel: deno, cells: ["let n = 1;", "console.log(n + 1);"] });
    const events: string[] = [];
    const run = await executeNotebook(file, { cache: false, checking: () => (events.push("checking"), () => events.push("checked")) });
    expect(run.status).toBe("ok");
    expect(events).toEqual(["checking", "checked"]);
    expect(run.typeCheckMs).toBeGreaterThan(0);
    expect(run.durationMs).toBeGreaterThan(0);
    // As `fragtax run` says it, when the check took a while: apart from the cells' time.
    expect(runSummary("timed.ipynb", 2, 812, undefined, 3640)).toBe("timed.ipynb: ran 2 code cells in 812 ms, after a type check of 3.6 s");
    expect(runSummary("timed.ipynb", 2, 812)).toBe("timed.ipynb: ran 2 code cells in 812 ms");
  });

  it("a syntax error: tslab's code (TS1109), the cell's line, one code frame (Deno's own is dropped)", async () => {
    const file = temp.notebook("syntax.ipynb", { kernel: deno, cells: ['console.log("first");', "let b = 2;\nconst z = (;"] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ kind: "syntax", cell: 2, line: 2, column: 12, ename: "TS1109", evalue: "Expression expected" });
    expect(run.error?.frame).toBe("  1 | let b = 2;\n> 2 | const z = (;\n    |            ^");
  });

  it("knows Deno's types: a wrong use of the Deno namespace is a type error", async () => {
    const file = temp.notebook("deno-types.ipynb", { kernel: deno, cells: ["const v: number = Deno.version.deno;"] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.error).toMatchObject({ kind: "type", cell: 1, line: 1, column: 7, ename: "TS2322", evalue: "Type 'string' is not assignable to type 'number'." });
  });

  it("refuses an assignment to a const of an earlier cell (TS2588); a later cell may redeclare a name", async () => {
    const redeclared = temp.notebook("redeclare.ipynb", { kernel: deno, cells: ["const x = 1;", 'const x = "two";\nconsole.log(x.length);'] });
    expect((await executeNotebook(redeclared, { cache: false })).status).toBe("ok");
    const file = temp.notebook("const.ipynb", { kernel: deno, cells: ["const x = 1;", "x = 2;\nconsole.log(x);"] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.error).toMatchObject({ kind: "type", cell: 2, line: 1, column: 1, ename: "TS2588", evalue: "Cannot assign to 'x' because it is a constant." });
  });

  it("locates a type error inside an imported local .ts file in that file, and stops the importing cell", async () => {
    temp.write("deno-lib/bad.ts", 'export function twice(x: number): number {\n  const label: string = x;\n  return x * 2;\n}\n');
    const file = temp.notebook("imports-bad.ipynb", { kernel: deno, cells: ['console.log("before");', 'import { twice } from "./deno-lib/bad.ts";\nconsole.log(twice(2));'] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.error).toMatchObject({ kind: "type", cell: 2, ename: "TS2322" });
    expect(run.error?.line).toBeUndefined();
    expect(run.error?.message).toBe("imports-bad.ipynb: cell 2: TS2322: deno-lib/bad.ts:2:9: Type 'number' is not assignable to type 'string'.");
    expect(stdout(codeCells(run.executed.cells)[0]?.outputs ?? [])).toBe("before\n");
  });

  it("the CLI prints the located error and exits 1", () => {
    const file = temp.notebook("cli-typed.ipynb", { kernel: deno, cells: ["const s: string = 5;"] });
    const run = spawnSync("node", [cli, "run", file, "--out", "-"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("cli-typed.ipynb: cell 1, line 1, column 7: TS2322: Type 'number' is not assignable to type 'string'.");
  });

  it("a cell that runs too long is stopped and located; what it printed before stays", async () => {
    const file = temp.notebook("slow.ipynb", { kernel: deno, cells: ['console.log("ok");', 'console.log("spinning");\nwhile (true) {}', 'console.log("never");'] });
    const run = await executeNotebook(file, { cache: false, timeoutMs: 2000 });
    expect(run.error).toMatchObject({ kind: "timeout", cell: 2, ename: "TimeoutError" });
    expect(run.error?.evalue).toContain("did not finish within 2 s");
    const cells = codeCells(run.executed.cells);
    expect(stdout(cells[1]?.outputs ?? [])).toBe("spinning\n");
    expect(cells[2]?.metadata.fragtax).toEqual({ status: "not-run" });
  });
});

describe("a runtime error in a Deno notebook", () => {
  it("thrown inside a local file Deno loads itself: located at the calling cell and in that file", async () => {
    temp.write("thrown-deno/price.ts", "export function price(gpus: number): number {\n  if (gpus < 0) {\n    throw new RangeError(`negative GPU count: ${gpus}`);\n  }\n  return gpus * 2;\n}\n");
    const file = temp.notebook("thrown-deno/t.ipynb", { kernel: deno, cells: ['import { price } from "./price.ts";', "const fine = price(2);\nconst bad = price(-1);"] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.error).toMatchObject({ kind: "runtime", cell: 2, line: 2, column: 13, ename: "RangeError", evalue: "negative GPU count: -1" });
    expect(run.error?.frame).toContain("thrown in price.ts:3:11:"); // the notebook's folder is its project here
    expect(run.error?.frame).toMatch(/> 3 \| {5}throw new RangeError/);
  });
});

describe("fragtax check on Deno notebooks", () => {
  it("reports every type error by notebook / cell / line / column, and in an imported file by file:line:column", async () => {
    temp.write("check-lib/wrong.ts", 'export const size: number = "big";\n');
    const file = temp.notebook("check-me.ipynb", { kernel: deno, cells: ["let n = 1;", 'import { size } from "./check-lib/wrong.ts";\nn = "x";\nconsole.log(size);'] });
    const diagnostics = (await checkDenoNotebooks([file], { root: temp.path })).map(formatDiagnostic).sort();
    expect(diagnostics).toEqual([
      "check-lib/wrong.ts:1:14: TS2322: Type 'string' is not assignable to type 'number'.",
      "check-me.ipynb: cell 2, line 2, column 1: TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
  });

  it("the CLI exits 1 on a type error in a Deno notebook and 0 when it is fixed", () => {
    const file = temp.notebook("cli-check.ipynb", { kernel: deno, cells: ["const big: number = 10n;"] });
    const failed = spawnSync("node", [cli, "check", file], { encoding: "utf8", cwd: temp.path });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("cli-check.ipynb: cell 1, line 1, column 7: TS2322: Type 'bigint' is not assignable to type 'number'.");
    temp.notebook("cli-check.ipynb", { kernel: deno, cells: ["const big: bigint = 10n;"] });
    const fixed = spawnSync("node", [cli, "check", file], { encoding: "utf8", cwd: temp.path });
    expect(fixed.stderr).not.toMatch(/: TS\d+:/);
    expect(fixed.status).toBe(0);
  });

  it("refuses tslab's module in a Deno notebook (a tslab chapter's first cell copied), at the import, as its run would fail", () => {
    const file = temp.notebook("copied.ipynb", { kernel: deno, cells: ['import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nconst nb = notebook(tslab);', 'const again = await import("npm:tslab");\nconst other = notebook(again);'] });
    const checked = spawnSync("node", [cli, "check", file], { encoding: "utf8", cwd: temp.path });
    expect(checked.status).toBe(1);
    const said = 'is the tslab kernel\'s module, and notebook(tslab) finds no fragtax run context under Deno; take this import out and write const nb = notebook(Deno.jupyter)';
    expect(checked.stderr).toContain(`copied.ipynb: cell 1, line 1, column 24: this is a Deno notebook: "tslab" ${said}`);
    expect(checked.stderr).toContain(`copied.ipynb: cell 2, line 1, column 28: this is a Deno notebook: "npm:tslab" ${said}`);
    // Counted as what they are, not as type errors (the other errors are of the temporary folder's missing dist/).
    const summary = /check failed: .*$/m.exec(checked.stderr)?.[0] ?? "";
    expect(summary).toMatch(/2 imports of tslab in a Deno notebook$/);
    expect(Number(/(\d+) type errors?/.exec(summary)?.[1] ?? 0)).toBe(checked.stderr.split("\n").filter((line) => /: cell \d+, line \d+, column \d+: TS\d+/.test(line)).length);
    // Imported but left unused beside notebook(Deno.jupyter), it runs (Deno resolves it from node_modules): check passes it, as run and build do.
    const unused = temp.notebook("unused.ipynb", { kernel: deno, cells: ['import * as tslab from "tslab";\nconst t = await import("npm:tslab");\nconst nb = typeof Deno.jupyter;'] });
    const passed = spawnSync("node", [cli, "check", unused], { encoding: "utf8", cwd: temp.path });
    expect(passed.stderr).not.toContain("this is a Deno notebook");
    // A tslab notebook imports it as it should.
    const tslab = temp.notebook("tslab-own.ipynb", { cells: ['import * as tslab from "tslab";\nconst shown = typeof tslab.display;'] });
    expect(spawnSync("node", [cli, "check", tslab], { encoding: "utf8", cwd: temp.path }).stderr).not.toContain("Deno notebook");
  });
});

describe("Deno's check errors in the notebook's own words, with tslab's suggestions", () => {
  it("names modules as the cell imports them (not by file URL), with the nearest module and an earlier cell's name; a misspelt import's uses are counted under it", async () => {
    temp.write("names/lib/model.ts", "export const monteCarlo = (n: number): number => n;\n");
    const name = temp.notebook("names/misspelt.ipynb", { kernel: deno, cells: ['import { monteCarl } from "./lib/model.ts";', "const r = monteCarlo(1);\nconst twice = 2;", "console.log(twyce, r);"] });
    const path = temp.notebook("names/path.ipynb", { kernel: deno, cells: ['import { monteCarlo } from "./lib/models.ts";\nconsole.log(monteCarlo);'] });
    const found = await checkDenoNotebooks([name, path], { root: temp.path });
    const text = found.map(formatDiagnostic).join("\n");
    expect(text).not.toContain("file://");
    expect(text).toContain("names/misspelt.ipynb: cell 1, line 1, column 10: TS2724: '\"./lib/model.ts\"' has no exported member named 'monteCarl'. Did you mean 'monteCarlo'?");
    // Its use in cell 2 ("Cannot find name 'monteCarlo'", which suggested the typo) is counted under it, not listed.
    expect(found.find((d) => d.code === 2724)?.following).toEqual({ errors: 1, imports: [], names: ["monteCarl"] });
    expect(text).not.toMatch(/Cannot find name 'monteCarlo'/);
    expect(text).toContain("names/misspelt.ipynb: cell 3, line 1, column 13: TS2552: Cannot find name 'twyce'. Did you mean 'twice'?");
    expect(text).toMatch(/names\/path\.ipynb: cell 1, line 1, column 28: TS2307: Cannot find module '\.\/lib\/models\.ts'\. Did you mean '\.\/lib\/model\.ts'\?/);
  });

  it("names a package the project lacks as one to install with npm, as a tslab notebook does (Deno said `deno add` and named its own cell file)", async () => {
    const file = temp.notebook("names/package.ipynb", { kernel: deno, cells: ['import { parse } from "no-such-pkg-zz/sync";\nconsole.log(typeof parse);'] });
    const text = (await checkDenoNotebooks([file], { root: temp.path })).map(formatDiagnostic).join("\n");
    expect(text).toContain('names/package.ipynb: cell 1, line 1, column 23: TS2307: cannot find module "no-such-pkg-zz/sync": the package "no-such-pkg-zz" is not installed in this project; install it with `npm install no-such-pkg-zz` (or check the name)');
    expect(text).not.toMatch(/deno add|\.cell\d+\.ts/);
  });
});
