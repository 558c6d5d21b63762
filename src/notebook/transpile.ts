/**
 * Cell compilation: TypeScript cell source → a script that runs in the notebook's realm with tslab's
 * semantics.
 *
 * Design (why it looks like this):
 *  1. esbuild transforms each cell on its own (TypeScript → ES2022, types erased, `enum` and
 *     `namespace` lowered). `verbatimModuleSyntax` keeps every value import even when this cell does
 *     not use it, because a later cell may.
 *  2. oxc parses the JavaScript (acorn where oxc's binary cannot load: the same ESTree) and
 *     magic-string rewrites only the *top-level* statements, so that
 *     the realm's global object is the notebook's shared scope:
 *       - `const|let|var pattern = init`  →  `(pattern = init)`      (an assignment to globals)
 *       - `function f() {}`               →  kept, plus `__fragtax.set("f", f)` hoisted to the top
 *       - `class C {}`                    →  kept, plus `__fragtax.set("C", C)` right after it
 *       - `import d, { x as y } from "m"` →  `d = __fragtax.imp("m").default; y = …["x"];`
 *       - a trailing expression `e;`      →  `return (e);` (the cell's value → execute_result)
 *     and every declared name is created on the global object before the cell runs
 *     (`__fragtax.declare([...])`). The rewritten body runs inside `(async () => { "use strict"; … })()`,
 *     which gives top-level `await`.
 *  This yields exactly tslab's rules: declarations of every kind are visible in later cells (they are
 *  globals of the realm), a later cell may redeclare a name (it is an assignment, not a second
 *  `let`), and assignments to an earlier `let` persist (same global). `const` is not enforced at run
 *  time across cells; `fragtax check` enforces it statically, as tslab's compiler does.
 *  3. Two source maps are kept per cell, [rewrite map, esbuild map], and stack positions are mapped
 *  through both (`errors.ts#mapThrough`), so errors point at the TypeScript the analyst wrote.
 */
import type { SourceMapPayload } from "node:module";
import type { ImportDeclaration, Node, Pattern, Program, VariableDeclaration } from "acorn";
import { createRequire } from "node:module";
import type { Message, TransformFailure } from "esbuild";
import MagicString from "magic-string";
import { mapThrough } from "./errors";
import { cellPragmas, moduleSpecifier } from "./pragmas";
import { cellFileName, RUNTIME_GLOBAL, type CellSyntaxError, type CompiledCell } from "./cells";
import { droppedTrailingExpression } from "./trailing-expression";
import { oxcParser } from "./oxc";
import { lineColumn, type LineColumn } from "../util/text-position";

/** Compiles one cell, or returns its first syntax error (positions in the cell's TypeScript). */
export async function compileCell(source: string, cell: number): Promise<CompiledCell | CellSyntaxError> {
  let result: { code: string; map: string };
  const { transform } = await import("esbuild"); // not loaded at all when every cell comes from the cache
  const pragmas = cellPragmas(source);
  const options = {
    loader: pragmas.jsx ? "tsx" : "ts",
    // No format: esbuild keeps the module syntax, which the rewrite below handles itself. With "esm",
    // a cell using top-level `this`, `exports` or `module` (and no import) was taken for CommonJS and
    // wrapped in a function: its declarations stayed local, its value was lost (tslab and Deno's
    // kernel show `typeof this` as "object").
    target: "es2022",
    // ES2022 has no import attributes, and esbuild would drop them; Deno needs `with { type: "json" }`.
    supported: { "import-attributes": true },
    // tslab compiles TypeScript's legacy decorators and JSX to React.createElement.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, experimentalDecorators: true, jsx: "react" } },
    logLevel: "silent",
  } as const;
  try {
    result = await transform(source, { ...options, sourcemap: "external", sourcefile: `cell-${cell}.ts` });
  } catch (error) {
    const first: Message | undefined = (error as TransformFailure).errors?.[0];
    if (first === undefined) throw error;
    return { cell, line: first.location?.line ?? 1, column: (first.location?.column ?? 0) + 1, message: first.text };
  }
  const esbuildMap = JSON.parse(result.map) as SourceMapPayload;
  const filename = cellFileName(cell);
  // esbuild's output, parsed once: the rewrite takes the same tree unless an expression was appended.
  let program = parseJs(result.code);
  if (pragmas.module === undefined) {
    const dropped = await droppedTrailingExpression(source, result.code, program, esbuildMap, pragmas.jsx, async (code) => (await transform(code, options)).code);
    if (dropped !== undefined) {
      result = { ...result, code: result.code + dropped };
      program = parseJs(result.code);
    }
  }
  const rewritten = rewriteCell(result.code, filename, pragmas.module, program);
  const imports = rewritten.imports.map(({ specifier, offset, type }) => {
    const position = atSpecifier(source, originalPosition(result.code, offset, esbuildMap), specifier);
    return { specifier, ...position, ...(type === undefined ? {} : { type }) };
  });
  return { cell, source, filename, code: rewritten.code, maps: [rewritten.map, esbuildMap], imports, pragmas };
}

/**
 * esbuild's output as an ESTree program. oxc's native parser reads a cold build's cells in a fifth of
 * acorn's time on the thread that compiles them (this report's 59 cells: ~11 ms against ~50 ms, and
 * acorn's own ~10 ms to load); its tree is the same ESTree (offsets in UTF-16 code units, as
 * JavaScript strings and acorn count; parentheses not kept as nodes, as acorn keeps none), so the
 * rewrite reads either. acorn stays for a platform oxc has no binary for. esbuild's output always
 * parses: an error here is fragtax's, not the cell's, and is thrown as acorn threw it.
 */
function parseJs(js: string): Program {
  const oxc = oxcParser();
  if (oxc === null) return (createRequire(import.meta.url)("acorn") as typeof import("acorn")).parse(js, { ecmaVersion: "latest", sourceType: "module" }) as Program;
  const parsed = oxc.parseSync("cell.js", js, { lang: "js", sourceType: "module", preserveParens: false });
  const [error] = parsed.errors;
  if (error !== undefined) throw new SyntaxError(`${error.message} (${error.labels[0]?.start ?? 0})`);
  return parsed.program as unknown as Program;
}

interface Rewritten {
  readonly code: string;
  readonly map: SourceMapPayload;
  readonly imports: readonly FoundImport[];
}

interface FoundImport {
  readonly specifier: string;
  readonly offset: number;
  readonly type?: string;
}

/**
 * Step 2 of the docblock: top-level declarations become realm globals. A `@module` cell instead keeps
 * its declarations and hands its exports to the runtime (`__fragtax.define`) under `./<module>`.
 */
export function rewriteCell(js: string, filename: string, module?: string, program: Program = parseJs(js)): Rewritten {
  const s = new MagicString(js);
  const declared = new Set<string>();
  const hoisted: string[] = [];
  const imports: FoundImport[] = [];
  const rt = RUNTIME_GLOBAL;
  dynamicImports(program, s, imports);
  if (module !== undefined) return rewriteModule(program, s, filename, module, imports);

  const rewrite = (node: Node & { type: string }, last: boolean): void => {
    const statement = node as Program["body"][number];
    switch (statement.type) {
      case "ImportDeclaration":
        imports.push({ specifier: String(statement.source.value), offset: statement.start, ...importType(statement) });
        s.overwrite(statement.start, statement.end, importAssignments(statement, declared));
        return;
      case "ExportNamedDeclaration":
        if (statement.declaration) {
          s.remove(statement.start, statement.declaration.start);
          rewrite(statement.declaration, last);
        } else s.remove(statement.start, statement.end);
        return;
      case "ExportDefaultDeclaration": {
        const declaration = statement.declaration as Node & { type: string; id?: unknown };
        // `export default class {}`: an anonymous class or function is only valid as an expression.
        if ((declaration.type === "ClassDeclaration" || declaration.type === "FunctionDeclaration") && !declaration.id) {
          s.overwrite(statement.start, declaration.start, "(");
          s.appendLeft(declaration.end, ");");
        } else s.remove(statement.start, declaration.start);
        rewrite(declaration, last);
        return;
      }
      case "ExportAllDeclaration":
        s.remove(statement.start, statement.end);
        return;
      case "VariableDeclaration":
        assignVariables(statement, s, declared);
        return;
      case "FunctionDeclaration":
        if (statement.id) {
          declared.add(statement.id.name);
          hoisted.push(statement.id.name);
        }
        return;
      case "ClassDeclaration":
        if (statement.id) {
          declared.add(statement.id.name);
          s.appendLeft(statement.end, `;${rt}.set(${JSON.stringify(statement.id.name)}, ${statement.id.name});`);
        }
        return;
      case "ExpressionStatement":
        // The value is returned boxed, so that a trailing Promise is shown as a Promise (as tslab
        // does) rather than awaited by the cell's async wrapper. A lone string literal counts too.
        // A cell without top-level await has its value shown as it is when the cell returns (`shown`),
        // as tslab prints it right after running such a cell: `Promise.all([…])` is still pending.
        if (last && !isDecoratorApplication(statement.expression)) {
          const end = js[statement.end - 1] === ";" ? statement.end - 1 : statement.end;
          const awaits = hasTopLevelAwait(program);
          s.prependRight(statement.start, awaits ? "return [(" : `return ${rt}.shown([(`);
          s.appendLeft(end, awaits ? ")]" : ")])");
        }
        return;
      default:
        return;
    }
  };
  program.body.forEach((node, index) => rewrite(node, index === program.body.length - 1));

  const sets = hoisted.map((name) => `${rt}.set(${JSON.stringify(name)}, ${name});`).join(" ");
  s.prepend(`${rt}.declare(${JSON.stringify([...declared])}); (async () => { "use strict"; ${sets}\n`);
  s.append(`\n})()`);
  return { code: s.toString(), map: rewriteMap(s, filename), imports };
}

/**
 * The rewrite's source map. A mapping at each word's start and at every other character
 * ("boundary"), not at every character: a position V8 reports (a token's start) always has one, and
 * the map is made in less time on the thread that compiles a cold build's cells. Its fields are the
 * payload as they are, not written to JSON and read back.
 */
function rewriteMap(s: MagicString, filename: string): SourceMapPayload {
  const { version, file, sources, names, mappings } = s.generateMap({ hires: "boundary", source: "cell.js", file: filename, includeContent: false });
  // As its JSON was: no sourcesContent (not included) and no sourceRoot, which mapThrough never reads.
  return { version, file: file ?? filename, sources, names, mappings } as SourceMapPayload;
}

/** Whether the cell awaits outside any function (`await`, `for await`): tslab runs such a cell as an async function. */
function hasTopLevelAwait(program: Program): boolean {
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (typeof node !== "object" || node === null) return false;
    const current = node as { type?: unknown; await?: unknown };
    if (current.type === "AwaitExpression" || (current.type === "ForOfStatement" && current.await === true)) return true;
    if (current.type === "FunctionDeclaration" || current.type === "FunctionExpression" || current.type === "ArrowFunctionExpression") return false;
    return Object.entries(node).some(([key, value]) => key !== "loc" && key !== "parent" && visit(value));
  };
  return visit(program.body);
}

/** `C = __decorateClass([…], C)`: esbuild's lowering of a decorated class, not a value the cell shows. */
function isDecoratorApplication(expression: Node & { type: string }): boolean {
  const node = expression as { type: string; right?: { type: string; callee?: { type: string; name?: string } } };
  return node.type === "AssignmentExpression" && node.right?.type === "CallExpression" && node.right.callee?.type === "Identifier" && node.right.callee.name === "__decorateClass";
}

/** `import("m")` with a literal specifier → the notebook's bundled module (esbuild cannot see a host import). */
function dynamicImports(program: Program, s: MagicString, imports: FoundImport[]): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const current = node as { type?: unknown; source?: { type?: string; value?: unknown; end: number }; options?: unknown; start: number; end: number };
    if (current.type === "ImportExpression" && current.source?.type === "Literal" && typeof current.source.value === "string") {
      // With its type: Deno's runner loads a cell's imports before the cell runs, and a JSON module loaded without it fails.
      imports.push({ specifier: current.source.value, offset: current.start, ...dynamicImportType(current.options) });
      // Its options (`{ with: { type: "json" } }`) stay: Deno's runner passes them on to import().
      s.overwrite(current.start, current.source.end, `${RUNTIME_GLOBAL}.dynamic(${JSON.stringify(current.source.value)}`);
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== "loc" && key !== "parent") visit(value);
  };
  visit(program.body);
}

/**
 * A `@module` cell: its body runs in its own function scope; imports become local constants, and
 * `export` declarations are collected into the namespace defined under `./<module>`.
 */
function rewriteModule(program: Program, s: MagicString, filename: string, module: string, imports: FoundImport[]): Rewritten {
  const exports: string[] = [];
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      imports.push({ specifier: String(statement.source.value), offset: statement.start, ...importType(statement) });
      const local = new Set<string>();
      s.overwrite(statement.start, statement.end, `const ${importAssignments(statement, local).replace(/;\s*/g, ", ").replace(/, $/, ";")}`);
      if (statement.specifiers.length === 0) s.overwrite(statement.start, statement.end, `${RUNTIME_GLOBAL}.imp(${JSON.stringify(String(statement.source.value))});`);
    } else if (statement.type === "ExportNamedDeclaration" && statement.declaration) {
      s.remove(statement.start, statement.declaration.start);
      const names = new Set<string>();
      const declaration = statement.declaration;
      if (declaration.type === "VariableDeclaration") for (const d of declaration.declarations) patternNames(d.id, names);
      else if (declaration.id) names.add(declaration.id.name);
      exports.push(...[...names].map((name) => `${JSON.stringify(name)}: () => ${name}`));
    } else if (statement.type === "ExportNamedDeclaration") {
      for (const specifier of statement.specifiers) {
        const local = specifier.local.type === "Identifier" ? specifier.local.name : String(specifier.local.value);
        const name = specifier.exported.type === "Identifier" ? specifier.exported.name : String(specifier.exported.value);
        exports.push(`${JSON.stringify(name)}: () => ${local}`);
      }
      s.remove(statement.start, statement.end);
    } else if (statement.type === "ExportDefaultDeclaration") {
      const declaration = statement.declaration as Node & { id?: { name: string } | null };
      if ((declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration") && declaration.id) {
        s.remove(statement.start, declaration.start);
        exports.push(`default: () => ${declaration.id.name}`);
      } else {
        s.overwrite(statement.start, declaration.start, "const __default = ");
        exports.push("default: () => __default");
      }
    }
  }
  const getters = `{ ${exports.join(", ")} }`;
  s.prepend(`(async () => { "use strict";
`);
  s.append(`
${RUNTIME_GLOBAL}.define(${JSON.stringify(moduleSpecifier(module))}, ${getters});
})()`);
  return { code: s.toString(), map: rewriteMap(s, filename), imports };
}

/** `with { type: "json" }` → `{ type: "json" }`. */
function importType(node: ImportDeclaration): { type?: string } {
  const type = node.attributes.find((attribute) => (attribute.key.type === "Identifier" ? attribute.key.name : attribute.key.value) === "type")?.value.value;
  return typeof type === "string" ? { type } : {};
}

/** The literal `type` of an `import(…)`'s `{ with: { type: "json" } }`, if written as such; other options are the import's own at run time. */
function dynamicImportType(options: unknown): { type?: string } {
  const property = (object: unknown, name: string): unknown => {
    const node = object as { type?: string; properties?: ReadonlyArray<{ type?: string; key?: { type?: string; name?: unknown; value?: unknown }; value?: unknown; computed?: boolean }> } | null | undefined;
    if (node?.type !== "ObjectExpression") return undefined;
    const found = node.properties?.find((p) => p.type === "Property" && p.computed !== true && (p.key?.type === "Identifier" ? p.key.name : p.key?.value) === name);
    return found?.value;
  };
  const type = property(property(options, "with"), "type") as { type?: string; value?: unknown } | undefined;
  return type?.type === "Literal" && typeof type.value === "string" ? { type: type.value } : {};
}

function importAssignments(node: ImportDeclaration, declared: Set<string>): string {
  const module = `${RUNTIME_GLOBAL}.imp(${JSON.stringify(String(node.source.value))})`;
  if (node.specifiers.length === 0) return `${module};`;
  return node.specifiers
    .map((specifier) => {
      declared.add(specifier.local.name);
      if (specifier.type === "ImportNamespaceSpecifier") return `${specifier.local.name} = ${module};`;
      if (specifier.type === "ImportDefaultSpecifier") return `${specifier.local.name} = ${module}.default;`;
      const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
      return `${specifier.local.name} = ${module}[${JSON.stringify(imported)}];`;
    })
    .join(" ");
}

/** `const {a, b: [c]} = x, d;` → `({a, b: [c]} = x, d = undefined);` */
function assignVariables(node: VariableDeclaration, s: MagicString, declared: Set<string>): void {
  s.overwrite(node.start, node.start + node.kind.length, "(");
  for (const declarator of node.declarations) {
    patternNames(declarator.id, declared);
    if (declarator.init === null || declarator.init === undefined) s.appendLeft(declarator.id.end, " = undefined");
  }
  const last = node.declarations[node.declarations.length - 1];
  if (last) s.appendLeft(last.end, ")");
}

function patternNames(pattern: Pattern, out: Set<string>): void {
  switch (pattern.type) {
    case "Identifier":
      out.add(pattern.name);
      return;
    case "ObjectPattern":
      for (const property of pattern.properties) patternNames(property.type === "RestElement" ? property.argument : property.value, out);
      return;
    case "ArrayPattern":
      for (const element of pattern.elements) if (element) patternNames(element, out);
      return;
    case "RestElement":
      patternNames(pattern.argument, out);
      return;
    case "AssignmentPattern":
      patternNames(pattern.left, out);
      return;
    default:
      return;
  }
}

/**
 * The place of an import's specifier (its opening quote), found from the statement's mapped start:
 * TypeScript (and so `check`) locates a module that does not resolve there, and a run says the same
 * place. The statement's start when the literal is not found as written (an escape in it).
 */
function atSpecifier(source: string, at: LineColumn, specifier: string): LineColumn {
  let offset = 0;
  for (let line = 1; line < at.line; line += 1) {
    const next = source.indexOf("\n", offset);
    if (next < 0) return at;
    offset = next + 1;
  }
  offset += at.column - 1;
  const found = [`"${specifier}"`, `'${specifier}'`].map((literal) => source.indexOf(literal, offset)).filter((index) => index >= 0);
  return found.length === 0 ? at : lineColumn(source, Math.min(...found));
}

function originalPosition(js: string, offset: number, map: SourceMapPayload): { line: number; column: number } {
  const before = js.slice(0, offset).split("\n");
  const generated = { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  return mapThrough([map], generated) ?? generated;
}
