/**
 * The assumption ids a notebook's cells name as string literals where the API reads them,
 * `nb.assumptions.get("id")` and the values of `inputsFrom(nb.assumptions, { name: "id" })`, each with
 * its place (at the literal's opening quote, where a run locates an unknown id). `fragtax check`
 * names an id the assumptions file lacks before a run fails on it; an id a cell computes is the run's
 * to check.
 */
import { lineColumn } from "./nbformat";

export interface AssumptionRef {
  readonly id: string;
  readonly cell: number;
  readonly line: number;
  readonly column: number;
}

const GET = /\bassumptions\s*\.\s*get\s*\(\s*(["'`])([A-Za-z0-9_]+)\1\s*\)/g;
const INPUTS_FROM = /\binputsFrom\s*\(\s*[\w$.]*assumptions\s*,\s*\{([^{}]*)\}/g;
const ENTRY = /(?:[\w$]+|"[^"\n]*"|'[^'\n]*')\s*:\s*(["'`])([A-Za-z0-9_]+)\1/g;

export function assumptionRefs(cells: readonly { readonly cell: number; readonly source: string }[]): AssumptionRef[] {
  return cells.flatMap(({ cell, source }) => {
    const at = (offset: number, id: string): AssumptionRef => ({ id, cell, ...lineColumn(source, offset) });
    const refs = [...source.matchAll(GET)].map((match) => at((match.index ?? 0) + match[0].indexOf(match[1] ?? '"'), match[2] ?? ""));
    for (const call of source.matchAll(INPUTS_FROM)) {
      const body = call[1] ?? "";
      const bodyStart = (call.index ?? 0) + call[0].indexOf(body, call[0].indexOf("{"));
      for (const entry of body.matchAll(ENTRY)) {
        const quote = entry[0].lastIndexOf(entry[1] ?? '"', entry[0].length - (entry[2] ?? "").length - 1);
        refs.push(at(bodyStart + (entry.index ?? 0) + quote, entry[2] ?? ""));
      }
    }
    return refs.sort((a, b) => a.line - b.line || a.column - b.column);
  });
}
