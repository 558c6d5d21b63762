/**
 * A number typed into prose: "$2.5M", "4.1%", "3×" written as words in a markdown cell or in the text
 * of an `nb.md` template. A reader takes it for the model's, and it stays as typed when an assumption
 * moves the model's number: the stale prose the report exists to prevent, which nothing caught (`check`,
 * `run` and `build --strict` passed it). A number in prose comes from a code cell, as a figure or
 * `nb.fmt(…)`, with its interval. The build warns (so `--strict` and `publish` refuse it), as `run` and
 * `check` do, at the cell, line and column; past MAX_NAMED in a notebook, one line counts the rest.
 *
 * Only amounts, shares, multiples, energies and powers are read (a currency sign, "%", "×", "percent",
 * "bn", "million", "GWh", "kW"…):
 * years, chapter numbers and counts are not the model's. Passed over: what markdown shows as code, HTML
 * (an attribute's `width: 100%`, a comment), a blockquote and a quotation in quotation marks (the
 * essay's "above 4%", said as the essay says it), and an interval's name ("90% interval", "95%
 * confidence interval", "90% band"; the report's "90%" in a paragraph naming percentiles). Pure but for the
 * markdown parser, loaded only for text that holds such a number at all; linear in the text (a match
 * starts only where a number does).
 */
import * as messages from "../messages/prose";
import type { Notebook } from "../notebook/nbformat";
import { cellText } from "../notebook/nbformat";
import { mayHaveProseCall, proseCallParts, proseText } from "../notebook/prose-calls";
import { lineColumn, lineIndex } from "../util/text-position";
import { chartWords } from "../charts/chart-words";
import { chapterCells } from "./chapter-cells";
import { matchesInText } from "./markdown-placeholders";
import { mayHaveTypedNumber, namesAnInterval, TYPED_NUMBER } from "../vocabulary/typed-numbers";

/** Located warnings per notebook; past this, one line says how many more. */
export const MAX_NAMED = 20;

/**
 * Whether a code cell's source may hold a typed number in prose, before its templates are read with a
 * parser (oxc's load and parse were ~0.1 s of a one-assumption rebuild here): one outside its line
 * comments that is not an interval's name ("90% interval"). Errs towards reading the cell.
 */
function codeMayHaveTyped(source: string): boolean {
  const code = blankLineComments(source);
  return [...code.matchAll(TYPED_NUMBER)].some(({ 0: match, index = 0 }) => !namesAnInterval(match, code.slice(index + match.length)));
}

/**
 * A code cell's source with its line comments blanked to spaces, so that offsets into it are offsets
 * into the source. A "//" after ":" (a URL) or a backslash is not a comment's start.
 */
function blankLineComments(source: string): string {
  return source.replace(/(^|[^:\\])\/\/.*$/gm, (comment, before: string) => before + " ".repeat(comment.length - before.length));
}

/** Not a number of the model's: an interval's name or the report's level, or inside a quotation on its line. */
function isTyped(text: string, at: number, match: string, lineBefore: string, paragraph: string): boolean {
  const after = text.slice(at + match.length);
  if (namesAnInterval(match, after)) return false;
  // The report's own interval, named with its percentiles ("Intervals are 90% (5th to 95th percentile)").
  if (match === "90%" && /percentile/i.test(paragraph)) return false;
  const straight = (lineBefore.match(/"/g) ?? []).length % 2 === 1;
  const curly = lineBefore.lastIndexOf("\u201c") > lineBefore.lastIndexOf("\u201d");
  return !straight && !curly;
}

const SCAN = { html: false, quotes: false, keep: isTyped } as const;

export async function typedNumberWarnings(notebook: Notebook, file: string): Promise<string[]> {
  const found: { cell: number; line: number; column: number; text: string; inside: "markdown" | "nb.md" }[] = [];
  // Markdown cells whole, the chapter's title line included (it heads the chapter and the contents).
  for (const { index, cell } of chapterCells(notebook, file).cells) {
    if (cell.cell_type !== "markdown") continue;
    const source = cellText(notebook.cells[index]?.source ?? cell.source);
    if (!mayHaveTypedNumber(source)) continue;
    for (const { text, line, column } of await matchesInText(source, TYPED_NUMBER, SCAN)) found.push({ cell: index + 1, line, column, text, inside: "markdown" });
  }
  for (const [index, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const source = cellText(cell.source);
    if (!mayHaveProseCall(source) || !codeMayHaveTyped(source)) continue;
    const position = lineIndex(source);
    for (const { raw, start } of proseCallParts(source)) {
      // As markdown reads it: a template's \` is a backtick (a code span), its \$ a dollar.
      const { text, rawOffset } = proseText(raw);
      if (!mayHaveTypedNumber(text)) continue;
      for (const match of await matchesInText(text, TYPED_NUMBER, SCAN)) {
        found.push({ cell: index + 1, ...position(start + rawOffset(match.offset)), text: match.text, inside: "nb.md" });
      }
    }
  }
  found.sort((a, b) => a.cell - b.cell || a.line - b.line || a.column - b.column);
  const warnings = found.slice(0, MAX_NAMED).map(({ cell, line, column, text, inside }) => messages.typedNumber({ file, cell, line, column }, text, inside));
  return found.length > MAX_NAMED ? [...warnings, messages.moreTypedNumbers(file, found.length - MAX_NAMED)] : warnings;
}

/**
 * report.yaml's title and subtitle head the title page, the contents' page and every PDF page: a number
 * typed there stays as typed when the model's moves, as in a chapter's prose. The same rule, located
 * where report.yaml writes it (a plain or quoted value on its key's line or the lines after).
 */
export function typedNumbersInReportYaml(fields: { readonly title: string; readonly subtitle?: string | undefined }, configText: string, file: string): string[] {
  const position = lineIndex(configText);
  const warnings: string[] = [];
  for (const key of ["title", "subtitle"] as const) {
    const value = fields[key];
    if (value === undefined || !mayHaveTypedNumber(value)) continue;
    const keyAt = new RegExp(`^${key}:[ \\t]*`, "m").exec(configText);
    let from = keyAt === null ? 0 : keyAt.index + keyAt[0].length;
    for (const { 0: match, index = 0 } of value.matchAll(TYPED_NUMBER)) {
      if (!isTyped(value, index, match, value.slice(0, index), value)) continue;
      const at = configText.indexOf(match, from);
      if (at >= 0) from = at + match.length;
      warnings.push(messages.typedNumberInReportYaml({ file, ...position(at >= 0 ? at : from) }, match, key));
    }
  }
  return warnings;
}

/**
 * A chart's title, subtitle, axis and legend titles and description, where its cell types a number
 * into them (`title: "The tax, $30B a year"`): the number stays as typed when the model's moves, as in
 * prose. One the cell builds from the model (`${nb.fmt(tax, "usd")}`) is not in its code as written, and
 * is not read; nor is an interval's name ("90% intervals") or a quotation in quotation marks. Located at
 * the number in the cell's code (outside its line comments).
 */
export function typedNumbersInChart(spec: unknown, cellSource: string, where: { readonly file: string; readonly cell: number }): string[] {
  const code = blankLineComments(cellSource);
  const warnings: string[] = [];
  for (const words of new Set(chartWords(spec))) {
    if (!mayHaveTypedNumber(words)) continue;
    for (const { 0: match, index = 0 } of words.matchAll(TYPED_NUMBER)) {
      const at = code.indexOf(match);
      if (at < 0 || !isTyped(words, index, match, words.slice(0, index), words)) continue;
      warnings.push(messages.typedNumberInChart({ ...where, ...lineColumn(cellSource, at) }, match));
    }
  }
  return warnings;
}
