/**
 * `fragtax check`: type-checks notebooks with the TypeScript 5.9 compiler API, plus the project's
 * `src/`, in one program, and maps every diagnostic to notebook / cell / line; Deno notebooks with
 * `deno check` (deno-check.ts), located the same way. The rules (tslab's,
 * cell by cell) live in `typecheck.ts`, which `fragtax run` and `build` use too. The command itself
 * (which also checks the notebooks' markdown images) is cli/check-action.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { findDeno } from "./deno";
import { cellText, notebookKernel, parseNotebook, unreadableNotebook, type KernelKind, type Notebook } from "./nbformat";
import { displayPath } from "../util/paths";
import { checkAll, projectSourceFiles, type CheckDiagnostic, type NotebookCells } from "./typecheck";
import { configPathForRoot } from "../config";
import { reportFieldsLeniently } from "../config/lenient";
import { readInputTextSync } from "../util/plain-file";
import { tslabInDeno } from "./other-kernel";

export { formatDiagnostic, topLevelNames, type CheckDiagnostic } from "./typecheck";

export interface CheckOptions {
  readonly root: string;
  /** Also check the project's `src/` (from tsconfig.json). Default true. */
  readonly includeSrc?: boolean;
}

export function checkNotebooks(notebookFiles: readonly string[], options: CheckOptions): CheckDiagnostic[] {
  const root = resolve(options.root);
  const notebooks = notebookFiles.map((file) => readCells(resolve(file), root));
  return checkAll(notebooks, { root, extraFiles: options.includeSrc === false ? [] : projectSourceFiles(root) });
}

/**
 * Deno notebooks, with Deno's own checker (`deno check`, deno-check.ts): the same cell rules, Deno's
 * types. A notebook of another kernel is left out; a missing Deno runtime throws (exit 2).
 */
export async function checkDenoNotebooks(notebookFiles: readonly string[], options: CheckOptions): Promise<CheckDiagnostic[]> {
  const root = resolve(options.root);
  const notebooks = notebookFiles.map((file) => readCells(resolve(file), root, "deno"));
  const checked = notebooks.filter((notebook) => notebook.cells.length > 0);
  if (checked.length === 0) return [];
  const { denoCheck } = await import("./deno-check");
  const deno = findDeno(displayPath(checked[0]?.file ?? root, root), root);
  return [...checked.flatMap((notebook) => tslabInDeno(notebook, root)), ...(await denoCheck(deno, checked, root)).diagnostics];
}

/** The report's notebooks: the chapters of notebooks/report.yaml, else every notebooks/*.ipynb. */
export function reportNotebooks(root: string): string[] {
  const folder = join(root, "notebooks");
  const report = configPathForRoot(root);
  if (existsSync(report)) {
    const chapters = reportFieldsLeniently(readFileSync(report, "utf8"), report).chapters;
    if (chapters !== undefined) return [...chapters];
  }
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".ipynb")).sort().map((name) => join(folder, name)) : [];
}

/**
 * A notebook's code cells, read from disk (unreadable or malformed: `NotebookFormatError`); none
 * when the notebook is for the other kernel than `kernel` (each kernel's types are its own checker's;
 * "any" for either).
 */
export function readCells(file: string, root: string, kernel: KernelKind | "any" = "tslab"): NotebookCells {
  const notebook = readNotebook(file, root);
  if (kernel !== "any" && notebookKernel(notebook) !== kernel) return { file, cells: [] };
  return { file, cells: notebook.cells.flatMap((cell, index) => (cell.cell_type === "code" ? [{ cell: index + 1, source: cellText(cell.source) }] : [])) };
}

/** A notebook read from disk; unreadable or malformed: `NotebookFormatError`, named relative to `root`. */
export function readNotebook(file: string, root: string): Notebook {
  const name = displayPath(file, root);
  let text: string;
  try {
    text = readInputTextSync(file);
  } catch (error) {
    throw unreadableNotebook(file, name, error);
  }
  return parseNotebook(text, name);
}
