/**
 * Where a type error in an object literal is to be fixed. TypeScript reports a nested property's wrong
 * value at the outer property (`x: { field: "p5", type: "quantitive" }` at `x`), and says which
 * property in its chain ("Types of property 'type' are incompatible"): the caret goes to that value,
 * the place a reader changes, read from the cell's syntax tree. A property's own literal value
 * (`mark: "bars"`), which TypeScript reports at the key, is moved to the value too.
 */
import type { LineColumn } from "../util/text-position";
import { lineIndex, offsetOf } from "../util/text-position";
import { oxcParser, parseCell } from "./oxc";
import type { CellModule, CheckDiagnostic } from "./typecheck-rules";

interface Node {
  readonly type: string;
  readonly start: number;
}
interface PropertyNode extends Node {
  readonly key: Node & { readonly name?: string; readonly value?: unknown };
  readonly value: Node & { readonly properties?: readonly Node[] };
}

/**
 * The place of the innermost property value the message's chain names, inside the object literal
 * whose property (or which itself) starts at `at`; undefined when the chain names none, or the literal
 * does not hold it as written (a spread, a computed key, a value from a variable).
 */
export function incompatibleValueAt(source: string, at: LineColumn, message: string): LineColumn | undefined {
  const chain = [...message.matchAll(/Types of property '([^']+)' are incompatible/g)].map((match) => match[1] ?? "");
  // Or the property's own value, reported at its key (`mark: "bars"`: "Type '"bars"' is not assignable to type 'AnyMark'").
  const ownValue = chain.length === 0 && /^Type '[^']*' is not assignable to type/.test(message);
  if ((chain.length === 0 && !ownValue) || !message.includes("is not assignable")) return undefined;
  const program = parseCell(source);
  const parser = oxcParser();
  if (program === undefined || parser === null) return undefined;
  const where = lineIndex(source);
  const offset = offsetOf(source, at.line, at.column);
  if (offset < 0) return undefined;
  let object: PropertyNode["value"] | undefined;
  let literal: Node | undefined;
  new parser.Visitor({
    Property: (node) => {
      const property = node as unknown as PropertyNode;
      if (ownValue && literal === undefined && property.key.start === offset && property.value.type === "Literal") literal = property.value;
      if (object === undefined && (property.start === offset || property.key.start === offset) && property.value.type === "ObjectExpression") object = property.value;
    },
    ObjectExpression: (node) => {
      if (object === undefined && node.start === offset) object = node as unknown as PropertyNode["value"];
    },
  }).visit(program);
  if (ownValue) return literal === undefined ? undefined : where(literal.start);
  let target: PropertyNode | undefined;
  for (const name of chain) {
    const found = object?.properties?.find((p): p is PropertyNode => p.type === "Property" && keyName(p as PropertyNode) === name);
    if (found === undefined) break;
    target = found;
    object = found.value.type === "ObjectExpression" ? found.value : undefined;
  }
  return target === undefined ? undefined : where(target.value.start);
}

function keyName(property: PropertyNode): string | undefined {
  const { key } = property;
  if (key.type === "Identifier") return key.name;
  return key.type === "Literal" && typeof key.value === "string" ? key.value : undefined;
}

/** `diagnostic` with its place moved to the value its chain names, when it is in `module`'s cell and found there. */
export function atIncompatibleValue(diagnostic: CheckDiagnostic, module: CellModule): CheckDiagnostic {
  if (diagnostic.cell === undefined || !/Types of property|^Type '[^']*' is not assignable to type/.test(diagnostic.message)) return diagnostic;
  const lines = module.text.split("\n");
  // The virtual file: a header line, the cell's lines, the export line, and the final newline (typecheck-rules.ts).
  const source = lines.slice(1, lines.length - 2).join("\n");
  const place = incompatibleValueAt(source, diagnostic, diagnostic.message);
  return place === undefined ? diagnostic : { ...diagnostic, ...place };
}
