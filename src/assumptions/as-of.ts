/**
 * The data cut-off: a version "as of" a date may only use what was published by then. A source (of an
 * assumption or a correlation) dated after the cut-off is an error located at its entry, so the fix
 * is either a later `asOf` in report.yaml or an earlier source.
 */
import * as msg from "../messages/assumptions";
import type { AssumptionProblem } from "./errors";
import type { Assumption, Correlation } from "./types";

export function sourcesAfterAsOf(assumptions: readonly Assumption[], correlations: readonly Correlation[], asOf: string): AssumptionProblem[] {
  const problems: AssumptionProblem[] = [];
  for (const a of assumptions) {
    if (a.source.date > asOf) problems.push({ ...a.position, id: a.id, text: msg.sourceAfterAsOf(a.id, a.source.date, asOf) });
  }
  for (const c of correlations) {
    if (c.source !== undefined && c.source.date > asOf) {
      problems.push({ ...c.position, id: undefined, text: msg.correlationSourceAfterAsOf(c.between, c.source.date, asOf) });
    }
  }
  return problems;
}

/**
 * The date of the latest external source among the inputs (kind `source`; the essay's own figures and
 * the analysts' judgements are dated too, but are not data): how recent the inputs are, which the
 * cut-off only bounds. The report's summary counts the same inputs. Undefined when none is external.
 */
export function latestSourceDate(assumptions: readonly Pick<Assumption, "kind" | "source">[]): string | undefined {
  return assumptions.filter((a) => a.kind === "source").reduce<string | undefined>((latest, a) => (latest === undefined || a.source.date > latest ? a.source.date : latest), undefined);
}
