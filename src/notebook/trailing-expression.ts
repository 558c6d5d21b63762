/**
 * The cell's trailing expression when esbuild dropped it. esbuild removes an expression statement it
 * sees no effect in — `-1`, `NaN`, `Infinity`, `1 === 1`, `"a" + "b"`, `typeof x`, `!0`, `void 0` —
 * even the last one of a cell, whose value tslab and Deno's kernel show (`-1`, `NaN`, `true`). A cell
 * ending in one showed nothing. TypeScript's parser (esbuild has no syntax tree to ask) finds the
 * cell's last statement; when it is an expression and no statement of esbuild's output comes from it,
 * the expression is transformed on its own and appended, so the rewrite returns it as the cell's value.
 * It has no effect, so it cannot throw: its position in an error never matters.
 */
import type { SourceMapPayload } from "node:module";
import type { Node, Program } from "acorn";
import { mapThrough } from "./errors";

/** esbuild, with the options the cell was transformed with. */
type Transform = (source: string) => Promise<string>;

/** JavaScript to append to esbuild's output `js` of `source`, or undefined when nothing was dropped. */
export async function droppedTrailingExpression(source: string, js: string, program: Program, map: SourceMapPayload, jsx: boolean, transform: Transform): Promise<string | undefined> {
  // Only a cell whose last line esbuild drops on its own can end in such an expression. TypeScript takes
  // ~0.2 s to load, on the thread that compiles a cold build's cells, and most cells end in a call, a
  // declaration or a multi-line template: it is loaded only for a candidate, and only once
  // (typescript-api.ts). A constant expression spread over several lines is not looked for.
  if (!(await dropsAlone(lastCodeLine(source), transform))) return undefined;
  const ts = (await import("./typescript-api")).typescript();
  const file = ts.createSourceFile(jsx ? "cell.tsx" : "cell.ts", source, ts.ScriptTarget.Latest, false, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const last = file.statements[file.statements.length - 1];
  if (last === undefined || !ts.isExpressionStatement(last)) return undefined;
  const start = last.getStart(file);
  const kept = program.body[program.body.length - 1];
  if (kept !== undefined && comesFrom(kept, js, map, (line, column) => file.getPositionOfLineAndCharacter(line - 1, column - 1), start, last.end)) return undefined;
  // `0, (e)`: a comma expression is one esbuild keeps, and its value is e's.
  return `\n${(await transform(`0, (${last.expression.getText(file)});`)).trim()}\n`;
}

/** Whether the JavaScript statement `node` maps into the TypeScript range [start, end]. */
function comesFrom(node: Node, js: string, map: SourceMapPayload, offsetOf: (line: number, column: number) => number, start: number, end: number): boolean {
  const before = js.slice(0, node.start).split("\n");
  const original = mapThrough([map], { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 });
  if (original === undefined) return false;
  const offset = offsetOf(original.line, original.column);
  return offset >= start && offset <= end;
}

/** The cell's last line that is not blank or a comment line, trimmed. */
function lastCodeLine(source: string): string {
  const lines = source.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !/^(?:\/\/|\/\*|\*)/.test(line));
  return lines[lines.length - 1] ?? "";
}

/** Whether `line`, compiled alone, is valid and leaves nothing (a constant expression, or a type-only line). */
async function dropsAlone(line: string, transform: Transform): Promise<boolean> {
  // No statement starts with a closing bracket or a comma: a cell ending in `});` or `]` is one esbuild
  // would refuse, after a round trip to its process and an error built for nothing.
  if (line === "" || /^[)\]},]/.test(line)) return false;
  try {
    return (await transform(line)).trim() === "";
  } catch {
    return false; // part of a longer statement (`});`, the end of a template): not one on its own
  }
}
