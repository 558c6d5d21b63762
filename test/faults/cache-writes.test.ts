/**
 * A write that fails (a file where a cache folder must be, an output path that is a folder) ends the
 * command with one located message and exit 2 — never a hang, never Node's raw "EEXIST: …". Each
 * case runs the real CLI with a deadline: a process still alive after it is the hang being tested.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileSystemProblem } from "../../src/messages/fs";
import { locateFileSystemError } from "../../src/util/fs-errors";
import { codeNotebookJson, tempProject, type TempProject } from "../project";
import { CLI } from "../published-project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

/** A project module exporting a model, and a notebook that runs it: the engine keeps its run (notebook/model-runs.ts). */
const KEPT_MODEL = `import type { ReportModel } from "../../dist/model.js";
export const COST: ReportModel<"price" | "hours", "cost"> = {
  ids: { price: "h100_usd_per_gpu_hour", hours: "run_gpu_hours" },
  evaluate: (x) => ({ cost: x.price * x.hours }),
};
`;
const KEPT_CELLS = [
  'import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nimport { runModel } from "../dist/model.js";\nimport { COST } from "./lib/models";\nconst nb = notebook(tslab);',
  "runModel(COST, nb.assumptions, nb.montecarlo).summary.cost.p50",
];

/** Runs the CLI; resolves with `hung: true` (after killing it) when it is still running after `deadlineMs`. */
function run(args: readonly string[], cwd: string, deadlineMs = 90_000): Promise<{ code: number | null; stderr: string; hung: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    let hung = false;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, deadlineMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, hung });
    });
  });
}

function blockWithFile(root: string, relative: string): string {
  const path = join(root, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "not a folder\n");
  return path;
}

/** Every file under `dir` (recursively). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []));
}

describe("a cache entry replaced by a FIFO", () => {
  it("every one of them: the build reads none (a read would wait for a writer for ever), rebuilds and finishes", async () => {
    project = tempProject();
    writeFileSync(join(project.root, "package.json"), '{ "name": "fixture", "private": true }\n');
    expect((await run(["build", "--no-pdf", "--root", project.root], project.root)).code).toBe(0);
    const entries = filesUnder(join(project.root, "out/.cache")).filter((file) => file.endsWith(".json"));
    expect(entries.length).toBeGreaterThan(3);
    for (const file of entries) {
      rmSync(file);
      execFileSync("mkfifo", [file]);
    }
    writeFileSync(join(project.root, "notebooks/assumptions.yaml"), `${readFileSync(join(project.root, "notebooks/assumptions.yaml"), "utf8")}# edited\n`);
    const result = await run(["build", "--no-pdf", "--root", project.root], project.root, 60_000);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(0);
  }, 150_000);
});

describe("a cache that cannot be written", () => {
  it.each([
    ["the engine's compile cache", "out/.cache/engine", "out/.cache/engine"],
    // Written by the notebook threads, whose failed writes only cost the run again: it was never said.
    ["the engine's kept model runs", "out/.cache/engine/model-runs", "out/.cache/engine/model-runs"],
    ["the chart cache", "out/.cache/charts", "out/.cache/charts"],
    ["the notebook (build) cache", "out/.cache/notebooks", "out/.cache/notebooks"],
    // These two were ignored without a word: every build parsed its inputs and drew its page again.
    ["the parsed-input cache", "out/.cache/inputs", "out/.cache/inputs"],
    ["the page cache", "out/.cache/page", "out/.cache/page"],
    // Written behind, as the charts, the notebook cache and the page are (util/atomic.ts `writeBehind`): the build waits for them before its outputs.
    ["the chapter cache", "out/.cache/chapters", "out/.cache/chapters"],
    ["every cache at once", "out/.cache", "out/.cache"],
  ])("%s: build exits 2 naming the path, without hanging", async (_name, blocked, named) => {
    project = tempProject();
    writeFileSync(join(project.root, "package.json"), '{ "name": "fixture", "private": true }\n');
    blockWithFile(project.root, blocked);
    const result = await run(["build", "--no-pdf", "--root", project.root], project.root);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(2);
    // The file in the way itself, not a path below it (out/.cache/engine when out/.cache is the file),
    // and no warning per notebook about cache entries that cannot exist under a file.
    expect(result.stderr).toMatch(new RegExp(`cannot use ${join(project.root, named).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} \\(E[A-Z]+\\)`));
    expect(result.stderr).not.toContain("ignoring the cache entry");
    expect(result.stderr).toContain("a file is in the way where a folder must be");
    expect(result.stderr).not.toMatch(/^(?:Error: )?E[A-Z]+: /m);
    // A cache written behind the chapters is said before any of them runs (it came after every chapter ran and the PDF printed).
    if (["chapters", "page", "inputs", "notebooks"].some((name) => blocked === `out/.cache/${name}`)) expect(result.stderr).not.toMatch(/^execute: /m);
  }, 120_000);

  it("the build folder's parent out/ is a file: exit 2 naming it, nothing else written", async () => {
    project = tempProject();
    blockWithFile(project.root, "out");
    const result = await run(["build", "--no-pdf", "--root", project.root], project.root);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the build's output folder (out/)");
  }, 120_000);

  it("a kept model run's file the folder refuses (written by the notebook thread): run exits 2 naming it, writes nothing", async () => {
    project = tempProject();
    writeFileSync(join(project.root, "package.json"), '{ "name": "fixture", "private": true }\n');
    mkdirSync(join(project.root, "notebooks/lib"));
    writeFileSync(join(project.root, "notebooks/lib/models.ts"), KEPT_MODEL);
    const notebook = join(project.root, "notebooks/kept.ipynb");
    writeFileSync(notebook, codeNotebookJson(KEPT_CELLS));
    expect((await run(["run", notebook, "--out", join(project.root, "first.ipynb")], project.root)).code).toBe(0);
    const folder = join(project.root, "out/.cache/engine/model-runs");
    const runs = readdirSync(folder).filter((name) => name.endsWith(".bin"));
    expect(runs).toHaveLength(1);
    // A folder in the run's place: the run is computed again, and the thread's write of it refused.
    rmSync(join(folder, runs[0] ?? ""));
    mkdirSync(join(folder, runs[0] ?? "", "in-the-way"), { recursive: true });
    const result = await run(["run", notebook, "--out", join(project.root, "second.ipynb")], project.root);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the engine's kept model runs (out/.cache/engine/model-runs): cannot use ${join(folder, runs[0] ?? "")} (EISDIR)`);
    expect(result.stderr).not.toMatch(/^(?:Error: )?E[A-Z]+: /m);
    expect(existsSync(join(project.root, "second.ipynb"))).toBe(false);
  }, 120_000);

  it("a folder where the page cache's older page is: build exits 2 naming it, as for every cache (it was Node's raw rm error, exit 1, at every build)", async () => {
    project = tempProject();
    writeFileSync(join(project.root, "package.json"), '{ "name": "fixture", "private": true }\n');
    expect((await run(["build", "--no-pdf", "--root", project.root], project.root)).code).toBe(0);
    const folder = join(project.root, "out/.cache/page");
    const [page] = readdirSync(folder).filter((name) => name.endsWith(".json"));
    rmSync(join(folder, page ?? ""));
    mkdirSync(join(folder, page ?? ""));
    // Another page is kept (an assumption changed), and the older ones removed: the folder cannot be.
    const assumptions = join(project.root, "notebooks/assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace(/high: (\d+)/, (_match, high: string) => `high: ${Number(high) + 1}`));
    const result = await run(["build", "--no-pdf", "--root", project.root], project.root);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the page cache (out/.cache/page): cannot use ${join(folder, page ?? "")} (EISDIR)`);
    expect(result.stderr).not.toContain("ERR_FS_EISDIR");
    expect(result.stderr).not.toContain("Path is a directory");
  }, 120_000);

  it("fragtax run with the engine cache blocked: exit 2, no hang", async () => {
    project = tempProject();
    writeFileSync(join(project.root, "package.json"), '{ "name": "fixture", "private": true }\n');
    blockWithFile(project.root, "out/.cache/engine");
    const result = await run(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", "-"], project.root);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(project.root, "out/.cache/engine")}`);
  }, 120_000);

  it("fragtax run --out a folder: exit 2 naming it before any cell runs, no temporary file left beside it", async () => {
    project = tempProject();
    const folder = join(project.root, "results.ipynb"); // named like a notebook
    mkdirSync(folder);
    const result = await run(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", folder], project.root);
    expect(result.hung).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--out ${folder}: that is a folder; give the path of the executed notebook file`);
    expect(result.stderr).not.toContain("ran ");
    expect(readdirSync(project.root).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(join(folder, "01-price.ipynb"))).toBe(false);
  }, 120_000);

  it("fragtax run --out a file that is not a notebook, or inside a published version: exit 2 before running, nothing written", async () => {
    project = tempProject();
    const assumptions = join(project.root, "notebooks", "assumptions.yaml");
    const before = readFileSync(assumptions, "utf8");
    const typo = await run(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", assumptions], project.root);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(`--out ${assumptions}: an executed notebook is written as a .ipynb file`);
    expect(readFileSync(assumptions, "utf8")).toBe(before);
    expect(typo.stderr).not.toContain("ran "); // refused before any cell ran

    // Not in out/build/ outside executed/: the next build replaces out/build/ whole and would delete it.
    const inBuild = await run(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", join(project.root, "out", "build", "mine.ipynb")], project.root);
    expect(inBuild.code).toBe(2);
    expect(inBuild.stderr).toContain("that is inside out/build/, which each build replaces whole (only out/build/executed/ is kept)");
    const inExecuted = await run(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", join(project.root, "out", "build", "executed", "mine.ipynb")], project.root);
    expect(inExecuted.code).toBe(0);

    const published = join(project.root, "out", "reports", "2026-05-01", "report.ipynb");
    const frozen = await run(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", published], project.root);
    expect(frozen.code).toBe(2);
    expect(frozen.stderr).toContain("that is inside out/reports/, where published versions are kept unchanged");
    expect(existsSync(join(project.root, "out", "reports"))).toBe(false);

    // …nor through a symlink that leads there.
    mkdirSync(join(project.root, "out", "reports", "2026-05-01"), { recursive: true });
    symlinkSync(join(project.root, "out", "reports", "2026-05-01"), join(project.root, "shortcut"));
    const linked = await run(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", join(project.root, "shortcut", "report.ipynb")], project.root);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain("that is inside out/reports/");
    expect(readdirSync(join(project.root, "out", "reports", "2026-05-01"))).toEqual([]);
    // …nor through a symlink outside the project that leads into it.
    const outside = mkdtempSync(join(tmpdir(), "fragtax-link-"));
    try {
      symlinkSync(join(project.root, "out", "reports", "2026-05-01"), join(outside, "pub"));
      const far = await run(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", join(outside, "pub", "x.ipynb")], project.root);
      expect(far.code).toBe(2);
      expect(far.stderr).toContain("that is inside out/reports/");
      expect(readdirSync(join(project.root, "out", "reports", "2026-05-01"))).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  }, 120_000);

  it("fragtax run --out a source (the notebook it runs, or another chapter): exit 2 before running, the source kept; a new file beside them is written", async () => {
    project = tempProject();
    const notebooks = join(project.root, "notebooks");
    const [price, claims] = [join(notebooks, "01-price.ipynb"), join(notebooks, "02-claims.ipynb")];
    const before = readFileSync(claims, "utf8");
    const other = await run(["run", price, "--out", claims], project.root);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`--out ${claims}: that is a source of the project (the notebook it runs, or a file report.yaml names), which the executed notebook would replace`);
    expect(other.stderr).not.toContain("ran ");
    expect(readFileSync(claims, "utf8")).toBe(before);
    // Itself, named another way (relative, from inside notebooks/), and through a symlink.
    expect((await run(["run", price, "--out", "01-price.ipynb"], notebooks)).code).toBe(2);
    symlinkSync(notebooks, join(project.root, "src-link"));
    expect((await run(["run", price, "--out", join(project.root, "src-link", "02-claims.ipynb")], project.root)).code).toBe(2);
    expect(readFileSync(claims, "utf8")).toBe(before);
    // An executed copy kept beside the sources may be written, and written again.
    const copy = join(notebooks, "executed-copy.ipynb");
    expect((await run(["run", price, "--out", copy], project.root)).code).toBe(0);
    expect(existsSync(copy)).toBe(true);
    expect((await run(["run", price, "--out", copy], project.root)).code).toBe(0);
    // Unless it was made read-only: kept, before anything runs.
    chmodSync(copy, 0o444);
    const kept = readFileSync(copy, "utf8");
    const readOnly = await run(["run", price, "--out", copy], project.root);
    expect([readOnly.code, readOnly.stderr.trim()]).toEqual([2, `--out ${copy}: that file is read-only, so it is kept; make it writable to replace it (chmod u+w), or write the executed notebook elsewhere`]);
    expect(readFileSync(copy, "utf8")).toBe(kept);
  }, 120_000);
});

describe("what each file-system failure tells the user", () => {
  it.each([
    ["EACCES", "permission denied: make it writable"],
    // Root gets EPERM from a file or folder marked immutable (chattr +i), where its mode allows the write.
    ["EPERM", "`chattr -i -a`"],
    ["EROFS", "the file system is read-only"],
    ["ENOSPC", "the disk is full"],
    ["EISDIR", "it is a folder, but a file is needed there"],
  ])("%s", (code, advice) => {
    const raw = Object.assign(new Error(`${code}: raw message, open '/x/y'`), { code, path: "/x/y" });
    const located = locateFileSystemError(raw, "the chart cache", "/x");
    expect((located as Error).message).toBe(fileSystemProblem("the chart cache", "/x/y", code));
    expect((located as Error).message).toContain(advice);
    expect((located as { exitCode?: number }).exitCode).toBe(2);
  });
});
