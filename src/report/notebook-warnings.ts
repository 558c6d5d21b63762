/**
 * What a notebook's own text gets wrong without failing it, warned about alike by `fragtax build`,
 * `run` and `check` (the build's --strict and publish refuse a build with a warning): template text
 * left in a markdown cell (markdown-placeholders.ts), a number typed into prose (typed-numbers.ts), a
 * cell id another cell has too, and a notebook
 * with no cells at all (its chapter would be a heading and nothing else). Pure but for the markdown
 * parser markdown-placeholders.ts loads when a cell may hold a placeholder.
 */
import * as messages from "../messages/report";
import type { Notebook } from "../notebook/nbformat";
import { placeholderWarnings } from "./markdown-placeholders";
import { typedNumberWarnings } from "./typed-numbers";

export async function notebookWarnings(notebook: Notebook, file: string): Promise<string[]> {
  if (notebook.cells.length === 0) return [messages.notebookWithoutCells(file)];
  return [...duplicateCellIds(notebook, file), ...(await placeholderWarnings(notebook, file)), ...(await typedNumberWarnings(notebook, file))];
}

/**
 * Each cell whose id an earlier cell has (a cell copied in the file by hand): nbformat 4.5 wants them
 * unique, Jupyter gives such a cell a new id when it opens the notebook, and a link to the id finds
 * the first.
 */
function duplicateCellIds(notebook: Notebook, file: string): string[] {
  const first = new Map<string, number>();
  const warnings: string[] = [];
  notebook.cells.forEach((cell, index) => {
    if (typeof cell.id !== "string" || cell.id === "") return;
    const earlier = first.get(cell.id);
    if (earlier === undefined) first.set(cell.id, index + 1);
    else warnings.push(messages.duplicateCellId({ file, cell: index + 1 }, cell.id, earlier));
  });
  return warnings;
}
