/**
 * How much each assumption drives an output, as weights that sum to 1: the tornado's swing of each
 * input (p5 → p95, others at their medians), squared and normalized — a first-order share of the
 * output's variance. The notebook API turns these into a claim's basis (essay / source / judgement).
 */
import type { Driver } from "../vocabulary/results";
import type { Assumption } from "../assumptions/types";
import type { Model, OutputName } from "./montecarlo";
import { tornado } from "./sensitivity";

export function driversOf<K extends string, O extends string>(
  evaluate: (x: Readonly<Record<K, number>>) => Record<O, number>,
  assumptions: Readonly<Record<K, Assumption>>,
  output: O,
): Driver[] {
  const rows = tornado(evaluate as Model<K, Record<O, number>>, assumptions, { output: output as OutputName<Record<O, number>> }).rows;
  const total = rows.reduce((sum, row) => sum + row.swing ** 2, 0);
  if (total === 0) return [];
  const byId = new Map<string, number>();
  for (const row of rows) {
    const id = assumptions[row.input].id;
    byId.set(id, (byId.get(id) ?? 0) + row.swing ** 2 / total);
  }
  return [...byId].map(([id, share]) => ({ id, share })).sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : 1));
}
