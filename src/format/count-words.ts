/** Counts as prose writes them, beside the report's numbers (format/number.ts), which give digits. */
import { formatNumber } from "./number";

const SMALL_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] as const;

/** A count as prose writes it: one to nine in words ("three readings"), 10 and more in digits ("28 statements"). */
export function countAsProse(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < SMALL_NUMBER_WORDS.length ? (SMALL_NUMBER_WORDS[n] ?? String(n)) : formatNumber(n, "count");
}

/**
 * "a" or "an" before a number as formatNumber writes it, by how it is said: "an 85% probability",
 * "an 11× gap", "an 18,000-GPU run", "an $8B deal" (eight billion dollars). The leading group of
 * digits decides: eight…, eighty…, eight hundred…, eleven and eighteen (and their thousands and
 * millions) take "an"; every other number, and a negative one ("minus …"), takes "a".
 */
export function indefiniteArticle(numberText: string): "a" | "an" {
  if (/^\s*[-\u2212]/.test(numberText)) return "a";
  const lead = /\d+/.exec(numberText.replace(/,/g, " "))?.[0] ?? "";
  return lead.startsWith("8") || lead === "11" || lead === "18" ? "an" : "a";
}
