/**
 * A what-if overrides file (`--assumptions FILE`), read with the YAML parser: in a file of its own so
 * a build without one never loads the parser (what-if flags are in overrides.ts).
 */
import { isDeepStrictEqual } from "node:util";
import { LineCounter, isAlias, isMap, isNode, isPair, isScalar, isSeq } from "yaml";
import type { Document, Node as YamlNode, YAMLMap, YAMLSeq } from "yaml";
import * as messages from "../../messages/whatif";
import { at as placeAt } from "../../messages/location";
import { checkKnown, collectProblems, overridePlaces, parseOverrideValue, WhatIfError, type AssumptionOverride } from "./overrides";
import { assumptionsFileTooLarge } from "../../messages/assumptions";
import { MAX_ASSUMPTIONS_FILE_MB } from "../../util/limits";
import { isRecord } from "../../util/records";
import { MAX_ALIAS_VALUES, parseYamlDocument, plainYaml, yamlSyntaxProblem } from "../../util/yaml-syntax";

/** The assumptions file the build read (its text, and its name as the build shows it): what a copy of it is compared with. */
export interface OriginalAssumptions {
  readonly text: string;
  readonly name: string;
}

/**
 * An overrides file. Either a map (`id: 2.5`, `id: 2..3`, `id: { low: 2, high: 3 }`) or the
 * assumptions-file shape (`assumptions: [{ id, value | range }]`), so a copy of the real file,
 * edited, works as a what-if too: its entries whose value or range differ from `original`'s are the
 * overrides. Anything a what-if would not apply (a distribution, a source, a correlation, a total
 * edited in the copy; a field it does not know) is refused where it stands, never dropped unsaid.
 */
export function parseOverridesFile(text: string, fileName: string, known: readonly string[], original?: OriginalAssumptions): AssumptionOverride[] {
  const problems: string[] = [];
  const overrides = readOverridesFile(text, fileName, known, problems, original);
  if (problems.length > 0) throw new WhatIfError(problems.join("\n"));
  return overrides;
}

/**
 * The file's overrides that could be read; each entry's problem is added to `problems` (a located
 * line), so the overrides that could be read are still checked against their assumptions and every
 * mistake is said in one attempt. A problem of the whole file (its syntax, its shape) throws.
 */
export function readOverridesFile(text: string, fileName: string, known: readonly string[], problems: string[], original?: OriginalAssumptions): AssumptionOverride[] {
  // Before the YAML parser, as for the assumptions file itself (util/limits.ts).
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024) throw new WhatIfError(`${placeAt({ file: fileName, line: 1, column: 1 })}: ${assumptionsFileTooLarge(bytes / (1024 * 1024), MAX_ASSUMPTIONS_FILE_MB)}`);
  const lineCounter = new LineCounter();
  const document = parseYamlDocument(text, { lineCounter });
  const at = (node: YamlNode | null | undefined): string => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return placeAt({ file: fileName, line, column: col });
  };
  const error = document.errors[0];
  const plain = error === undefined ? plainYaml(document, text) : { problem: yamlSyntaxProblem(text, error) };
  if ("problem" in plain) {
    const { line, column, detail } = plain.problem;
    throw new WhatIfError(messages.unreadableOverridesFile(placeAt({ file: fileName, line, column }), detail));
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) throw new WhatIfError(messages.unreadableOverridesFile(placeAt({ file: fileName, line: 1, column: 1 }), messages.overridesFileEmpty()));
  const list = isMap(root) ? root.get("assumptions", true) : undefined;
  if (isMap(root) && isSeq(list)) return fromAssumptionsShape(document, root, list, known, at, original && readOriginal(original), problems);
  // `assumptions:` that is no list: the assumptions-file shape, half written (not an id named "assumptions").
  if (isMap(root) && root.has("assumptions")) throw new WhatIfError(messages.unreadableOverridesFile(at((list as YamlNode | null) ?? root), messages.overridesNotAList()));
  if (!isMap(root)) throw new WhatIfError(messages.unreadableOverridesFile(at(root), "expected a map of id: value"));
  return eachEntry(root.items, problems, (pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const where = at(pair.key as YamlNode);
    checkKnown(key, known, where);
    return [placed(overrideFromYaml(key, resolved(document, pair.value) as YamlNode, where, at), at(pair.value as YamlNode))];
  });
}

/** Each entry read on its own (`collectProblems`): a file with three mistakes says all three, in the file's order. */
function eachEntry<T, R>(items: readonly T[], problems: string[], read: (item: T) => readonly R[]): R[] {
  return items.flatMap((item) => collectProblems(problems, () => read(item)));
}

interface Original {
  readonly name: string;
  readonly top: Readonly<Record<string, unknown>>;
  readonly entries: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** The original file's plain values (the build has read it without a problem; undefined if it cannot be read again). */
function readOriginal({ text, name }: OriginalAssumptions): Original | undefined {
  const document = parseYamlDocument(text);
  const plain = document.errors.length === 0 ? plainYaml(document, text) : undefined;
  if (plain === undefined || "problem" in plain || !isRecord(plain.value)) return undefined;
  const list = Array.isArray(plain.value.assumptions) ? plain.value.assumptions : [];
  const entries = new Map(list.filter(isRecord).map((entry) => [String(entry.id), entry] as const));
  return { name, top: plain.value, entries };
}

function fromAssumptionsShape(document: Document, root: YAMLMap, list: YAMLSeq, known: readonly string[], at: (node: YamlNode | null | undefined) => string, original: Original | undefined, problems: string[]): AssumptionOverride[] {
  const plain = (node: unknown): unknown => (isNode(node) ? node.toJS(document, { maxAliasCount: MAX_ALIAS_VALUES }) : node);
  const unchanged = (node: unknown, was: Readonly<Record<string, unknown>> | undefined, key: string): boolean => was !== undefined && key in was && isDeepStrictEqual(plain(node), was[key]);
  // The other sections (correlations, totals, as_of…) only as the assumptions file has them.
  eachEntry(root.items, problems, (pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key !== "assumptions" && !unchanged(pair.value, original?.top, key)) throw new WhatIfError(messages.whatIfFieldNotApplied(at(pair.key as YamlNode), `"${key}"`, original?.name));
    return [];
  });
  const seen = new Map<string, string>();
  return eachEntry(list.items, problems, (listed): AssumptionOverride[] => {
    const item = resolved(document, listed);
    if (!isMap(item)) throw new WhatIfError(messages.unreadableOverridesFile(at(item as YamlNode), "expected an entry with id and value or range"));
    const idNode = item.get("id", true);
    const id = isScalar(idNode) ? String(idNode.value) : "";
    checkKnown(id, known, at(item));
    const first = seen.get(id);
    if (first !== undefined) throw new WhatIfError(messages.whatIfIdTwice(at(item), id, first));
    seen.set(id, at(item));
    const value = resolved(document, item.get("value", true));
    const range = resolved(document, item.get("range", true));
    if (value !== undefined && range !== undefined) throw new WhatIfError(messages.whatIfValueAndRange(at(item), id));
    const was = original?.entries.get(id);
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (key !== "id" && key !== "value" && key !== "range" && !unchanged(pair.value, was, key)) throw new WhatIfError(messages.whatIfFieldNotApplied(at(pair.key as YamlNode), `${id}'s "${key}"`, original?.name));
    }
    // As the assumptions file has it: no override (a copy edited in one place overrides that place only).
    if (value !== undefined ? unchanged(value, was, "value") : unchanged(range, was, "range")) return [];
    return [placed(overrideFromYaml(id, (value ?? range) as YamlNode | undefined, at(item), at, true), at((value ?? range) as YamlNode))];
  });
}

/** The override, its place in the file noted (overrides.ts `overridePlaces`). */
function placed(override: AssumptionOverride, where: string): AssumptionOverride {
  overridePlaces.set(override, where);
  return override;
}

/** The node an alias names (`*price`), as the assumptions file reads it; any other node as it is. */
function resolved(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/**
 * `numbersOnly`: an entry's `value:` (the assumptions-file shape), a number as in the assumptions file,
 * where a quoted "2" was taken as an override of 2 that changed nothing; a map's `id: 2..3` is text.
 */
function overrideFromYaml(id: string, node: YamlNode | undefined, where: string, at: (node: YamlNode) => string, numbersOnly = false): AssumptionOverride {
  // YAML reads 1e999 as Infinity: say it is too large, as --set does, not that "Infinity" is no number.
  const finite = (value: unknown, text: string): void => {
    if (typeof value === "number" && !Number.isFinite(value) && !Number.isNaN(value)) throw new WhatIfError(messages.overrideNotFinite(where, id, text));
  };
  if (isScalar(node)) {
    finite(node.value, node.source ?? String(node.value));
    if (numbersOnly && typeof node.value !== "number") throw new WhatIfError(messages.overrideNotANumber(where, id, JSON.stringify(node.value)));
    return parseOverrideValue(id, String(node.value), where);
  }
  if (isMap(node)) {
    // A range holds low and high only: `distribution: uniform` or a misspelt `lwo:` beside them would be dropped unsaid.
    const other = node.items.find((pair) => !(isScalar(pair.key) && (pair.key.value === "low" || pair.key.value === "high")));
    // `id: { value: 3 }` mixes the two forms: said as such, not as a range with a field it does not read.
    if (other !== undefined && node.items.length === 1 && isScalar(other.key) && other.key.value === "value") throw new WhatIfError(messages.whatIfValueInMap(at(other.key as YamlNode), id, isScalar(other.value) ? String(other.value.value) : "…"));
    if (other !== undefined) throw new WhatIfError(messages.whatIfFieldNotApplied(at(other.key as YamlNode), `${id}'s range field "${isScalar(other.key) ? String(other.key.value) : ""}"`, undefined));
    const low = node.get("low");
    const high = node.get("high");
    finite(low, String(low));
    finite(high, String(high));
    if (low === undefined || high === undefined) throw new WhatIfError(messages.overrideRangeHalf(where, id, low === undefined ? "low" : "high"));
    for (const bound of [low, high]) if (typeof bound !== "number") throw new WhatIfError(messages.overrideNotANumber(where, id, JSON.stringify(bound)));
    return parseOverrideValue(id, `${String(low)}..${String(high)}`, where);
  }
  if (isPair(node) || node === undefined || node === null) throw new WhatIfError(messages.malformedOverrideValue(where, id, ""));
  throw new WhatIfError(messages.malformedOverrideValue(where, id, String(node)));
}

