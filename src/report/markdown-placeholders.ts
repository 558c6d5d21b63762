/**
 * Template text left in a markdown cell: `${cost}` or `{{ cost }}`. A markdown cell is shown as it is
 * written, in JupyterLab and in the report alike, so readers would see the placeholder where a number
 * was meant; a number in prose comes from a code cell (`nb.md` with a figure or `nb.fmt`). The build
 * warns (so `--strict` and `publish` refuse it), and so do `fragtax run` and `check`, at the cell, line
 * and column. Found in markdown-it's parse, as the report renders it: a code span or a fenced block
 * that shows such text on purpose is left alone; the parser is loaded only for markdown that holds
 * `${` or `{{` at all.
 */
import type { MarkdownParser } from "./markdown-scan";
import * as messages from "../messages/report";
import type { Notebook } from "../notebook/nbformat";
import { lineIndex } from "../util/text-position";
import { shownMarkdown } from "./chapter-cells";
import { SCAFFOLD_NOTE } from "../vocabulary/scaffold";

/** `${…}` or `{{…}}` on one line. */
const PLACEHOLDER = /\$\{[^{}\n]*\}|\{\{[^{}\n]*\}\}/g;

/** Whether `text` may hold a placeholder: a notebook without any loads no parser. */
export const mayHavePlaceholder = (text: string): boolean => /\$\{|\{\{/.test(text);

/** A placeholder in a markdown source, as written there (1-based line and column). */
export interface Placeholder {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Text found as markdown shows it (`matchesInText`), with its 0-based offset in the source too. */
export interface FoundText extends Placeholder {
  readonly offset: number;
}

/**
 * Markdown's structure as the report parses it (code spans, fences, HTML), without the typographer: its
 * quotes would not be the text as written, which is where a placeholder is located.
 */
let parser: MarkdownParser | undefined;

/** The placeholders of one piece of markdown, outside code spans and code blocks. */
export async function placeholdersIn(source: string): Promise<Placeholder[]> {
  return mayHavePlaceholder(source) ? (await matchesInText(source, PLACEHOLDER)).map(({ text, line, column }) => ({ text, line, column })) : [];
}

/**
 * What `pattern` (global) finds in the text a reader sees of one piece of markdown: outside code spans
 * and code blocks, in its words and inline HTML. `keep` (the text token, the match's index in it, the
 * match, the paragraph's text) may pass over some of them (typed-numbers.ts: a quotation, "90% interval").
 */
export async function matchesInText(source: string, pattern: RegExp, keep: (text: string, at: number, match: string, block: string) => boolean = () => true): Promise<FoundText[]> {
  parser ??= new (await import("markdown-it")).default({ html: true });
  const starts = [0];
  for (let at = source.indexOf("\n"); at >= 0; at = source.indexOf("\n", at + 1)) starts.push(at + 1);
  const position = lineIndex(source);
  const found: FoundText[] = [];
  for (const token of parser.parse(source, {})) {
    const texts = token.type === "inline" ? (token.children ?? []).filter((child) => child.type === "text" || child.type === "html_inline").map((child) => child.content) : token.type === "html_block" ? [token.content] : [];
    if (texts.length === 0) continue;
    const [first, last] = token.map ?? [0, starts.length];
    const blockStart = starts[first] ?? 0;
    const block = source.slice(blockStart, starts[last] ?? source.length);
    let from = 0; // the same placeholder twice in a block: each at its own place
    for (const text of texts) {
      for (const { 0: match, index } of text.matchAll(pattern)) {
        if (!keep(text, index ?? 0, match, texts.join(" "))) continue;
        const offset = block.indexOf(match, from);
        const at = blockStart + Math.max(offset, 0); // written with escapes the parse took out: at its paragraph
        if (offset >= 0) from = offset + match.length;
        found.push({ text: match, ...position(at), offset: at });
      }
    }
  }
  return found;
}

/** The warnings for the placeholders in a notebook's markdown cells, each located in its cell (build, `run`, `check`). */
export async function placeholderWarnings(notebook: Notebook, file: string): Promise<string[]> {
  const warnings: string[] = [];
  for (const { cell, source, lineOffset } of shownMarkdown(notebook, file, false)) {
    for (const { text, line, column } of await placeholdersIn(source)) warnings.push(messages.markdownPlaceholder({ file, cell, line: line + (lineOffset ?? 0), column }, text));
    // The example introduction `fragtax new` wrote, still unreplaced: publish would ship it.
    const at = source.indexOf(SCAFFOLD_NOTE);
    if (at !== -1) {
      const { line, column } = lineIndex(source)(at);
      warnings.push(messages.scaffoldTextLeft({ file, cell, line: line + (lineOffset ?? 0), column }));
    }
  }
  return warnings;
}
