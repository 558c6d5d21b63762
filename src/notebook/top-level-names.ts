/**
 * The names a cell declares at its top level, and of what kind: what the checker's cell modules
 * export to later cells (typecheck-rules.ts).
 *
 * Read with oxc's parser (oxc.ts) where it loads and parses the cell without an error. A build's type
 * check runs in its own thread, and this was the only thing there that needed the TypeScript API:
 * loading it and parsing the report's 59 cells took that thread ~0.4 s (~20,000 fresh pages) before
 * the native compiler could start, while the chapters compiled and ran on the same two cores; oxc
 * loads and parses them in ~0.05 s. A cell oxc reports an error in, or a machine without its binary,
 * is read by TypeScript's parser as before (such a cell's syntax error is the compiler's to report,
 * and TypeScript's recovery decides what the cell declares). `test/notebook/top-level-names.test.ts`
 * holds the two readings equal.
 */
import type * as TS from "typescript";
import type { BindingPattern, BindingRestElement, Declaration, ExportDefaultDeclarationKind, Statement, TSModuleDeclaration, TSTypeName } from "oxc-parser";
import { parseCell } from "./oxc";
import { typescript } from "./typescript-api";

/** let/var (assignable later), const (TS2588 when assigned, as in tslab), or anything else (imported). */
export type Kind = "mutable" | "const" | "other";

export function topLevelNames(source: string): Map<string, Kind> {
  return topLevelNamesWithOxc(source) ?? topLevelNamesWithTypeScript(source);
}

/** The names as oxc reads them; undefined when it cannot load or the cell has a syntax error. */
export function topLevelNamesWithOxc(source: string): Map<string, Kind> | undefined {
  const program = parseCell(source);
  if (program === undefined) return undefined;
  const names = new Map<string, Kind>();
  for (const statement of program.body) declared(statement, names);
  return names;
}

function declared(statement: Statement, names: Map<string, Kind>): void {
  switch (statement.type) {
    case "ImportDeclaration":
      for (const specifier of statement.specifiers) names.set(specifier.local.name, "other");
      return;
    // TypeScript's tree has no export statement around a declaration (`export` is a modifier).
    case "ExportNamedDeclaration":
      if (statement.declaration !== null) declaration(statement.declaration, names);
      return;
    case "ExportDefaultDeclaration":
      declaration(statement.declaration, names);
      return;
    default:
      declaration(statement, names);
  }
}

function declaration(node: Statement | Declaration | ExportDefaultDeclarationKind, names: Map<string, Kind>): void {
  switch (node.type) {
    case "VariableDeclaration": {
      // As TypeScript's NodeFlags.Const, which `await using` carries too (AwaitUsing = Const | Using).
      const kind: Kind = node.kind === "const" || node.kind === "await using" ? "const" : "mutable";
      for (const declarator of node.declarations) bind(declarator.id, kind, names);
      return;
    }
    case "FunctionDeclaration":
    case "TSDeclareFunction":
    case "ClassDeclaration":
    case "TSInterfaceDeclaration":
    case "TSTypeAliasDeclaration":
    case "TSEnumDeclaration":
      if (node.id !== null) names.set(node.id.name, "other");
      return;
    case "TSModuleDeclaration": {
      // `namespace A.B {}` declares A (TypeScript nests B inside it); `declare module "m"` declares no name.
      const name = moduleName(node.id);
      if (name !== undefined) names.set(name, "other");
      return;
    }
    default:
      return;
  }
}

/** A namespace's first name (`A` of `A.B.C`, as TypeScript nests the rest), or undefined for a module's string. */
function moduleName(id: TSModuleDeclaration["id"] | TSTypeName): string | undefined {
  if (id.type === "TSQualifiedName") return moduleName(id.left);
  return id.type === "Identifier" ? id.name : undefined;
}

function bind(pattern: BindingPattern | BindingRestElement, kind: Kind, names: Map<string, Kind>): void {
  switch (pattern.type) {
    case "Identifier":
      names.set(pattern.name, kind);
      return;
    case "ObjectPattern":
      for (const property of pattern.properties) bind(property.type === "RestElement" ? property : property.value, kind, names);
      return;
    case "ArrayPattern":
      for (const element of pattern.elements) if (element !== null) bind(element, kind, names);
      return;
    case "RestElement":
      bind(pattern.argument, kind, names);
      return;
    case "AssignmentPattern":
      bind(pattern.left, kind, names);
      return;
    default:
      return;
  }
}

/** The names as TypeScript's parser reads them (the reference: it recovers from syntax errors as the checker does). */
export function topLevelNamesWithTypeScript(source: string): Map<string, Kind> {
  const ts = typescript();
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Map<string, Kind>();
  const bindName = (name: TS.BindingName, kind: Kind): void => {
    if (ts.isIdentifier(name)) names.set(name.text, kind);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindName(element.name, kind);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const kind: Kind = statement.declarationList.flags & ts.NodeFlags.Const ? "const" : "mutable";
      for (const declaration of statement.declarationList.declarations) bindName(declaration.name, kind);
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
