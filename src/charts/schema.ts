/**
 * Chart specs checked against the Vega-Lite JSON schema that the installed `vega-lite` ships, with
 * ajv. vega-lite itself ignores an unknown key (`feild`) and draws an empty chart, so the schema is
 * what catches it. Compiling that 1.5 MB schema takes ajv ~10 s, so the compiled validator is kept as
 * minified standalone code in `node_modules/.cache/fragtax/` (keyed by the vega-lite version; written
 * atomically) and later processes load it, through V8's code cache, in well under 0.1 s.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { packageDir, packageVersion } from "../package-version";
import { writeFileAtomic } from "../util/atomic";
import { requireWithCodeCache } from "../util/code-cache";
import { toolCacheDir, writeToolCache } from "../util/tool-cache";
import { comparedNumbers } from "./valid-key";
import { plausibleName } from "../util/suggest";

/** One problem of a spec: where (a path in the spec, `encoding.x`), what, and the nearest valid word. */
export interface SpecProblem {
  readonly path: string;
  readonly problem: string;
  readonly suggestion?: string;
  /** The misspelled key (`key`) or string value (`value`), to locate it in the cell that wrote it. */
  readonly word?: { readonly text: string; readonly key: boolean };
  /**
   * A word the schema knows nowhere (no property, no allowed value): a misspelling for sure, so the
   * chart fails. Other problems are warnings: the schema lags vega-lite in places (e.g. the gallery's
   * `aggregate: { exponential: 0.5 }`), and vega-lite still draws those charts.
   */
  readonly fatal: boolean;
}

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}
type Validate = ((data: unknown) => boolean) & { errors?: readonly AjvError[] | null };

interface Schema {
  readonly validate: Validate;
  /** Every property name and allowed string value the schema knows anywhere, for "did you mean". */
  readonly words: () => readonly string[];
}

let loading: Promise<Schema> | undefined;
let compared: readonly number[] | null | undefined;

/**
 * The constants the schema compares numbers with (valid-key.ts), as this install recorded them when
 * it first read the schema; null until then (looked for again at the next key), or for a schema whose
 * numbers cannot be classed: a spec's numbers are then keyed whole.
 */
export function schemaNumbers(): readonly number[] | null {
  if (compared !== undefined) return compared;
  let recorded: { compared?: unknown };
  try {
    recorded = JSON.parse(readFileSync(comparedFile(), "utf8")) as { compared?: unknown };
  } catch {
    return null; // not recorded yet (or damaged): recorded the next time the schema is read
  }
  const numbers = recorded.compared;
  compared = Array.isArray(numbers) && numbers.every((n) => typeof n === "number" && Number.isFinite(n)) ? (numbers as number[]) : null;
  return compared;
}

function comparedFile(): string {
  return join(toolCacheDir(), `vega-lite-${packageVersion("vega-lite")}-compared-numbers.json`);
}

/** Loads the validator now (a build does so while its chapters run, with the chart libraries). */
export async function loadSchemaValidator(): Promise<void> {
  await (loading ??= loadSchema());
}

/** The spec's schema problems, most useful first (empty when valid). */
export async function schemaProblems(spec: unknown): Promise<SpecProblem[]> {
  const { validate, words } = await (loading ??= loadSchema());
  if (validate(spec)) return [];
  return rankProblems(validate.errors ?? [], new Set(words()), spec);
}

/** `/layer/0/encoding/x` → `layer[0].encoding.x` (the spec's root is "the spec"). */
export function specPath(pointer: string): string {
  const parts = pointer.split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  const path = parts.map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
  return path === "" ? "the spec" : path;
}

/**
 * ajv reports every branch of every `anyOf` that failed, most of them noise. An unknown key that is
 * no property name anywhere in the schema is a misspelling for sure, so those come first; then the
 * deepest problems (the branch that got furthest), unknown keys before wrong values.
 */
export function rankProblems(errors: readonly AjvError[], words: ReadonlySet<string>, spec: unknown): SpecProblem[] {
  const wordList = [...words];
  const problems = new Map<string, { problem: SpecProblem; rank: number }>();
  for (const error of errors) {
    const path = specPath(error.instancePath);
    const depth = error.instancePath.split("/").length;
    if (error.keyword === "additionalProperties") {
      const key = String(error.params.additionalProperty);
      const known = words.has(key);
      const suggestion = known ? undefined : plausibleName(key, wordList);
      const rank = (known ? 0 : 1000) + depth * 10 + 3;
      add(problems, `${path}\0${key}`, { path, problem: `unknown key "${key}"`, fatal: !known, word: { text: key, key: true }, ...(suggestion !== undefined && { suggestion }) }, rank);
    } else if (error.keyword === "enum") {
      const allowed = Array.isArray(error.params.allowedValues) ? error.params.allowedValues.map(String) : [];
      const raw = valueAt(spec, error.instancePath);
      const value = typeof raw === "string" ? raw : JSON.stringify(raw);
      const suggestion = typeof raw === "string" ? plausibleName(value, allowed) : undefined;
      // Only a string no schema word matches is a sure typo; an object here is a form the schema lacks.
      const known = typeof raw !== "string" || words.has(value);
      const problem = `${typeof raw === "string" ? `"${value}"` : value} is not one of ${allowed.slice(0, 8).map((word) => `"${word}"`).join(", ")}${allowed.length > 8 ? ", …" : ""}`;
      add(problems, `${path}\0enum`, { path, problem, fatal: !known, ...(typeof raw === "string" && { word: { text: value, key: false } }), ...(suggestion !== undefined && { suggestion }) }, (known ? 0 : 1000) + depth * 10 + 2);
    } else if (error.keyword === "required") {
      add(problems, `${path}\0required`, { path, problem: `missing "${String(error.params.missingProperty)}"`, fatal: false }, depth * 10 + 1);
    } else if (error.keyword === "type") {
      add(problems, `${path}\0type`, { path, problem: `must be ${String(error.params.type)}`, fatal: false }, depth * 10);
    }
  }
  return [...problems.values()].sort((a, b) => b.rank - a.rank).map((entry) => entry.problem);
}

function add(into: Map<string, { problem: SpecProblem; rank: number }>, key: string, problem: SpecProblem, rank: number): void {
  const current = into.get(key);
  if (current === undefined || current.rank < rank) into.set(key, { problem, rank });
}

function valueAt(spec: unknown, pointer: string): unknown {
  let node = spec;
  for (const part of pointer.split("/").slice(1)) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return node ?? "";
}

// Descriptions are documentation only; dropping them makes the compiled code a third of the size.
// Read (1.5 MB of JSON) only to compile, to suggest a word for an invalid spec, or to name a chart
// key a type error is about: valid specs with a cached validator never need it.
let read: Record<string, unknown> | undefined;
function schema(): Record<string, unknown> {
  const schemaFile = join(packageDir("vega-lite"), "build", "vega-lite-schema.json");
  return (read ??= JSON.parse(readFileSync(schemaFile, "utf8"), (key, value: unknown) => (key === "description" && typeof value === "string" ? undefined : value)) as Record<string, unknown>);
}

/**
 * The property names the schema's definitions of `types` allow, as TypeScript names them in a type
 * error about a chart spec written in a cell (`PositionFieldDef<Field> | PositionValueDef`: the
 * typings are vega-lite's own, their names the schema's definitions). Empty when none is the schema's.
 */
export function schemaPropertiesOf(types: readonly string[]): string[] {
  const definitions = schema().definitions;
  if (typeof definitions !== "object" || definitions === null) return [];
  const names = new Set<string>();
  const seen = new Set<string>();
  // A union's definition (TopLevelSpec: anyOf TopLevelUnitSpec, TopLevelLayerSpec, …) has the properties of its members.
  const collect = (type: string): void => {
    if (seen.has(type)) return;
    seen.add(type);
    const definition = (definitions as Record<string, unknown>)[type];
    if (typeof definition !== "object" || definition === null) return;
    const { properties, anyOf, oneOf, allOf } = definition as { properties?: unknown; anyOf?: unknown; oneOf?: unknown; allOf?: unknown };
    if (typeof properties === "object" && properties !== null) Object.keys(properties).forEach((name) => names.add(name));
    for (const member of [anyOf, oneOf, allOf].flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []))) {
      const ref = typeof member === "object" && member !== null ? (member as { $ref?: unknown }).$ref : undefined;
      if (typeof ref === "string" && ref.startsWith("#/definitions/")) collect(decodeURIComponent(ref.slice("#/definitions/".length)));
    }
  };
  // Inside a layer, TypeScript names the union's members as `Partial<PositionValueDef>`: the definition is the argument's.
  const named = (type: string): string => {
    const wrapped = /^(?:Partial|Readonly|Required)<(.+)>$/.exec(type.trim())?.[1];
    return wrapped === undefined ? type.replace(/<.*$/, "").trim() : named(wrapped);
  };
  for (const type of types) collect(named(type));
  return [...names];
}

async function loadSchema(): Promise<Schema> {
  let known: string[] | undefined;
  const words = (): string[] => (known ??= propertyNames(schema()));
  // Once per install, with the validator (an install that compiled it before reads the schema once more for it).
  if (!existsSync(comparedFile())) writeToolCache(comparedFile(), JSON.stringify({ compared: comparedNumbers(schema()) }));
  const cached = join(toolCacheDir(), `vega-lite-${packageVersion("vega-lite")}-validator.min.cjs`);
  if (existsSync(cached)) {
    try {
      // Compiled through V8's code cache: ~0.1 s less of each build that draws a chart (util/code-cache.ts);
      // made at exit, the cache holds the checks validating ran, not only what loading compiled.
      return { validate: requireWithCodeCache(cached, undefined, { keep: "at-exit", variant: "validated" }).exports as Validate, words };
    } catch {
      // A damaged cached validator is compiled again below.
    }
  }
  const [{ default: Ajv }, { default: standaloneCode }] = await Promise.all([import("ajv"), import("ajv/dist/standalone/index.js")]);
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: false, logger: false, code: { source: true } });
  const compiled = ajv.compile(schema());
  const validate = compiled as Validate;
  try {
    await writeFileAtomic(cached, await minified(standaloneCode(ajv, compiled)));
    // The unminified validator an earlier version kept: never read again.
    rmSync(join(toolCacheDir(), `vega-lite-${packageVersion("vega-lite")}-validator.cjs`), { force: true });
  } catch {
    // Not writable (read-only install): compile again next time.
  }
  return { validate, words };
}

/**
 * ajv's standalone code, minified: every build that draws a chart reads, hashes, decodes and
 * compiles it (through V8's code cache), and its long local names made it 5.7 MB where 3.9 MB do
 * (vega-lite 6.4: a fresh process loaded it in ~85 ms, minified ~66 ms). Once per install, ~1 s.
 */
async function minified(code: string): Promise<string> {
  const { transform } = await import("esbuild");
  return (await transform(code, { minify: true, format: "cjs", target: "node20", logLevel: "silent" })).code;
}

function propertyNames(node: unknown, into = new Set<string>()): string[] {
  if (Array.isArray(node)) node.forEach((item) => propertyNames(item, into));
  else if (typeof node === "object" && node !== null) {
    const record = node as Record<string, unknown>;
    if (typeof record.properties === "object" && record.properties !== null) Object.keys(record.properties).forEach((key) => into.add(key));
    if (Array.isArray(record.enum)) record.enum.forEach((value) => typeof value === "string" && into.add(value));
    if (typeof record.const === "string") into.add(record.const);
    Object.values(record).forEach((value) => propertyNames(value, into));
  }
  return [...into];
}
