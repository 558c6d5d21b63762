/**
 * The `correlations:` list of assumptions.yaml: each entry validated (schema, then: known ids, not
 * itself, |ρ| ≤ 1, both sides uncertain, one declaration per pair, a source, and a reasoning for a
 * judgement), then the
 * whole set checked for positive semi-definiteness, because pairwise-plausible correlations can be
 * jointly impossible (a≈b, b≈c, a≈−c). Problems name the entries and their lines.
 */
import type { z } from "zod";
import type { ListItem } from "./read-file";
import * as msg from "../messages/assumptions";
import { cholesky } from "../util/linalg";
import { isRecord } from "../util/records";
import { plausibleName } from "../util/suggest";
import type { AssumptionProblem } from "./errors";
import { CorrelationEntrySchema, LegacyCorrelationEntrySchema } from "./schema";
import type { Assumption, AssumptionCorrelation, Correlation, SourcePosition } from "./types";

type Path = readonly (string | number)[];

export interface CorrelationParseContext {
  readonly assumptions: ReadonlyMap<string, Assumption>;
  /** Problem located at `path` inside the entry. */
  readonly at: (item: ListItem, path: Path, id: string | undefined, message: string) => AssumptionProblem;
  readonly position: (item: ListItem) => SourcePosition;
  readonly nearest: (id: string) => readonly string[];
  /** A published version's file, read by `diff` and publish: a correlation there may name no source. */
  readonly legacy?: boolean;
}

export function parseCorrelations(items: readonly ListItem[], context: CorrelationParseContext): { correlations: Correlation[]; problems: AssumptionProblem[] } {
  const problems: AssumptionProblem[] = [];
  const correlations: Correlation[] = [];
  const firstLine = new Map<string, number>();
  items.forEach((item, index) => {
    const parsed = (context.legacy === true ? LegacyCorrelationEntrySchema : CorrelationEntrySchema).safeParse(item.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path as Path;
        problems.push(context.at(item, path, undefined, issueText(issue, index, item.value)));
      }
      return;
    }
    const { between, rho, kind, source, note } = parsed.data;
    const found = entryProblems(parsed.data, context).map(([path, message]) => context.at(item, path, undefined, message));
    const position = context.position(item);
    const key = [...between].sort().join("\u0000");
    const first = firstLine.get(key);
    if (found.length === 0 && first !== undefined) found.push(context.at(item, ["between"], undefined, msg.correlationDuplicate(between, first)));
    if (found.length > 0) {
      problems.push(...found);
      return;
    }
    firstLine.set(key, position.line);
    correlations.push(Object.freeze({ between: Object.freeze([between[0], between[1]] as const), rho, kind, ...(source === undefined ? {} : { source: Object.freeze({ ...source }) }), ...(note === undefined ? {} : { note }), position: Object.freeze(position) }));
  });
  if (problems.length === 0) problems.push(...psdProblems(correlations));
  return { correlations, problems };
}

function entryProblems(entry: { between: readonly [string, string]; rho: number; kind: string; source?: unknown; note?: string | undefined }, context: CorrelationParseContext): [Path, string][] {
  const { between, rho } = entry;
  const problems: [Path, string][] = [];
  between.forEach((id, side) => {
    const assumption = context.assumptions.get(id);
    if (assumption === undefined) problems.push([["between", side], msg.correlationUnknownId(between, id, context.nearest(id))]);
    else if (assumption.distribution === "fixed") problems.push([["between", side], msg.correlationFixed(between, id)]);
  });
  if (between[0] === between[1]) problems.push([["between"], msg.correlationSelf(between)]);
  if (!(Math.abs(rho) <= 1)) problems.push([["rho"], msg.correlationOutOfRange(between, rho)]);
  if (entry.kind === "judgement" && (entry.note ?? "").trim() === "") problems.push([["kind"], msg.correlationNeedsNote(between)]);
  return problems;
}

/** Not PSD → one problem at the first entry involved, naming every entry among the ids up to the failing one. */
function psdProblems(correlations: readonly Correlation[]): AssumptionProblem[] {
  const ids = [...new Set(correlations.flatMap((c) => c.between))];
  const matrix = ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : 0)));
  for (const { between, rho } of correlations) {
    const [i, j] = [ids.indexOf(between[0]), ids.indexOf(between[1])];
    (matrix[i] as number[])[j] = rho;
    (matrix[j] as number[])[i] = rho;
  }
  const result = cholesky(matrix);
  if (result.ok) return [];
  const involved = new Set(ids.slice(0, result.index + 1));
  const entries = correlations.filter((c) => involved.has(c.between[0]) && involved.has(c.between[1]));
  const first = entries[0] ?? correlations[0];
  if (first === undefined) return [];
  const text = msg.correlationsNotPsd(entries.map((c) => ({ between: c.between, rho: c.rho, line: c.position.line })));
  return [{ file: first.position.file, line: first.position.line, column: first.position.column, id: undefined, text }];
}

/** Each assumption with the correlations that name it (sorted by the other id), for the sampler and the cache. */
export function attachCorrelations(assumptions: readonly Assumption[], correlations: readonly Correlation[]): Assumption[] {
  const byId = new Map<string, AssumptionCorrelation[]>();
  for (const { between, rho } of correlations) {
    for (const [self, other] of [[between[0], between[1]], [between[1], between[0]]] as const) {
      const list = byId.get(self) ?? [];
      list.push(Object.freeze({ with: other, rho }));
      byId.set(self, list);
    }
  }
  return assumptions.map((a) => {
    const list = byId.get(a.id);
    if (list === undefined) return a;
    return Object.freeze({ ...a, correlations: Object.freeze(list.sort((x, y) => (x.with < y.with ? -1 : x.with > y.with ? 1 : 0))) });
  });
}

/** An issue of one correlation entry in the file's terms: zod's enum wording ("Invalid option: expected one of …") gives no word meant. */
function issueText(issue: z.core.$ZodIssue, index: number, value: unknown): string {
  const path = issue.path as Path;
  const given: unknown = isRecord(value) ? value.kind : undefined;
  // `kind: judgment`: the word meant, from the kinds a correlation takes (not an assumption's "essay").
  if (issue.code === "invalid_value" && path.length === 1 && path[0] === "kind" && typeof given === "string") {
    const kinds = issue.values.map(String);
    return msg.correlationUnknownKind(index, given, plausibleName(given, kinds), kinds);
  }
  // No source: what one is for either kind, as an assumption without one is told.
  if (issue.code === "invalid_type" && path.length === 1 && path[0] === "source" && isRecord(value) && value.source === undefined) {
    const between = Array.isArray(value.between) && value.between.length === 2 && value.between.every((id) => typeof id === "string") ? (value.between as string[]) : undefined;
    return msg.correlationMissingSource(index, between);
  }
  return msg.invalidCorrelation(index, path.join(".") || "entry", issue.message);
}
