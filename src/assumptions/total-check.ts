/**
 * Whether a declared total holds (totals.ts reads them from the file). Pure and free of the parser,
 * so the registry can check a what-if's overrides against it on a build that parsed nothing.
 */
import * as msg from "../messages/assumptions";
import type { Assumption, Total } from "./types";

/** Close enough to the declared sum: what decimal values like 0.6 + 0.25 + 0.15 reach in binary. */
const TOLERANCE = 1e-9;

/** Why the members of `total` (as `get` gives them) do not add up to it; undefined when they do. */
export function totalProblem(total: Total, get: (id: string) => Assumption | undefined): string | undefined {
  const members = total.of.map((id) => ({ id, assumption: get(id) }));
  const ranged = members.find((m) => m.assumption?.value === undefined);
  if (ranged !== undefined) return msg.totalNeedsValues(total.of, ranged.id);
  const values = members.map((m) => ({ id: m.id, value: m.assumption?.value ?? Number.NaN }));
  const sum = values.reduce((acc, m) => acc + m.value, 0);
  return Math.abs(sum - total.equals) <= TOLERANCE * Math.max(1, Math.abs(total.equals)) ? undefined : msg.totalMismatch(values, sum, total.equals);
}
