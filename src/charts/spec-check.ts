/**
 * A chart spec against vega-lite's JSON schema, as one text: every sure misspelling (a word the schema
 * knows nowhere), each at its place in the cell when it is written there; else the most useful
 * problem, with a count of the rest (mostly the other forms the schema allows: ajv's anyOf branches).
 * One home for the build's check (render.ts, which fails a chart on a sure misspelling) and
 * `fragtax run`'s (report/chart-outputs.ts), which has no renderer to load. A spec the project's chart
 * cache remembers as valid (cache.ts `validSpecKey`) loads no validator.
 */
import * as messages from "../messages/charts";
import { visibleInOneLine } from "../format/control";
import { knownValid, rememberValid, validSpecKey } from "./cache";
import type { Locate } from "./fields";
import { schemaProblems, type SpecProblem } from "./schema";

export interface SpecCheck {
  /** The text of the problems shown (empty when valid). */
  readonly text: string;
  /** Whether one of them is a sure misspelling: the build fails the chart. */
  readonly fatal: boolean;
}

export async function checkSpec(spec: unknown, where: string, locate: Locate | undefined): Promise<SpecCheck> {
  const validKey = validSpecKey(spec);
  const known = await knownValid(validKey);
  const problems = known ? [] : await schemaProblems(spec);
  if (!known && problems.length === 0) await rememberValid(validKey);
  const sure = problems.filter((problem) => problem.fatal);
  const shown = sure.length > 0 ? sure : problems.slice(0, 1);
  const placeOf = (problem: SpecProblem): string => (problem.word === undefined ? undefined : locate?.(problem.word.text, { key: problem.word.key })) ?? where;
  const rest = problems.length - shown.length;
  const text = shown.length === 0 ? "" : shown.map((problem) => messages.chartSpecProblem(placeOf(problem), visibleInOneLine(problem.path), visibleInOneLine(problem.problem), problem.suggestion)).join("\n") + (rest > 0 ? messages.chartMoreProblems(rest) : "");
  return { text, fatal: sure.length > 0 };
}
