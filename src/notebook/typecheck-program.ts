/**
 * The tslab notebook check on the TypeScript API (the `typescript` package): one program for all
 * notebooks of a call, cells as virtual files served by the compiler host. It is the reference
 * checker, used where the native compiler (typecheck-tsgo.ts) is not installed or cannot run, and
 * for `@module` cells (whose imports resolve per cell, which only a compiler host can do).
 *
 * All notebooks of one call share one program (one parse of lib, @types/node and src/), and parsed
 * files are kept across calls in this process while their size and mtime are unchanged.
 */
import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type * as TS from "typescript";
import { ENGINE_ENTRIES } from "./imports";
import { reachable } from "./module-graph";
import { displayPath } from "../util/paths";
import { typescript } from "./typescript-api";
import { cellModules, packageFolder, projectOptions, type CellModule, type CheckDiagnostic, type CheckedProgram, type NotebookCells, type ProgramOptions } from "./typecheck-rules";

export function checkWithApi(notebooks: readonly NotebookCells[], options: ProgramOptions): CheckedProgram {
  const ts = typescript();
  const root = resolve(options.root);
  const compilerOptions = projectOptions(root);
  const byNotebook = new Map(notebooks.map((notebook) => [notebook.file, cellModules(notebook, root)]));
  const virtual = new Map([...byNotebook.values()].flat().map((cell) => [cell.path, cell]));
  const resolved = new Map<string, string[]>();
  const host = createHost(compilerOptions, virtual, root, resolved);
  const program = ts.createProgram({ rootNames: [...(options.extraFiles ?? []), ...virtual.keys()], options: compilerOptions, host });
  const entryTargets = new Set(Object.values(ENGINE_ENTRIES).map((target) => join(root, target)));
  const isProjectFile = (file: string): boolean => !virtual.has(file) && !file.endsWith(".d.ts") && !file.split(/[\\/]/).includes("node_modules");
  const locate = (diagnostic: TS.Diagnostic): CheckDiagnostic[] => toDiagnostic(diagnostic, virtual, root);
  return {
    cellsOf: (file) => byNotebook.get(file) ?? [],
    errorsIn: (file) => {
      const source = program.getSourceFile(file);
      if (source === undefined) return [];
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].flatMap(locate);
    },
    all: () => ts.getPreEmitDiagnostics(program).flatMap(locate),
    projectClosure: (file, throughEntries) => reachable((next) => resolved.get(next), file, (next) => isProjectFile(next) && (throughEntries || !entryTargets.has(next))),
  };
}

/** Parsed files kept across programs in this process, while their size and mtime stay the same. */
const parsed = new Map<string, { stamp: string; target: TS.ScriptTarget; file: TS.SourceFile }>();

function createHost(options: TS.CompilerOptions, virtual: ReadonlyMap<string, CellModule>, root: string, resolved: Map<string, string[]>): TS.CompilerHost {
  const ts = typescript();
  // Parents are set by the binder anyway; JSDoc in .ts/.d.ts files cannot change a type error
  // (tsc itself parses it only for @see/@link): skipping it saves a large share of parsing @types/node.
  const host = ts.createCompilerHost(options, false);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const tslab = join(packageFolder(), "src", "notebook", "tslab.d.ts");
  const entries = new Map(Object.entries(ENGINE_ENTRIES).map(([from, to]) => [join(root, from), join(root, to)]));
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file)?.text ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError) => {
    const cell = virtual.get(file);
    if (cell) return ts.createSourceFile(file, cell.text, language, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const target = typeof language === "object" ? language.languageVersion : language;
    const stamp = fileStamp(file);
    const kept = parsed.get(file);
    if (kept !== undefined && stamp !== undefined && kept.stamp === stamp && kept.target === target) return kept.file;
    const fresh = getSourceFile.call(host, file, language, onError);
    if (fresh !== undefined && stamp !== undefined) parsed.set(file, { stamp, target, file: fresh });
    return fresh;
  };
  host.resolveModuleNames = (names, containingFile) => {
    const modules = names.map((name): TS.ResolvedModuleFull | undefined => {
      if (name === "tslab") return { resolvedFileName: tslab, extension: ts.Extension.Dts, isExternalLibraryImport: false };
      const cellModule = virtual.get(containingFile)?.cellModules.get(name);
      if (cellModule) return { resolvedFileName: cellModule, extension: cellModule.endsWith(".tsx") ? ts.Extension.Tsx : ts.Extension.Ts, isExternalLibraryImport: false };
      const entry = entries.get(resolve(dirname(containingFile), name));
      if (entry) return { resolvedFileName: entry, extension: ts.Extension.Ts, isExternalLibraryImport: false };
      return ts.resolveModuleName(name, containingFile, options, host).resolvedModule;
    });
    resolved.set(containingFile, modules.flatMap((module) => (module ? [module.resolvedFileName] : [])));
    return modules;
  };
  return host;
}

function fileStamp(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function toDiagnostic(diagnostic: TS.Diagnostic, virtual: ReadonlyMap<string, CellModule>, root: string): CheckDiagnostic[] {
  const ts = typescript();
  if (diagnostic.category !== ts.DiagnosticCategory.Error) return [];
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (!diagnostic.file || diagnostic.start === undefined) return [{ file: "", line: 0, column: 0, code: diagnostic.code, message }];
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const cell = virtual.get(diagnostic.file.fileName);
  if (cell) return [{ file: cell.notebook, cell: cell.cell, line: Math.max(1, line), column: line === 0 ? 1 : character + 1, code: diagnostic.code, message }];
  return [{ file: displayPath(diagnostic.file.fileName, root), line: line + 1, column: character + 1, code: diagnostic.code, message }];
}
