/**
 * A failing or timed-out cell keeps what it printed before it failed, in the executed notebook and in
 * the report; a cell calling process.exit() fails with a message instead of looking stalled.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { visibleText } from "../report/fixture";
import { appendCell, codeNotebookJson, tempProject, type TempProject } from "../project";
import { fragtax } from "../published-project";
import { MAX_CELL_PRINT_CHARS } from "../../src/notebook/outputs";

const dir = mkdtempSync(join(tmpdir(), "fragtax-cell-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let project: TempProject | undefined;
afterEach(() => project?.remove());

function notebook(name: string, cells: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, codeNotebookJson(cells));
  return file;
}

type Output = { output_type: string; name?: string; text?: string; ename?: string };

async function outputsOfFirstCell(file: string, ...flags: string[]): Promise<{ code: number; outputs: Output[]; stderr: string }> {
  const result = await fragtax(["run", file, "--out", "-", ...flags], { cwd: dir });
  const executed = JSON.parse(result.stdout) as { cells: Array<{ outputs: Output[] }> };
  return { code: result.code, outputs: executed.cells[0]?.outputs ?? [], stderr: result.stderr };
}

describe("a failing cell's own output", () => {
  it("a cell that throws keeps its stdout and stderr, then the error", async () => {
    const { code, outputs } = await outputsOfFirstCell(notebook("throws.ipynb", ['console.log("before"); console.error("warned"); throw new Error("boom");']));
    expect(code).toBe(1);
    expect(outputs.map((output) => [output.output_type, output.name ?? output.ename, output.text?.trim()])).toEqual([
      ["stream", "stdout", "before"],
      ["stream", "stderr", "warned"],
      ["error", "Error", undefined],
    ]);
  });

  it("on stdout (--out -), a right-to-left override or C1 character a cell printed is a \\u escape: the same JSON, which no longer reverses the terminal's line", async () => {
    const result = await fragtax(["run", notebook("bidi.ipynb", ['console.log("abc\\u202edef\\u0085");']), "--out", "-"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u202e\u0085]/);
    const executed = JSON.parse(result.stdout) as { cells: Array<{ outputs: Output[] }> };
    expect(executed.cells[0]?.outputs[0]?.text).toBe("abc\u202edef\u0085\n");
  });

  it("a cell that times out keeps what it printed before it was stopped", async () => {
    const { code, outputs } = await outputsOfFirstCell(notebook("loops.ipynb", ['console.log("started"); while (true) {}']), "--timeout", "1");
    expect(code).toBe(1);
    expect(outputs.map((output) => output.output_type)).toEqual(["stream", "error"]);
    expect(outputs[0]?.text).toBe("started\n");
    expect(outputs[1]?.ename).toBe("TimeoutError");
  });

  it("a cell that prints past the limit keeps the first part, a line saying the rest is left out, and the next cell its own output", async () => {
    const file = notebook("loud.ipynb", ['const line = "x<".repeat(512 * 1024);\nfor (let i = 0; i < 40; i++) console.log(line);\nconsole.error("late warning");', 'console.log("next cell");']);
    const out = join(dir, "loud-executed.ipynb");
    const result = await fragtax(["run", file, "--out", out], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const executed = JSON.parse(readFileSync(out, "utf8")) as { cells: Array<{ outputs: Output[] }> };
    const [first, second] = executed.cells.map((cell) => cell.outputs);
    expect(first?.map((output) => [output.output_type, output.name])).toEqual([["stream", "stdout"]]); // nothing after the limit, stderr neither
    const text = first?.[0]?.text ?? "";
    expect(text.length).toBeLessThan(MAX_CELL_PRINT_CHARS + 1000);
    expect(text.startsWith("x<x<")).toBe(true);
    expect(text).toMatch(/\n\[fragtax: this cell printed more than 8 million characters; the rest is left out of the executed notebook and the report\. Write large data to a file, and print a summary of it\.\]\n$/);
    expect(second).toEqual([{ output_type: "stream", name: "stdout", text: "next cell\n" }]);
  });

  it("process.exit() in a cell is that cell's error, not a stalled or crashed worker", async () => {
    const { code, outputs, stderr } = await outputsOfFirstCell(notebook("exits.ipynb", ['console.log("a"); process.exit(0);', "1 + 1"]));
    expect(code).toBe(1);
    expect(stderr).toContain("process.exit(0) was called: a notebook cell cannot end the process");
    expect(outputs.map((output) => output.output_type)).toEqual(["stream", "error"]);
  });

  // Before: `process.kill(process.pid, "SIGKILL")` in a cell ended fragtax itself, exit 137, nothing said.
  it.each([
    ['process.kill(process.pid, "SIGKILL");', 'process.kill(process.pid, "SIGKILL") was called: a notebook cell cannot signal the process it runs in'],
    ["process.kill(0);", "process.kill(0) was called"],
    ['process.kill(-process.pid, "SIGTERM");', 'process.kill(-process.pid, "SIGTERM") was called'],
    ["process.abort();", "process.abort() was called: a notebook cell cannot end the process"],
  ])("%s in a cell is that cell's error, and fragtax says so", async (cell, said) => {
    const { code, outputs, stderr } = await outputsOfFirstCell(notebook("signals.ipynb", [`console.log("a");\n${cell}`, "1 + 1"]));
    expect(code).toBe(1);
    expect(stderr).toContain(said);
    expect(stderr).toContain("cell 1, line 2");
    expect(outputs.map((output) => output.output_type)).toEqual(["stream", "error"]);
  });

  it("a cell may still signal another process", async () => {
    const { code, outputs } = await outputsOfFirstCell(
      notebook("other.ipynb", ['import { spawn } from "node:child_process";\nconst child = spawn("sleep", ["30"]);\nawait new Promise((r) => setTimeout(r, 50));\nconsole.log(process.kill(child.pid as number, "SIGTERM"));\nawait new Promise((r) => child.on("exit", (_c, signal) => r(console.log(signal))));']),
    );
    expect(code).toBe(0);
    expect(outputs).toEqual([{ output_type: "stream", name: "stdout", text: "true\nSIGTERM\n" }]);
  });

  it("an exception thrown later by a callback the cell scheduled fails that cell, located, in run and in build", async () => {
    // Before: the worker thread died; run said "the notebook's worker stopped unexpectedly: late boom"
    // without a line, and build also printed Node's crash dump ("process.exit() was called", the
    // worker's own file) on the terminal.
    const cells = ['console.log("a");\nsetTimeout(() => { throw new Error("late boom"); }, 5);\nawait new Promise((resolve) => setTimeout(resolve, 200));', "1 + 1"];
    const { code, outputs, stderr } = await outputsOfFirstCell(notebook("late.ipynb", cells));
    expect(code).toBe(1);
    expect(stderr).toContain("late.ipynb: cell 1, line 2, column 26: Error: late boom");
    expect(stderr).not.toMatch(/worker|process\.exit/);
    expect(outputs.map((output) => output.output_type)).toEqual(["stream", "error"]);
    project = tempProject();
    appendCell(project.root, "02-claims.ipynb", 'setTimeout(() => { throw new Error("late boom"); }, 5);\nawait new Promise((resolve) => setTimeout(resolve, 200));');
    const result = await fragtax(["build", "--no-pdf", "--root", project.root], { cwd: project.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notebooks/02-claims.ipynb: cell 3, line 1, column 26: Error: late boom");
    expect(result.stderr).not.toMatch(/worker|process\.exit|Node\.js v/);
  }, 120_000);

  it("a promise that nothing awaited and that rejects fails its cell, located, saying what to do (exit 1)", async () => {
    // Before: the rejection was a line of the cell's stderr in the report, and run and build exited 0.
    const cells = ['async function load(): Promise<number> {\n  throw new Error("no data");\n}\nload();\nawait new Promise((resolve) => setTimeout(resolve, 50));', "1 + 1"];
    const { code, outputs, stderr } = await outputsOfFirstCell(notebook("unawaited.ipynb", cells));
    expect(code).toBe(1);
    expect(stderr).toContain("unawaited.ipynb: cell 1, line 2, column 9: Error: no data (a promise that nothing awaited was rejected: await it, or handle it with .catch)");
    expect(outputs.map((output) => output.output_type)).toEqual(["error"]);
  });

  it("the report shows the failed cell's output above its error", async () => {
    project = tempProject();
    appendCell(project.root, "02-claims.ipynb", 'console.log("printed before the failure"); console.error("warned before the failure"); throw new Error("boom");');
    const result = await fragtax(["build", "--no-pdf", "--root", project.root], { cwd: project.root });
    expect(result.code).toBe(1);
    const text = visibleText(readFileSync(join(project.root, "out", "build", "report.html"), "utf8"));
    const printed = text.indexOf("printed before the failure");
    expect(printed).toBeGreaterThan(-1);
    expect(text.indexOf("warned before the failure")).toBeGreaterThan(printed);
    expect(text.indexOf("boom", printed)).toBeGreaterThan(printed);
  }, 120_000);
});
