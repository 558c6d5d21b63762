/**
 * Type checking of notebooks with tslab's rules (typecheck-rules.ts) — the one implementation behind
 * `fragtax check`, `fragtax run` and `fragtax build` (a cell with a type error is an error
 * everywhere, as in tslab).
 *
 * The compiler: the native TypeScript compiler (`tsgo`, typecheck-tsgo.ts) where its package is
 * installed, about seven times faster than the TypeScript API and the same rules, messages and
 * positions; the TypeScript API (typecheck-program.ts) otherwise, and for notebooks with `@module` cells.
 */
import { checkWithApi } from "./typecheck-program";
import { checkWithTsgo, checkWithTsgoAsync } from "./typecheck-tsgo";
import { dirname, resolve } from "node:path";
import { displayPath } from "../util/paths";
import { located } from "../messages/location";
import { typeErrorHint } from "./type-hints";
import { rootDirProblems } from "./tslab-root-dir";
import { meantModule, misspeltImport, suggestModule, unresolvedSpecifier } from "./module-suggest";
import { withoutImportConsequences, type ImportTypo } from "./import-consequences";
import { atIncompatibleValue } from "./value-place";
import { publicEntryFiles } from "./imports";
import { suggestImport } from "./module-exports";
import { placeInCell, suggestEarlierName, type CellModule, type CheckDiagnostic, type CheckedProgram, type NotebookCells, type NotebookTypes, type ProgramOptions } from "./typecheck-rules";

export { cellModules, cellPath, projectSourceFiles, topLevelNames } from "./typecheck-rules";
export type { CellModule, CheckDiagnostic, NotebookCells, NotebookTypes, ProgramOptions } from "./typecheck-rules";

/** The program, and a check of other notebooks by the same compiler (undefined when it cannot give one). */
interface Checked {
  readonly program: CheckedProgram;
  readonly again: (notebooks: readonly NotebookCells[], root: string) => CheckedProgram | undefined;
}

function checked(notebooks: readonly NotebookCells[], options: ProgramOptions): Checked {
  const native = checkWithTsgo(notebooks, options);
  // What follows from a typo is what a check of the corrected notebook no longer finds, compared by
  // place and code: only a check by the same compiler can say so (tsgo and the API may place an error apart).
  return native !== undefined
    ? { program: native, again: (corrected, root) => checkWithTsgo(corrected, { root }) }
    : { program: checkWithApi(notebooks, options), again: (corrected, root) => checkWithApi(corrected, { root }) };
}

/** `recheck` for withoutImportConsequences: it throws where the same compiler cannot check again, which keeps every error. */
function recheckWith(again: Checked["again"], root: string, entries: readonly string[]): (corrected: readonly NotebookCells[]) => CheckDiagnostic[] {
  return (corrected) => {
    const program = again(corrected, root);
    if (program === undefined) throw new Error("the same compiler cannot check the corrected notebook");
    return locatedErrors(program, corrected, root, entries).found;
  };
}

/**
 * `fragtax check`: every error in the notebooks, the extra files and what they import — but for the
 * errors an import path with a typo causes, which are counted on its TS2307 (import-consequences.ts).
 */
export function checkAll(notebooks: readonly NotebookCells[], options: ProgramOptions): CheckDiagnostic[] {
  const root = resolve(options.root);
  const entries = publicEntryFiles(root);
  const { program, again } = checked(notebooks, options);
  const { found, typos } = locatedErrors(program, notebooks, root, entries);
  // The second check, of the mistyped notebooks alone, is paid only when there is a typo to correct.
  const kept = typos.length === 0 ? found : withoutImportConsequences(found, typos, notebooks, (file) => displayPath(file, root), recheckWith(again, root, entries));
  // A local file's import is one error however many notebooks reach it, as the checkers report a file's.
  const outside = new Map(notebooks.flatMap((notebook) => rootDirProblems(notebook, options.root)).map(({ diagnostic: d }) => [`${d.file}#${d.cell ?? ""}:${d.line}:${d.column}`, d]));
  return [...kept, ...outside.values()];
}

/** The program's errors placed in their cells, with the names and modules meant; and the imports whose nearest module is known. */
function locatedErrors(program: CheckedProgram, notebooks: readonly NotebookCells[], root: string, entries: readonly string[]): { found: CheckDiagnostic[]; typos: ImportTypo[] } {
  const cells = new Map(notebooks.flatMap((notebook) => program.cellsOf(notebook.file).map((module) => [`${module.notebook}#${module.cell}`, module] as const)));
  const typos: ImportTypo[] = [];
  const found = program.all().map((d) => {
    const module = d.cell === undefined ? undefined : cells.get(`${d.file}#${d.cell}`);
    if (module === undefined) return d;
    const placed = suggested(d, module, root, entries);
    const [specifier, meant] = [unresolvedSpecifier(d), meantModule(d, dirname(module.path), entries)];
    if (specifier !== undefined && meant !== undefined) typos.push({ diagnostic: placed, kind: "path", specifier, meant });
    const name = misspeltImport(d);
    if (name !== undefined) typos.push({ diagnostic: placed, kind: "name", ...name });
    return placed;
  });
  return { found, typos };
}

/** `fragtax run/build`: per notebook, the errors that stop a cell (cells and the files they import). */
export function checkForRun(notebooks: readonly NotebookCells[], options: ProgramOptions): Map<string, NotebookTypes> {
  const { program, again } = checked(notebooks, options);
  return typesOfNotebooks(program, notebooks, options, again);
}

/**
 * The same with the native compiler running while this thread goes on (a build's main thread keeps
 * compiling and running chapters); undefined when only the TypeScript API can answer (typecheck-tsgo.ts).
 */
export async function checkForRunNatively(notebooks: readonly NotebookCells[], options: ProgramOptions): Promise<Map<string, NotebookTypes> | undefined> {
  const program = await checkWithTsgoAsync(notebooks, options);
  return program === undefined ? undefined : typesOfNotebooks(program, notebooks, options, (corrected, root) => checkWithTsgo(corrected, { root }));
}

/** A cell's error placed in the cell, with what was likely meant: an earlier cell's name, an existing module, the import a name lacks. */
function suggested(diagnostic: CheckDiagnostic, module: CellModule, root: string, entries: readonly string[]): CheckDiagnostic {
  const fromDir = dirname(module.path);
  return atIncompatibleValue(suggestImport(suggestModule(suggestEarlierName(placeInCell(diagnostic, module), module), fromDir, entries), fromDir, root), module);
}

function typesOfNotebooks(program: CheckedProgram, notebooks: readonly NotebookCells[], options: ProgramOptions, again: Checked["again"]): Map<string, NotebookTypes> {
  const root = resolve(options.root);
  const entries = publicEntryFiles(root);
  const results = new Map<string, NotebookTypes>();
  for (const notebook of notebooks) {
    const errors: Array<{ cell: number; diagnostic: CheckDiagnostic }> = [];
    const seen = new Set<string>();
    const reported = new Set<string>();
    for (const module of program.cellsOf(notebook.file)) {
      const { cell, path } = module;
      for (const diagnostic of program.errorsIn(path)) errors.push({ cell, diagnostic: suggested(diagnostic, module, root, entries) });
      for (const file of program.projectClosure(path, true)) seen.add(file);
      for (const file of program.projectClosure(path, false)) {
        if (reported.has(file)) continue;
        reported.add(file);
        for (const diagnostic of program.errorsIn(file)) errors.push({ cell, diagnostic });
      }
    }
    const files = [...seen].map((file) => displayPath(file, root)).sort();
    // tslab's rootDir, which the checkers' graphs cannot see (tslab-root-dir.ts): after what follows from a
    // typo is left out, which a second check decides and which never reports these (they would all go).
    // In cell order (stable within a cell): the first error decides which cell stops, and a rootDir
    // problem in cell 1 came after a type error in cell 3, so cells 1 and 2 ran.
    const all = [...withoutTypoConsequences(errors, notebook, root, entries, again), ...rootDirProblems(notebook, root)].sort((a, b) => a.cell - b.cell);
    results.set(notebook.file, { errors: all, files });
  }
  return results;
}

/**
 * A notebook's errors less those a mistyped import causes, counted on it (`following`), as `fragtax
 * check` counts them (import-consequences.ts): `run` guessed from the messages which errors followed,
 * missed a callback's untyped parameter, and sent the reader to `check` for an error `check` left out.
 */
function withoutTypoConsequences(errors: Array<{ cell: number; diagnostic: CheckDiagnostic }>, notebook: NotebookCells, root: string, entries: readonly string[], again: Checked["again"]): Array<{ cell: number; diagnostic: CheckDiagnostic }> {
  const typos = errors.flatMap(({ diagnostic: d }): ImportTypo[] => {
    if (d.cell === undefined) return [];
    const [specifier, meant, name] = [unresolvedSpecifier(d), meantModule(d, dirname(notebook.file), entries), misspeltImport(d)];
    return [...(specifier !== undefined && meant !== undefined ? [{ diagnostic: d, kind: "path" as const, specifier, meant }] : []), ...(name === undefined ? [] : [{ diagnostic: d, kind: "name" as const, ...name }])];
  });
  if (typos.length === 0) return errors;
  // The second check, of this notebook alone, is paid only when it has a typo to correct.
  const kept = withoutImportConsequences(errors.map(({ diagnostic }) => diagnostic), typos, [notebook], (file) => displayPath(file, root), recheckWith(again, root, entries));
  // In the same order, each kept error the one checked (a corrected import's with its count).
  const result: Array<{ cell: number; diagnostic: CheckDiagnostic }> = [];
  let next = 0;
  for (const error of errors) {
    const candidate = kept[next];
    if (candidate !== undefined && (candidate === error.diagnostic || (candidate.following !== undefined && sameError(candidate, error.diagnostic)))) {
      result.push({ cell: error.cell, diagnostic: candidate });
      next++;
    }
  }
  return result;
}

function sameError(a: CheckDiagnostic, b: CheckDiagnostic): boolean {
  return a.file === b.file && a.cell === b.cell && a.line === b.line && a.column === b.column && a.code === b.code && a.message === b.message;
}

/** `notebook: cell N, line L, column C: TSxxxx: message` (or `file:line:column: …`): as `run` and `build` name a type error. */
export function formatDiagnostic(d: CheckDiagnostic): string {
  // Code 0: one of fragtax's own rules, not TypeScript's (other-kernel.ts).
  return located(d, d.code === 0 ? d.message : `TS${d.code}: ${d.message}${typeErrorHint(d.message)}`);
}
