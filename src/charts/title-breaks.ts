/**
 * Titles a chart cannot be drawn with: a field's own title with a line break in it. Vega-Lite writes
 * each field's title into the expression of the mark's tooltip, which the theme turns on for every
 * mark (theme.ts), and a line break there ends the expression: the chart failed with
 * Vega's "Expression parse error: ({"Line1⏎Line2": format(…)})", naming neither the title nor the fix.
 * A title's lines are written as a list (`title: ["Line 1", "Line 2"]`), which Vega-Lite draws on lines
 * of their own. An axis's or a legend's own title is not in the expression, and draws. Pure.
 */
import { isRecord } from "../util/records";

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The paths of the titles in `spec`'s encodings (and its layers', facets' and concatenations') that hold a line break. */
export function titlesWithLineBreaks(spec: unknown, path = ""): string[] {
  if (Array.isArray(spec)) return spec.flatMap((item, i) => titlesWithLineBreaks(item, `${path}[${i}]`));
  if (!isRecord(spec)) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(spec)) {
    const at = path === "" ? key : `${path}.${key}`;
    if (key === "encoding" && isRecord(value)) {
      for (const [channel, definition] of Object.entries(value)) {
        for (const def of Array.isArray(definition) ? definition : [definition]) {
          if (!isRecord(def)) continue;
          if (broken(def.title)) found.push(`${at}.${channel}.title`);
        }
      }
    } else if (key !== "data" && key !== "datasets" && (isRecord(value) || Array.isArray(value))) found.push(...titlesWithLineBreaks(value, at));
  }
  return found;
}

const broken = (title: unknown): boolean => typeof title === "string" && LINE_BREAK.test(title);
