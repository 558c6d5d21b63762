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
import { shownMarkdown, titleHeading } from "./chapter-cells";
import { cellText } from "../notebook/nbformat";
import { mayHaveProseCall, proseCallParts, proseText } from "../notebook/prose-calls";
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

/** How much of a line before a match `keep` is given: a paragraph of 20,000 tokens copied its whole line for each. */
const LINE_KEPT = 400;

/** What a scan of markdown reads (`matchesInText`). */
export interface TextScan {
  /** Whether `html_inline` and `html_block` tokens are read: a placeholder there shows, a typed number in an attribute does not. */
  readonly html?: boolean;
  /** Whether a blockquote's text is read: a quotation is the quoted source's words. */
  readonly quotes?: boolean;
  /**
   * Passes over a match: the text token, the match's index in it, the match, the text of its line
   * before it (across the paragraph's tokens: a quotation opened before an emphasis), the paragraph's text.
   */
  readonly keep?: (text: string, at: number, match: string, lineBefore: string, paragraph: string) => boolean;
}

/**
 * What `pattern` (global) finds in the text a reader sees of one piece of markdown: outside code spans
 * and code blocks, in its words (and, unless `scan.html` is false, its HTML). Each is located where the
 * source writes it: the paragraph's tokens are found in turn in its source, a code span's too, so a
 * match is never placed at the same text inside a code span before it; where the parse took escapes
 * out, at the first place after the last one found.
 */
export async function matchesInText(source: string, pattern: RegExp, scan: TextScan = {}): Promise<FoundText[]> {
  parser ??= new (await import("markdown-it")).default({ html: true });
  const starts = [0];
  for (let at = source.indexOf("\n"); at >= 0; at = source.indexOf("\n", at + 1)) starts.push(at + 1);
  const position = lineIndex(source);
  const found: FoundText[] = [];
  const html = scan.html !== false;
  let quoted = 0;
  for (const token of parser.parse(source, {})) {
    if (token.type === "blockquote_open") quoted += 1;
    if (token.type === "blockquote_close") quoted -= 1;
    if (quoted > 0 && scan.quotes === false) continue;
    const read = (type: string): boolean => type === "text" || (html && type === "html_inline");
    const parts = token.type === "inline" ? (token.children ?? []).map((child) => ({ type: child.type, content: child.content })) : token.type === "html_block" && html ? [{ type: "text", content: token.content }] : [];
    if (!parts.some((part) => read(part.type))) continue;
    const [first, last] = token.map ?? [0, starts.length];
    const blockStart = starts[first] ?? 0;
    const block = source.slice(blockStart, starts[last] ?? source.length);
    const paragraph = parts.filter((part) => read(part.type)).map((part) => part.content).join(" ");
    let cursor = 0; // where the next token's text is looked for in the block's source
    let line = ""; // the words of the current line so far, across tokens
    for (const part of parts) {
      if (part.type === "softbreak" || part.type === "hardbreak") line = "";
      const at = part.content === "" ? -1 : block.indexOf(part.content, cursor);
      if (!read(part.type)) {
        if (at >= 0) cursor = at + part.content.length;
        continue;
      }
      let from = at >= 0 ? at : cursor;
      for (const { 0: match, index = 0 } of part.content.matchAll(pattern)) {
        const offset = at >= 0 ? at + index : block.indexOf(match, from);
        if (offset >= 0) from = offset + match.length;
        const before = (line + part.content.slice(Math.max(0, index - LINE_KEPT), index)).slice(-LINE_KEPT);
        if (scan.keep !== undefined && !scan.keep(part.content, index, match, before.slice(before.lastIndexOf("\n") + 1), paragraph)) continue;
        const where = blockStart + Math.max(offset, 0); // written with escapes the parse took out: at its paragraph
        found.push({ text: match, ...position(where), offset: where });
      }
      if (at >= 0) cursor = at + part.content.length;
      line = (line + part.content.slice(-LINE_KEPT)).slice(-LINE_KEPT);
    }
  }
  return found;
}

/**
 * The warnings for the placeholders in a notebook's markdown cells, and in its `nb.md` templates' own
 * text (`{{twice}}`, or an escaped `\${twice}`), each located in its cell (build, `run`, `check`).
 */
export async function placeholderWarnings(notebook: Notebook, file: string): Promise<string[]> {
  const warnings: string[] = [];
  // The chapter's title, which the page, the contents and the PDF's outline show as written.
  const heading = titleHeading(notebook);
  if (heading !== undefined && mayHavePlaceholder(heading.text)) {
    for (const { text, line, column } of await placeholdersIn(heading.text)) warnings.push(messages.markdownPlaceholder({ file, cell: heading.index + 1, line, column }, text));
  }
  for (const { cell, source, lineOffset } of shownMarkdown(notebook, file, false)) {
    for (const { text, line, column } of await placeholdersIn(source)) warnings.push(messages.markdownPlaceholder({ file, cell, line: line + (lineOffset ?? 0), column }, text));
    // The example introduction `fragtax new` wrote, still unreplaced: publish would ship it.
    const at = source.indexOf(SCAFFOLD_NOTE);
    if (at !== -1) {
      const { line, column } = lineIndex(source)(at);
      warnings.push(messages.scaffoldTextLeft({ file, cell, line: line + (lineOffset ?? 0), column }));
    }
  }
  for (const [index, cell] of notebook.cells.entries()) {
    const source = cell.cell_type === "code" ? cellText(cell.source) : "";
    if (!mayHaveProseCall(source) || !/\{\{|\\\$\{/.test(source)) continue;
    const position = lineIndex(source);
    for (const { raw, start } of proseCallParts(source)) {
      // As markdown reads it: a template's \$ is a dollar, so `\${x}` shows as "${x}", and its \` a backtick (a code span).
      const { text, rawOffset } = proseText(raw);
      if (!mayHavePlaceholder(text)) continue;
      for (const found of await matchesInText(text, PLACEHOLDER)) {
        // An escaped `\${x}` is located at its backslash, where the cell writes it (rawOffset's place for its "$").
        warnings.push(messages.proseCallPlaceholder({ file, cell: index + 1, ...position(start + rawOffset(found.offset)) }, found.text));
      }
    }
  }
  return warnings;
}
