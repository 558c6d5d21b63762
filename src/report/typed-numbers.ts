/**
 * A number typed into prose: "$2.5M", "4.1%", "3×" written as words in a markdown cell or in the text
 * of an `nb.md` template. A reader takes it for the model's, and it stays as typed when an assumption
 * moves the model's number: the stale prose the report exists to prevent, which nothing caught (`check`,
 * `run` and `build --strict` passed it). A number in prose comes from a code cell, as a figure or
 * `nb.fmt(…)`, with its interval. The build warns (so `--strict` and `publish` refuse it), as `run` and
 * `check` do, at the cell, line and column.
 *
 * Only amounts, shares and multiples are read (a currency sign, "%", "×", "million"…): years, chapter
 * numbers and counts are not the model's. Passed over: what markdown shows as code, a quotation in
 * quotation marks (the essay's "above 4%", said as the essay says it), and an interval's name ("90%
 * interval"). Pure but for the markdown parser, loaded only for text that holds such a number at all.
 */
import * as messages from "../messages/prose";
import type { Notebook } from "../notebook/nbformat";
import { cellText } from "../notebook/nbformat";
import { proseCallText } from "../notebook/prose-calls";
import { lineIndex } from "../util/text-position";
import { shownMarkdown } from "./chapter-cells";
import { matchesInText } from "./markdown-placeholders";

/** An amount, a share or a multiple, as words write it: not inside a word, an id or a version ("H100", "GPT-4.5"). */
const TYPED = /(?<![\w.$/-])(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:[KMBT]\b|thousand\b|million\b|billion\b|trillion\b))?|\d[\d,]*(?:\.\d+)?(?:\s?%|×|\s(?:thousand|million|billion|trillion)\b))/g;

const mayHaveTyped = (text: string): boolean => new RegExp(TYPED.source).test(text);

/** Not a number of the model's: an interval's name or level, or inside a quotation (straight or curly quotes, on its line). */
function isTyped(text: string, at: number, match: string, paragraph: string): boolean {
  if (/^\d[\d.]*\s?%$/.test(match) && /^\s?intervals?\b/.test(text.slice(at + match.length))) return false;
  // The report's own interval, named with its percentiles ("Intervals are 90% (5th to 95th percentile)").
  if (match === "90%" && /percentile/i.test(paragraph)) return false;
  const before = text.slice(text.lastIndexOf("\n", at) + 1, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curly = before.lastIndexOf("\u201c") > before.lastIndexOf("\u201d");
  return !straight && !curly;
}

export async function typedNumberWarnings(notebook: Notebook, file: string): Promise<string[]> {
  const warnings: string[] = [];
  for (const { cell, source, lineOffset } of shownMarkdown(notebook, file, false)) {
    if (!mayHaveTyped(source)) continue;
    for (const { text, line, column } of await matchesInText(source, TYPED, isTyped)) warnings.push(messages.typedNumber({ file, cell, line: line + (lineOffset ?? 0), column }, text, "markdown"));
  }
  for (const [index, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const source = cellText(cell.source);
    if (!source.includes("md`") || !mayHaveTyped(source)) continue;
    const position = lineIndex(source);
    let from = 0;
    // Each template's text, found where the cell writes it (in source order, as proseCallText reads them).
    for (const raw of proseCallText(source)) {
      const start = source.indexOf(raw, from);
      if (start < 0) continue;
      from = start + raw.length;
      if (!mayHaveTyped(raw)) continue;
      for (const { text, offset } of await matchesInText(raw, TYPED, isTyped)) warnings.push(messages.typedNumber({ file, cell: index + 1, ...position(start + offset) }, text, "nb.md"));
    }
  }
  return warnings;
}
