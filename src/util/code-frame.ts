/**
 * A few lines of a text around a place, with a caret under it: how an error shows where it is, in a
 * cell, a local module, a markdown cell's image or a notebook file's JSON.
 */
import { visibleControls } from "./control";

/**
 * Two lines of context either side of `line` (1-based), with a caret under `column` (1-based). The
 * caret's indent keeps the line's tabs, and gives a control character the width of the escape it is
 * shown as (`\x1b`, util/control.ts), so the caret stands under the column on a terminal and in the page.
 */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split("\n");
  // A cell that ends with a line break has no line after it: no empty numbered line under the error.
  if (lines.length > line && lines.at(-1) === "") lines.pop();
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const marker = number === line ? ">" : " ";
    out.push(`${marker} ${String(number).padStart(width)} | ${lines[number - 1] ?? ""}`.trimEnd());
    if (number === line) {
      const before = (lines[number - 1] ?? "").slice(0, Math.max(0, column - 1));
      const indent = visibleControls(before).replace(/[^\t]/g, " ") + " ".repeat(Math.max(0, column - 1 - before.length));
      out.push(`  ${" ".repeat(width)} | ${indent}^`);
    }
  }
  return out.join("\n");
}
