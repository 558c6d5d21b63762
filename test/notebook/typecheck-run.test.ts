/**
 * `fragtax run` and `build` refuse a cell with a type error, as tslab does: the cells before it run,
 * it and the cells after it do not, and the error is located (notebook, cell, line, column, TS code
 * and message; in an imported file, located in that file).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { executeNotebook } from "../../src/notebook/execute";
import { executeNotebooks } from "../../src/notebook/execute-many";
import type { CodeCell, Output } from "../../src/notebook/nbformat";
import { tempProject, type TempProject } from "../project";
import { visibleText } from "../report/fixture";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());
let project: TempProject | undefined;
afterEach(() => project?.remove());

const codeCells = (cells: readonly { cell_type: string }[]): CodeCell[] => cells.filter((cell): cell is CodeCell => cell.cell_type === "code");
const stdout = (outputs: readonly Output[]): string => outputs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? o.text : "")).join("");

describe("a type error refuses to run (fragtax run)", () => {
  it("runs the cells before it, not it nor the cells after; located with TS code and message", async () => {
    const file = temp.notebook("typed.ipynb", { cells: ['console.log("first");\nlet n = 1;', 'console.log("never");\nconst s: string = n;', 'console.log("after");'] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ kind: "type", cell: 2, line: 2, column: 7, ename: "TS2322", evalue: "Type 'number' is not assignable to type 'string'." });
    expect(run.error?.message).toBe("typed.ipynb: cell 2, line 2, column 7: TS2322: Type 'number' is not assignable to type 'string'.");
    const cells = codeCells(run.executed.cells);
    expect(stdout(cells[0]?.outputs ?? [])).toBe("first\n");
    expect(cells[1]?.outputs.map((o) => o.output_type)).toEqual(["error"]);
    expect(cells[1]?.metadata.fragtax).toBeUndefined();
    expect(cells[2]?.metadata.fragtax).toEqual({ status: "not-run" });
  });

  it("refuses an assignment to a const of an earlier cell (TS2588), as tslab does", async () => {
    const file = temp.notebook("const.ipynb", { cells: ["const x = 1;", "x = 2;\nconsole.log(x);"] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.error).toMatchObject({ kind: "type", cell: 2, line: 1, column: 1, ename: "TS2588", evalue: "Cannot assign to 'x' because it is a constant." });
  });

  it("locates a type error inside an imported local .ts file in that file, and stops the importing cell", async () => {
    temp.write("typed-lib/bad.ts", 'export function twice(x: number): number {\n  const label: string = x;\n  return x * 2;\n}\n');
    const file = temp.notebook("imports-bad.ipynb", { cells: ['console.log("before");', 'import { twice } from "./typed-lib/bad";\nconsole.log(twice(2));'] });
    const run = await executeNotebook(file, { cache: false });
    expect(run.error).toMatchObject({ kind: "type", cell: 2, ename: "TS2322" });
    expect(run.error?.line).toBeUndefined();
    expect(run.error?.message).toBe("imports-bad.ipynb: cell 2: TS2322: typed-lib/bad.ts:2:9: Type 'number' is not assignable to type 'string'.");
    // The code frame is the file's, as fragtax check shows it.
    expect(run.error?.frame).toContain(["> 2 |   const label: string = x;", "    |         ^"].join("\n"));
    expect(stdout(codeCells(run.executed.cells)[0]?.outputs ?? [])).toBe("before\n");
  });

  it("the CLI prints the located error and exits 1", () => {
    const file = temp.notebook("cli-typed.ipynb", { cells: ['const s: string = 5;'] });
    const run = spawnSync("node", ["dist/cli.cjs", "run", file, "--out", "-"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("cli-typed.ipynb: cell 1, line 1, column 7: TS2322: Type 'number' is not assignable to type 'string'.");
  });
});

describe("a build's check runs in its own thread while the notebooks run (executeNotebooks)", () => {
  it("the result is what a check-first run gives: the cells from the type error on did not run, printed nothing", async () => {
    const typed = temp.notebook("spec-typed.ipynb", { cells: ['console.log("first");\nlet n = 1;', 'console.log("never");\nconst s: string = n;', 'console.log("after");'] });
    const clean = temp.notebook("spec-clean.ipynb", { cells: ['console.log("clean");'] });
    const [run, other] = await executeNotebooks([typed, clean], { cache: false });
    expect(run?.error).toMatchObject({ kind: "type", cell: 2, line: 2, column: 7, ename: "TS2322" });
    const cells = codeCells(run?.executed.cells ?? []);
    expect(stdout(cells[0]?.outputs ?? [])).toBe("first\n");
    expect(cells[1]?.outputs.map((o) => o.output_type)).toEqual(["error"]);
    expect(cells[2]?.metadata.fragtax).toEqual({ status: "not-run" });
    expect(cells[2]?.outputs).toEqual([]);
    expect(run?.cellsRun).toBe(1);
    expect(other?.status).toBe("ok");
    expect(stdout(codeCells(other?.executed.cells ?? [])[0]?.outputs ?? [])).toBe("clean\n");
  });
});

describe("a type error fails the build (fragtax build)", () => {
  it('format: "dollars" in a chapter: exit 1 with the location, the HTML written with the error in place', async () => {
    project = tempProject();
    const notebookFile = join(project.root, "notebooks", "01-price.ipynb");
    writeFileSync(notebookFile, readFileSync(notebookFile, "utf8").replace('format: \\"usd\\"', 'format: \\"dollars\\"'));
    const lines: string[] = [];
    const result = await build({ root: project.root, pdf: false }, new FileBuildEffects((line) => lines.push(line)));
    expect(result.exitCode).toBe(1);
    expect(result.failedCells.map((cell) => [cell.chapter, cell.cell])).toEqual([[1, 3]]);
    expect(lines.join("\n")).toMatch(/notebooks\/01-price\.ipynb: cell 3, line 4, column 102: TS2322: Type '"dollars"' is not assignable to type /);
    const page = readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
    expect(page).toMatch(/<p class="output-error-title">notebooks\/[^:]+: cell \d+, line \d+, column \d+: TS2322: Type &#39;&quot;dollars&quot;&#39; is not assignable/);
    expect(visibleText(page)).not.toMatch(/\bundefined\b|\bNaN\b/);
  });

  it("a fixed chapter builds again, and an unchanged rebuild reuses every chapter with its type check", async () => {
    project = tempProject();
    const first = await build({ root: project.root, pdf: false }, new FileBuildEffects(() => undefined));
    expect(first.exitCode).toBe(0);
    const lines: string[] = [];
    const again = await build({ root: project.root, pdf: false }, new FileBuildEffects((line) => lines.push(line)));
    expect(again.exitCode).toBe(0);
    expect(lines.filter((line) => line.startsWith("execute:")).every((line) => line.includes(" reused "))).toBe(true);
    // A type-only change in a module the chapter imports re-runs it and is caught.
    const helper = join(project.root, "notebooks", "01-price.ipynb");
    writeFileSync(helper, readFileSync(helper, "utf8").replace("const mid = (low + high) / 2;", "const mid: string = (low + high) / 2;"));
    const broken = await build({ root: project.root, pdf: false }, new FileBuildEffects(() => undefined));
    expect(broken.exitCode).toBe(1);
    expect(broken.failedCells.map((cell) => [cell.chapter, cell.cell])).toEqual([[1, 3]]);
  });
});
