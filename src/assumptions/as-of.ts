/**
 * The data cut-off: a version "as of" a date may only use what was published by then. A source (of an
 * assumption or a correlation) dated after the cut-off is an error located at its `date:` (at its entry
 * when the file's text is not given), so the fix is either a later `asOf` in report.yaml or an earlier source.
 */
import * as msg from "../messages/assumptions";
import type { AssumptionProblem } from "./errors";
import type { Assumption, Correlation } from "./types";

export function sourcesAfterAsOf(assumptions: readonly Assumption[], correlations: readonly Correlation[], asOf: string, text?: string): AssumptionProblem[] {
  const problems: AssumptionProblem[] = [];
  const lines = text?.split("\n");
  for (const a of assumptions) {
    if (a.source.date > asOf) problems.push({ ...a.position, ...dateAt(lines, a.position.line, a.source.date), id: a.id, text: msg.sourceAfterAsOf(a.id, a.source.date, asOf) });
  }
  for (const c of correlations) {
    if (c.source !== undefined && c.source.date > asOf) {
      problems.push({ ...c.position, ...dateAt(lines, c.position.line, c.source.date), id: undefined, text: msg.correlationSourceAfterAsOf(c.between, c.source.date, asOf) });
    }
  }
  return problems;
}

/**
 * Where the entry starting at `line` (1-based) writes its source's `date:` as `date`, when the file's
 * lines are given: the date to edit, rather than the entry's first line. Searched up to the next entry
 * of the list; nothing when it is not found there (the entry's own place then stands).
 */
function dateAt(lines: readonly string[] | undefined, line: number, date: string): { line: number; column: number } | Record<string, never> {
  if (lines === undefined) return {};
  const indent = /^\s*/.exec(lines[line - 1] ?? "")?.[0].length ?? 0;
  for (let index = line - 1; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (index > line - 1 && /^\s*- /.test(text) && (/^\s*/.exec(text)?.[0].length ?? 0) <= indent) break;
    const found = new RegExp(`\\bdate:\\s*["']?(${date})\\b`).exec(text);
    if (found?.[1] !== undefined) return { line: index + 1, column: found.index + found[0].length - found[1].length + 1 };
  }
  return {};
}

/**
 * The date of the latest external source among the inputs (kind `source`; the essay's own figures and
 * the analysts' judgements are dated too, but are not data): how recent the inputs are, which the
 * cut-off only bounds. The report's summary counts the same inputs. Undefined when none is external.
 */
export function latestSourceDate(assumptions: readonly Pick<Assumption, "kind" | "source">[]): string | undefined {
  return assumptions.filter((a) => a.kind === "source").reduce<string | undefined>((latest, a) => (latest === undefined || a.source.date > latest ? a.source.date : latest), undefined);
}
