/**
 * The assumption ids a notebook's cells name as string literals where the API reads them,
 * `nb.assumptions.get("id")` and the values of `inputsFrom(nb.assumptions, { name: "id" })`, each with
 * its place (at the literal's opening quote, where a run locates an unknown id). `fragtax check`
 * names an id the assumptions file lacks before a run fails on it; an id a cell computes is the run's
 * to check.
 *
 * Read from each cell's syntax tree (TypeScript's parser, which `check` has loaded for its type check),
 * not its text: a call in a comment or inside a string is no call, and a commented-out line with an
 * old id failed `check` while the run never read it.
 */
import type * as TS from "typescript";
import { lineColumn } from "../util/text-position";
import { typescript } from "./typescript-api";

export interface AssumptionRef {
  readonly id: string;
  readonly cell: number;
  readonly line: number;
  readonly column: number;
}

export function assumptionRefs(cells: readonly { readonly cell: number; readonly source: string }[]): AssumptionRef[] {
  const ts = typescript();
  return cells.flatMap(({ cell, source }) => {
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
    return refs.sort((a, b) => a.line - b.line || a.column - b.column);
  });
}

function calleeName(callee: TS.Expression): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

function namedAssumptions(expression: TS.Expression): boolean {
  return calleeName(expression) === "assumptions";
}
