/**
 * A Deno notebook that imports tslab's module: a tslab chapter's first cell copied into a Deno one,
 * the likeliest slip in writing one. `deno check` passes it (the project's package.json resolves
 * "tslab" from node_modules), and the run then fails at `notebook(tslab)`, which finds no run context
 * in Deno (an import left unused beside `notebook(Deno.jupyter)` runs, and is not refused). `fragtax check` says so at the import, as the run would, so a check that passed promises a
 * run. Pure: the cells' text only.
 */
import { lineColumn } from "../util/text-position";
import { displayPath } from "../util/paths";
import * as messages from "../messages/notebook";
import { specifiers } from "./tslab-root-dir";
import type { CheckDiagnostic, NotebookCells } from "./typecheck-rules";

const TSLAB = new Set(["tslab", "npm:tslab"]);

/** The code of this check's diagnostics: no TypeScript error's (those are TS1000 and up), so summaries count them apart. */
export const OTHER_KERNEL_CODE = 0;

export function tslabInDeno(notebook: NotebookCells, root: string): CheckDiagnostic[] {
  const everything = notebook.cells.map(({ source }) => source).join("\n");
  return notebook.cells.flatMap(({ cell, source }) =>
    specifiers(source)
      .filter(({ specifier, offset }) => TSLAB.has(specifier) && fails(bindingAt(source, offset), everything))
      .map(({ specifier, offset }) => ({ file: displayPath(notebook.file, root), cell, ...lineColumn(source, offset), code: OTHER_KERNEL_CODE, message: messages.tslabInDenoNotebook(specifier) })),
  );
}

/**
 * Whether the import makes the run fail: passed to `notebook(…)`, which finds no run context in Deno.
 * Deno resolves "tslab" and "npm:tslab" from the project's node_modules, so an import left unused
 * beside `notebook(Deno.jupyter)` runs, and a check that refused it disagreed with run and build. A
 * binding it cannot tell counts as passed on.
 */
function fails(binding: string | undefined, cells: string): boolean {
  if (binding === undefined) return true;
  return new RegExp(`\\bnotebook\\s*\\(\\s*${binding.replace(/\$/g, "\\$")}(?![\\w$])`).test(cells);
}

/** The name an import of the specifier at `offset` binds: `import * as t from`, `import t from`, `const t = await import(`. */
function bindingAt(source: string, offset: number): string | undefined {
  const before = source.slice(Math.max(0, offset - 200), offset);
  const found = /import\s+(?:\*\s*as\s+([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*))\s+from\s*$/.exec(before) ?? /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*await\s+import\s*\(\s*$/.exec(before);
  return found?.[1] ?? found?.[2];
}
