/**
 * Text from data files on a terminal: control characters (ESC and the rest of C0, DEL, C1) are
 * written as visible escapes (`\x1b`, format/control.ts), so a label cannot recolour, move the cursor,
 * retitle the window or hide a line. Our own colours are added after this, by the renderer.
 */
import { visibleInOneLine, visibleOnTerminal } from "../format/control";

export function terminalText(text: string): string {
  return visibleOnTerminal(text);
}

/**
 * `value` with every string in it (keys too) made terminal-safe; numbers and structure unchanged.
 * `oneLine`: line breaks shown as \x0a too, for text printed inside a line of a listing (a label in
 * `diff`), where a line break would start a line of its own that the listing never wrote.
 */
export function terminalSafe<T>(value: T, options: { readonly oneLine?: boolean } = {}): T {
  const text = options.oneLine === true ? visibleInOneLine : terminalText;
  if (typeof value === "string") return text(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => terminalSafe(item, options)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [text(key), terminalSafe(item, options)])) as T;
  }
  return value;
}
