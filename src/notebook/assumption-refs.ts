/**
 * The assumption ids a notebook's cells name as string literals where the API reads them,
 * `nb.assumptions.get("id")` and the values of `inputsFrom(nb.assumptions, { name: "id" })`, each with
 * its place (at the literal's opening quote, where a run locates an unknown id). `fragtax check`
 * names an id the assumptions file lacks before a run fails on it; an id a cell computes is the run's
 * to check.
 *
 * Read from each cell's syntax tree, not its text: a call in a comment or inside a string is no call,
 * and a commented-out line with an old id failed `check` while the run never read it. The tree is
 * oxc's (oxc.ts: the check on the native compiler then loads no TypeScript API), TypeScript's for a
 * cell oxc cannot read; `test/notebook/assumption-refs.test.ts` holds the two readings equal.
 */
import type * as TS from "typescript";
import type { Argument, CallExpression, Expression } from "oxc-parser";
import { lineColumn } from "../util/text-position";
import { oxcParser, parseCell } from "./oxc";
import { typescript } from "./typescript-api";

export interface AssumptionRef {
  readonly id: string;
  readonly cell: number;
  readonly line: number;
  readonly column: number;
}

type Cell = { readonly cell: number; readonly source: string };

export function assumptionRefs(cells: readonly Cell[]): AssumptionRef[] {
  return cells.flatMap((cell) => assumptionRefsWithOxc(cell) ?? assumptionRefsWithTypeScript(cell));
}

const byPlace = (a: AssumptionRef, b: AssumptionRef): number => a.line - b.line || a.column - b.column;

/** The cell's ids as oxc reads them; undefined when it cannot load or the cell has a syntax error. */
export function assumptionRefsWithOxc({ cell, source }: Cell): AssumptionRef[] | undefined {
  const program = parseCell(source);
  const parser = oxcParser();
  if (program === undefined || parser === null) return undefined;
  const refs: AssumptionRef[] = [];
  const add = (literal: Argument | Expression | undefined): void => {
    const id = literal === undefined ? undefined : stringLiteralText(literal);
    if (literal !== undefined && id !== undefined) refs.push({ id, cell, ...lineColumn(source, literal.start) });
  };
  const onCall = (node: CallExpression): void => {
    const [first, second] = node.arguments;
    const callee = node.callee;
    // reader.get("id"), where the reader is `assumptions` or a property of that name (nb.assumptions)
    if (callee.type === "MemberExpression" && !callee.computed && callee.property.name === "get" && calleeNameOxc(callee.object) === "assumptions" && node.arguments.length === 1) add(first);
    // inputsFrom(nb.assumptions, { name: "id", … }), imported by name or through a namespace
    if (calleeNameOxc(callee) === "inputsFrom" && first !== undefined && calleeNameOxc(first) === "assumptions" && second?.type === "ObjectExpression") {
      for (const property of second.properties) if (property.type === "Property" && property.kind === "init" && !property.method && !property.shorthand) add(property.value);
    }
  };
  new parser.Visitor({ CallExpression: onCall }).visit(program);
  return refs.sort(byPlace);
}

/** A string literal's text, or a template's without substitutions (TypeScript's `isStringLiteralLike`). */
function stringLiteralText(node: Argument | Expression): string | undefined {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function calleeNameOxc(callee: Argument | Expression): string | undefined {
  if (callee.type === "Identifier") return callee.name;
  return callee.type === "MemberExpression" && !callee.computed ? callee.property.name : undefined;
}

/** The cell's ids as TypeScript's parser reads them (the reference: it recovers from syntax errors). */
export function assumptionRefsWithTypeScript({ cell, source }: Cell): AssumptionRef[] {
  const ts = typescript();
  const file = ts.createSourceFile(`cell-${cell}.ts`, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const refs: AssumptionRef[] = [];
  const add = (literal: TS.Expression | undefined): void => {
    if (literal !== undefined && ts.isStringLiteralLike(literal)) refs.push({ id: literal.text, cell, ...lineColumn(source, literal.getStart(file)) });
  };
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node)) {
      const [first, second] = node.arguments;
      const callee = node.expression;
      // reader.get("id"), where the reader is `assumptions` or a property of that name (nb.assumptions)
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === "get" && namedAssumptions(callee.expression) && node.arguments.length === 1) add(first);
      // inputsFrom(nb.assumptions, { name: "id", … }), imported by name or through a namespace
      if (calleeName(callee) === "inputsFrom" && first !== undefined && namedAssumptions(first) && second !== undefined && ts.isObjectLiteralExpression(second)) {
        for (const property of second.properties) if (ts.isPropertyAssignment(property)) add(property.initializer);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return refs.sort(byPlace);
}

function calleeName(callee: TS.Expression): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

function namedAssumptions(expression: TS.Expression): boolean {
  return calleeName(expression) === "assumptions";
}
