/**
 * Run-time guards of the notebook API. A notebook is type-checked by `fragtax check` and tslab, but a
 * cell can still hand the API a value TypeScript never saw (an `any`, a JSON read, a typo in plain
 * JS): the guards make such a value an error that names the field, instead of "undefined", "NaN" or
 * "[object Object]" in the report. The engine adds the notebook and cell to the thrown message.
 */
import * as messages from "../messages/report";
import type { NumberFormat, Summary } from "./types";

export const NUMBER_FORMATS: readonly NumberFormat[] = ["usd", "multiple", "percent", "count", "year", "number"];

/** The six numbers of a Summary, in the order a reader would look for the first bad one. */
export const SUMMARY_KEYS = ["p50", "p5", "p95", "p25", "p75", "mean"] as const;

export function checkFormat(call: string, format: unknown): NumberFormat {
  if (typeof format === "string" && (NUMBER_FORMATS as readonly string[]).includes(format)) return format as NumberFormat;
  throw new Error(messages.apiBadFormat(call, describe(format), NUMBER_FORMATS));
}

export function checkText(call: string, field: string, value: unknown): string {
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new Error(messages.apiMissingText(call, field, describe(value)));
}

export function checkNumber(call: string, field: string, value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new Error(messages.apiBadNumber(call, field, describe(value)));
}

/**
 * Exactly the six numbers of a Summary. Anything else the object carries (a Monte Carlo output's
 * `samples`, a caller's own fields) is left out, so figures.json holds the summary and nothing more.
 */
export function checkSummary(call: string, field: string, value: unknown): Summary {
  if (typeof value !== "object" || value === null) throw new Error(messages.apiBadSummary(call, field, describe(value)));
  const record = value as Record<string, unknown>;
  const picked: Record<string, number> = {};
  for (const key of SUMMARY_KEYS) picked[key] = checkNumber(call, `${field}.${key}`, record[key]);
  return picked as unknown as Summary;
}

/** How a wrong value reads in a message: its kind, and a short text of it where that helps. */
export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
