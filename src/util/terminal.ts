/**
 * Text from data files on a terminal: control characters (ESC and the rest of C0, DEL, C1) are
 * written as visible escapes (`\x1b`), so a label cannot recolour, move the cursor, retitle the
 * window or hide a line. Our own colours are added after this, by the renderer.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalText(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** `value` with every string in it (keys too) made terminal-safe; numbers and structure unchanged. */
export function terminalSafe<T>(value: T): T {
  if (typeof value === "string") return terminalText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => terminalSafe(item)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [terminalText(key), terminalSafe(item)])) as T;
  }
  return value;
}
