/**
 * A few lines of a text around a place, with a caret under it: how an error shows where it is, in a
 * cell, a local module, a markdown cell's image or a notebook file's JSON.
 */
import { visibleOnTerminal } from "../format/control";

/**
 * How wide a frame's lines may be: past `width` characters, each shows a window of that many around
 * the column, `before` of them before it.
 */
export interface FrameWidth {
  readonly width: number;
  readonly before: number;
  /** Near the line's end, start the window earlier so that it is full (else the caret stays `before` in). */
  readonly fill: boolean;
  /** Window the lines also when the column is past this, however short they are (a phone shows ~38 characters). */
  readonly caretWithin?: number;
}

/** On a terminal (a notebook saved as one line of JSON is a megabyte long). */
export const TERMINAL_FRAME: FrameWidth = { width: 240, before: 100, fill: true };
/**
 * On the page, where a frame scrolls sideways in a box ~75 characters wide (~38 on a phone): the
 * caret must be in view without scrolling, so it stands ~24 characters in, near the line's end too.
 */
export const PAGE_FRAME: FrameWidth = { width: 72, before: 24, fill: false, caretWithin: 36 };
/** Past this many characters, a terminal frame's lines show a window around the column. */
export const FRAME_WIDTH = TERMINAL_FRAME.width;
const ELLIPSIS = "\u2026";

/**
 * Two lines of context either side of `line` (1-based), with a caret under `column` (1-based). The
 * caret's indent keeps the line's tabs, and gives a control character the width of the escape it is
 * shown as (`\x1b`, format/control.ts), so the caret stands under the column on a terminal and in the page.
 * A line longer than the frame's width shows the same window of each line, around the column, "…" where cut.
 */
export function codeFrame(source: string, line: number, column: number, context = 2, frame: FrameWidth = TERMINAL_FRAME): string {
  const lines = source.split("\n");
  // A cell that ends with a line break has no line after it: no empty numbered line under the error.
  if (lines.length > line && lines.at(-1) === "") lines.pop();
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const shown = lines.slice(first - 1, last);
  const long = shown.some((text) => text.length > frame.width) || (frame.caretWithin !== undefined && column > frame.caretWithin);
  const window = long ? windowAround(lines[line - 1] ?? "", column, frame) : undefined;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const marker = number === line ? ">" : " ";
    const text = lines[number - 1] ?? "";
    out.push(`${marker} ${String(number).padStart(width)} | ${window === undefined ? text : clip(text, window)}`.trimEnd());
    if (number === line) {
      const start = window?.start ?? 0;
      const before = text.slice(start, Math.max(start, column - 1));
      const cut = window !== undefined && start > 0 ? " " : "";
      const indent = cut + visibleOnTerminal(before).replace(/[^\t]/g, " ") + " ".repeat(Math.max(0, column - 1 - start - before.length));
      out.push(`  ${" ".repeat(width)} | ${indent}^`);
    }
  }
  return out.join("\n");
}

interface Window {
  readonly start: number;
  readonly end: number;
}

/** `frame.width` characters of the error's line, the column `frame.before` in (or as near as the line allows); never half a surrogate pair. */
function windowAround(text: string, column: number, frame: FrameWidth): Window {
  let start = Math.max(0, frame.fill ? Math.min(column - 1 - frame.before, text.length - frame.width) : column - 1 - frame.before);
  if (isLowSurrogate(text.charCodeAt(start))) start += 1;
  let end = start + frame.width;
  if (isLowSurrogate(text.charCodeAt(end))) end += 1;
  return { start, end };
}

/** The window's part of `text` (a line of the frame), "…" where cut; moved by one where it would halve a surrogate pair of this line. */
function clip(text: string, window: Window): string {
  const start = isLowSurrogate(text.charCodeAt(window.start)) ? window.start + 1 : window.start;
  const end = isLowSurrogate(text.charCodeAt(window.end)) ? window.end + 1 : window.end;
  if (text.length <= start) return start > 0 && text.length > 0 ? ELLIPSIS : "";
  return `${start > 0 ? ELLIPSIS : ""}${text.slice(start, end)}${text.length > end ? ELLIPSIS : ""}`;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
