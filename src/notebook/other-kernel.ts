/**
 * A Deno notebook that imports tslab's module: a tslab chapter's first cell copied into a Deno one,
 * the likeliest slip in writing one. `deno check` passes it (the project's package.json resolves
 * "tslab" from node_modules), and the run then fails at `notebook(tslab)`, which finds no run context
 * in Deno. `fragtax check` says so at the import, as the run would, so a check that passed promises a
 * run. Pure: the cells' text only.
 */
import { lineColumn } from "../util/text-position";
import { displayPath } from "../util/paths";
import * as messages from "../messages/notebook";
import { specifiers } from "./tslab-root-dir";
import type { CheckDiagnostic, NotebookCells } from "./typecheck-rules";

const TSLAB = new Set(["tslab", "npm:tslab"]);

export function tslabInDeno(notebook: NotebookCells, root: string): CheckDiagnostic[] {
  return notebook.cells.flatMap(({ cell, source }) =>
    specifiers(source)
      .filter(({ specifier }) => TSLAB.has(specifier))
      .map(({ specifier, offset }) => ({ file: displayPath(notebook.file, root), cell, ...lineColumn(source, offset), code: 0, message: messages.tslabInDenoNotebook(specifier) })),
  );
}
