/**
 * `fragtax check`: type-checks notebooks with the TypeScript 5.9 compiler API, plus the project's
 * `src/`, in one program, and maps every diagnostic to notebook / cell / line; Deno notebooks with
 * `deno check` (deno-check.ts), located the same way. The rules (tslab's,
 * cell by cell) live in `typecheck.ts`, which `fragtax run` and `build` use too.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as messages from "../messages/notebook";
import { findDeno } from "./deno";
import { cellText, NotebookFormatError, notebookKernel, parseNotebook, type KernelKind } from "./nbformat";
import { displayPath } from "../util/paths";
import { codeFrame, readSource } from "./errors";
import { checkAll, formatDiagnostic, projectSourceFiles, type CheckDiagnostic, type NotebookCells } from "./typecheck";
import { EXIT_FAILED, EXIT_OK, type ExitCode } from "../util/errors";
import { configPathForRoot, findProjectRoot } from "../config";
import { reportFieldsLeniently } from "../config/lenient";

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
  return [...(await denoCheck(deno, checked, root)).diagnostics];
}

/** The CLI action: exit 0 when clean, 1 on type errors; an unreadable notebook throws (exit 2). */
export async function checkCommand(args: readonly string[]): Promise<ExitCode> {
  const root = findProjectRoot(process.cwd());
  const notebooks = args.length > 0 ? args.map((arg) => resolve(arg)) : reportNotebooks(root);
  const diagnostics = [...checkNotebooks(notebooks, { root }), ...(await checkDenoNotebooks(notebooks, { root }))];
  const frameOf = diagnostics.length === 0 ? () => undefined : codeFrames(notebooks, root);
  for (const d of diagnostics) {
    const frame = frameOf(d);
    process.stderr.write(`${formatDiagnostic(d)}\n${frame === undefined ? "" : `${frame}\n`}`);
  }
  process.stderr.write(`${messages.checkSummary(diagnostics.length, notebooks.length)}\n`);
  return diagnostics.length === 0 ? EXIT_OK : EXIT_FAILED;
}

/**
 * The code frame under a diagnostic, as `fragtax run` shows one: from the cell's source, or from the
 * project file. Undefined when the source cannot be read again (the error line alone then).
 */
function codeFrames(notebooks: readonly string[], root: string): (d: CheckDiagnostic) => string | undefined {
  const cellsByName = new Map<string, NotebookCells["cells"]>();
  for (const file of notebooks) {
    try {
      cellsByName.set(displayPath(file, root), readCells(file, root, "any").cells);
    } catch {
      continue; // reported by the check itself
    }
  }
  return (d) => {
    const source = d.cell === undefined ? readSource(resolve(root, d.file)) : cellsByName.get(d.file)?.find((cell) => cell.cell === d.cell)?.source;
    return source === undefined ? undefined : codeFrame(source, d.line, d.column);
  };
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
  const name = displayPath(file, root);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new NotebookFormatError(messages.notebookUnreadable(name, (error as NodeJS.ErrnoException).code ?? String(error)), name);
  }
  const notebook = parseNotebook(text, name);
  if (kernel !== "any" && notebookKernel(notebook) !== kernel) return { file, cells: [] };
  return { file, cells: notebook.cells.flatMap((cell, index) => (cell.cell_type === "code" ? [{ cell: index + 1, source: cellText(cell.source) }] : [])) };
}
