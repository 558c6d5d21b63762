/**
 * The full reading of an assumptions file with `yaml`: a node per part, each with its range, so every
 * problem can be located (load.ts reads a file this way when the quick reading does not take it, or
 * found a problem in it). A YAML syntax error is an `AssumptionError` here, at the error's position,
 * naming the entry it sits in.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter } from "yaml";
import type { Node, YAMLMap } from "yaml";
import * as msg from "../messages/assumptions";
import { isRecord } from "../util/records";
import { parseYamlDocument, plainYaml, yamlSyntaxProblem } from "../util/yaml-syntax";
import type { LineColumn } from "../util/text-position";
import { AssumptionError } from "./errors";
import type { ListItem, Path, ReadFile } from "./read-file";

export function readWithYaml(text: string, fileName: string): ReadFile {
  const lines = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const { line, column, detail } = yamlSyntaxProblem(text, yamlError);
    const nearId = idAtOrAbove(text, line);
    throw new AssumptionError([{ file: fileName, line, column, id: nearId, text: msg.malformedYaml(detail, nearId) }]);
  }
  const where = (node: Node | null | undefined): LineColumn => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const root = doc.contents;
  // The values from the whole document: an alias resolves only with the document's anchors in hand.
  const resolved = plainYaml(doc, text);
  if ("problem" in resolved) {
    const { line, column, detail } = resolved.problem;
    const nearId = idAtOrAbove(text, line);
    throw new AssumptionError([{ file: fileName, line, column, id: nearId, text: msg.malformedYaml(detail, nearId) }]);
  }
  const plain = resolved.value;
  const item = (node: Node, value: unknown): ListItem => ({ value, at: (path, pointAtKey = false) => where(nodeAt(node, path, pointAtKey)) });
  return {
    keys: isMap(root) ? root.items.map((pair) => ({ name: keyText(pair.key), at: where(pair.key as Node) })) : undefined,
    rootAt: where(root),
    list: (key) => {
      if (!isMap(root)) return undefined;
      const list = root.get(key, true);
      if (list === undefined || list === null) return undefined;
      if (!isSeq(list)) return { notAList: where(list as Node) };
      const values = isRecord(plain) && Array.isArray(plain[key]) ? (plain[key] as unknown[]) : [];
      return list.items.map((node, index) => item(node as Node, values[index]));
    },
  };
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

/** For a YAML syntax error: the id of the entry the error sits in (the nearest `id:` at or above it). */
function idAtOrAbove(text: string, line: number): string | undefined {
  const lines = text.split(/\r?\n/).slice(0, line);
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = /^\s*(?:-\s+)?id:\s*["']?([A-Za-z0-9_]+)/.exec(lines[index] ?? "");
    if (match !== null) return match[1];
  }
  return undefined;
}
