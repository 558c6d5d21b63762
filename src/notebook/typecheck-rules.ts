/**
 * tslab's type-checking rules, shared by both checkers of tslab notebooks (the native compiler,
 * typecheck-tsgo.ts, and the TypeScript API, typecheck-program.ts) and by Deno's (deno-check.ts).
 *
 * Each code cell becomes a virtual module next to the notebook (`<notebook>.ipynb.cell<N>.ts`, so
 * relative imports resolve as in Jupyter) that exports every top-level name it declares. Its first
 * line (the header; cell line L is file line L + 1) brings in the earlier cells' names this cell
 * refers to and does not redeclare: `let`/`var` as `declare let x: typeof import("./…cellJ").x` (so
 * assignments to an earlier `let` type-check), `const` as `declare const …` (assigning to it is
 * TS2588, as in tslab), every other kind (function, class, enum, interface, type, imports) by
 * `import { x } from "./…cellJ"`. A redeclared name is simply not imported, so redeclaration in a later cell is allowed.
 *
 * Why only the names a cell refers to: importing every earlier name made each header as long as the
 * notebook so far, so a 2,000-cell notebook cost quadratic time and memory. The referenced names are
 * over-approximated by every identifier-like word of the cell (strings and comments included), which
 * costs nothing but an unused import.
 */
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type * as TS from "typescript";
import { cellPragmas, moduleSpecifier } from "./pragmas";
import { plausibleName } from "../util/suggest";
import { findUp } from "./run-context";
import { displayPath } from "../util/paths";
import * as messages from "../messages/notebook";
import { topLevelNames, type Kind } from "./top-level-names";
import { typescript } from "./typescript-api";

export { topLevelNames, type Kind } from "./top-level-names";

export interface CheckDiagnostic {
  /** Notebook or source file, relative to the root. */
  readonly file: string;
  /** Set when the diagnostic is inside a notebook cell. */
  readonly cell?: number;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
  /**
   * On an import that does not resolve and was checked again as the path or name it most likely
   * meant (`fragtax check`, import-consequences.ts): the errors that removes, left out (counted on the
   * notebook's last such import, 0 on the others), and all its corrected paths and names as written.
   */
  readonly following?: { readonly errors: number; readonly imports: readonly string[]; readonly names: readonly string[] };
}

/** A notebook as the checker reads it: its code cells with their 1-based positions. */
export interface NotebookCells {
  /** Absolute path of the .ipynb file. */
  readonly file: string;
  readonly cells: ReadonlyArray<{ readonly cell: number; readonly source: string }>;
}

/** What one notebook's check found: errors by the cell they stop, and the project files it read. */
export interface NotebookTypes {
  /**
   * Errors in the notebook's cells, and errors in project files a cell imports (directly or not),
   * each with the cell that stops because of it (for a file: the first cell importing it).
   */
  readonly errors: ReadonlyArray<{ readonly cell: number; readonly diagnostic: CheckDiagnostic }>;
  /** Project files (not node_modules, relative to the root, sorted) the check depended on. */
  readonly files: readonly string[];
}

export interface ProgramOptions {
  readonly root: string;
  /** Extra root files (e.g. the project's src/) checked with the notebooks. */
  readonly extraFiles?: readonly string[];
}

export interface CellModule {
  readonly notebook: string;
  readonly cell: number;
  readonly path: string;
  readonly text: string;
  /** `./name` → the latest earlier `@module` cell of that name (what this cell's import resolves to). */
  readonly cellModules: ReadonlyMap<string, string>;
  /** Top-level names the earlier cells declare (a misspelt one is suggested from these: `suggestEarlierName`). */
  readonly earlierNames: readonly string[];
}

/**
 * One checked program, whichever compiler checked it: what `checkAll` and `checkForRun` read.
 * Files are absolute paths (a cell by its virtual path, `cellPath`).
 */
export interface CheckedProgram {
  cellsOf(notebookFile: string): readonly CellModule[];
  /** The errors in one file (a cell module or a project file), located. */
  errorsIn(file: string): CheckDiagnostic[];
  /** Every error of the program, located. */
  all(): CheckDiagnostic[];
  /**
   * Project files (.ts, not node_modules) reachable from a file through imports, other cells
   * excluded; `throughEntries` false stops at the public entries (`../dist/api.js` →
   * src/api/…): in Jupyter tslab types those against dist's declarations, never checking src/.
   */
  projectClosure(file: string, throughEntries: boolean): string[];
}

/**
 * The cells as virtual files. tslab's pragmas: a `@browser` cell is left out (it is for the browser,
 * whose types we do not load); a `@module` cell is a module of its own (no header, its own exports,
 * nothing added to the notebook's scope); a `@jsx` cell is a .tsx file.
 */
export function cellModules(notebook: NotebookCells, root: string): CellModule[] {
  const name = displayPath(notebook.file, root);
  const scope = new Map<string, { cell: number; kind: Kind }>();
  const modules = new Map<string, string>();
  return notebook.cells.flatMap(({ cell, source }) => {
    const pragmas = cellPragmas(source);
    if (pragmas.browser) return [];
    const path = cellPath(notebook.file, cell, pragmas.jsx);
    const seen = new Map(modules);
    const earlierNames = [...scope.keys()];
    if (pragmas.module !== undefined) {
      modules.set(moduleSpecifier(pragmas.module), path);
      // A module cell sees none of the notebook's names (tslab compiles it on its own): nothing to suggest.
      return [{ notebook: name, cell, path, text: `\n${source}\nexport {};\n`, cellModules: seen, earlierNames: [] }];
    }
    const declared = topLevelNames(source);
    const header = headerFor(scope, declared, referencedWords(source), notebook.file);
    for (const [declaredName, kind] of declared) scope.set(declaredName, { cell, kind });
    return [{ notebook: name, cell, path, text: `${header}\n${source}\nexport { ${[...declared.keys()].join(", ")} };\n`, cellModules: seen, earlierNames }];
  });
}

/**
 * A cell imports only the earlier names it refers to (see above), so for a misspelt one the compiler
 * has no earlier name to suggest: "Cannot find name 'perDya'" (TS2304). In tslab every earlier name is
 * in scope and TypeScript suggests it. This gives the same: TS2552 "Did you mean 'perDay'?", when an
 * earlier cell declares a plausible name (util/suggest.ts's rule).
 */
export function suggestEarlierName(diagnostic: CheckDiagnostic, module: CellModule): CheckDiagnostic {
  const missing = diagnostic.code === 2304 ? /^Cannot find name '([^']+)'\.$/.exec(diagnostic.message)?.[1] : undefined;
  const meant = missing === undefined ? undefined : plausibleName(missing, module.earlierNames);
  return meant === undefined ? diagnostic : { ...diagnostic, code: 2552, message: `Cannot find name '${missing}'. Did you mean '${meant}'?` };
}

/**
 * A diagnostic on the line appended to a cell (`export { a, b };`, which carries its names to later
 * cells) is placed in the cell, at the declaration of the name it is about: it was reported at a line
 * past the cell's end. `declare global { … }` is one: its name, `global`, cannot be exported. tslab
 * refuses such a cell too (its wrapper fails to compile it), so it stays an error, worded for the author.
 */
/**
 * The errors the export line can have, each about one name of the cell: `declare global` (its name
 * cannot be exported), and a name the cell exports itself (`export interface Row …`: tslab refuses an
 * ordinary cell's `export` too, its own export line conflicting with it).
 */
const EXPORT_LINE_ERROR = /^(?:Cannot export|Export declaration conflicts with exported declaration of|Cannot redeclare exported variable) '([^']+)'/;

export function placeInCell(diagnostic: CheckDiagnostic, module: CellModule): CheckDiagnostic {
  const lines = module.text.split("\n");
  // The virtual file: a header line, the cell's lines, the export line, and the final newline.
  const cellLines = lines.length - 3;
  if (diagnostic.cell === undefined || diagnostic.line <= cellLines) return diagnostic;
  const source = lines.slice(1, 1 + cellLines).join("\n");
  const name = EXPORT_LINE_ERROR.exec(diagnostic.message)?.[1];
  const global = name === "global" ? /\bdeclare\s+(global)\b/.exec(source) : null;
  const found = global ?? (name === undefined ? null : new RegExp(`(?<![\\w$])(${name.replace(/[$]/g, "\\$")})(?![\\w$])`).exec(source));
  const offset = found === null ? source.length : found.index + found[0].lastIndexOf(found[1] ?? "");
  const before = source.slice(0, offset).split("\n");
  const place = { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  return { ...diagnostic, ...place, ...(global !== null && { message: messages.declareGlobalInCell() }) };
}

export function cellPath(notebookFile: string, cell: number, jsx = false): string {
  return `${notebookFile}.cell${cell}.${jsx ? "tsx" : "ts"}`;
}

/** Every identifier-like word of the source: a superset of the names it refers to. */
function referencedWords(source: string): Set<string> {
  return new Set(source.match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu) ?? []);
}

function headerFor(scope: ReadonlyMap<string, { cell: number; kind: Kind }>, declared: ReadonlyMap<string, Kind>, used: ReadonlySet<string>, file: string): string {
  const imports = new Map<number, string[]>();
  const lets: string[] = [];
  for (const name of used) {
    const from = scope.get(name);
    if (from === undefined || declared.has(name)) continue;
    const module = JSON.stringify(`./${basename(cellPath(file, from.cell))}`);
    if (from.kind === "mutable") lets.push(`declare let ${name}: typeof import(${module}).${name};`);
    else if (from.kind === "const") lets.push(`declare const ${name}: typeof import(${module}).${name};`);
    else imports.set(from.cell, [...(imports.get(from.cell) ?? []), name]);
  }
  const importLines = [...imports].map(([cell, names]) => `import { ${names.join(", ")} } from ${JSON.stringify(`./${basename(cellPath(file, cell))}`)};`);
  return [...importLines, ...lets].join(" ");
}

/** The fragtax package's folder (holds src/notebook/tslab.d.ts and node_modules/@types). */
export function packageFolder(): string {
  const packageJson = findUp(dirname(fileURLToPath(import.meta.url)), "package.json");
  return dirname(packageJson ?? ".");
}

export function projectOptions(root: string): TS.CompilerOptions {
  const ts = typescript();
  const configFile = join(root, "tsconfig.json");
  // Outside a project (no tsconfig.json) Node's types come from fragtax's own @types/node.
  const base: TS.CompilerOptions = findUp(root, "tsconfig.json") === configFile
    ? ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config as object, ts.sys, root).options
    : { strict: true, target: ts.ScriptTarget.ES2022, lib: ["lib.es2023.d.ts"], types: ["node"], typeRoots: [join(packageFolder(), "node_modules", "@types")] };
  // As tslab: legacy decorators, JSX compiled for React.
  return { ...base, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, isolatedModules: false, experimentalDecorators: true, jsx: ts.JsxEmit.React };
}

/** The project's own files under src/ that tsconfig.json includes. */
export function projectSourceFiles(root: string): string[] {
  const ts = typescript();
  const configFile = join(root, "tsconfig.json");
  if (findUp(root, "tsconfig.json") !== configFile) return [];
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config as object, ts.sys, root, projectOptions(root));
  const src = join(root, "src") + sep;
  return parsed.fileNames.filter((name) => resolve(name).startsWith(src));
}
