/**
 * The `totals:` list of assumptions.yaml: point values that must add up to a given sum (the essay's
 * three scenario probabilities total 1). Checked when the file is read, and again on a what-if's
 * overrides, so `--set` of one probability is refused up front (exit 2), naming the others to set,
 * instead of failing inside the model in every chapter that reads them.
 */
import type { ListItem } from "./read-file";
import * as msg from "../messages/assumptions";
import type { AssumptionProblem } from "./errors";
import { TotalEntrySchema } from "./schema";
import type { Assumption, SourcePosition, Total } from "./types";
import { totalProblem } from "./total-check";

export interface TotalParseContext {
  readonly assumptions: ReadonlyMap<string, Assumption>;
  readonly at: (item: ListItem, path: readonly (string | number)[], message: string) => AssumptionProblem;
  readonly position: (item: ListItem) => SourcePosition;
  readonly nearest: (id: string) => readonly string[];
}

export function parseTotals(items: readonly ListItem[], context: TotalParseContext): { totals: Total[]; problems: AssumptionProblem[] } {
  const totals: Total[] = [];
  const problems: AssumptionProblem[] = [];
  items.forEach((item, index) => {
    const parsed = TotalEntrySchema.safeParse(item.value);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => context.at(item, issue.path as (string | number)[], msg.invalidTotal(index, issue.path.join(".") || "entry", issue.message))));
      return;
    }
    const { of, equals, note } = parsed.data;
    const repeated = of.findIndex((id, i) => of.indexOf(id) !== i);
    if (repeated >= 0) {
      problems.push(context.at(item, ["of", repeated], msg.totalRepeats(of, of[repeated] ?? "")));
      return;
    }
    const unknown = of.findIndex((id) => !context.assumptions.has(id));
    if (unknown >= 0) {
      const id = of[unknown] ?? "";
      problems.push(context.at(item, ["of", unknown], msg.totalUnknownId(of, id, context.nearest(id))));
      return;
    }
    const total: Total = Object.freeze({ of: Object.freeze([...of]), equals, ...(note === undefined ? {} : { note }), position: Object.freeze(context.position(item)) });
    const problem = totalProblem(total, (id) => context.assumptions.get(id));
    if (problem !== undefined) problems.push(context.at(item, [], problem));
    else totals.push(total);
  });
  return { totals, problems };
}
