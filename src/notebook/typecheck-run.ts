/**
 * The type check that `fragtax run` and `build` do before running a notebook (tslab refuses a cell
 * with a type error, so they do too), cached so that a re-run of an unchanged notebook — after an
 * assumption changed, say — does not pay for the compiler again:
 *
 *   1. key     the notebook's path and cell sources (and the tool version)
 *   2. lookup  an entry is valid while every file it depended on (the project files the cells import,
 *              tsconfig.json, package-lock.json) keeps its size and mtime (`CompileCache`)
 *   3. check   the misses of one call in one program (`typecheck.ts`, loaded only then), in this
 *              thread or (a build) in a thread of its own
 *   4. locate  the first error becomes the failing cell's located `CellError`
 */
import { quote } from "shell-quote";
import { join } from "node:path";
import * as messages from "../messages/notebook";
import { typeErrorHint } from "./type-hints";
import { misspeltImport } from "./module-suggest";
import type { CompileCache } from "./compile-cache";
import { cellError, type CellError } from "./errors";
import { codeFrame } from "../util/code-frame";
import type { CheckDiagnostic, NotebookCells, NotebookTypes } from "./typecheck";
import { at } from "../messages/location";

/** Files every check depends on besides the notebook's own imports (relative to the root). */
const PROJECT_FILES = ["tsconfig.json", "package-lock.json"];

/**
 * Another checker than tslab's: Deno notebooks are checked by `deno check` (deno-check.ts). `kind`
 * keeps their cache entries apart from a tslab check of the same cells.
 */
export interface NotebookChecker {
  readonly kind: string;
  check(notebooks: readonly NotebookCells[], root: string): Promise<Map<string, NotebookTypes>>;
}

/** Type-checks the notebooks (cached per notebook); the key is the absolute notebook path. */
export async function typeCheckNotebooks(
  notebooks: readonly NotebookCells[],
  root: string,
  cache: CompileCache | undefined,
  how: { readonly inThread?: boolean; readonly checker?: NotebookChecker; readonly onStarted?: () => void } = {},
): Promise<Map<string, NotebookTypes>> {
  const { inThread = false, checker } = how;
  const results = new Map<string, NotebookTypes>();
  const misses: NotebookCells[] = [];
  const keyOf = (notebook: NotebookCells): string | undefined => cache?.typesKey(checker ? `${notebook.file}#${checker.kind}` : notebook.file, notebook.cells);
  for (const notebook of notebooks) {
    const key = keyOf(notebook);
    const hit = key === undefined ? undefined : await cache?.readTypes(key, root);
    if (hit) results.set(notebook.file, hit);
    else misses.push(notebook);
  }
  if (misses.length === 0) {
    how.onStarted?.();
    return results;
  }
  // The compiler is loaded only on a miss: here, or in a thread of its own while a build's notebooks
  // run; Deno notebooks are checked by their own checker (`deno check`).
  const pending = checker
    ? checker.check(misses, root)
    : inThread
      ? checkBeside(misses, root)
      : Promise.resolve().then(async () => (await import("./typecheck")).checkForRun(misses, { root }));
  how.onStarted?.();
  const checked = await pending;
  for (const notebook of misses) {
    const types = checked.get(notebook.file) ?? { errors: [], files: [] };
    results.set(notebook.file, types);
    const stamped = [...types.files, ...PROJECT_FILES].map((file) => join(root, file));
    const key = keyOf(notebook);
    if (key !== undefined) await cache?.writeTypes(key, types, stamped);
  }
  return results;
}

/**
 * A check that leaves this thread free: the native compiler in its own process, or, where only the
 * TypeScript API can answer (typecheck-tsgo.ts), the API in a thread of its own (pool.ts).
 */
async function checkBeside(notebooks: readonly NotebookCells[], root: string): Promise<Map<string, NotebookTypes>> {
  const native = await (await import("./typecheck")).checkForRunNatively(notebooks, { root });
  return native ?? (await import("./pool")).typeCheckInThread(notebooks, root);
}

/**
 * The first cell a type error stops, as a located error: in the cell (line, column and code frame)
 * or in a project file the cell imports (located in that file, with its code frame when `fileSource`
 * can read it). Other errors of the same cell follow.
 */
export function firstTypeError(
  types: NotebookTypes,
  notebook: string,
  sourceOf: (cell: number) => string | undefined,
  fileSource: (file: string) => string | undefined = () => undefined,
  /** The notebook as the user's shell names it, for the command that lists the rest (default: `notebook`). */
  shellName: string = notebook,
): CellError | undefined {
  const first = types.errors[0];
  if (first === undefined) return undefined;
  const { cell, diagnostic } = first;
  // A misspelt imported name (TS2724, `runModl` for `runModel`) makes each use of the name meant
  // "Cannot find name 'runModel'. Did you mean 'runModl'?": the typo suggested back; counted, not listed.
  // Only a typo the reader is shown (this cell or one before it) explains errors after it.
  const misspelt = types.errors.filter((error) => error.cell <= cell).flatMap(({ diagnostic }) => misspeltImport(diagnostic) ?? []);
  // (Or, the name being a public entry's, the import to write for it: module-exports.ts.)
  const followsFromTypo = (message: string): boolean => misspelt.some(({ meant }) => message.startsWith(`Cannot find name '${meant}'.`));
  const rest = types.errors.filter((error) => error.cell === cell && error !== first);
  const others = rest.filter((error) => !followsFromTypo(error.diagnostic.message)).map((error) => messages.typeErrorLine(where(error.diagnostic), error.diagnostic.code, `${error.diagnostic.message}${typeErrorHint(error.diagnostic.message)}`));
  // The cells after this one do not run, so their errors are not shown here: counted, and where to see
  // them (`check` lists them, except those that follow from the typo, as here).
  const after = types.errors.filter((error) => error.cell > cell);
  const later = after.filter((error) => !followsFromTypo(error.diagnostic.message));
  // The errors the check found to follow from a typo shown here (typecheck.ts, as `check` counts them), and any the messages tell.
  const followed = types.errors.filter((error) => error.cell <= cell).flatMap((error) => error.diagnostic.following ?? []);
  const leftOut = rest.length - others.length + after.length - later.length + followed.reduce((sum, f) => sum + f.errors, 0);
  const imports = [...new Set(followed.flatMap((f) => f.imports))];
  const names = [...new Set([...misspelt.map(({ specifier }) => specifier), ...followed.flatMap((f) => f.names)])];
  if (leftOut > 0) others.push(messages.importErrorsLeftOut(leftOut, imports, names));
  if (later.length > 0) others.push(messages.typeErrorsInLaterCells(later.length, new Set(later.map((error) => error.cell)).size, quote([shellName])));
  const source = sourceOf(cell);
  const inCell = diagnostic.cell !== undefined;
  const fields = {
    kind: "type" as const,
    notebook,
    cell,
    ...(inCell ? { line: diagnostic.line, column: diagnostic.column } : {}),
    ename: `TS${diagnostic.code}`,
    evalue: `${inCell ? diagnostic.message : messages.typeErrorInImport(where(diagnostic), diagnostic.message)}${typeErrorHint(diagnostic.message)}`,
  };
  const located = cellError(fields);
  const text = inCell ? source : fileSource(diagnostic.file);
  const frame = [text !== undefined ? codeFrame(text, diagnostic.line, diagnostic.column) : undefined, ...others].filter((part) => part !== undefined);
  return frame.length > 0 ? { ...located, frame: frame.join("\n") } : located;
}

function where(d: CheckDiagnostic): string {
  return at(d.cell === undefined ? d : { cell: d.cell, line: d.line, column: d.column });
}
