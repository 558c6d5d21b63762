/**
 * A Deno cell that never finishes, in the real Deno runtime, against the same cell in a tslab notebook:
 * one that awaits a promise nothing can settle fails as a stalled cell, with tslab's error; one stopped
 * at its time limit is located at the line it was running, as tslab's is, and in a local module too.
 */
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebooks } from "../../src/notebook/execute-many";
import type { CellError } from "../../src/notebook/errors";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());
const deno = { name: "deno", language: "typescript" };

/** The error as both kernels should give it: the notebook's name and Deno's own wording aside. */
const comparable = (error: CellError | undefined): unknown => error && { kind: error.kind, cell: error.cell, line: error.line, column: error.column, ename: error.ename, evalue: error.evalue, frame: error.frame };

describe("a Deno cell that awaits a promise that can never settle", () => {
  // Before: "WorkerError: the notebook's worker stopped unexpectedly: deno exited with 1: error:
  // Top-level await promise never resolved", at the runner's own line ($deno$stdin.mts:152:1).
  it("fails as in a tslab notebook: a StalledError at its cell, what it printed kept, the next cell not run", async () => {
    const cells = ['console.log("first");', 'console.log("waiting");\nawait new Promise(() => {});', 'console.log("never");'];
    const [denoRun, tslabRun] = await executeNotebooks([temp.notebook("deno-stall.ipynb", { kernel: deno, cells }), temp.notebook("tslab-stall.ipynb", { cells })]);
    expect(tslabRun?.error).toMatchObject({ kind: "stalled", cell: 2, ename: "StalledError" });
    expect(comparable(denoRun?.error)).toEqual(comparable(tslabRun?.error));
    expect(denoRun?.error?.message).toBe(tslabRun?.error?.message.replace("tslab-stall", "deno-stall"));
    const outputs = denoRun?.executed.cells.map((cell) => (cell.cell_type === "code" ? cell.outputs.map((output) => output.output_type) : []));
    expect(outputs?.slice(0, 2)).toEqual([["stream"], ["stream", "error"]]);
    expect(JSON.stringify(denoRun?.executed.cells[2])).not.toContain("never\\n");
  });
});

describe("a Deno cell stopped at its time limit", () => {
  // Before: "cell 2: TimeoutError: …", without a line or a code frame (tslab's has both).
  it("is located at the line it was running, with its code frame, as in a tslab notebook", async () => {
    const cells = ['console.log("first");', 'let spins = 0;\nwhile (true) {\n  spins++;\n}', 'console.log("never");'];
    const [denoRun, tslabRun] = await executeNotebooks([temp.notebook("deno-spin.ipynb", { kernel: deno, cells }), temp.notebook("tslab-spin.ipynb", { cells })], { timeoutMs: 1500 });
    expect(tslabRun?.error).toMatchObject({ kind: "timeout", cell: 2, line: 2, column: 1, ename: "TimeoutError" });
    expect(comparable(denoRun?.error)).toEqual(comparable(tslabRun?.error));
    expect(denoRun?.error?.frame).toContain("> 2 | while (true) {");
  });

  it("running in a local module Deno compiled: that module's TypeScript line follows, as a throw there is named", async () => {
    // Types on the lines before the loop: Deno's compiled JavaScript has it on another line than the TypeScript.
    temp.write("spin-deno/spin.ts", "interface Options {\n  readonly n: number;\n}\nexport function spin(options: Options): number {\n  let i: number = 0;\n  while (options.n > 0) {\n    i++;\n  }\n  return i;\n}\n");
    const file = temp.notebook("spin-deno/spin.ipynb", { kernel: deno, cells: ['import { spin } from "./spin.ts";\nspin({ n: 1 });'] });
    const [run] = await executeNotebooks([file], { timeoutMs: 1500 });
    expect(run?.error).toMatchObject({ kind: "timeout", cell: 1, line: 2, column: 1, ename: "TimeoutError" });
    expect(run?.error?.frame).toContain("running in spin.ts:6:3 when it was stopped:"); // the notebook's folder is its project here
    expect(run?.error?.frame).toMatch(/> 6 \| {3}while \(options\.n > 0\) \{/);
  });
});
