/**
 * Encoding fields (and a facet operator's, and those a transform reads: by expression or predicate, or
 * by name, as fold, aggregate, window, bin and the others do) that the chart's inline data does not have. vega-lite draws such a chart empty (or
 * with "undefined" labels) and says nothing; this names the field, where it is used and the nearest
 * field the data does have. Transforms are followed in order: the names they make (`as`, fold,
 * lookup, window …) count as present, and an aggregate keeps only its groupby fields and the names it
 * makes; a view whose data is not inline rows, or that pivots (fields named by data), is skipped.
 */
import { specPath } from "./schema";
import { plausibleName } from "../util/suggest";
import { isRecord } from "../util/records";
import { visibleInOneLine } from "../format/control";
import { chartFieldReadAsPath, chartMissingField } from "../messages/charts";

type Json = Record<string, unknown>;

export interface MissingField {
  readonly field: string;
  /** Where in the spec, e.g. `layer[1].encoding.color.field`. */
  readonly path: string;
  readonly available: readonly string[];
  readonly suggestion?: string;
  /** Read by a transform's expression (`datum.name`), not written as a string literal of its own. */
  readonly inExpression?: true;
  /**
   * Named by an encoding channel or the facet operator: the marks read it, so the chart is drawn
   * empty or wrong, and the build fails the chart. One a transform reads (an expression may test
   * for a field that some rows lack) stays a warning.
   */
  readonly channel?: true;
  /**
   * A column the data has, whose name holds "." or "[" (a CSV header "cost.usd"): Vega-Lite reads the
   * name as a path into nested data (`cost` then `usd`), which is not there; `suggestion` is the name
   * escaped as Vega-Lite takes it ("cost\\.usd"). Vega failed with "Access path missing closing bracket".
   */
  readonly asPath?: true;
}

/**
 * Where a name sits in the code that made a chart (`file: cell N, line L, column C`), when it occurs
 * there once (report/chart-outputs.ts `literalLocator`): as a string literal; with `key`, also as an
 * object key; with `datum`, also as `datum.name` or `datum["name"]` inside an expression string.
 */
export type Locate = (literal: string, options?: { readonly key?: boolean; readonly datum?: boolean }) => string | undefined;

/** Where a missing field is located in the cell: its name as written. */
export function locateMissing(locate: Locate | undefined, missing: MissingField): string | undefined {
  return locate?.(missing.field, { datum: missing.inExpression === true });
}

/**
 * The warning for a field missing from the chart's data, on one line whatever the names hold: a
 * field or column named with a line break (a data key, a CSV header) is shown with it as \x0a, so it
 * cannot print a line of its own that the build did not write.
 */
export function missingFieldWarning(where: string, missing: MissingField): string {
  const line = visibleInOneLine;
  if (missing.asPath === true && missing.suggestion !== undefined) return chartFieldReadAsPath(where, line(missing.field), line(missing.path), line(missing.suggestion));
  return chartMissingField(where, line(missing.field), line(missing.path), missing.available.map(line), missing.suggestion === undefined ? undefined : line(missing.suggestion));
}

export function missingFields(spec: Json): MissingField[] {
  const found: MissingField[] = [];
  visitView(spec, "", undefined, new Set(), found);
  return found;
}

function visitView(view: Json, pointer: string, inherited: Set<string> | undefined, made: Set<string>, found: MissingField[]): void {
  const own = columnsOf(view.data);
  const columns = own ?? (view.data === undefined ? inherited : undefined);
  const outputs = transformOutputs(view.transform);
  const fields = new Set([...made, ...(outputs ?? [])]);
  // Past a transform whose output names this check does not model, any field may exist.
  const opaque = outputs === undefined || made.has(OPAQUE);
  if (opaque) fields.add(OPAQUE);
  // The fields the marks see: the data's, with the names made above, through this view's transforms.
  const present = columns === undefined || opaque ? undefined : afterTransforms(new Set([...columns, ...made]), view.transform);
  if (present !== undefined && columns !== undefined) {
    // The fields the transforms' own expressions and predicates read, each against what reaches its step.
    for (const { field, at, available, inExpression } of transformRefs(new Set([...columns, ...made]), view.transform, `${pointer}/transform`)) {
      const suggestion = plausibleName(field, available);
      found.push({ field, path: specPath(at), available, ...(suggestion !== undefined && { suggestion }), ...(inExpression && { inExpression }) });
    }
  }
  if (present !== undefined) {
    // The channels, and the facet operator's own fields (`facet: { row, column }` or `facet: { field }`).
    const channels = [...(isRecord(view.encoding) ? Object.entries(view.encoding).map(([channel, definition]) => ({ definition, at: `${pointer}/encoding/${channel}` })) : []), ...facetDefinitions(view.facet, `${pointer}/facet`)];
    for (const { definition, at: channelAt } of channels) {
      for (const { field, at } of fieldRefs(definition, channelAt)) {
        if (present.has(field) && !present.has(topField(field)) && readsAsPath(field)) {
          found.push({ field, path: specPath(at), available: [...present], suggestion: field.replace(/[.[\]\\]/g, "\\$&"), channel: true, asPath: true });
          continue;
        }
        if (present.has(field) || present.has(topField(field))) continue;
        const available = [...present];
        const suggestion = plausibleName(field, available);
        found.push({ field, path: specPath(at), available, ...(suggestion !== undefined && { suggestion }), channel: true });
      }
    }
  }
  // A view below takes this one's data through its transforms.
  const below = present ?? columns;
  for (const key of ["layer", "hconcat", "vconcat", "concat"]) {
    const children = view[key];
    if (Array.isArray(children)) children.forEach((child, index) => isRecord(child) && visitView(child, `${pointer}/${key}/${index}`, below, fields, found));
  }
  if (isRecord(view.spec)) visitView(view.spec, `${pointer}/spec`, below, fields, found);
}

/**
 * The fields after `transform`, step by step from `start`: an aggregate leaves only its `groupby`
 * fields and the names it makes (a tooltip naming any other column draws nothing); every other step
 * adds the names it makes to what it was given.
 */
function afterTransforms(start: ReadonlySet<string>, transform: unknown): Set<string> {
  const fields = new Set(start);
  if (!Array.isArray(transform)) return fields;
  for (const step of transform as unknown[]) applyStep(fields, step);
  return fields;
}

function applyStep(fields: Set<string>, step: unknown): void {
  if (isRecord(step) && "aggregate" in step) {
    fields.clear();
    if (Array.isArray(step.groupby)) for (const name of step.groupby) if (typeof name === "string") fields.add(name);
  }
  for (const name of transformOutputs([step]) ?? []) fields.add(name);
}

/**
 * The fields a `calculate` or `filter` expression reads (`datum.x`, `datum["x"]`) and a filter
 * predicate names (`{ field: "x", … }`) that the data reaching its step lacks: vega-lite computes
 * such an expression to undefined or NaN, and the chart is drawn empty, without a word.
 */
function transformRefs(start: ReadonlySet<string>, transform: unknown, pointer: string): { field: string; at: string; available: string[]; inExpression: true | undefined }[] {
  if (!Array.isArray(transform)) return [];
  const fields = new Set(start);
  const refs: { field: string; at: string; available: string[]; inExpression: true | undefined }[] = [];
  (transform as unknown[]).forEach((step, index) => {
    if (!isRecord(step)) return;
    const read: { field: string; at: string; inExpression: true | undefined }[] = [];
    for (const key of ["calculate", "filter"]) {
      const expression = step[key];
      if (typeof expression === "string") read.push(...datumFields(expression).map((field) => ({ field, at: `${pointer}/${index}/${key}`, inExpression: true as const })));
    }
    if (isRecord(step.filter) && typeof step.filter.field === "string") read.push({ field: step.filter.field, at: `${pointer}/${index}/filter/field`, inExpression: undefined });
    read.push(...namedInputs(step).map(({ field, at }) => ({ field, at: `${pointer}/${index}/${at}`, inExpression: undefined })));
    for (const ref of read) if (!fields.has(ref.field) && !fields.has(topField(ref.field))) refs.push({ ...ref, available: [...fields] });
    applyStep(fields, step);
  });
  return refs;
}

/**
 * The input fields a modelled step names as strings (each with its place below the step): fold's list,
 * an aggregate's, window's or joinaggregate's operand fields, `groupby` and `sort` fields, the field a
 * bin, time unit or extent reads, and lookup's key. A name missing from its data folds, groups or
 * bins nothing, and the chart is drawn empty or with one "undefined" group.
 */
function namedInputs(step: Json): { field: string; at: string }[] {
  const found: { field: string; at: string }[] = [];
  const name = (value: unknown, at: string): void => void (typeof value === "string" && found.push({ field: value, at }));
  const names = (value: unknown, at: string): void => void (Array.isArray(value) && value.forEach((item, index) => name(item, `${at}/${index}`)));
  names(step.fold, "fold");
  for (const key of ["aggregate", "window", "joinaggregate"]) {
    // `"field": "*"` is how a count names no field (vega-lite's own examples write it).
    if (Array.isArray(step[key])) (step[key] as unknown[]).forEach((op, index) => isRecord(op) && op.field !== "*" && name(op.field, `${key}/${index}/field`));
  }
  names(step.groupby, "groupby");
  if (Array.isArray(step.sort)) step.sort.forEach((order: unknown, index: number) => isRecord(order) && name(order.field, `sort/${index}/field`));
  if ("bin" in step || "timeUnit" in step) name(step.field, "field");
  name(step.extent, "extent");
  name(step.lookup, "lookup");
  return found;
}

/** The data fields an expression reads by name: `datum.name` and `datum["name"]` (or 'name'). */
export function datumFields(expression: string): string[] {
  const names = new Set<string>();
  for (const match of expression.matchAll(/\bdatum\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*\])/g)) {
    const name = match[1] ?? match[2] ?? match[3];
    if (name !== undefined) names.add(name.replace(/\\(.)/g, "$1"));
  }
  return [...names];
}

/**
 * The column names of inline rows (the union over all of them), or of delimited text (a CSV or TSV
 * file the build inlined: its header line); undefined when the data is neither.
 */
function columnsOf(data: unknown): Set<string> | undefined {
  if (isRecord(data) && typeof data.values === "string") return headerColumns(data.values, isRecord(data.format) ? data.format : {});
  if (!isRecord(data) || !Array.isArray(data.values) || data.values.length === 0) return undefined;
  // An array row's fields are its indices: not checked.
  if (data.values.some((row) => Array.isArray(row))) return undefined;
  // Every row: a field that only later rows have is present, and a missing one fails the chart. A row
  // that is not an object (a number, as Monte Carlo samples are) is one field, "data": Vega ingests 3 as { data: 3 }.
  const columns = new Set<string>();
  for (const row of data.values as unknown[]) {
    if (isRecord(row)) for (const key in row) columns.add(key);
    else columns.add("data");
  }
  return columns;
}

/** A delimited text's column names, as vega reads them (d3-dsv: RFC 4180 quotes); undefined for other text. */
function headerColumns(text: string, format: Json): Set<string> | undefined {
  const delimiter = format.type === "csv" ? "," : format.type === "tsv" ? "\t" : format.type === "dsv" && typeof format.delimiter === "string" ? format.delimiter : undefined;
  if (delimiter === undefined || delimiter.length !== 1) return undefined;
  const names: string[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    let name = "";
    if (text[at] === '"') {
      for (at += 1; at < text.length; at += 1) {
        if (text[at] !== '"') name += text[at];
        else if (text[at + 1] === '"') {
          name += '"';
          at += 1;
        } else break;
      }
      at += 1;
    }
    while (at < text.length && text[at] !== delimiter && text[at] !== "\n" && text[at] !== "\r") name += text[at++];
    names.push(name);
    if (text[at] !== delimiter) break;
    at += 1;
  }
  return names.length === 1 && names[0] === "" ? undefined : new Set(names);
}

const OPAQUE = "\u0000opaque";
const TRANSFORMS = new Set(["aggregate", "bin", "calculate", "density", "extent", "filter", "flatten", "fold", "impute", "joinaggregate", "loess", "lookup", "pivot", "quantile", "regression", "timeUnit", "sample", "stack", "window"]);
/** Transforms whose outputs are all named by `as` (or by known defaults, below). */
const MODELLED = new Set(["filter", "calculate", "fold", "lookup", "bin", "timeUnit", "window", "joinaggregate", "aggregate", "sample", "extent"]);

/** Whether Vega-Lite reads `field` as a path (an unescaped "." or "["), not as one column's name. */
function readsAsPath(field: string): boolean {
  return /^(?:\\.|[^\\])*?[.[\]]/.test(field);
}

/** The data column a field reference reads: "a.b" → "a", "a\\.b" → "a.b", "ranges[2]" → "ranges". */
export function topField(field: string): string {
  const match = /^((?:\\.|[^.[\\])*)/.exec(field);
  return (match?.[1] ?? field).replace(/\\(.)/g, "$1");
}

/**
 * Every name the transforms create: `as` strings and arrays (and a bin's or time unit's `<as>_end`), fold's default
 * key/value, lookup's fields; undefined when a transform creates names this does not model.
 */
/** The field names a view's transforms make (`as`, fold's key/value, a lookup's fields), or undefined past a transform this module does not model. */
export function transformOutputs(transform: unknown): string[] | undefined {
  if (!Array.isArray(transform)) return [];
  const kinds = transform.map((step) => (isRecord(step) ? Object.keys(step).find((key) => TRANSFORMS.has(key)) : undefined));
  if (kinds.some((kind) => kind === undefined || !MODELLED.has(kind))) return undefined;
  const names: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        // A bin's (or a time unit's) single `as` also makes `<as>_end`, its range's upper bound; other names are as written.
        if (key === "as") (Array.isArray(value) ? value : [value]).forEach((name) => typeof name === "string" && names.push(name, ...(typeof value === "string" && ("bin" in node || "timeUnit" in node) ? [`${name}_end`] : [])));
        else collect(value);
      }
      if ("fold" in node && !("as" in node)) names.push("key", "value");
      if (isRecord(node.from) && Array.isArray(node.from.fields)) node.from.fields.forEach((name) => typeof name === "string" && names.push(name));
      // A lookup in a selection without `as` stores the selected row under the selection's name.
      if ("lookup" in node && isRecord(node.from) && typeof node.from.param === "string" && !("as" in node)) names.push(node.from.param);
    }
  };
  collect(transform);
  return names;
}

/** The field definitions of a facet operator: itself when it names a field, else its `row` and `column`. */
function facetDefinitions(facet: unknown, pointer: string): { definition: unknown; at: string }[] {
  if (!isRecord(facet)) return [];
  if ("field" in facet) return [{ definition: facet, at: pointer }];
  return ["row", "column"].filter((key) => key in facet).map((key) => ({ definition: facet[key], at: `${pointer}/${key}` }));
}

/** `field` strings of a channel definition (also inside `condition`, tooltip arrays). */
function fieldRefs(definition: unknown, pointer: string): { field: string; at: string }[] {
  if (Array.isArray(definition)) return definition.flatMap((item, index) => fieldRefs(item, `${pointer}/${index}`));
  if (!isRecord(definition)) return [];
  const refs: { field: string; at: string }[] = [];
  // A field with its own aggregate "count" or a bin/timeUnit still names a data field; `repeat` refs do not.
  if (typeof definition.field === "string") refs.push({ field: definition.field, at: `${pointer}/field` });
  if (definition.condition !== undefined) refs.push(...fieldRefs(definition.condition, `${pointer}/condition`));
  return refs;
}
