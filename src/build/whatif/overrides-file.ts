/**
 * A what-if overrides file (`--assumptions FILE`), read with the YAML parser: in a file of its own so
 * a build without one never loads the parser (what-if flags are in overrides.ts).
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { Node as YamlNode } from "yaml";
import * as messages from "../../messages/whatif";
import { at as placeAt } from "../../messages/location";
import { checkKnown, parseOverrideValue, WhatIfError, type AssumptionOverride } from "./overrides";
import { assumptionsFileTooLarge } from "../../messages/assumptions";
import { MAX_ASSUMPTIONS_FILE_MB } from "../../util/limits";
import { yamlSyntaxProblem } from "../../util/yaml-syntax";

/**
 * An overrides file. Either a map (`id: 2.5`, `id: 2..3`, `id: { low: 2, high: 3 }`) or the
 * assumptions-file shape (`assumptions: [{ id, value | range }]`), so a copy of the real file,
 * edited, works as a what-if too.
 */
export function parseOverridesFile(text: string, fileName: string, known: readonly string[]): AssumptionOverride[] {
  // Before the YAML parser, as for the assumptions file itself (util/limits.ts).
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024) throw new WhatIfError(`${placeAt({ file: fileName, line: 1, column: 1 })}: ${assumptionsFileTooLarge(bytes / (1024 * 1024), MAX_ASSUMPTIONS_FILE_MB)}`);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const at = (node: YamlNode | null | undefined): string => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return placeAt({ file: fileName, line, column: col });
  };
  const error = document.errors[0];
  if (error !== undefined) {
    const { line, column, detail } = yamlSyntaxProblem(text, error);
    throw new WhatIfError(messages.unreadableOverridesFile(placeAt({ file: fileName, line, column }), detail));
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
  // YAML reads 1e999 as Infinity: say it is too large, as --set does, not that "Infinity" is no number.
  const finite = (value: unknown, text: string): void => {
    if (typeof value === "number" && !Number.isFinite(value) && !Number.isNaN(value)) throw new WhatIfError(messages.overrideNotFinite(where, id, text));
  };
  if (isScalar(node)) {
    finite(node.value, node.source ?? String(node.value));
    return parseOverrideValue(id, String(node.value), where);
  }
  if (isMap(node)) {
    const low = node.get("low");
    const high = node.get("high");
    finite(low, String(low));
    finite(high, String(high));
    if (low === undefined || high === undefined) throw new WhatIfError(messages.overrideRangeHalf(where, id, low === undefined ? "low" : "high"));
    return parseOverrideValue(id, `${String(low)}..${String(high)}`, where);
  }
  if (isPair(node) || node === undefined || node === null) throw new WhatIfError(messages.malformedOverrideValue(where, id, ""));
  throw new WhatIfError(messages.malformedOverrideValue(where, id, String(node)));
}

