/**
 * `deno check`'s messages in the words the notebook was written in. Deno names modules by file URL,
 * in the check folder's mirror or in src/ behind a public entry: "Cannot find module
 * 'file:///…/dist/models.js'", "'"file:///…/src/model/index.ts"' has no exported member named
 * 'monteCarl'". A project file is named as the cell would import it ("../dist/models.js", and a
 * public entry's source as the entry: "../dist/model.js"), so the tslab checker's suggestions apply
 * to Deno's errors too: the nearest module, and an earlier cell's name for one it cannot find.
 */
import { dirname, join, relative, sep } from "node:path";
import type { CheckDiagnostic } from "./typecheck-rules";
import { misspeltImport } from "./module-suggest";
import * as messages from "../messages/notebook";
import { fileURLToPath } from "node:url";
import { PUBLIC_ENTRIES } from "./imports";
import { isInside } from "../util/paths";

/** `message` with each project file URL written as an import from `fromDir` would write it. */
export function denoMessageInProjectTerms(message: string, fromDir: string, root: string): string {
  const entries = new Map(Object.entries(PUBLIC_ENTRIES).map(([entry, source]) => [join(root, source), join(root, entry)]));
  return message.replace(/file:\/\/\/[^'"\s]+/g, (url) => {
    let path: string;
    try {
      path = fileURLToPath(url);
    } catch {
      return url;
    }
    if (!isInside(root, path) || path.split(sep).includes("node_modules")) return url;
    const named = relative(fromDir, entries.get(path) ?? path).split(sep).join("/");
    return named.startsWith(".") ? named : `./${named}`;
  });
}

/**
 * Deno's word for a package the project does not have ("Import "x/y" not a dependency and not in import
 * map from "./n.ipynb.cell2.ts"", hint: `deno add npm:x/y`) as a tslab notebook is told it: the package
 * to install with npm, which the project's package.json and Jupyter's Deno kernel both resolve. The
 * cell module Deno names is the check's own file.
 */
export function denoResolutionMessage(message: string): string {
  const specifier = /^Import "([^"]+)" not a dependency and not in import map\b/.exec(message)?.[1];
  return specifier === undefined || /^(\.|\/|[a-z]+:)/.test(specifier) ? message : messages.moduleNotFound(specifier);
}

/** The folder a cell's relative imports resolve from: its notebook's (`notebook` relative to the root). */
export function cellFolder(notebook: string, root: string): string {
  return dirname(join(root, notebook));
}

/**
 * The uses of a name a misspelt import meant ("Cannot find name 'monteCarlo'" after `import {
 * monteCarl }`), left out and counted on the import's error (`following`), as tslab's check counts
 * them: Deno's errors were each a suggestion to write the typo. Only these: what else follows from the
 * typo (a callback's untyped parameter) takes a second check, which `deno check` is too slow for.
 */
export function withoutUsesOfMisspeltImports(diagnostics: readonly CheckDiagnostic[]): CheckDiagnostic[] {
  const typos = diagnostics.flatMap((d) => {
    const typo = misspeltImport(d);
    return typo === undefined || d.cell === undefined ? [] : [{ diagnostic: d, ...typo }];
  });
  if (typos.length === 0) return [...diagnostics];
  const counted = new Map<CheckDiagnostic, number>();
  const kept = diagnostics.filter((d) => {
    const cause = typos.find((typo) => typo.diagnostic.file === d.file && d.cell !== undefined && d.cell >= (typo.diagnostic.cell ?? 0) && (d.code === 2304 || d.code === 2552) && d.message.startsWith(`Cannot find name '${typo.meant}'.`));
    if (cause === undefined) return true;
    // Counted on the notebook's last misspelt import, so the count follows every import it is about.
    const last = typos.filter((typo) => typo.diagnostic.file === d.file).at(-1)?.diagnostic ?? cause.diagnostic;
    counted.set(last, (counted.get(last) ?? 0) + 1);
    return false;
  });
  return kept.map((d) => {
    const mine = typos.filter((typo) => typo.diagnostic.file === d.file);
    return mine.some((typo) => typo.diagnostic === d) ? { ...d, following: { errors: counted.get(d) ?? 0, imports: [], names: mine.map((typo) => typo.specifier) } } : d;
  });
}
