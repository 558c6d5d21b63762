/**
 * Where a value to be fixed sits in a cell, read from its syntax tree.
 *
 * A type error in an object literal: TypeScript reports a nested property's wrong value at the outer
 * property (`x: { field: "p5", type: "quantitive" }` at `x`), and says which property in its chain
 * ("Types of property 'type' are incompatible"): the caret goes to that value, the place a reader
 * changes. A property's own value written in place (`mark: "bars"`, `kwPerGpu: \`${kw}\``,
 * `width: n * 2`), which TypeScript reports at the key, is moved to the value too; a name (`width:
 * size`, `width: cfg.size`) is not, as the fix may be where it was declared.
 *
 * A run-time error of the notebook API about one field of its argument (`nb.figure({ id: "run cost" })`,
 * whose stack points at `figure`): the caret goes to that field's value in the call's object literal.
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
  readonly value: Node & { readonly properties?: readonly Node[]; readonly elements?: readonly (Node | null)[] };
}
interface CallNode extends Node {
  readonly callee: Node & { readonly property?: Node };
  readonly arguments: readonly PropertyNode["value"][];
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
      if (ownValue && literal === undefined && property.key.start === offset && writtenInPlace(property.value)) literal = property.value;
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

/** Wrappers that leave a value what it is: `cfg?.size`, `(size)`, `size!`, `size as number`, `size satisfies number`. */
const TRANSPARENT = new Set(["ChainExpression", "ParenthesizedExpression", "TSNonNullExpression", "TSAsExpression", "TSSatisfiesExpression", "TSTypeAssertion"]);

/** A value written where it stands, not taken from a name (whose declaration may be what is wrong). */
function writtenInPlace(value: Node): boolean {
  let inner = value as Node & { readonly expression?: Node };
  while (TRANSPARENT.has(inner.type) && inner.expression !== undefined) inner = inner.expression;
  return inner.type !== "Identifier" && inner.type !== "MemberExpression" && inner.type !== "ObjectExpression";
}

/**
 * The place of the value of `field` (as the API's message names it: `id`, `summary.p5`,
 * `drivers[1].share`) in the object literal given as the first argument of the call at `at` (where V8
 * places a call: its method's name, or its callee). As deep as the literal writes the field: a
 * `summary` given as a variable puts the caret at that variable. Undefined when the call's argument is
 * no object literal, or does not write the field (a missing one, or one from a spread), and the error
 * stays at the call.
 */
export function argumentFieldAt(source: string, at: LineColumn, field: string): LineColumn | undefined {
  const path = fieldPath(field);
  const program = parseCell(source);
  const parser = oxcParser();
  if (path === undefined || program === undefined || parser === null) return undefined;
  const offset = offsetOf(source, at.line, at.column);
  if (offset < 0) return undefined;
  let call: CallNode | undefined;
  new parser.Visitor({
    CallExpression: (node) => {
      const candidate = node as unknown as CallNode;
      const { callee } = candidate;
      const place = callee.type === "MemberExpression" || callee.type === "StaticMemberExpression" ? callee.property?.start : callee.start;
      if (call === undefined && place === offset) call = candidate;
    },
  }).visit(program);
  let value: PropertyNode["value"] | undefined = call?.arguments[0] && unwrapped(call.arguments[0]);
  let found: Node | undefined;
  for (const step of path) {
    const next: PropertyNode["value"] | null | undefined =
      typeof step === "number"
        ? value?.type === "ArrayExpression" ? (value.elements?.[step] as PropertyNode["value"] | null | undefined) : undefined
        : value?.type === "ObjectExpression" ? value.properties?.find((p): p is PropertyNode => p.type === "Property" && keyName(p as PropertyNode) === step)?.value : undefined;
    if (next === undefined || next === null || next.type === "SpreadElement") break;
    found = next;
    value = unwrapped(next);
  }
  return found === undefined ? undefined : lineIndex(source)(found.start);
}

/** The expression inside `(…)`, `… as T`, `… satisfies T`, `<T>…` and `…!`: the literal a cell wrote with a type on it. */
function unwrapped(node: PropertyNode["value"]): PropertyNode["value"] {
  let inner = node;
  while (["ParenthesizedExpression", "TSAsExpression", "TSSatisfiesExpression", "TSTypeAssertion", "TSNonNullExpression"].includes(inner.type)) {
    const { expression } = inner as unknown as { expression?: PropertyNode["value"] };
    if (expression === undefined) break;
    inner = expression;
  }
  return inner;
}

/** `summary.p5` → ["summary", "p5"], `drivers[1].share` → ["drivers", 1, "share"]; undefined for a field that is no property path (`value #2`). */
function fieldPath(field: string): (string | number)[] | undefined {
  if (!/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(field)) return undefined;
  return [...field.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((match) => (match[2] === undefined ? (match[1] ?? "") : Number(match[2])));
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
