/**
 * Deno notebooks: the two fixtures, the two chapters of the Deno fixture report
 * (test/fixtures/project-deno), the chapter `fragtax new --kernel deno` writes, and a Deno copy of a real chapter of the report (`denoChapter`) run in
 * the real Deno runtime under `fragtax run` and under real Jupyter (`jupyter nbconvert --execute`
 * with the kernel `deno jupyter --install` registers); per cell the same stdout, stderr, displays
 * (figures, claims, prose, Vega-Lite specs) and trailing values (Deno's kernel colours its text/plain
 * with terminal escapes, fragtax writes it plain: compared without them). The chapter's copy also
 * gives exactly the figures, claims and displays of the tslab original under fragtax. Bad input: a
 * kernel that is neither tslab nor Deno, and a missing Deno runtime, exit 2 with a message that says
 * what to do. Jupyter's run of a notebook is made again (twice at most) when it disagrees with
 * fragtax's: under load Deno's kernel publishes some displays late and nbconvert misfiles or drops
 * them; a difference of fragtax's own shows in every attempt.
 */
import { execFile, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { isDeepStrictEqual, promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDenoNotebooks, checkNotebooks } from "../../src/notebook/check";
import { executeNotebook, type NotebookRunResult } from "../../src/notebook/execute";
import { executeNotebooks } from "../../src/notebook/execute-many";
import type { Notebook, Output } from "../../src/notebook/nbformat";
import { tempProject } from "../project";
import { FIXTURES, TempDir } from "./helpers";
import { sha256OfListing } from "../../src/util/hash";

const root = join(import.meta.dirname, "..", "..");
const temp = new TempDir();
afterAll(() => temp.cleanup());
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };

/**
 * A project Jupyter can open: `notebooks` copied (chapters only when `chapters`), src, node_modules
 * and dist linked (as `npm install` provides them) and a package.json, so Deno resolves dist's npm imports.
 */
function jupyterProject(notebooks: string, chapters: boolean): string {
  const made = mkdtempSync(join(tmpdir(), "fragtax-deno-project-"));
  afterAll(() => rmSync(made, { recursive: true, force: true }));
  cpSync(notebooks, join(made, "notebooks"), { recursive: true, filter: (path) => chapters || !path.endsWith(".ipynb") });
  for (const name of ["src", "node_modules", "dist"]) symlinkSync(join(root, name), join(made, name), "dir");
  writeFileSync(join(made, "package.json"), '{ "type": "module" }\n');
  return made;
}
// The Deno fixture report, and the report's own folder with a Deno copy of one of its chapters.
const fixtureReport = jupyterProject(join(root, "test", "fixtures", "project-deno", "notebooks"), true);
const report = jupyterProject(join(root, "notebooks"), false);
const CHAPTER = "07-specialization-trap.ipynb";
writeFileSync(join(report, "notebooks", `deno-${CHAPTER}`), JSON.stringify(denoChapter(JSON.parse(readFileSync(join(root, "notebooks", CHAPTER), "utf8")) as Notebook), null, 1));

// The chapter `fragtax new --kernel deno` writes runs unchanged in Jupyter's Deno kernel too.
spawnSync(process.execPath, [join(root, "dist", "cli.cjs"), "new", "energy", "--kernel", "deno", "--root", fixtureReport], { stdio: "pipe" });

const notebooks = [
  ...["deno-basics", "deno-display"].map((name) => join(FIXTURES, `${name}.ipynb`)),
  ...["01-price.ipynb", "02-claims.ipynb"].map((name) => join(fixtureReport, "notebooks", name)),
  join(report, "notebooks", `deno-${CHAPTER}`),
  join(fixtureReport, "notebooks", "03-energy.ipynb"),
];

/**
 * A tslab chapter as a Deno chapter: the kernelspec is Deno's, the `tslab` import goes and the API
 * takes `Deno.jupyter` — the only changes an analyst makes to move a chapter to Deno.
 */
function denoChapter(chapter: Notebook): Notebook {
  const cells = chapter.cells.map((cell) => {
    if (cell.cell_type !== "code") return cell;
    const source = (Array.isArray(cell.source) ? cell.source.join("") : cell.source).replace('import * as tslab from "tslab";\n', "").replace("notebook(tslab)", "notebook(Deno.jupyter)");
    return { ...cell, source, outputs: [], execution_count: null };
  });
  return { ...chapter, metadata: { ...chapter.metadata, kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } }, cells };
}

// eslint-disable-next-line no-control-regex
const plain = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, "");
const joined = (value: unknown): unknown => (Array.isArray(value) && value.every((line) => typeof line === "string") ? value.join("") : value);

function comparable(outputs: readonly Output[]): unknown[] {
  return outputs.map((output) => {
    if (output.output_type === "stream") return { stream: output.name, text: joined(output.text) };
    if (output.output_type === "error") return { error: output.ename };
    // Text is compared without terminal colours; a JSON mime's data (a Vega-Lite spec) as the object it is.
    const data = Object.fromEntries(Object.entries(output.data).map(([mime, value]) => {
      const data = joined(value);
      return [mime, typeof data === "string" ? plain(data) : data];
    }));
    return { [output.output_type]: data };
  });
}

/**
 * Jupyter's notebook with the displays it filed under the next cell put back: Deno's kernel sends a
 * display as an async op, and under load the last display of a cell can arrive after the kernel
 * reported the cell idle, so nbconvert records it as the first output of the next cell (seen: chapter
 * 7's closing `nb.md` under the chart cell after it). Moved back only when fragtax has exactly those
 * outputs at the end of the earlier cell and Jupyter's earlier cell lacks them.
 */
function refiledLate(theirs: Notebook, ours: Notebook): Notebook {
  const cells = theirs.cells.map((cell) => (cell.cell_type === "code" ? { ...cell, outputs: [...cell.outputs] } : cell));
  const code = cells.flatMap((cell, position) => (cell.cell_type === "code" ? [position] : []));
  for (const [k, position] of code.entries()) {
    const here = cells[position];
    const next = cells[code[k + 1] ?? -1];
    const mine = ours.cells[position];
    if (here?.cell_type !== "code" || next?.cell_type !== "code" || mine?.cell_type !== "code") continue;
    const missing = mine.outputs.slice(here.outputs.length);
    const same = (a: readonly Output[], b: readonly Output[]): boolean => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
    if (missing.length === 0 || !same(mine.outputs.slice(0, here.outputs.length), here.outputs) || !same(next.outputs.slice(0, missing.length), missing)) continue;
    here.outputs.push(...next.outputs.splice(0, missing.length));
  }
  return { ...theirs, cells };
}

/** Every number of a value to 12 significant digits. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, rounded(field)]));
  return value;
}

/**
 * fragtax's outputs against Jupyter's, per cell: the outputs of each kind Jupyter recorded for a cell
 * must be what fragtax wrote, in order, with at most the last ones missing (a kind Jupyter lost is not
 * compared); cells tagged `nondeterministic` (Deno's kernel sometimes shows nothing for a cell whose
 * npm: import it downloads) are left out. The first difference, and how many outputs were compared.
 */
function compareWithJupyter(jupyter: Notebook, mine: Notebook): { compared: number; first?: { label: string; actual: unknown; expected: unknown } } {
  const reference = refiledLate(jupyter, mine);
  let compared = 0;
  for (const [position, cell] of reference.cells.entries()) {
    const other = mine.cells[position];
    if (cell.cell_type !== "code" || other?.cell_type !== "code" || ((cell.metadata.tags as unknown[] | undefined) ?? []).includes("nondeterministic")) continue;
    for (const kind of new Set(cell.outputs.map((o) => o.output_type))) {
      const only = (outputs: readonly Output[]): Output[] => outputs.filter((o) => o.output_type === kind);
      const expected = comparable(only(cell.outputs));
      const actual = comparable(only(other.outputs)).slice(0, expected.length);
      if (!isDeepStrictEqual(actual, expected)) return { compared, first: { label: `cell ${position + 1}, ${kind}`, actual, expected } };
      compared += expected.length;
    }
  }
  return { compared };
}

async function runJupyter(file: string, index: number): Promise<Notebook> {
  const out = join(temp.path, String(index));
  await promisify(execFile)("/usr/bin/jupyter", ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=deno", "--ExecutePreprocessor.timeout=120", "--output-dir", out, basename(file)], { cwd: dirname(file), env, timeout: 240_000 });
  return JSON.parse(readFileSync(join(out, basename(file)), "utf8")) as Notebook;
}

describe("Deno notebooks in the real Deno runtime, compared with Jupyter's Deno kernel", () => {
  let ours: NotebookRunResult[] = [];
  let theirs: Notebook[] = [];
  beforeAll(async () => {
    // Registers Deno's kernel for the system Jupyter (as .ci/run does); idempotent.
    await promisify(execFile)(join(root, "node_modules", ".bin", "deno"), ["jupyter", "--install", "--force"], { env, timeout: 120_000 });
    ours = await executeNotebooks(notebooks);
    theirs = [];
    for (const [index, file] of notebooks.entries()) theirs.push(await runJupyter(file, index));
  }, 600_000);

  it.each(notebooks.map((file, index) => [basename(file), index] as const))("%s: same outputs per cell as deno jupyter", async (_name, index) => {
    const mine = ours[index] as NotebookRunResult;
    expect(mine.error?.message).toBeUndefined();
    // Under load, Deno's kernel can publish a cell's displays after it reported the cell idle, and
    // nbconvert then files them under a later cell or drops them (`refiledLate` puts back only the
    // plain case). Jupyter's run, never fragtax's, is made again (four times at most, after a pause
    // that lets the load pass) when it disagrees or shows almost nothing: a difference that is
    // fragtax's own shows in every attempt and fails below. (Twice was not always enough: a full
    // suite on two cores once had all three of Jupyter's runs of 02-claims show a single output.)
    let result = compareWithJupyter(theirs[index] as Notebook, mine.executed);
    for (let attempt = 1; attempt <= 4 && (result.first !== undefined || result.compared <= 1); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
      theirs[index] = await runJupyter(notebooks[index] as string, index + 10 * attempt);
      result = compareWithJupyter(theirs[index] as Notebook, mine.executed);
    }
    expect(result.first?.actual, result.first?.label).toEqual(result.first?.expected);
    expect(result.compared).toBeGreaterThan(1);
  }, 300_000);

  it("the API chapters show figures, claims, prose and charts in Jupyter (compared above) as under fragtax", () => {
    const shown = (notebook: Notebook): string[] => notebook.cells.flatMap((cell) => (cell.cell_type === "code" ? cell.outputs.flatMap((o) => (o.output_type === "display_data" ? Object.keys(o.data) : [])) : []));
    expect(shown((ours[2] as NotebookRunResult).executed)).toEqual(["text/html", "text/markdown", "application/vnd.vegalite.v5+json"]);
    expect(shown((ours[4] as NotebookRunResult).executed)).toContain("application/vnd.vegalite.v5+json");
    // Jupyter got at least one of the API's displays (a figure or claim card, or nb.md's prose) from each
    // API chapter. Under nbconvert, Deno's kernel sometimes loses one of a cell's displays (they are
    // sent asynchronously; in one run of 01-price the figure card, not the prose after it): the rest may
    // arrive late or not at all, above, and no one display is required.
    for (const index of [2, 3, 4]) expect(shown(theirs[index] as Notebook).filter((mime) => mime === "text/html" || mime === "text/markdown"), basename(notebooks[index] ?? "")).not.toEqual([]);
  });

  it("a Deno copy of a real chapter gives the tslab chapter's figures, claims and displays under fragtax", async () => {
    const deno = ours[4] as NotebookRunResult;
    const tslab = await executeNotebook(join(root, "notebooks", CHAPTER));
    expect(tslab.status).toBe("ok");
    // Deno's V8 and Node's may differ in a libm result's last bit: figures agree to 12 significant digits.
    const records = <T extends { notebook?: string }>(list: readonly T[]): unknown[] => list.map(({ notebook: _notebook, ...rest }) => rounded(rest));
    expect(deno.figures.length).toBeGreaterThan(3);
    expect(deno.claims.length).toBeGreaterThan(0);
    expect(records(deno.figures)).toEqual(records(tslab.figures));
    expect(records(deno.claims)).toEqual(records(tslab.claims));
    expect(deno.assumptionsRead).toEqual(tslab.assumptionsRead);
    const displays = (run: NotebookRunResult): unknown[] => run.executed.cells.map((cell) => (cell.cell_type === "code" ? rounded(comparable(cell.outputs.filter((o) => o.output_type === "display_data"))) : []));
    expect(displays(deno)).toEqual(displays(tslab));
  }, 120_000);

  it("shows the Deno namespace, npm: packages and a cell's trailing value", () => {
    const cells = (ours[0] as NotebookRunResult).executed.cells;
    const text = (n: number): string => {
      const cell = cells[n - 1];
      return cell?.cell_type === "code" ? cell.outputs.map((o) => (o.output_type === "stream" ? o.text : o.output_type === "execute_result" ? String(o.data["text/plain"]) : "")).join("") : "";
    };
    expect(text(2)).toBe("hello 42 string\n");
    expect(text(4)).toBe('"a: 1"');
    expect(text(6)).toBe("84");
  });

  it("reports the files a Deno cell reads (Deno's read functions and node:fs), as the tslab realm does", async () => {
    temp.write("deno-data/rows.txt", "three\n");
    temp.write("deno-data/from-module.txt", "four\n");
    // A module the notebook imports reads through Deno too: tracked, as the cell's own reads.
    temp.write("deno-data/load.ts", 'export const load = (name: string): Promise<string> => Deno.readTextFile(name);\n');
    const file = temp.notebook("deno-data/reads.ipynb", {
      kernel: { name: "deno", language: "typescript" },
      cells: [
        'import { readFileSync } from "node:fs";\nimport { load } from "./load.ts";\nconsole.log(Deno.readTextFileSync("rows.txt").trim(), readFileSync("rows.txt", "utf8").trim(), (await load("from-module.txt")).trim());',
        'const text = await Deno.readTextFile(new URL("rows.txt", `file://${Deno.cwd()}/`));\nawait Deno.writeTextFile("out.txt", text);\ntry { Deno.readTextFileSync("missing.txt"); } catch { console.log("missing"); }',
      ],
    });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toBeUndefined();
    expect(run?.filesRead.map((read) => read.path)).toEqual(["rows.txt", "from-module.txt", "missing.txt"].map((name) => join(temp.path, "deno-data", name)));
    expect(run?.filesRead[2]?.sha256).toBe("");
  });

  it("reports the folders a Deno cell lists (Deno.readDir and node:fs), with the same listing hash the build computes", async () => {
    temp.write("deno-listing/inbox/a.csv", "1\n");
    temp.write("deno-listing/inbox/deep/b.csv", "2\n");
    const file = temp.notebook("deno-listing/lists.ipynb", {
      kernel: { name: "deno", language: "typescript" },
      cells: [
        'import { readdirSync } from "node:fs";\nconst names: string[] = [];\nfor await (const entry of Deno.readDir("inbox")) names.push(entry.name);\nconsole.log(names.sort().join(","), readdirSync("inbox/deep").join(","));',
      ],
    });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toBeUndefined();
    const inbox = join(temp.path, "deno-listing", "inbox");
    expect(run?.filesRead).toEqual([
      { path: inbox, sha256: sha256OfListing(inbox, false), listing: "folder" },
      { path: join(inbox, "deep"), sha256: sha256OfListing(join(inbox, "deep"), false), listing: "folder" },
    ]);
  });

  it("reports a link a Deno cell resolves (Deno.realPath) with its folder's listing, which names where it points", async () => {
    temp.write("deno-links/data/2026-10.csv", "100\n");
    symlinkSync("2026-10.csv", join(temp.path, "deno-links/data/current.csv"));
    const file = temp.notebook("deno-links/links.ipynb", {
      kernel: { name: "deno", language: "typescript" },
      cells: ['console.log(Deno.realPathSync("data/current.csv").endsWith("2026-10.csv"));'],
    });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toBeUndefined();
    const data = join(temp.path, "deno-links", "data");
    expect(run?.filesRead).toContainEqual({ path: join(data, "current.csv"), sha256: expect.any(String) });
    expect(run?.filesRead).toContainEqual({ path: data, sha256: sha256OfListing(data, false), listing: "folder" });
  });

  it("does not report what a Deno cell reads after making it anew, and does report a read after a write that failed", async () => {
    temp.write("deno-made/in.txt", "input\n");
    temp.write("deno-made/scratch/old.txt", "from an earlier run\n");
    const file = temp.notebook("deno-made/made.ipynb", {
      kernel: { name: "deno", language: "typescript" },
      cells: [
        'try { Deno.removeSync("scratch", { recursive: true }); } catch { /* none yet */ }\ntry { Deno.statSync("scratch"); } catch { /* removed */ }\nDeno.mkdirSync("scratch");\nDeno.writeTextFileSync("scratch/a.txt", "x");\nconsole.log(Deno.readTextFileSync("scratch/a.txt"));',
        'try { Deno.writeTextFileSync("in.txt", "mine", { createNew: true }); } catch { /* there already: nothing made */ }\nconsole.log(Deno.readTextFileSync("in.txt").trim());',
      ],
    });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toBeUndefined();
    expect(run?.filesRead.map((read) => read.path)).toEqual([join(temp.path, "deno-made", "in.txt")]);
  });

  // Before: "pass the tslab module the engine provides (import * as tslab from "tslab")", which the cell did.
  it("tells a Deno notebook that passes tslab to notebook() to pass Deno.jupyter", async () => {
    // Beside the project's packages, as in the report's folder: tslab resolves, and the cell type-checks.
    const own = new TempDir();
    try {
      symlinkSync(join(root, "node_modules"), join(own.path, "node_modules"));
      for (const link of ["dist", "src"]) symlinkSync(join(root, link), join(own.path, link));
      own.write("package.json", JSON.stringify({ dependencies: { tslab: "*" } }));
      const file = own.notebook("notebooks/deno-tslab.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ['import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nconst nb = notebook(tslab);'] });
      const [run] = await executeNotebooks([file]);
      expect(run?.error).toMatchObject({ kind: "runtime", cell: 1, line: 3 });
      expect(run?.error?.evalue).toContain("this is a Deno notebook, whose run context is on Deno.jupyter; write const nb = notebook(Deno.jupyter)");
    } finally {
      own.cleanup();
    }
  });

  it("locates a runtime error in a Deno cell", async () => {
    const file = temp.notebook("deno-error.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ['console.log("first");', 'const x = 1;\nthrow new Error("from deno " + Deno.version.deno.length);', 'console.log("never");'] });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toMatchObject({ kind: "runtime", cell: 2, line: 2, ename: "Error" });
    expect(run?.error?.evalue).toMatch(/^from deno \d+$/);
  });
});

describe("a Deno cell's late exception or unawaited rejection", () => {
  // Before: "WorkerError: the notebook's worker stopped unexpectedly: deno exited with 1: error:
  // Uncaught Error: late boom" and Deno's stack of the compiled JavaScript, without the cell's line.
  it("fails the running cell, located in its TypeScript, as in the tslab worker", async () => {
    const kernel = { name: "deno", language: "typescript" };
    const late = temp.notebook("deno-late.ipynb", { kernel, cells: ['const pause = 1;\nsetTimeout(() => { throw new Error("late boom"); }, 5);\nawait new Promise((resolve) => setTimeout(resolve, 200));', 'console.log("never");'] });
    const unawaited = temp.notebook("deno-unawaited.ipynb", { kernel, cells: ['async function load(): Promise<number> {\n  throw new Error("no data");\n}\nload();\nawait new Promise((resolve) => setTimeout(resolve, 50));'] });
    const [lateRun, unawaitedRun] = await executeNotebooks([late, unawaited]);
    expect(lateRun?.error).toMatchObject({ kind: "runtime", cell: 1, line: 2, column: 26, ename: "Error", evalue: "late boom" });
    expect(unawaitedRun?.error).toMatchObject({ kind: "runtime", cell: 1, line: 2, ename: "Error", evalue: "no data (a promise that nothing awaited was rejected: await it, or handle it with .catch)" });
  });
});

describe("a Deno cell that exits", () => {
  // Before: Deno.exit(0) was "StalledError: the cell awaits a promise that can never settle", and
  // process.exit(3) "WorkerError: … deno exited with 3", without a line.
  it("fails, located, saying what to do instead, as a tslab cell does", async () => {
    const kernel = { name: "deno", language: "typescript" };
    const deno = temp.notebook("deno-exit.ipynb", { kernel, cells: ['console.log("before");\nDeno.exit(0);', 'console.log("never");'] });
    const node = temp.notebook("deno-process-exit.ipynb", { kernel, cells: ["const code = 3;\nprocess.exit(code);"] });
    const [denoRun, nodeRun] = await executeNotebooks([deno, node]);
    expect(denoRun?.error).toMatchObject({ kind: "runtime", cell: 1, line: 2, ename: "ProcessExitError", evalue: "Deno.exit(0) was called: a notebook cell cannot end the process; throw an Error to stop the notebook with a message" });
    expect(nodeRun?.error).toMatchObject({ kind: "runtime", cell: 1, line: 2, ename: "ProcessExitError", evalue: "process.exit(3) was called: a notebook cell cannot end the process; throw an Error to stop the notebook with a message" });
  });
});

describe("fragtax check and Deno notebooks", () => {
  it("checks Deno notebooks with deno check (both fixtures are clean), not with tslab's checker", async () => {
    expect(checkNotebooks(notebooks, { root, includeSrc: false })).toEqual([]);
    expect(await checkDenoNotebooks(notebooks, { root })).toEqual([]);
  }, 120_000);
});

describe("bad input", () => {
  it("a kernel that is neither tslab nor deno: exit 2 naming it and the two supported", () => {
    const file = temp.notebook("r.ipynb", { kernel: { name: "ir", language: "R" }, cells: ["1 + 1"] });
    const run = spawnSync("node", [join(root, "dist", "cli.cjs"), "run", file, "--out", "-"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the notebook\'s kernel is "ir"; fragtax runs notebooks for two kernels: tslab');
    expect(run.stderr).toContain('Deno ("deno"');
    // Placed at the kernel's name in the file, as every other input error is.
    const text = readFileSync(file, "utf8");
    const line = text.slice(0, text.indexOf('"ir"')).split("\n").length;
    const column = text.slice(0, text.indexOf('"ir"')).split("\n").at(-1)?.length ?? 0;
    expect(run.stderr).toContain(`r.ipynb:${line}:${column + 1}: the notebook's kernel is "ir"`);
    // A name written in another case (a hand-edited kernelspec) names the one meant.
    const cased = temp.notebook("cased.ipynb", { kernel: { name: "Deno", language: "typescript" }, cells: ["1 + 1"] });
    const casedRun = spawnSync("node", [join(root, "dist", "cli.cjs"), "run", cased, "--out", "-"], { encoding: "utf8" });
    expect(casedRun.status).toBe(2);
    expect(casedRun.stderr).toContain('the notebook\'s kernel is "Deno" (kernel names are exact: did you mean "deno"?); fragtax runs notebooks for two kernels');
  });

  it("a Deno notebook without the Deno runtime: exit 2 saying how to install it", () => {
    const file = temp.notebook("d.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ["1 + 1"] });
    const run = spawnSync("node", [join(root, "dist", "cli.cjs"), "run", file, "--out", "-"], { encoding: "utf8", env: { ...process.env, FRAGTAX_DENO: "/nonexistent/deno" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("the notebook is for the Deno kernel, but the Deno runtime was not found (FRAGTAX_DENO=/nonexistent/deno does not exist)");
    expect(run.stderr).toContain("npm install deno");
  });

  // Before: an EPIPE on the script's pipe crashed fragtax with Node's own stack, and `check` said "failed without a located error: " and nothing.
  it("a Deno that ends before it runs anything: the cell fails saying so, with what Deno wrote and what to check, never a raw Node error", () => {
    const file = temp.notebook("broken.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ["1 + 1"] });
    const script = join(temp.path, "not-deno.sh");
    writeFileSync(script, '#!/bin/sh\necho "cannot execute binary file" >&2\nexit 127\n', { mode: 0o755 });
    const env = { ...process.env, FRAGTAX_DENO: script };
    const run = spawnSync("node", [join(root, "dist", "cli.cjs"), "run", file, "--out", "-"], { encoding: "utf8", env });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`the Deno runtime ${script} exited with 127 before it ran anything: cannot execute binary file; check that it works (\`${script} --version\`)`);
    expect(run.stderr).not.toMatch(/EPIPE|node:events|Unhandled/);
    const silent = join(temp.path, "silent-deno.sh");
    writeFileSync(silent, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
    const check = spawnSync("node", [join(root, "dist", "cli.cjs"), "check", temp.notebook("other.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ["2 + 2"] })], { encoding: "utf8", env: { ...process.env, FRAGTAX_DENO: silent } });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`the Deno runtime ${silent} exited with 1 before it ran anything, and wrote nothing`);
    // One that ends with 0 saying nothing (`true`) passed the check, and its run was "a promise that can never settle".
    const quiet = join(temp.path, "quiet-deno.sh");
    writeFileSync(quiet, "#!/bin/sh\nexit 0\n", { mode: 0o755 });
    const passed = spawnSync("node", [join(root, "dist", "cli.cjs"), "check", temp.notebook("third.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ["const x: number = 'text';"] })], { encoding: "utf8", env: { ...process.env, FRAGTAX_DENO: quiet } });
    expect(passed.status).toBe(1);
    expect(passed.stderr).toContain(`the Deno runtime ${quiet} exited with 0 before it ran anything, and wrote nothing`);
  });

  it("build and check of a Deno report without the runtime: exit 2 with the same message, nothing written", () => {
    const project = tempProject("project-deno");
    try {
      const missing = { ...process.env, FRAGTAX_DENO: "/nonexistent/deno" };
      const build = spawnSync("node", [join(root, "dist", "cli.cjs"), "build", "--no-pdf", "--root", project.root], { encoding: "utf8", env: missing });
      expect(build.status).toBe(2);
      expect(build.stderr).toContain("notebooks/01-price.ipynb: the notebook is for the Deno kernel, but the Deno runtime was not found");
      expect(existsSync(join(project.root, "out", "build"))).toBe(false);
      const check = spawnSync("node", [join(root, "dist", "cli.cjs"), "check", join(project.root, "notebooks", "02-claims.ipynb")], { encoding: "utf8", env: missing, cwd: project.root });
      expect(check.status).toBe(2);
      expect(check.stderr).toContain("the Deno runtime was not found (FRAGTAX_DENO=/nonexistent/deno does not exist)");
    } finally {
      project.remove();
    }
  });
});
