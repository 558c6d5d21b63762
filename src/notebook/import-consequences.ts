/**
 * The errors a mistyped import causes, told apart from the notebook's own. The names an import path
 * that does not resolve brings in have no types (`any`), so every use of them can be an error: a
 * callback's parameter implicitly `any` (TS7006), a model's summary possibly `undefined` (TS18048).
 * `fragtax check` printed them all under the one TS2307 that caused them (50 for one import in the
 * report's chapter 8), so the mistake to fix was lost among errors that fixing it removes. A misspelt
 * imported name (TS2724, `import { runModl }`) does the same to the uses of the name meant, each
 * "Cannot find name 'runModel'. Did you mean 'runModl'?": a suggestion to write the typo everywhere.
 *
 * Which errors follow from the import is found by checking the notebook again with the path or name it
 * most likely meant (module-suggest.ts, or TypeScript's own suggestion): an error that is gone then
 * was caused by the typo, one still there is the notebook's own. The first are counted under the
 * typo's error instead of printed. An import with nothing near it cannot be checked so: its errors are
 * all kept.
 */
import type { CheckDiagnostic, NotebookCells } from "./typecheck-rules";
import { offsetOf } from "../util/text-position";

/**
 * An import that does not resolve, located in its cell, and what it most likely meant: a path (TS2307,
 * located at the specifier's opening quote) or an imported name (TS2724, located at the name).
 */
export interface ImportTypo {
  readonly diagnostic: CheckDiagnostic;
  readonly kind: "path" | "name";
  /** The path or the name as written. */
  readonly specifier: string;
  readonly meant: string;
}

/** Where the text of one notebook was changed: a specifier on a cell's line, and by how much it grew. */
interface Edit {
  readonly cell: number;
  readonly line: number;
  readonly column: number;
  readonly delta: number;
}

/**
 * `found` with the errors that go away once each typo'd import names the module meant left out: each
 * corrected TS2307 says so (`following`), the notebook's last with the count of them. `display` names a notebook as the
 * diagnostics do; `recheck` checks the corrected notebooks' cells as `found` was checked.
 */
export function withoutImportConsequences(
  found: readonly CheckDiagnostic[],
  typos: readonly ImportTypo[],
  notebooks: readonly NotebookCells[],
  display: (file: string) => string,
  recheck: (corrected: readonly NotebookCells[]) => readonly CheckDiagnostic[],
): CheckDiagnostic[] {
  const corrected: NotebookCells[] = [];
  const edits = new Map<string, Edit[]>();
  const fixed = new Map<string, ImportTypo[]>();
  for (const notebook of notebooks) {
    const name = display(notebook.file);
    const mine = typos.filter((typo) => typo.diagnostic.file === name);
    const result = mine.length === 0 ? undefined : correct(notebook, mine);
    if (result === undefined || result.edits.length === 0) continue;
    corrected.push(result.notebook);
    edits.set(name, result.edits);
    fixed.set(name, result.fixed);
  }
  if (corrected.length === 0) return [...found];
  let again: readonly CheckDiagnostic[];
  try {
    again = recheck(corrected);
  } catch {
    return [...found]; // the first check answered: its errors, all of them, rather than none
  }
  // The corrected run's errors, placed back where the notebook as written has them.
  const stillThere = new Set(again.flatMap((d) => (d.cell === undefined || !edits.has(d.file) ? [] : [keyOf({ ...d, column: originalColumn(d, edits.get(d.file) ?? []) })])));
  const following = new Map<string, number>();
  const isTypo = (d: CheckDiagnostic): boolean => (fixed.get(d.file) ?? []).some((typo) => typo.diagnostic === d);
  const kept = found.filter((d) => {
    // Errors in project files, and in notebooks that were not corrected, are the check's as they were.
    if (d.cell === undefined || !fixed.has(d.file) || isTypo(d) || stillThere.has(keyOf(d))) return true;
    following.set(d.file, (following.get(d.file) ?? 0) + 1);
    return false;
  });
  // Every corrected import is marked; the count goes under the notebook's last, so it follows every import it is about.
  const last = new Map(kept.filter(isTypo).map((d) => [d.file, d]));
  return kept.map((d) => {
    if (!isTypo(d)) return d;
    const typos = fixed.get(d.file) ?? [];
    const imports = typos.filter((typo) => typo.kind === "path").map((typo) => typo.specifier);
    const names = typos.filter((typo) => typo.kind === "name").map((typo) => typo.specifier);
    return { ...d, following: { errors: last.get(d.file) === d ? (following.get(d.file) ?? 0) : 0, imports, names } };
  });
}

/** The notebook with each typo'd path or name replaced by the one meant, where it is written as its error locates it. */
function correct(notebook: NotebookCells, typos: readonly ImportTypo[]): { notebook: NotebookCells; edits: Edit[]; fixed: ImportTypo[] } {
  const edits: Edit[] = [];
  const fixed: ImportTypo[] = [];
  const cells = notebook.cells.map(({ cell, source }) => {
    let text = source;
    // From the last on the cell, so each earlier one's place is still as located.
    const here = typos.filter((typo) => typo.diagnostic.cell === cell).sort((a, b) => b.diagnostic.line - a.diagnostic.line || b.diagnostic.column - a.diagnostic.column);
    for (const typo of here) {
      const offset = offsetOf(text, typo.diagnostic.line, typo.diagnostic.column);
      if (offset < 0) continue;
      if (typo.kind === "path") {
        const quote = text[offset];
        // TS2307 is at the specifier's opening quote; a specifier written with escapes is not found so, and is left as it is.
        if ((quote !== '"' && quote !== "'") || !text.startsWith(`${quote}${typo.specifier}${quote}`, offset)) continue;
        text = `${text.slice(0, offset + 1)}${typo.meant}${text.slice(offset + 1 + typo.specifier.length)}`;
      } else {
        // TS2724 is at the name; the whole name, not the start of a longer one.
        if (!text.startsWith(typo.specifier, offset) || /[\p{ID_Continue}$\u200c\u200d]/u.test(text[offset + typo.specifier.length] ?? "")) continue;
        text = `${text.slice(0, offset)}${typo.meant}${text.slice(offset + typo.specifier.length)}`;
      }
      edits.push({ cell, line: typo.diagnostic.line, column: typo.diagnostic.column, delta: typo.meant.length - typo.specifier.length });
      fixed.push(typo);
    }
    return { cell, source: text };
  });
  // In the notebook's order, as the count's line names them (each cell's were corrected from its last).
  const order = (typo: ImportTypo): [number, number, number] => [typo.diagnostic.cell ?? 0, typo.diagnostic.line, typo.diagnostic.column];
  fixed.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  return { notebook: { file: notebook.file, cells }, edits, fixed };
}

/** A column of the corrected text as the text written has it: the edits before it on its line undone. */
function originalColumn(d: CheckDiagnostic, edits: readonly Edit[]): number {
  return edits.filter((edit) => edit.cell === d.cell && edit.line === d.line && edit.column < d.column).reduce((column, edit) => column - edit.delta, d.column);
}

function keyOf(d: CheckDiagnostic): string {
  return `${d.file}#${d.cell ?? ""}:${d.line}:${d.column}:${d.code}`;
}
