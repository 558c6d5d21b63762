/**
 * Reads `assumptions.yaml` into an `AssumptionRegistry`.
 *
 *   1. read the YAML: quickly (quick-read.ts) and, for a file that reading does not take or with a
 *      problem, again with `yaml` (yaml-read.ts), whose nodes locate every problem
 *   2. check the top level: a mapping with only an `assumptions:` list
 *   3. per entry: structure (zod schema), then field relations (rules.ts)
 *   4. duplicate ids
 *   5. build frozen `Assumption`s positioned at their entry
 *   6. the optional `correlations:` list (correlations.ts), attached to the assumptions they name
 *
 * All problems are collected and thrown together as one `AssumptionError`; nothing half-loads.
 */
import type { z } from "zod";
import * as msg from "../messages/assumptions";
import { readFailure } from "../messages/fs";
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
  KINDS,
  LegacyAssumptionEntrySchema,
  RangeSchema,
  SourceSchema,
  TOP_LEVEL_KEYS,
} from "./schema";
import type { AssumptionEntry } from "./schema";
import type { Assumption, SourcePosition } from "./types";
import { nearestName, plausibleName } from "../util/suggest";
import { isRecord } from "../util/records";
import type { LineColumn } from "../util/text-position";
import { readQuickly } from "./quick-read";
import { isList, type ListItem, type Path, type ReadFile } from "./read-file";
import { readWithYaml } from "./yaml-read";
import { notYamlText } from "../util/yaml-syntax";
import { yamlFileNotText } from "../messages/yaml";
import { InputFileNotUtf8Error, NotARegularFileError, readInputText } from "../util/plain-file";
import { irregularFile } from "../messages/fs";

export interface ParseOptions {
  /**
   * Read a version published before `kind` existed, or before a correlation had to name its source
   * (diff, "What changed"): a missing `kind`, and a correlation's missing `source`, are allowed.
   * Builds never set this.
   */
  readonly legacy?: boolean;
}

/** Parses and validates the text of an assumptions file; `fileName` is used in positions and errors. */
export function parseAssumptions(text: string, fileName: string, options: ParseOptions = {}): AssumptionRegistry {
  // Before the YAML parser, which would take minutes and all the memory on a file this size.
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024) fail({ file: fileName, line: 1, column: 1, id: undefined, text: msg.assumptionsFileTooLarge(bytes / (1024 * 1024), MAX_ASSUMPTIONS_FILE_MB) });
  const notText = notYamlText(text);
  if (notText !== undefined) fail({ file: fileName, line: 1, column: 1, id: undefined, text: yamlFileNotText(fileName, notText, 'the assumptions (an "assumptions:" list)') });
  const legacy = options.legacy === true;
  const quick = readQuickly(text);
  const quickly = quick === undefined ? undefined : validate(quick, fileName, legacy);
  if (quickly instanceof AssumptionRegistry) return quickly;
  // Not a file the quick reading takes, or one with problems: read with `yaml`, whose nodes locate each.
  const read = validate(readWithYaml(text, fileName), fileName, legacy);
  if (read instanceof AssumptionRegistry) return read;
  return fail(...read);
}

/** The registry a read file holds, or every problem found in it (at least one). */
function validate(file: ReadFile, fileName: string, legacy: boolean): AssumptionRegistry | [AssumptionProblem, ...AssumptionProblem[]] {
  const entrySchema = legacy ? LegacyAssumptionEntrySchema : AssumptionEntrySchema;
  const problem = (where: LineColumn, id: string | undefined, message: string): AssumptionProblem => ({ file: fileName, line: where.line, column: where.column, id, text: message });
  if (file.keys === undefined) return [problem(file.rootAt, undefined, msg.notAnAssumptionsFile())];
  const topProblems = file.keys
    .filter((key) => !TOP_LEVEL_KEYS.includes(key.name))
    .map((key) => problem(key.at, undefined, msg.unknownTopLevelKey(key.name, TOP_LEVEL_KEYS, plausibleName(key.name, TOP_LEVEL_KEYS))));
  const list = file.list("assumptions");
  // `assumption:` for `assumptions:`: the misspelt key says it all; "expected an assumptions: list" only repeated it.
  const misspelt = list === undefined && file.keys.some((key) => plausibleName(key.name, TOP_LEVEL_KEYS) === "assumptions");
  if (!isList(list)) return misspelt && topProblems.length > 0 ? (topProblems as [AssumptionProblem, ...AssumptionProblem[]]) : [problem(list === undefined ? file.rootAt : list.notAList, undefined, msg.notAnAssumptionsFile()), ...topProblems];

  const problems: AssumptionProblem[] = [...topProblems];
  const assumptions: Assumption[] = [];
  const firstLineOf = new Map<string, number>();
  for (const item of list) {
    const raw = item.value;
    const rawId = isRecord(raw) && typeof raw.id === "string" ? raw.id : undefined;
    const at = (path: Path, message: string, pointAtKey = false): AssumptionProblem => problem(item.at(path, pointAtKey), rawId, message);
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(
        ...withoutExplained(parsed.error.issues).map((issue) =>
          at(issuePath(issue), issueMessage(issue, raw, rawId), issue.code === "unrecognized_keys"),
        ),
      );
      // A misspelt kind hid what the kind meant asks for: "judgment" without a note took a second round.
      const meant = isRecord(raw) && typeof raw.kind === "string" && !(KINDS as readonly string[]).includes(raw.kind) ? plausibleName(raw.kind, KINDS) : undefined;
      if (isRecord(raw) && meant !== undefined) problems.push(...kindProblems({ id: rawId ?? "", kind: meant, note: typeof raw.note === "string" ? raw.note : undefined }).map((p) => at(p.path, p.message)));
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
    const { line, column } = item.at([]);
    const firstLine = firstLineOf.get(parsed.data.id);
    if (firstLine !== undefined) {
      problems.push(at(["id"], msg.duplicateId(parsed.data.id, firstLine)));
      continue;
    }
    firstLineOf.set(parsed.data.id, line);
    assumptions.push(toAssumption(parsed.data, { file: fileName, line, column }));
  }
  if (isProblems(problems)) return problems;

  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const registryForNames = new AssumptionRegistry(assumptions, fileName);
  const context = {
    assumptions: byId,
    position: (item: ListItem): SourcePosition => ({ file: fileName, ...item.at([]) }),
    nearest: (id: string): readonly string[] => registryForNames.nearestIds(id),
  };
  const listAt = (key: string, notAList: string): { items: readonly ListItem[] } | { problem: AssumptionProblem } => {
    const items = file.list(key);
    if (items === undefined) return { items: [] };
    return isList(items) ? { items } : { problem: problem(items.notAList, undefined, notAList) };
  };

  const correlationItems = listAt("correlations", msg.invalidCorrelation(0, "correlations", "expected a list"));
  if ("problem" in correlationItems) return [correlationItems.problem];
  const { correlations, problems: correlationProblems } = parseCorrelations(correlationItems.items, {
    ...context,
    legacy,
    at: (item, path, id, message) => problem(item.at(path), id, message),
  });
  if (isProblems(correlationProblems)) return correlationProblems;
  const totalItems = listAt("totals", msg.invalidTotal(0, "totals", "expected a list"));
  if ("problem" in totalItems) return [totalItems.problem];
  const { totals, problems: totalProblems } = parseTotals(totalItems.items, {
    ...context,
    at: (item, path, message) => problem(item.at(path), undefined, message),
  });
  if (isProblems(totalProblems)) return totalProblems;
  return new AssumptionRegistry(attachCorrelations(assumptions, correlations), fileName, correlations, totals);
}

function isProblems(problems: AssumptionProblem[]): problems is [AssumptionProblem, ...AssumptionProblem[]] {
  return problems.length > 0;
}

/** Reads and parses an assumptions file. A missing or unreadable file is an `AssumptionError` at 1:1. */
export async function loadAssumptionsFile(path: string, name = path): Promise<AssumptionRegistry> {
  let text: string;
  try {
    text = await readInputText(path);
  } catch (error) {
    // The message leads with the file's name and place: a pipe's refusal does not name it again.
    if (error instanceof InputFileNotUtf8Error) throw new AssumptionError([{ file: name, line: error.line, column: error.column, id: undefined, text: error.detail }]);
    const text = error instanceof NotARegularFileError ? `the assumptions file ${irregularFile(error.kind)}` : msg.cannotReadAssumptions(name, readFailure(error));
    throw new AssumptionError([{ file: name, line: 1, column: 1, id: undefined, text }]);
  }
  return parseAssumptions(text, name);
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
    const glued = issue.keys.flatMap((key) => gluedKey(key, known) ?? []);
    if (glued[0]?.written === given) return msg.keyWithoutSpace(id, given, glued.map(({ key, value }) => `${key}: ${value}`));
    return msg.unknownField(id, given, nearestName(given, known), known);
  }
  if (last === "kind" && valueAt(raw, path) === undefined) return msg.missingKind(id);
  if (issue.code === "invalid_value" && last === "distribution") {
    const given = String(valueAt(raw, path));
    return msg.unknownDistribution(id, given, plausibleName(given, DISTRIBUTIONS), DISTRIBUTIONS);
  }
  // `kind: sourced`: the word meant, from the kinds there are.
  if (issue.code === "invalid_value" && last === "kind") {
    const kinds = issue.values.map(String);
    return msg.unknownKind(id, String(valueAt(raw, path)), plausibleName(String(valueAt(raw, path)), kinds), kinds);
  }
  // `range: 0.06..0.12` (as `--set` takes it) or `range: [0.06, 0.12]`: the mapping it is written as.
  const bounds = last === "range" && issue.code === "invalid_type" ? boundsOf(valueAt(raw, path)) : undefined;
  if (bounds !== undefined) return msg.rangeAsMapping(id, bounds.low, bounds.high);
  // `high: 15k`, `value: $2.50`: a number is written as digits alone (the unit is the entry's "unit").
  const given = valueAt(raw, path);
  if (issue.code === "invalid_type" && issue.expected === "number" && typeof given === "string") return msg.notANumber(id, field, given);
  // `label:` (YAML's null), `unit: [USD]`: zod's "expected string, received null" said nothing of YAML.
  // `date: 20260101`: digits YAML reads as a number; the date's own message says what to write.
  if (issue.code === "invalid_type" && last === "date" && given !== undefined && given !== null) return msg.invalidField(id, field, "expected a date YYYY-MM-DD");
  if (issue.code === "invalid_type" && issue.expected === "string" && given !== undefined && last !== "date") {
    const what = given === null ? "nothing" : Array.isArray(given) ? "a list" : typeof given === "object" ? "a mapping" : typeof given === "number" ? "a number" : typeof given === "boolean" ? "true or false" : undefined;
    if (what !== undefined) return msg.notText(id, field, what);
  }
  // `range: 0.08`: one figure, which is a point value.
  const one = last === "range" && issue.code === "invalid_type" ? valueAt(raw, path) : undefined;
  if (typeof one === "number") return msg.rangeOneNumber(id, String(one));
  if (issue.code === "invalid_type" && valueAt(raw, path) === undefined) {
    if (path.length === 0) return msg.invalidField(id, "entry", "expected a mapping of fields");
    if (last === "source") return msg.missingSource(id);
    if (last === "id") return msg.missingId();
    return msg.missingField(id, field);
  }
  if (last === "id" && issue.code === "invalid_format") return msg.badId(String(valueAt(raw, path)));
  return msg.invalidField(id, field || "entry", issue.message);
}

/**
 * `{ low:0.06, high:0.12 }`: YAML reads "low:0.06" as one key (a key's colon needs a space after it).
 * The known field it starts with and the value after the colon, or undefined.
 */
function gluedKey(written: string, known: readonly string[]): { written: string; key: string; value: string } | undefined {
  const parts = /^([A-Za-z_][\w-]*):(\S.*)$/.exec(written);
  return parts?.[1] !== undefined && parts[2] !== undefined && known.includes(parts[1]) ? { written, key: parts[1], value: parts[2] } : undefined;
}

/** The issues less the fields said to be missing that a glued key ("low:0.06") holds: that key's message says it. */
function withoutExplained(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const held = new Set(
    issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.flatMap((key) => {
            const glued = gluedKey(key, FIELDS_AT[issue.path.join(".")] ?? []);
            return glued === undefined ? [] : [[...issue.path, glued.key].join(".")];
          })
        : [],
    ),
  );
  return issues.filter((issue) => !(issue.code === "invalid_type" && issue.input === undefined && held.has(issue.path.join("."))));
}

/** The two ends of a range written as text ("0.06..0.12", "0.06 to 0.12", "0.06–0.12", "0.06-0.12") or as a list of two numbers. */
function boundsOf(value: unknown): { low: string; high: string } | undefined {
  if (Array.isArray(value) && value.length === 2 && value.every((end) => typeof end === "number")) return { low: String(value[0]), high: String(value[1]) };
  const number = String.raw`[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
  const ends = typeof value === "string" ? new RegExp(`^\\s*(${number})\\s*(?:\\.\\.|–|—|-|\\s+to\\s+)\\s*(${number})\\s*$`, "i").exec(value) : null;
  return ends?.[1] === undefined || ends[2] === undefined ? undefined : { low: ends[1], high: ends[2] };
}

function valueAt(raw: unknown, path: Path): unknown {
  let current = raw;
  for (const segment of path) {
    if (!isRecord(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

