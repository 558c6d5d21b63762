/**
 * Run-time guards of the notebook API. A notebook is type-checked by `fragtax check` and tslab, but a
 * cell can still hand the API a value TypeScript never saw (an `any`, a JSON read, a typo in plain
 * JS): the guards make such a value an error that names the field, instead of "undefined", "NaN" or
 * "[object Object]" in the report. The engine adds the notebook and cell to the thrown message.
 */
import * as messages from "../messages/report";
import { markerInRecord } from "../messages/ledger";
import { VERDICTS } from "../vocabulary/results";
import { isNumberFormat, NUMBER_FORMATS } from "../format/number";
import { fieldError } from "../vocabulary/api-error-marks";
import type { Driver, NumberFormat, Summary, Verdict } from "./types";

/** The six numbers of a Summary, in the order a reader would look for the first bad one. */
export const SUMMARY_KEYS = ["p50", "p5", "p95", "p25", "p75", "mean"] as const;

export function checkFormat(call: string, format: unknown): NumberFormat {
  if (isNumberFormat(format)) return format;
  throw fieldError("format", messages.apiBadChoice(call, "format", describe(format), NUMBER_FORMATS));
}

export function checkVerdict(call: string, verdict: unknown): Verdict {
  if (typeof verdict === "string" && (VERDICTS as readonly string[]).includes(verdict)) return verdict as Verdict;
  throw fieldError("verdict", messages.apiBadChoice(call, "verdict", describe(verdict), VERDICTS));
}

/** A unit may be empty (a pure number), but it must be a string: it is printed after the value. */
export function checkUnit(call: string, unit: unknown): string {
  if (typeof unit === "string") return withoutMarker(call, "unit", unit);
  throw fieldError("unit", messages.apiMissingText(call, "unit", describe(unit)));
}

/** An optional text (a claim's note): absent, or a string the report can print. */
export function checkOptionalText(call: string, field: string, value: unknown): string | undefined {
  if (value === undefined) return value;
  if (typeof value === "string") return withoutMarker(call, field, value);
  throw fieldError(field, messages.apiBadOptional(call, field, describe(value), "a string"));
}

/** What a verdict rests on: absent, or a list of assumption ids and `{ id, share }` weights (`run.drivers(…)`). */
export function checkDrivers(call: string, drivers: unknown): readonly (string | Driver)[] | undefined {
  if (drivers === undefined) return undefined;
  if (!Array.isArray(drivers)) throw fieldError("drivers", messages.apiBadOptional(call, "drivers", describe(drivers), "a list of assumption ids or { id, share } weights"));
  return drivers.map((driver: unknown, index) => {
    if (typeof driver !== "object" || driver === null) return checkText(call, `drivers[${index}]`, driver);
    const { id, share } = driver as Record<string, unknown>;
    // A NaN share (an output that does not vary) is a number: claimBasis leaves it out of the weights.
    if (typeof share !== "number") throw fieldError(`drivers[${index}].share`, messages.apiBadNumber(call, `drivers[${index}].share`, describe(share)));
    return { id: checkText(call, `drivers[${index}].id`, id), share };
  });
}

/**
 * An id names its record in figures.json and claims.json, in `fragtax diff` and in errata, where it is
 * written as it is: one word of letters, digits and _ . - (a space or a quote in it split or broke those).
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function checkId(call: string, field: string, value: unknown): string {
  const id = checkText(call, field, value);
  if (ID.test(id)) return id;
  const word = id.replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^[_.-]+|[_.-]+$/g, "");
  throw fieldError(field, messages.apiBadId(call, field, describe(id), word === "" ? undefined : word));
}

export function checkText(call: string, field: string, value: unknown): string {
  if (typeof value === "string" && value.trim() !== "") return withoutMarker(call, field, value);
  throw fieldError(field, messages.apiMissingText(call, field, describe(value)));
}

export function checkNumber(call: string, field: string, value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw fieldError(field, messages.apiBadNumber(call, field, describe(value)));
}

/**
 * Exactly the six numbers of a Summary. Anything else the object carries (a Monte Carlo output's
 * `samples`, a caller's own fields) is left out, so figures.json holds the summary and nothing more.
 */
export function checkSummary(call: string, field: string, value: unknown): Summary {
  if (typeof value !== "object" || value === null) throw fieldError(field, messages.apiBadSummary(call, field, describe(value)));
  const record = value as Record<string, unknown>;
  const picked: Record<string, number> = {};
  for (const key of SUMMARY_KEYS) picked[key] = checkNumber(call, `${field}.${key}`, record[key]);
  // The percentiles must rise, or the page would print "1 (90% interval 9–0)"; the mean may lie outside them (a long tail).
  const rising = ["p5", "p25", "p50", "p75", "p95"] as const;
  rising.slice(1).forEach((upper, index) => {
    const lower = rising[index] ?? "p5";
    const [lowerValue, upperValue] = [picked[lower] ?? 0, picked[upper] ?? 0];
    if (lowerValue > upperValue) throw fieldError(field, messages.apiSummaryDisordered(call, field, lower, lowerValue, upper, upperValue));
  });
  return picked as unknown as Summary;
}

/** A `{ low, high }` range of finite numbers, low end first (a claim's stated and computed, nb.fmt's range). */
export function checkRange(call: string, field: string, value: unknown): { low: number; high: number } {
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const low = checkNumber(call, `${field}.low`, record.low);
  const high = checkNumber(call, `${field}.high`, record.high);
  if (low > high) throw fieldError(field, messages.apiRangeReversed(call, field, low, high));
  return { low, high };
}

/** How a wrong value reads in a message: its kind, and a short text of it where that helps. */
export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "an array";
  return `${typeof value === "object" ? "an" : "a"} ${typeof value}`;
}

/**
 * The private-use characters around `nb.words.ledger()` and `countedClaims()` output (words.ts): the
 * render fills them in nb.md text only, so in a record's text (a label, a claim) they reached
 * figures.json and the page as they were, with the run's key. Refused where the record is made.
 */
const MARKER = /[\uE000\uE001]/;

function withoutMarker(call: string, field: string, text: string): string {
  if (MARKER.test(text)) throw fieldError(field, markerInRecord(call, field));
  return text;
}
