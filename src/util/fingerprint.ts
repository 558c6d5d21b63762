/**
 * Content hashes and canonical JSON: the vocabulary every cache key, manifest and diff is written in.
 * Canonical means key order never depends on how an object was built, so equal content → equal bytes.
 */
import { createHash } from "node:crypto";
import type { Assumption } from "../assumptions/types";

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Recursively sorts object keys; drops `undefined` fields (as JSON would) so they never alter a hash. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const field = (value as Record<string, unknown>)[key];
      if (field !== undefined) sorted[key] = sortKeys(field);
    }
    return sorted;
  }
  return value;
}

/** Compact canonical JSON, for hashing. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Stable, pretty JSON (sorted keys, two spaces, trailing newline), for files people and git read. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/**
 * What of an assumption can change a notebook's output: everything but its position in the file
 * (moving an entry, or editing its neighbour, must not re-run the notebooks that read it).
 */
export type AssumptionContent = Omit<Assumption, "position">;

export function assumptionContent(assumption: Assumption): AssumptionContent {
  // Spread-then-delete keeps every other field, including ones added to the type later.
  const { position: _position, ...content } = assumption;
  return sortKeys(content) as AssumptionContent;
}

/** "2–3" for a range, "2.95" for a value: how messages show an assumption's number. */
export function formatAssumptionValue(content: Pick<Assumption, "value" | "range"> | undefined): string {
  if (!content) return "(none)";
  if (content.range) return `${formatNumber(content.range.low)}–${formatNumber(content.range.high)}`;
  if (content.value !== undefined) return formatNumber(content.value);
  return "(none)";
}

const COMPACT = new Intl.NumberFormat("en", { notation: "compact", maximumSignificantDigits: 4 });

/** Exact for everyday numbers ("2.95"), compact for large ones ("6B" rather than 6000000000, "1e26"). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e15) return Number(value.toPrecision(4)).toExponential().replace("e+", "e");
  if (Math.abs(value) >= 1e4) return COMPACT.format(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
