/**
 * A value from a data file (an id, a key, a chapter's name, a kind) in quotes inside one line of a
 * message: its line breaks and control characters shown as escapes, so a value holding a line feed
 * cannot print a line fragtax never wrote ("…\nwrote out/build/report.html (all good)").
 */
import { visibleInOneLine } from "../format/control";

export const quote = (value: string): string => `"${visibleInOneLine(value)}"`;
