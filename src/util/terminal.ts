/**
 * Text from data files on a terminal: control characters (ESC and the rest of C0, DEL, C1) are
 * written as visible escapes (`\x1b`, util/control.ts), so a label cannot recolour, move the cursor,
 * retitle the window or hide a line. Our own colours are added after this, by the renderer.
 */
import { visibleControls } from "./control";

export function terminalText(text: string): string {
  return visibleControls(text);
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
