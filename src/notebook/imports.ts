/**
 * The notebook's imports, bundled once per notebook run.
 *
 * Every module specifier the cells import (except "tslab", which is the engine's stand-in) becomes a
 * lazy entry of one esbuild bundle: `{ "spec": () => require("spec") }`. esbuild wraps ES modules
 * required this way in lazy initialisers, so a module is evaluated when the first cell importing it
 * runs — in the notebook's realm, as in Jupyter — and each module is evaluated once per notebook, so
 * two cells importing the same module share its state. npm packages are bundled too (not loaded
 * through the host's module cache), which is what keeps notebooks from leaking state into each
 * other; only Node built-ins stay external. The metafile gives the project modules the notebook
 * depends on, transitively, for the build cache.
 *
 * Public entries: `../dist/api.js`, `../dist/model.js` and `../dist/fragmentation-tax.js` (what
 * notebooks import so they also work in real Jupyter) resolve to `src/api/engine.ts`,
 * `src/model/index.ts` and `src/fragmentation-tax/index.ts`, so runs track the real
 * sources and a checkout without `dist/` still builds. `engine.ts` is `index.ts` without the Jupyter
 * fallback that loads report.yaml from disk (the engine always supplies the run context), so YAML and
 * zod are neither bundled nor evaluated per notebook; `fragtax check` types against `index.ts`.
 */
import { existsSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { BuildFailure, Plugin } from "esbuild";
import * as messages from "../messages/notebook";
import { cellPragmas, moduleSpecifier } from "./pragmas";
import type { CellImport, CompiledCell } from "./cells";
import { at as placeAt } from "../messages/location";
import { nearestModule } from "./module-suggest";

export const TSLAB_SPECIFIER = "tslab";
/** The bundle's file name, as stack frames of code in imported files name it. */
export const ENTRY_NAME = "fragtax-imports.js";
/** What the bundle is wrapped in to run it (realm.ts; deno.ts's host does the same): line 1's columns shift by the prefix. */
export const BUNDLE_WRAPPER_PREFIX = "(function (module, exports, require) {";

/** dist entry (relative to the project root) → source entry, as type-checked (and built into dist/). */
export const PUBLIC_ENTRIES: Readonly<Record<string, string>> = {
  "dist/api.js": "src/api/index.ts",
  "dist/model.js": "src/model/index.ts",
  "dist/fragmentation-tax.js": "src/fragmentation-tax/index.ts",
};

/** dist entry → source entry the engine bundles: the same exports, without the Jupyter-only loader. */
export const ENGINE_ENTRIES: Readonly<Record<string, string>> = {
  ...PUBLIC_ENTRIES,
  "dist/api.js": "src/api/engine.ts",
};

export interface ImportBundle {
  /** CommonJS code: `module.exports = { [specifier]: () => namespace }`. */
  readonly code: string;
  readonly specifiers: readonly string[];
  /** Project files the notebook loads (not node_modules), relative to the root, sorted. */
  readonly projectModules: readonly string[];
  /** Every file in the bundle (node_modules included), absolute: what a cached bundle depends on. */
  readonly inputs: readonly string[];
  /**
   * The bundle's source map (JSON text, sources relative to the root, without their text): an error
   * thrown inside an imported file is located in that file too, not only at the calling cell.
   */
  readonly map?: string;
}

export interface ImportFailure {
  readonly specifier: string;
  readonly at: CellImport & { readonly cell: number };
  readonly message: string;
}

/** Bundles all imports of the compiled cells; the notebook's folder is the resolve dir, as in Jupyter. */
export async function bundleImports(cells: readonly CompiledCell[], notebookFile: string, root: string): Promise<ImportBundle | ImportFailure> {
  const firstUse = firstUses(cells);
  return bundleSpecifiers([...firstUse.keys()], firstUse, notebookFile, root);
}

/**
 * The bundle of the given specifiers (each `{ spec: () => require(spec) }`); `plugins` resolve
 * specifiers of the caller's own (the Deno runner's host module). A failure is located at `firstUse`.
 */
export async function bundleSpecifiers(specifiers: readonly string[], firstUse: Map<string, CellImport & { cell: number }>, notebookFile: string, root: string, plugins: readonly Plugin[] = []): Promise<ImportBundle | ImportFailure> {
  if (specifiers.length === 0) return { code: "module.exports = {};", specifiers, projectModules: [], inputs: [] };
  // A public entry the cells import is required by its source's path: the plugin would map it too, but
  // each through a call back into this thread, which a cold build keeps busy compiling cells.
  const targets = entryTargets(root);
  const required = (spec: string): string => {
    const target = spec.startsWith(".") || isAbsolute(spec) ? targets.get(resolve(dirname(notebookFile), spec)) : undefined;
    return target !== undefined && existsSync(target) ? target : spec;
  };
  const contents = `module.exports = {\n${specifiers.map((spec) => `  ${JSON.stringify(spec)}: () => require(${JSON.stringify(required(spec))}),`).join("\n")}\n};\n`;
  const { build } = await import("esbuild");
  try {
    const result = await build({
      stdin: { contents, resolveDir: dirname(notebookFile), sourcefile: ENTRY_NAME, loader: "js" },
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
      metafile: true,
      logLevel: "silent",
      // Named only so that the map's sources are relative to the root; nothing is written.
      outfile: join(root, ENTRY_NAME),
      sourcemap: "external",
      sourcesContent: false,
      plugins: [publicEntries(root), ...plugins],
    });
    const code = result.outputFiles.find((file) => file.path.endsWith(".js"))?.text ?? "";
    const map = result.outputFiles.find((file) => file.path.endsWith(".map"))?.text;
    const files = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("<") && !input.includes(":") && !input.endsWith(ENTRY_NAME));
    const projectModules = files
      .filter((input) => !input.includes("node_modules/"))
      .map((input) => relative(root, resolve(root, input)).split(sep).join("/"))
      .sort();
    return { code, specifiers, projectModules, inputs: files.map((input) => resolve(root, input)), ...(map === undefined ? {} : { map }) };
  } catch (error) {
    return describeFailure(error, specifiers, firstUse, dirname(notebookFile), publicEntryFiles(root));
  }
}

/** Each imported specifier (except "tslab") with the first cell and line importing it, in order. */
export function firstUses(cells: readonly CompiledCell[]): Map<string, CellImport & { cell: number }> {
  const firstUse = new Map<string, CellImport & { cell: number }>();
  // `@module` cells define modules of their own (not on disk); `@browser` cells never run in Node.
  const cellModules = new Set(cells.flatMap((cell) => (cell.pragmas.module === undefined ? [] : [moduleSpecifier(cell.pragmas.module)])));
  for (const cell of cells) {
    if (cell.pragmas.browser) continue;
    for (const found of cell.imports) {
      if (found.specifier !== TSLAB_SPECIFIER && !cellModules.has(found.specifier) && !firstUse.has(found.specifier)) firstUse.set(found.specifier, { ...found, cell: cell.cell });
    }
  }
  return firstUse;
}

/** `import … from "m"` and `import "m"` at a line's start (not `import type`: the compile drops those). */
const STATIC_IMPORT = /^[ \t]*import[ \t\n]+(?!type[ \t\n])(?:[\w$*{}\s,]+?[ \t\n]from[ \t\n]*)?["']([^"'\n]+)["']/gm;
/** `import("m")` with a literal specifier (not a method `x.import(…)`). */
const DYNAMIC_IMPORT = /(?<![\w$.])import[ \t]*\([ \t]*["']([^"'\n]+)["'][ \t]*[,)]/g;

/**
 * What `firstUses(…).keys()` will most likely be, read from the cells' sources before they compile, in
 * the same order (cell by cell, each cell's `import()`s before its static imports, as the rewrite finds
 * them). A guess, from text: a cold build starts bundling with it while the cells compile, and uses
 * that bundle only if the compiled cells name exactly these specifiers (else it bundles what they name).
 */
export function likelySpecifiers(sources: readonly string[]): string[] {
  const found = new Set<string>();
  const pragmas = sources.map(cellPragmas);
  const cellModules = new Set(pragmas.flatMap((pragma) => (pragma.module === undefined ? [] : [moduleSpecifier(pragma.module)])));
  sources.forEach((source, index) => {
    if (pragmas[index]?.browser === true) return;
    for (const pattern of [DYNAMIC_IMPORT, STATIC_IMPORT]) {
      for (const [, specifier] of source.matchAll(pattern)) {
        if (specifier !== undefined && specifier !== TSLAB_SPECIFIER && !cellModules.has(specifier)) found.add(specifier);
      }
    }
  });
  return [...found];
}

export function isImportFailure(value: ImportBundle | ImportFailure): value is ImportFailure {
  return "message" in value;
}

/** esbuild plugin: `<root>/dist/api.js` → `<root>/src/api/engine.ts` (and the other public entries, PUBLIC_ENTRIES). */
export function publicEntries(root: string): Plugin {
  const targets = entryTargets(root);
  return {
    name: "fragtax-public-entries",
    setup(context) {
      // Any dist/*.js: the targets map says which are entries (fragmentation-tax.js too).
      context.onResolve({ filter: /dist[\\/][^\\/]+\.js$/ }, (args) => {
        const target = targets.get(resolve(args.resolveDir, args.path));
        return target === undefined ? undefined : { path: target };
      });
    },
  };
}

/** Each public entry's absolute path in the project at `root` → the source the engine bundles for it. */
function entryTargets(root: string): Map<string, string> {
  return new Map(Object.entries(ENGINE_ENTRIES).map(([from, to]) => [join(root, from), join(root, to)]));
}

/** The public entries of the project at `root` as files (`<root>/dist/model.js`): they resolve whether or not dist/ is built. */
export function publicEntryFiles(root: string): string[] {
  return Object.keys(PUBLIC_ENTRIES).map((entry) => join(root, entry));
}

function describeFailure(error: unknown, specifiers: readonly string[], firstUse: Map<string, CellImport & { cell: number }>, notebookDir: string, entries: readonly string[]): ImportFailure {
  const first = (error as BuildFailure).errors?.[0];
  if (first === undefined) throw error;
  // An error in the generated entry is on the line of the specifier it requires (line 2 is the first).
  // esbuild names the entry from the project's folder: notebooks/sub/fragtax-imports.js for a notebook in a subfolder.
  const inEntry = first.location !== null && first.location !== undefined && basename(first.location.file) === ENTRY_NAME;
  const specifier = inEntry ? specifiers[(first.location?.line ?? 2) - 2] : undefined;
  const unresolved = /Could not resolve "([^"]+)"/.exec(first.text)?.[1];
  const named = specifier ?? unresolved ?? specifiers[0] ?? "?";
  const at = firstUse.get(named) ?? firstUse.get(specifiers[0] ?? "") ?? { specifier: named, line: 1, column: 1, cell: 1 };
  const where = first.location && !inEntry ? ` (${placeAt({ file: first.location.file, line: first.location.line, column: first.location.column + 1 })})` : "";
  const message = inEntry && first.text.startsWith("Could not resolve") ? messages.moduleNotFound(named, nearestModule(named, notebookDir, entries)) : messages.moduleBuildFailed(named, `${first.text}${where}`);
  return { specifier: named, at, message };
}
