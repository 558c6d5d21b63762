/**
 * Reads `assumptions.yaml` into an `AssumptionRegistry`.
 *
 *   1. parse YAML, keeping node ranges (a `LineCounter` turns offsets into line/column)
 *   2. check the top level: a mapping with only an `assumptions:` list
 *   3. per entry: structure (zod schema), then field relations (rules.ts)
 *   4. duplicate ids
 *   5. build frozen `Assumption`s positioned at their entry
 *   6. the optional `correlations:` list (correlations.ts), attached to the assumptions they name
 *
 * All problems are collected and thrown together as one `AssumptionError`; nothing half-loads.
 */
import { readFile } from "node:fs/promises";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node, YAMLMap } from "yaml";
import type { z } from "zod";
import * as msg from "../messages/assumptions";
import { MAX_ASSUMPTIONS_FILE_MB } from "../util/limits";
import { AssumptionError } from "./errors";
import type { AssumptionProblem } from "./errors";
import { attachCorrelations, parseCorrelations } from "./correlations";
import { parseTotals } from "./totals";
import { AssumptionRegistry } from "./registry";
import { kindProblems, resolvedDistribution, supportProblems, tailProblems, valueProblems } from "./rules";
import {
  AssumptionEntrySchema,
  DISTRIBUTIONS,
  ENTRY_FIELDS,
  LegacyAssumptionEntrySchema,
  RangeSchema,
  SourceSchema,
  TOP_LEVEL_KEYS,
} from "./schema";
import type { AssumptionEntry } from "./schema";
import type { Assumption, SourcePosition } from "./types";
import { nearestName } from "../util/suggest";
import { isRecord } from "../util/records";

type Path = readonly (string | number)[];

export interface ParseOptions {
  /**
   * Read a version published before `kind` existed (diff, "What changed"): a missing `kind` is allowed.
   * Builds never set this.
   */
  readonly legacy?: boolean;
}

/** Parses and validates the text of an assumptions file; `fileName` is used in positions and errors. */
export function parseAssumptions(text: string, fileName: string, options: ParseOptions = {}): AssumptionRegistry {
  // Before the YAML parser, which would take minutes and all the memory on a file this size.
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024) fail({ file: fileName, line: 1, column: 1, id: undefined, text: msg.assumptionsFileTooLarge(bytes / (1024 * 1024), MAX_ASSUMPTIONS_FILE_MB) });
  const entrySchema = options.legacy === true ? LegacyAssumptionEntrySchema : AssumptionEntrySchema;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const problem = (node: Node | null | undefined, id: string | undefined, message: string): AssumptionProblem => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return { file: fileName, line, column: col, id, text: message };
  };

  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const { line, col } = yamlError.linePos?.[0] ?? { line: 1, col: 1 };
    const detail = (yamlError.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    const nearId = idAtOrAbove(text, line);
    fail({ file: fileName, line, column: col, id: nearId, text: msg.malformedYaml(detail, nearId) });
  }

  const root = doc.contents;
  if (!isMap(root)) fail(problem(root, undefined, msg.notAnAssumptionsFile()));
  const topProblems = root.items
    .filter((pair) => !TOP_LEVEL_KEYS.includes(keyText(pair.key)))
    .map((pair) => problem(pair.key as Node, undefined, msg.unknownTopLevelKey(keyText(pair.key), TOP_LEVEL_KEYS)));
  const list = root.get("assumptions", true);
  if (!isSeq(list)) fail(problem(list ?? root, undefined, msg.notAnAssumptionsFile()), ...topProblems);

  const problems: AssumptionProblem[] = [...topProblems];
  const assumptions: Assumption[] = [];
  const firstLineOf = new Map<string, number>();
  for (const item of list.items) {
    const node = item as Node;
    const raw: unknown = node.toJSON();
    const rawId = isRecord(raw) && typeof raw.id === "string" ? raw.id : undefined;
    const at = (path: Path, message: string, pointAtKey = false): AssumptionProblem =>
      problem(nodeAt(node, path, pointAtKey), rawId, message);
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) =>
          at(issuePath(issue), issueMessage(issue, raw, rawId), issue.code === "unrecognized_keys"),
        ),
      );
      continue;
    }
    const shapeProblems = valueProblems(parsed.data);
    // Bounds are checked only on a well-formed entry, so one mistake is not reported twice.
    const resolved = { ...parsed.data, distribution: resolvedDistribution(parsed.data) };
    const outside = shapeProblems.length > 0 ? [] : supportProblems(resolved);
    const boundProblems = outside.length > 0 || shapeProblems.length > 0 ? outside : tailProblems(resolved);
    const relationProblems = [...shapeProblems, ...boundProblems, ...kindProblems(parsed.data)];
    if (relationProblems.length > 0) {
      problems.push(...relationProblems.map((p) => at(p.path, p.message)));
      continue;
    }
    const { line, column } = at([], "");
    const firstLine = firstLineOf.get(parsed.data.id);
    if (firstLine !== undefined) {
      problems.push(at(["id"], msg.duplicateId(parsed.data.id, firstLine)));
      continue;
    }
    firstLineOf.set(parsed.data.id, line);
    assumptions.push(toAssumption(parsed.data, { file: fileName, line, column }));
  }
  throwAll(problems);

  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const registryForNames = new AssumptionRegistry(assumptions, fileName);
  const position = (node: Node): SourcePosition => {
    const { line, col } = lines.linePos(node.range?.[0] ?? 0);
    return { file: fileName, line, column: col };
  };
  const nearest = (id: string): readonly string[] => registryForNames.nearestIds(id);
  const listAt = (key: string, notAList: string): readonly unknown[] => {
    const list = root.get(key, true);
    if (list === undefined || list === null) return [];
    if (!isSeq(list)) fail(problem(list as Node, undefined, notAList));
    return list.items;
  };

  const { correlations, problems: correlationProblems } = parseCorrelations(listAt("correlations", msg.invalidCorrelation(0, "correlations", "expected a list")), {
    assumptions: byId,
    at: (node, path, id, message) => problem(nodeAt(node, path), id, message),
    position,
    nearest,
  });
  throwAll(correlationProblems);
  const { totals, problems: totalProblems } = parseTotals(listAt("totals", msg.invalidTotal(0, "totals", "expected a list")), {
    assumptions: byId,
    at: (node, path, message) => problem(nodeAt(node, path), undefined, message),
    position,
    nearest,
  });
  throwAll(totalProblems);
  return new AssumptionRegistry(attachCorrelations(assumptions, correlations), fileName, correlations, totals);
}

/** Reads and parses an assumptions file. A missing or unreadable file is an `AssumptionError` at 1:1. */
export async function loadAssumptionsFile(path: string, name = path): Promise<AssumptionRegistry> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AssumptionError([{ file: name, line: 1, column: 1, id: undefined, text: msg.cannotReadAssumptions(name, reason) }]);
  }
  return parseAssumptions(text, name);
}

function throwAll(problems: readonly AssumptionProblem[]): void {
  const [first, ...rest] = problems;
  if (first !== undefined) fail(first, ...rest);
}

function fail(...problems: [AssumptionProblem, ...AssumptionProblem[]]): never {
  const [first, ...rest] = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  throw new AssumptionError([first ?? problems[0], ...rest]);
}

function toAssumption(entry: AssumptionEntry, position: Assumption["position"]): Assumption {
  const { title, url, date } = entry.source;
  const source = Object.freeze({ title, ...(url === undefined ? {} : { url }), date });
  return Object.freeze({
    id: entry.id,
    label: entry.label,
    unit: entry.unit,
    ...(entry.value === undefined ? {} : { value: entry.value }),
    ...(entry.range === undefined ? {} : { range: Object.freeze({ low: entry.range.low, high: entry.range.high }) }),
    ...(entry.mode === undefined ? {} : { mode: entry.mode }),
    distribution: resolvedDistribution(entry),
    ...(entry.kind === undefined ? {} : { kind: entry.kind }),
    source,
    ...(entry.note === undefined ? {} : { note: entry.note }),
    ...(entry.support === undefined ? {} : { support: Object.freeze({ ...entry.support }) }),
    position: Object.freeze(position),
  });
}

/** The path to point at: for an unknown field, the field itself rather than its parent. */
function issuePath(issue: z.core.$ZodIssue): Path {
  const path = issue.path as Path;
  return issue.code === "unrecognized_keys" && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
}

const FIELDS_AT: Readonly<Record<string, readonly string[]>> = {
  "": ENTRY_FIELDS,
  range: Object.keys(RangeSchema.shape),
  source: Object.keys(SourceSchema.shape),
};

function issueMessage(issue: z.core.$ZodIssue, raw: unknown, id: string | undefined): string {
  const path = issue.path as Path;
  const field = path.join(".");
  const last = path[path.length - 1];
  if (issue.code === "unrecognized_keys") {
    const known = FIELDS_AT[field] ?? [];
    const given = issue.keys[0] ?? "";
    return msg.unknownField(id, given, nearestName(given, known), known);
  }
  if (last === "kind" && valueAt(raw, path) === undefined) return msg.missingKind(id);
  if (issue.code === "invalid_value" && last === "distribution") {
    return msg.unknownDistribution(id, String(valueAt(raw, path)), DISTRIBUTIONS);
  }
  if (issue.code === "invalid_type" && valueAt(raw, path) === undefined) {
    if (path.length === 0) return msg.invalidField(id, "entry", "expected a mapping of fields");
    if (last === "source") return msg.missingSource(id);
    if (last === "id") return msg.missingId();
    return msg.missingField(id, field);
  }
  if (last === "id" && issue.code === "invalid_format") return msg.badId(String(valueAt(raw, path)));
  return msg.invalidField(id, field || "entry", issue.message);
}

/** The YAML node at `path` inside `node`, or the deepest existing ancestor (or key) when absent. */
function nodeAt(node: Node, path: Path, pointAtKey = false): Node {
  let current: Node = node;
  for (const [index, segment] of path.entries()) {
    if (isSeq(current) && typeof segment === "number") {
      const item = current.items[segment] as Node | undefined;
      if (item?.range === undefined || item.range === null) return current;
      current = item;
      continue;
    }
    if (!isMap(current)) return current;
    const pair = (current as YAMLMap).items.find((p) => isPair(p) && keyText(p.key) === String(segment));
    if (pair === undefined) return current;
    if (pointAtKey && index === path.length - 1) return pair.key as Node;
    const next = pair.value as Node | null;
    if (next === null || next.range === undefined || next.range === null) return pair.key as Node;
    current = next;
  }
  return current;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function valueAt(raw: unknown, path: Path): unknown {
  let current = raw;
  for (const segment of path) {
    if (!isRecord(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** For a YAML syntax error: the id of the entry the error sits in (the nearest `id:` at or above it). */
function idAtOrAbove(text: string, line: number): string | undefined {
  const lines = text.split(/\r?\n/).slice(0, line);
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = /^\s*(?:-\s+)?id:\s*["']?([A-Za-z0-9_]+)/.exec(lines[index] ?? "");
    if (match !== null) return match[1];
  }
  return undefined;
}
