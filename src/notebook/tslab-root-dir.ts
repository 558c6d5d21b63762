/**
 * tslab's `rootDir`: it compiles a notebook's cells with `rootDir` set to the notebook's folder, so a
 * TypeScript file outside that folder cannot be part of the program. A cell importing `../src/model`
 * (or a local `lib/helper.ts` that does) fails in JupyterLab with TS6059 "File … is not under
 * 'rootDir'", while the engine bundles it and runs. The same notebook must run in both: this finds
 * such imports and words them as tslab's error, located where tslab locates it (the cell's import, or the local file's), so `check`, `run` and
 * `build` refuse the cell as tslab does. The public entries (`../dist/model.js`) are JavaScript with
 * declarations in Jupyter, and are what a notebook imports instead.
 *
 * Read from text (the import statements' specifiers), as the imports' first uses are (imports.ts):
 * the checkers' module graphs join each public entry with its source, so a direct `../src/…` import
 * and one through `../dist/…` look the same there. Deno notebooks are not held to it (Deno runs
 * TypeScript from anywhere).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { lineColumn } from "../util/text-position";
import { PUBLIC_ENTRIES } from "./imports";
import { cellPragmas } from "./pragmas";
import type { CheckDiagnostic, NotebookCells } from "./typecheck-rules";
import { displayPath, isInside } from "../util/paths";
import { notUnderRootDir } from "../messages/notebook";

/** TypeScript's code for a file outside `rootDir`. */
export const NOT_UNDER_ROOT_DIR = 6059;

/** `import … from "m"`, `import type … from "m"`, `import "m"`, `export … from "m"`, at a line's start. */
const STATIC = /^[ \t]*(?:import|export)[ \t\n]+(?:[\w$*{}\s,]+?[ \t\n]from[ \t\n]*)?["']([^"'\n]+)["']/gm;
/** `import("m")` with a literal specifier. */
const DYNAMIC = /(?<![\w$.])import[ \t]*\([ \t]*["']([^"'\n]+)["'][ \t]*[,)]/g;

interface Found {
  readonly specifier: string;
  /** Where its opening quote is: tslab locates the error there. */
  readonly offset: number;
}

export function specifiers(source: string): Found[] {
  return [STATIC, DYNAMIC].flatMap((pattern) =>
    [...source.matchAll(pattern)].map((match) => ({ specifier: match[1] as string, offset: (match.index ?? 0) + match[0].lastIndexOf(match[1] as string) - 1 })),
  );
}

const SOURCE = /\.(?:ts|tsx|mts|cts)$/;

/**
 * The file TypeScript resolves a relative specifier to (bundler resolution: `./x.js` finds `x.ts`
 * first, `./x` tries the extensions and `x/index`), or undefined when it is not a relative one or
 * names no file.
 */
export function resolveRelative(specifier: string, fromDir: string): string | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  const base = resolve(fromDir, specifier);
  const stem = base.replace(/\.(?:m|c)?js$/, "");
  const candidates = stem !== base
    ? [`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${stem}.d.ts`, base]
    : [base, ...[".ts", ".tsx", ".d.ts", ".js"].map((extension) => `${base}${extension}`), ...["index.ts", "index.tsx", "index.d.ts", "index.js"].map((name) => join(base, name))];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Whether `file` is a TypeScript source the program would compile (not a declaration file, not a package's). */
function isSource(file: string): boolean {
  return SOURCE.test(file) && !file.endsWith(".d.ts") && !file.split(/[\\/]/).includes("node_modules");
}


/** Where an import leaves the folder: the importing file (a cell, or a local file), the specifier's offset in it, and the file outside. */
interface Crossing {
  readonly importer: string;
  readonly source: string;
  readonly offset: number;
  readonly outside: string;
}

/** The first import in `file`, or in the local files inside `folder` it reaches, of a TypeScript file outside `folder`. */
function crossingFrom(file: string, folder: string, seen: Set<string>): Crossing | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return undefined; // unreadable: the checker says so
  }
  for (const { specifier, offset } of specifiers(source)) {
    const target = resolveRelative(specifier, dirname(file));
    if (target === undefined || !isSource(target)) continue;
    if (!isInside(folder, target)) return { importer: file, source, offset, outside: target };
    const deeper = crossingFrom(target, folder, seen);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/**
 * Each import that brings a TypeScript file outside the notebook's folder into tslab's program, with
 * the cell it stops, worded as tslab's error: in the cell, or (reached through a local file) in that
 * file, as tslab locates it. One per importing place.
 */
export function rootDirProblems(notebook: NotebookCells, root: string): Array<{ readonly cell: number; readonly diagnostic: CheckDiagnostic }> {
  const folder = dirname(resolve(notebook.file));
  const entries = new Set(Object.keys(PUBLIC_ENTRIES).map((entry) => join(resolve(root), entry)));
  const problems = new Map<string, { cell: number; diagnostic: CheckDiagnostic }>();
  for (const { cell, source } of notebook.cells) {
    if (cellPragmas(source).browser) continue;
    for (const { specifier, offset } of specifiers(source)) {
      if (entries.has(resolve(folder, specifier))) continue;
      const target = resolveRelative(specifier, folder);
      if (target === undefined || !isSource(target)) continue;
      const crossing = isInside(folder, target) ? crossingFrom(target, folder, new Set()) : { importer: notebook.file, source, offset, outside: target };
      if (crossing === undefined) continue;
      const inCell = crossing.importer === notebook.file;
      const { line, column } = lineColumn(crossing.source, crossing.offset);
      const key = `${crossing.importer}#${inCell ? cell : ""}:${line}:${column}`;
      if (problems.has(key)) continue;
      // The public entry built from that file, as the importing file would name it (`../dist/model.js`).
      const entry = Object.entries(PUBLIC_ENTRIES).find(([, from]) => join(resolve(root), from) === crossing.outside)?.[0];
      const instead = entry === undefined ? undefined : relative(dirname(crossing.importer), join(resolve(root), entry)).split(sep).join("/");
      const at = { file: displayPath(crossing.importer, root), ...(inCell && { cell }), line, column };
      problems.set(key, { cell, diagnostic: { ...at, code: NOT_UNDER_ROOT_DIR, message: notUnderRootDir(crossing.outside, folder, instead) } });
    }
  }
  return [...problems.values()];
}
