/**
 * Proof against the real thing: every test notebook of the engine and every notebook of the report
 * (the chapters of notebooks/report.yaml, once it exists) runs through real Jupyter
 * (`jupyter nbconvert --execute` with the tslab kernel) and through fragtax; their display outputs
 * (mime bundles) and stdout text must be the same for every deterministic cell. tslab prints a
 * trailing expression's value to stdout, fragtax makes it an execute_result: compared as stdout.
 * A cell whose output legitimately differs run to run opts out with the cell tag "nondeterministic".
 *
 * Needs /usr/bin/jupyter with nbconvert and the tslab kernel registered (`.ci/run` installs both).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { basename, delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveLedgerWords } from "../../src/api/words";
import { reportNotebooks } from "../../src/notebook/check";
import type { NotebookRunResult } from "../../src/notebook/execute";
import { executeNotebooks } from "../../src/notebook/execute-many";
import { cellText, type Cell, type Notebook, type Output } from "../../src/notebook/nbformat";
import { mapConcurrent } from "../../src/notebook/pool";
import { FIXTURES, TempDir } from "./helpers";
import { tempProject } from "../project";

const root = join(import.meta.dirname, "..", "..");
const JUPYTER = "/usr/bin/jupyter";
const temp = new TempDir();
afterAll(() => temp.cleanup());

const fixtures = ["semantics", "display", "imports", "model-entry"].map((name) => join(FIXTURES, `${name}.ipynb`));
const report = existsSync(join(root, "notebooks", "report.yaml")) ? reportNotebooks(root) : [];
// The chapter `fragtax new` writes must run unchanged in Jupyter too: scaffolded into a copy of the
// test project (with dist/ linked, as `npm install` provides it for ../dist/api.js).
const scaffolded = tempProject();
afterAll(() => scaffolded.remove());
symlinkSync(join(root, "dist"), join(scaffolded.root, "dist"), "dir");
execFileSync(process.execPath, [join(root, "dist", "cli.cjs"), "new", "energy", "--root", scaffolded.root], { stdio: "pipe" });
const newChapter = join(scaffolded.root, "notebooks", "03-energy.ipynb");
const notebooks = [...fixtures, ...report, newChapter];

async function runJupyter(file: string, index: number, attempt = 1): Promise<Notebook> {
  const outputDir = join(temp.path, String(index));
  try {
    await promisify(execFile)(
      JUPYTER,
      ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab", "--ExecutePreprocessor.timeout=120", "--output-dir", outputDir, basename(file)],
      { cwd: dirname(file), env: { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` }, timeout: 240_000 },
    );
  } catch (error) {
    // Jupyter picks the kernel's ports before the kernel binds them: two kernels started at once can
    // pick the same one ("Address already in use"). That is the harness's luck, not the notebook's: once more.
    if (attempt < 3 && /EADDRINUSE|Address already in use/.test(String((error as { stderr?: unknown }).stderr ?? error))) return runJupyter(file, index, attempt + 1);
    throw error;
  }
  return JSON.parse(readFileSync(join(outputDir, basename(file)), "utf8")) as Notebook;
}

/** What both must agree on per cell: display mime bundles in order, and all stdout text. */
function comparable(outputs: readonly Output[]): { displays: unknown[]; stdout: string } {
  const joined = (value: unknown): unknown => (Array.isArray(value) && value.every((line) => typeof line === "string") ? value.join("") : value);
  const displays = outputs.flatMap((output) =>
    output.output_type === "display_data" ? [Object.fromEntries(Object.entries(output.data).map(([mime, data]) => [mime, joined(data)]))] : [],
  );
  const stdout = outputs
    .map((output) => {
      if (output.output_type === "stream" && output.name === "stdout") return String(joined(output.text));
      if (output.output_type === "execute_result") return `${String(joined(output.data["text/plain"]))}\n`;
      return "";
    })
    .join("");
  return { displays, stdout };
}

const isDeterministic = (cell: Cell): boolean => !((cell.metadata.tags as unknown[] | undefined) ?? []).includes("nondeterministic");

describe("compatibility with Jupyter + tslab", () => {
  let jupyter: Notebook[] = [];
  let ours: NotebookRunResult[] = [];

  beforeAll(async () => {
    expect(existsSync(JUPYTER), `${JUPYTER} is missing: install Jupyter as .ci/run does`).toBe(true);
    [jupyter, ours] = await Promise.all([mapConcurrent(notebooks, 2, runJupyter), executeNotebooks(notebooks)]);
  }, 600_000);

  it("covers the engine's fixtures and every notebook listed in notebooks/report.yaml", () => {
    expect(notebooks.length).toBe(fixtures.length + report.length + 1);
    expect(jupyter.length).toBe(notebooks.length);
  });

  it.each(notebooks.map((file, index) => [file === newChapter ? "fragtax new energy" : file.slice(root.length + 1), index] as const))("%s: same displays and stdout per cell", (_name, index) => {
    const theirs = jupyter[index] as Notebook;
    // As `fragtax run` writes it: nb.words.ledger() and countedClaims() markers filled in from the notebook's
    // own claims, as Jupyter fills them (it has no report to count).
    const run = ours[index] as NotebookRunResult;
    const mine = { ...run, executed: JSON.parse(resolveLedgerWords(JSON.stringify(run.executed), run.claims, run.ledgerKey)) as Notebook };
    expect(mine.error?.message).toBeUndefined();
    let compared = 0;
    theirs.cells.forEach((cell, position) => {
      const other = mine.executed.cells[position];
      if (cell.cell_type !== "code" || other?.cell_type !== "code" || !isDeterministic(cell)) return;
      expect(cell.outputs.filter((output) => output.output_type === "error")).toEqual([]);
      const label = `cell ${position + 1}: ${cellText(cell.source).split("\n")[0]}`;
      expect(comparable(other.outputs), label).toEqual(comparable(cell.outputs));
      compared++;
    });
    expect(compared).toBeGreaterThan(0);
  });
});
