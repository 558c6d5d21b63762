/**
 * `fragtax check`: type-checks notebooks with the TypeScript 5.9 compiler API, plus the project's
 * `src/`, in one program, and maps every diagnostic to notebook / cell / line.
 *
 * tslab's cell rules as types: each code cell becomes a virtual module next to the notebook
 * (`<notebook>.ipynb.cell<N>.ts`, so relative imports resolve as in Jupyter) that exports every
 * top-level name it declares. Its first line (the header; cell line L is file line L + 1) brings in
 * the names earlier cells declared and this cell does not redeclare: `let`/`var` as
 * `declare let x: typeof import("./…cellJ").x` (so assignments to an earlier `let` type-check), all
 * other kinds (const, function, class, enum, interface, type, imports) by `import { x } from "./…cellJ"`.
 * A redeclared name is simply not imported, so redeclaration in a later cell is allowed, as in tslab.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parse as parseYaml } from "yaml";
import * as messages from "../messages/notebook";
import { PUBLIC_ENTRIES } from "./imports";
import { cellText, NotebookFormatError, parseNotebook } from "./nbformat";
import { displayPath, findUp } from "./run-context";
import { EXIT_FAILED, EXIT_OK, type ExitCode } from "../util/errors";

export interface CheckDiagnostic {
  /** Notebook or source file, relative to the root. */
  readonly file: string;
  readonly cell?: number;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
}

export interface CheckOptions {
  readonly root: string;
  /** Also check the project's `src/` (from tsconfig.json). Default true. */
  readonly includeSrc?: boolean;
}

type Kind = "mutable" | "other";
interface CellModule {
  readonly notebook: string;
  readonly cell: number;
  readonly path: string;
  readonly text: string;
}

export function checkNotebooks(notebookFiles: readonly string[], options: CheckOptions): CheckDiagnostic[] {
  const root = resolve(options.root);
  const compilerOptions = projectOptions(root);
  const cells = notebookFiles.flatMap((file) => cellModules(resolve(file), root));
  const virtual = new Map(cells.map((cell) => [cell.path, cell]));
  const srcFiles = options.includeSrc === false ? [] : projectSourceFiles(root, compilerOptions);
  const host = createHost(compilerOptions, virtual, root);
  const program = ts.createProgram({ rootNames: [...srcFiles, ...virtual.keys()], options: compilerOptions, host });
  return ts.getPreEmitDiagnostics(program).flatMap((diagnostic) => toDiagnostic(diagnostic, virtual, root));
}

/** The CLI action: exit 0 when clean, 1 on type errors; an unreadable notebook throws (exit 2). */
export async function checkCommand(args: readonly string[]): Promise<ExitCode> {
  const root = dirname(findUp(process.cwd(), "package.json") ?? join(process.cwd(), "package.json"));
  const notebooks = args.length > 0 ? args.map((arg) => resolve(arg)) : reportNotebooks(root);
  const diagnostics = checkNotebooks(notebooks, { root });
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stderr.write(`${messages.checkSummary(diagnostics.length, notebooks.length)}\n`);
  return diagnostics.length === 0 ? EXIT_OK : EXIT_FAILED;
}

export function formatDiagnostic(d: CheckDiagnostic): string {
  const where = d.cell === undefined ? `${d.file}:${d.line}:${d.column}` : `${d.file}: cell ${d.cell}, line ${d.line}, column ${d.column}`;
  return `${where}: error TS${d.code}: ${d.message}`;
}

/** The report's notebooks: the chapters of notebooks/report.yaml, else every notebooks/*.ipynb. */
export function reportNotebooks(root: string): string[] {
  const folder = join(root, "notebooks");
  const report = join(folder, "report.yaml");
  if (existsSync(report)) {
    const config = parseYaml(readFileSync(report, "utf8")) as { chapters?: unknown } | null;
    const chapters = config?.chapters;
    if (Array.isArray(chapters)) return chapters.map((chapter) => join(folder, String(chapter)));
  }
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".ipynb")).sort().map((name) => join(folder, name)) : [];
}

function cellModules(file: string, root: string): CellModule[] {
  const name = displayPath(file, root);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new NotebookFormatError(messages.notebookUnreadable(name, (error as NodeJS.ErrnoException).code ?? String(error)), name);
  }
  const notebook = parseNotebook(text, name);
  const scope = new Map<string, { cell: number; kind: Kind }>();
  const modules: CellModule[] = [];
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    const number = index + 1;
    const source = cellText(cell.source);
    const declared = topLevelNames(source);
    const header = headerFor(scope, declared, file);
    const exported = [...declared.keys()];
    modules.push({ notebook: name, cell: number, path: cellPath(file, number), text: `${header}\n${source}\nexport { ${exported.join(", ")} };\n` });
    for (const [declaredName, kind] of declared) scope.set(declaredName, { cell: number, kind });
  });
  return modules;
}

function cellPath(notebookFile: string, cell: number): string {
  return `${notebookFile}.cell${cell}.ts`;
}

function headerFor(scope: ReadonlyMap<string, { cell: number; kind: Kind }>, declared: ReadonlyMap<string, Kind>, file: string): string {
  const imports = new Map<number, string[]>();
  const lets: string[] = [];
  for (const [name, { cell, kind }] of scope) {
    if (declared.has(name)) continue;
    const from = `./${basename(cellPath(file, cell))}`;
    if (kind === "mutable") lets.push(`declare let ${name}: typeof import(${JSON.stringify(from)}).${name};`);
    else imports.set(cell, [...(imports.get(cell) ?? []), name]);
  }
  const importLines = [...imports].map(([cell, names]) => `import { ${names.join(", ")} } from ${JSON.stringify(`./${basename(cellPath(file, cell))}`)};`);
  return [...importLines, ...lets].join(" ");
}

/** Top-level names a cell declares, and whether a later cell may assign to them. */
export function topLevelNames(source: string): Map<string, Kind> {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Map<string, Kind>();
  const bind = (name: ts.BindingName, kind: Kind): void => {
    if (ts.isIdentifier(name)) names.set(name.text, kind);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name, kind);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const kind: Kind = statement.declarationList.flags & ts.NodeFlags.Const ? "other" : "mutable";
      for (const declaration of statement.declarationList.declarations) bind(declaration.name, kind);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.set(clause.name.text, "other");
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.set(bindings.name.text, "other");
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.set(element.name.text, "other");
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) &&
      statement.name !== undefined && ts.isIdentifier(statement.name)
    ) {
      names.set(statement.name.text, "other");
    }
  }
  return names;
}

function projectOptions(root: string): ts.CompilerOptions {
  const configFile = join(root, "tsconfig.json");
  const base: ts.CompilerOptions = existsSync(configFile)
    ? ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config as object, ts.sys, root).options
    : { strict: true, target: ts.ScriptTarget.ES2022, types: ["node"] };
  return { ...base, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, isolatedModules: false };
}

function projectSourceFiles(root: string, options: ts.CompilerOptions): string[] {
  const configFile = join(root, "tsconfig.json");
  if (!existsSync(configFile)) return [];
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config as object, ts.sys, root, options);
  const src = join(root, "src") + sep;
  return parsed.fileNames.filter((name) => resolve(name).startsWith(src));
}

/** The shipped tslab declaration: src/notebook/tslab.d.ts of the fragtax package. */
function tslabDeclaration(): string {
  const packageJson = findUp(dirname(fileURLToPath(import.meta.url)), "package.json");
  return join(dirname(packageJson ?? "."), "src", "notebook", "tslab.d.ts");
}

function createHost(options: ts.CompilerOptions, virtual: ReadonlyMap<string, CellModule>, root: string): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const tslab = tslabDeclaration();
  const entries = new Map(Object.entries(PUBLIC_ENTRIES).map(([from, to]) => [join(root, from), join(root, to)]));
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file)?.text ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError) => {
    const cell = virtual.get(file);
    return cell ? ts.createSourceFile(file, cell.text, language, true, ts.ScriptKind.TS) : getSourceFile.call(host, file, language, onError);
  };
  host.resolveModuleNames = (names, containingFile) =>
    names.map((name) => {
      if (name === "tslab") return { resolvedFileName: tslab, extension: ts.Extension.Dts, isExternalLibraryImport: false };
      const entry = entries.get(resolve(dirname(containingFile), name));
      if (entry) return { resolvedFileName: entry, extension: ts.Extension.Ts, isExternalLibraryImport: false };
      return ts.resolveModuleName(name, containingFile, options, host).resolvedModule;
    });
  return host;
}

function toDiagnostic(diagnostic: ts.Diagnostic, virtual: ReadonlyMap<string, CellModule>, root: string): CheckDiagnostic[] {
  if (diagnostic.category !== ts.DiagnosticCategory.Error) return [];
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (!diagnostic.file || diagnostic.start === undefined) return [{ file: "", line: 0, column: 0, code: diagnostic.code, message }];
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const cell = virtual.get(diagnostic.file.fileName);
  if (cell) return [{ file: cell.notebook, cell: cell.cell, line: Math.max(1, line), column: line === 0 ? 1 : character + 1, code: diagnostic.code, message }];
  return [{ file: displayPath(diagnostic.file.fileName, root), line: line + 1, column: character + 1, code: diagnostic.code, message }];
}
