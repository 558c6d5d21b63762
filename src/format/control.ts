/**
 * Control characters from data files (ESC, BEL and the rest of C0, DEL, C1), and the invisible
 * characters that reorder or break text (bidi overrides, embeddings, isolates and marks, the Arabic
 * letter mark U+061C among them; the line and paragraph separators), written as visible escapes
 * (`\x1b`, `\u202e`) wherever a reader sees text: on a terminal (util/terminal.ts), in the report's
 * HTML (util/html.ts) and charts (charts/render.ts), and in the PDF's metadata. On a terminal the
 * first could recolour, move the cursor or retitle the window; in a page they are invalid characters
 * that viewers drop or draw as boxes; a right-to-left override would show a label or title reversed.
 * Tab and line feed are text; so is carriage return in a page (`keepCarriageReturn`), where a
 * notebook's progress output uses it.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, carriage return (\u000d) left as it is
const CONTROL_BUT_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

// For prose a reader wrote (markdown cells, displayed HTML): C0/C1 and the overrides, embeddings and
// isolates that reorder text, but not the marks right-to-left writing places punctuation with (LRM,
// RLM, the Arabic letter mark) nor the line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const REORDERING_BUT_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (char: string): string => {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

export function visibleControls(text: string, options: { readonly keepCarriageReturn?: boolean } = {}): string {
  return text.replace(options.keepCarriageReturn === true ? CONTROL_BUT_CR : CONTROL, visible);
}

/** Prose as its author wrote it: control characters and bidi overrides visible, direction marks kept (carriage returns too). */
export function visibleControlsInProse(text: string): string {
  return text.replace(REORDERING_BUT_CR, visible);
}

/**
 * A name from the file system or a data file put inside one line of a message (a file added to a
 * published version): its line breaks visible too, so it cannot start a line of its own (a forged "ok").
 */
export function visibleInOneLine(text: string): string {
  return visibleOnTerminal(text).replace(/[\n\r]/g, visible);
}

// What takes no width and shows nothing: a zero-width space, a word joiner, a byte-order mark inside
// text. In a page it is the author's (a break opportunity); in a message a name holding one reads as
// another ("zw\u200bx" as "zwx"), and in a code frame it hides what the parser stopped at.
const INVISIBLE = /[\u200b\u2060\ufeff]/g;

/** Text on a terminal: control characters and the invisible ones above as visible escapes. */
export function visibleOnTerminal(text: string): string {
  return visibleControls(text).replace(INVISIBLE, visible);
}

// What JSON.stringify leaves as it is but a terminal acts on: C1 and DEL, and the characters that
// reorder or hide text (it escapes only C0, quotes and backslashes).
const JSON_UNESCAPED_CONTROL = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * JSON text a person may print: every JSON file fragtax writes (report/records.ts `pretty`, util/hash.ts
 * `stableJson`) and what it prints (`diff --json`, `run --out -`). Those characters become `\uXXXX`
 * escapes, which a JSON parser reads back as the same strings; printed, a right-to-left override in a
 * label reversed the rest of the line. They can only be inside strings, so any JSON stays valid, and
 * applying it twice changes nothing.
 */
export function jsonWithVisibleControls(json: string): string {
  return json.replace(JSON_UNESCAPED_CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `text` without its terminal colour and cursor sequences (a traceback or stream a kernel coloured), for the page. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- ANSI escape sequences are control characters by definition
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
}
