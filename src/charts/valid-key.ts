/**
 * What of a chart spec the Vega-Lite schema can tell apart, as text: the key under which a spec it
 * accepted is remembered (charts/cache.ts `validSpecKey`), so that a rebuild validates only specs the
 * schema could judge otherwise, and loads the 4 MB validator only for those.
 *
 * Two things the schema never looks at closely are left out:
 * - the rows of inline data (`data.values`, `datasets`): of those the schema checks only what kind of
 *   value each row is (InlineDataset: an array of numbers, of strings, of booleans or of objects, a
 *   string, or an object), so only the kinds are kept;
 * - the exact value of every other number. A JSON schema sees a number only through its type (a
 *   number, an integer), its order against the constants its keywords name (`minimum`, `maximum`,
 *   `exclusiveMinimum`, `exclusiveMaximum`) and its equality with the numbers of a `const` or `enum`.
 *   Given every such constant of the schema (`compared`), a number is kept as its class: how many
 *   constants lie below it, whether it equals one, and whether it is whole. Two specs whose numbers
 *   fall in the same classes are valid or invalid together. This is what a one-assumption rebuild
 *   needs: a chart's axis domain taken from the model moves with it (0–19,245 → 0–22,308), and
 *   the spec is still the spec the schema accepted.
 * Keywords that compare a number with another number of the spec itself (`uniqueItems`) or divide it
 * (`multipleOf`) are not modelled: for such a schema `compared` is null and numbers are kept whole.
 */

/** The constants a schema compares numbers with, sorted; null when the schema judges numbers in a way classes cannot keep. */
export function comparedNumbers(schema: unknown): number[] | null {
  const found = new Set<number>();
  let modelled = true;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      // The keys of these maps are names (a property may be called "minimum"), their values schemas.
      if (NAME_MAPS.has(key) && typeof value === "object" && value !== null) {
        Object.values(value).forEach(walk);
        continue;
      }
      if (ORDERED.has(key) && typeof value === "number") found.add(value);
      else if (key === "const" || key === "enum") numbersIn(value, found);
      else if (UNMODELLED.has(key)) modelled = false;
      walk(value);
    }
  };
  walk(schema);
  return modelled ? [...found].sort((a, b) => a - b) : null;
}

const NAME_MAPS = new Set(["properties", "definitions", "$defs", "patternProperties", "dependentSchemas"]);
const ORDERED = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]);
// `type: "integer"` needs nothing: a class says whether a number is whole.
const UNMODELLED = new Set(["multipleOf", "uniqueItems"]);

function numbersIn(value: unknown, into: Set<number>): void {
  if (typeof value === "number") into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => numbersIn(item, into));
  else if (typeof value === "object" && value !== null) Object.values(value).forEach((item) => numbersIn(item, into));
}

/**
 * The spec as the schema can tell it apart: inline rows by their kinds and, when `compared` is given,
 * each number by its class against those constants (else whole). Strings are quoted, so no string can
 * pass for a class.
 */
export function validityText(spec: unknown, compared: readonly number[] | null): string {
  const number = compared === null ? (value: number) => JSON.stringify(value) : (value: number) => numberClass(value, compared);
  const text = (value: unknown, key?: string): string => {
    if (typeof value === "number") return number(value);
    if (Array.isArray(value)) return `[${value.map((item) => text(item)).join(",")}]`;
    if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "null";
    const record = value as Record<string, unknown>;
    if (key === "data" && "values" in record) return text({ ...record, values: rowKinds(record.values) });
    if (key === "datasets") return text(Object.fromEntries(Object.entries(record).map(([name, rows]) => [name, rowKinds(rows)])));
    return `{${Object.entries(record)
      .filter(([, field]) => field !== undefined)
      .map(([name, field]) => `${JSON.stringify(name)}:${text(field, name)}`)
      .join(",")}}`;
  };
  return text(spec);
}

/** `n3<f`: above three of the constants, below the fourth, not whole; `n2=i`: equal to the third, whole. */
export function numberClass(value: number, compared: readonly number[]): string {
  if (!Number.isFinite(value)) return `n!${String(value)}`;
  let below = 0;
  while (below < compared.length && (compared[below] as number) < value) below += 1;
  return `n${below}${compared[below] === value ? "=" : "<"}${Number.isInteger(value) ? "i" : "f"}`;
}

function rowKinds(values: unknown): unknown {
  return Array.isArray(values) ? { rows: [...new Set(values.map(kindOf))].sort() } : { value: kindOf(values) };
}

/** A value's JSON Schema type ("null" and "array" apart from "object"). */
function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}
