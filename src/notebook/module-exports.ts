/**
 * Which public entry exports a name a cell uses without importing it. TypeScript says only "Cannot
 * find name 'histogramBins'" (TS2304), the commonest mistake of a new chapter after a typo: the name
 * is right, its import is missing. The hint names the entry (`../dist/model.js`) as the notebook
 * would import it, and how.
 *
 * The names are read from the entries' sources (PUBLIC_ENTRIES: `dist/model.js` is src/model/index.ts)
 * with oxc's parser, following `export * from` into the project's own modules; a dist file with no
 * source beside it is read as it is. Only syntax: nothing is type-checked or run. Where oxc cannot
 * load, or a file cannot be read, there is no hint.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { oxcParser } from "./oxc";
import { PUBLIC_ENTRIES } from "./imports";
import { resolveRelative } from "./tslab-root-dir";
import * as messages from "../messages/notebook";

/** TypeScript's codes for a name that is not declared anywhere the cell can see: alone, and with a name it may have meant. */
const CANNOT_FIND_NAME = 2304;
const CANNOT_FIND_NAME_MEANT = 2552;

/**
 * `Cannot find name 'X'.` with, when a public entry exports X, which one and the import to write. Where
 * TypeScript suggested a name in scope (`Did you mean 'energy'?` for a missing `energyKwh`), an entry
 * exporting X exactly is the likelier fix: its hint replaces the suggestion (the code becomes TS2304).
 */
export function suggestImport<D extends { readonly code: number; readonly message: string }>(diagnostic: D, fromDir: string, root: string): D {
  if (diagnostic.code !== CANNOT_FIND_NAME && diagnostic.code !== CANNOT_FIND_NAME_MEANT) return diagnostic;
  const name = /^Cannot find name '([^']+)'\.(?: Did you mean '[^']+'\?)?$/.exec(diagnostic.message)?.[1];
  if (name === undefined) return diagnostic;
  for (const [entry, source] of Object.entries(PUBLIC_ENTRIES)) {
    const exported = entryExports(root, entry, source).get(name);
    if (exported === undefined) continue;
    let specifier = relative(fromDir, join(root, entry)).split(sep).join("/");
    if (!specifier.startsWith(".")) specifier = `./${specifier}`;
    return { ...diagnostic, code: CANNOT_FIND_NAME, message: `Cannot find name '${name}'.${messages.missingImportHint(name, specifier, exported.typeOnly)}` };
  }
  return diagnostic;
}

interface Exported {
  /** Exported as a type only (`export type { … }`, an interface): imported with `import type`. */
  readonly typeOnly: boolean;
}

/** The names an entry exports: from its source when the project has it, else from the dist file. */
function entryExports(root: string, entry: string, source: string): ReadonlyMap<string, Exported> {
  const fromSource = exportsOf(join(root, source));
  return fromSource.size > 0 ? fromSource : exportsOf(join(root, entry));
}

/** Depth of `export * from` followed: an entry re-exporting a folder that re-exports another. */
const MAX_DEPTH = 8;

/** What `file` exports by name, `export *` of relative modules followed (a cycle or a missing file adds nothing). */
export function exportsOf(file: string, depth = 0, seen = new Set<string>()): Map<string, Exported> {
  const names = new Map<string, Exported>();
  const parser = oxcParser();
  if (parser === null || depth > MAX_DEPTH || seen.has(file)) return names;
  seen.add(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return names;
  }
  const parsed = parser.parseSync(file, text, { lang: /\.[mc]?js$/.test(file) ? "js" : "ts", sourceType: "module" });
  for (const statement of parsed.module.staticExports) {
    for (const entry of statement.entries) {
      const request = entry.moduleRequest?.value;
      if (entry.exportName.kind === "Name" && entry.exportName.name !== null) {
        names.set(entry.exportName.name, { typeOnly: entry.isType });
      } else if (entry.importName.kind === "AllButDefault" && request !== undefined) {
        const target = resolveRelative(request, dirname(file));
        if (target === undefined) continue;
        for (const [name, exported] of exportsOf(target, depth + 1, seen)) if (!names.has(name)) names.set(name, exported);
      }
    }
  }
  return names;
}
