/**
 * What-if builds: assumption overrides for one build, from `--set id=value`, `--set id=low..high`
 * and `--assumptions FILE`, without editing the assumptions file. Parsing is pure; every error names
 * the flag or file position and, for an unknown id, the nearest known ids.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { Node as YamlNode } from "yaml";
import * as messages from "../../messages/versions";

import type { AssumptionOverride } from "../../assumptions/types";
import { InputError } from "../../util/errors";
import { nearestNames } from "../../util/suggest";
import { at as placeAt } from "../../messages/location";

export type { AssumptionOverride };

/** Carried by a what-if build result; the report's first page lists it, publish refuses it. */
export interface WhatIf {
  readonly overrides: readonly AssumptionOverride[];
  /** Where they came from: `--set` and/or file names, for the banner. */
  readonly sources: readonly string[];
}

/** A bad flag or file: exit code 2 (bad usage / unreadable input). */
export class WhatIfError extends InputError {}

/** The ids plausibly meant by `id` (util/suggest.ts's rule), none rather than an unrelated one. */
export const nearestIds = (id: string, known: readonly string[]): string[] => nearestNames(id, known, { orClosest: false });

function checkKnown(id: string, known: readonly string[], where: string): void {
  if (!known.includes(id)) throw new WhatIfError(messages.unknownOverrideId(where, id, nearestIds(id, known)));
}

/** `2.5` → value; `2..3` → range (p5..p95). Throws with `where` on anything else. */
export function parseOverrideValue(id: string, text: string, where: string): AssumptionOverride {
  const trimmed = text.trim();
  const parts = trimmed.split("..");
  const numbers = parts.map((part) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(part.trim()) ? Number(part) : Number.NaN));
  if (parts.length === 1 && Number.isFinite(numbers[0])) return { id, value: numbers[0] as number };
  if (parts.length === 2 && numbers.every(Number.isFinite)) {
    const [low, high] = numbers as [number, number];
    if (low > high) throw new WhatIfError(messages.overrideRangeReversed(where, id, low, high));
    return { id, low, high };
  }
  throw new WhatIfError(messages.malformedOverrideValue(where, id, text));
}

/** One `--set id=value` / `--set id=low..high` flag. */
export function parseSetFlag(flag: string, known: readonly string[]): AssumptionOverride {
  const equals = flag.indexOf("=");
  const where = `--set ${flag}`;
  if (equals <= 0) throw new WhatIfError(messages.malformedSetFlag(flag));
  const id = flag.slice(0, equals).trim();
  checkKnown(id, known, where);
  return parseOverrideValue(id, flag.slice(equals + 1), where);
}

/**
 * An overrides file. Either a map (`id: 2.5`, `id: 2..3`, `id: { low: 2, high: 3 }`) or the
 * assumptions-file shape (`assumptions: [{ id, value | range }]`), so a copy of the real file,
 * edited, works as a what-if too.
 */
export function parseOverridesFile(text: string, fileName: string, known: readonly string[]): AssumptionOverride[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const at = (node: YamlNode | null | undefined): string => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return placeAt({ file: fileName, line, column: col });
  };
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const { line, col } = lineCounter.linePos(error?.pos[0] ?? 0);
    throw new WhatIfError(messages.unreadableOverridesFile(placeAt({ file: fileName, line, column: col }), error?.message ?? ""));
  }
  const root = document.contents;
  const list = isMap(root) ? root.get("assumptions", true) : undefined;
  if (isSeq(list)) return list.items.map((item) => overrideFromEntry(item as YamlNode, known, at));
  if (!isMap(root)) throw new WhatIfError(messages.unreadableOverridesFile(at(root), "expected a map of id: value"));
  return root.items.map((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const where = at(pair.key as YamlNode);
    checkKnown(key, known, where);
    return overrideFromYaml(key, pair.value as YamlNode, where);
  });
}

function overrideFromEntry(item: YamlNode, known: readonly string[], at: (node: YamlNode) => string): AssumptionOverride {
  if (!isMap(item)) throw new WhatIfError(messages.unreadableOverridesFile(at(item), "expected an entry with id and value or range"));
  const idNode = item.get("id", true);
  const id = isScalar(idNode) ? String(idNode.value) : "";
  checkKnown(id, known, at(item));
  const valueNode = item.get("value", true) ?? item.get("range", true);
  return overrideFromYaml(id, valueNode as YamlNode, at(item));
}

function overrideFromYaml(id: string, node: YamlNode | undefined, where: string): AssumptionOverride {
  if (isScalar(node)) return parseOverrideValue(id, String(node.value), where);
  if (isMap(node)) {
    const low = node.get("low");
    const high = node.get("high");
    return parseOverrideValue(id, `${String(low)}..${String(high)}`, where);
  }
  if (isPair(node) || node === undefined || node === null) throw new WhatIfError(messages.malformedOverrideValue(where, id, ""));
  throw new WhatIfError(messages.malformedOverrideValue(where, id, String(node)));
}

/** Later overrides of the same id win (a `--set` after `--assumptions` refines it); first-seen order kept. */
export function mergeOverrides(lists: ReadonlyArray<readonly AssumptionOverride[]>): AssumptionOverride[] {
  const byId = new Map<string, AssumptionOverride>();
  for (const override of lists.flat()) byId.set(override.id, override);
  return [...byId.values()];
}

export function describeOverride(override: AssumptionOverride): string {
  return "value" in override ? `${override.id} = ${override.value}` : `${override.id} = ${override.low}..${override.high}`;
}
