/**
 * The words a chart's spec states as text for a reader: titles and subtitles (the chart's, each view's,
 * an axis's, a legend's, a facet header's) and its description (the page's caption under it). Its
 * data's values and its marks' text are the data's, not words the cell wrote as such.
 */
import { isRecord } from "../util/records";

const VIEWS = ["layer", "concat", "hconcat", "vconcat"] as const;
const NESTED = ["spec"] as const;

/** A title as vega-lite takes it: text, lines of text, or `{ text, subtitle }`. */
function titleWords(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((line): line is string => typeof line === "string");
  if (isRecord(value)) return [...titleWords(value.text), ...titleWords(value.subtitle)];
  return [];
}

export function chartWords(spec: unknown): string[] {
  const words: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    // A spec is JSON a cell built: deep nesting is a mistake, not a chart to walk without end.
    if (!isRecord(node) || depth > 32) return;
    words.push(...titleWords(node.title));
    if (typeof node.description === "string") words.push(node.description);
    if (isRecord(node.encoding)) {
      for (const definition of Object.values(node.encoding)) {
        for (const channel of Array.isArray(definition) ? definition : [definition]) {
          if (!isRecord(channel)) continue;
          words.push(...titleWords(channel.title));
          for (const guide of ["axis", "legend", "header"]) if (isRecord(channel[guide])) words.push(...titleWords((channel[guide] as Record<string, unknown>).title));
        }
      }
    }
    for (const key of VIEWS) if (Array.isArray(node[key])) for (const view of node[key] as unknown[]) visit(view, depth + 1);
    for (const key of NESTED) visit(node[key], depth + 1);
  };
  visit(spec, 0);
  return words;
}
