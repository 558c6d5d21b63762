/**
 * An encoding that measures text: `type: "quantitative"` on a field whose inline values are words
 * ("a", "North"). A quantitative scale cannot place a word, so vega-lite draws the marks without a
 * position (NaN coordinates) and says nothing; this names the field, where it is typed, a few of its
 * values and what to write instead. Numbers written as text ("12", "3.5") are placed (the scale reads
 * them as numbers) and are not reported, nor are rows parsed on load (format.parse). Only a view's own
 * inline rows (or those it inherits) are looked at, for fields no transform of the view writes: a
 * transform can make a field numeric (calculate, aggregate), and one this does not model may make any.
 */
import { transformOutputs } from "./fields";
import { specPath } from "./schema";
import { isRecord } from "../util/records";
import { visibleInOneLine } from "../format/control";
import { chartTextOnQuantity } from "../messages/charts";

type Json = Record<string, unknown>;

export interface TextOnQuantity {
  readonly field: string;
  /** Where the type is declared, e.g. `encoding.x.type`. */
  readonly path: string;
  /** A few of the field's values, as they are in the data. */
  readonly examples: readonly string[];
}

export function textOnQuantities(spec: Json): TextOnQuantity[] {
  const found: TextOnQuantity[] = [];
  visit(spec, "", undefined, [], found);
  return found;
}

/** The warning for one such field, on one line whatever the names and values hold. */
export function textOnQuantityWarning(where: string, text: TextOnQuantity): string {
  return chartTextOnQuantity(where, visibleInOneLine(text.field), text.path, text.examples.map(visibleInOneLine));
}

function visit(view: Json, pointer: string, inherited: readonly unknown[] | undefined, writtenAbove: readonly string[], found: TextOnQuantity[]): void {
  // Rows parsed on load (format.parse: a date, a number) are not the values written: they are left alone.
  const parsed = isRecord(view.data) && isRecord(view.data.format) && view.data.format.parse !== undefined;
  const own = isRecord(view.data) && Array.isArray(view.data.values) && !parsed ? (view.data.values as unknown[]) : undefined;
  const rows = view.data === undefined ? inherited : own;
  // A transform keeps the values of the fields it does not write (a filter keeps some rows as they
  // are): those are still the rows' words. A field it writes, or any past a transform not modelled
  // (fields.ts), may hold other values: nothing is said about it.
  const made = view.transform === undefined ? [] : transformOutputs(view.transform);
  const written = made === undefined ? undefined : [...(view.data === undefined ? writtenAbove : []), ...made];
  const usable = rows !== undefined && written !== undefined ? rows : undefined;
  if (usable !== undefined && isRecord(view.encoding)) {
    for (const [channel, definition] of Object.entries(view.encoding)) {
      if (isRecord(definition) && typeof definition.field === "string" && (written?.includes(definition.field) || !keptByAggregates(view.transform, definition.field))) continue;
      const words = wordsOnly(definition, usable);
      if (words !== undefined) found.push({ field: words.field, path: specPath(`${pointer}/encoding/${channel}/type`), examples: words.examples });
    }
  }
  for (const key of ["layer", "hconcat", "vconcat", "concat"]) {
    const children = view[key];
    if (Array.isArray(children)) children.forEach((child, index) => isRecord(child) && visit(child, `${pointer}/${key}/${index}`, usable, written ?? [], found));
  }
}

/** Whether a field outlives the view's aggregates (only their groupby fields do; one gone is fields.ts's "missing field"). */
function keptByAggregates(transform: unknown, field: string): boolean {
  if (!Array.isArray(transform)) return true;
  return transform.every((step) => !isRecord(step) || step.aggregate === undefined || (Array.isArray(step.groupby) && step.groupby.includes(field)));
}

/** The field of a quantitative definition whose every value present is a word (not a number, not a number written as text). */
function wordsOnly(definition: unknown, rows: readonly unknown[]): { field: string; examples: string[] } | undefined {
  if (!isRecord(definition) || definition.type !== "quantitative" || typeof definition.field !== "string") return undefined;
  // An aggregate (count, distinct …) or bins make their own numbers; a nested or escaped name is not looked up here.
  if (definition.aggregate !== undefined || definition.bin !== undefined || /[.[\]\\]/.test(definition.field)) return undefined;
  const field = definition.field;
  const values = rows.flatMap((row) => (isRecord(row) && row[field] !== undefined && row[field] !== null ? [row[field]] : []));
  if (values.length === 0 || !values.every((value) => typeof value === "string" && Number.isNaN(Number(value)))) return undefined;
  const examples = [...new Set(values as string[])].slice(0, 3);
  return { field, examples };
}
