/** Counts as prose writes them, beside the report's numbers (format/number.ts), which give digits. */
import { formatNumber } from "./number";

const SMALL_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] as const;

/** A count as prose writes it: one to nine in words ("three readings"), 10 and more in digits ("28 statements"). */
export function countAsProse(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < SMALL_NUMBER_WORDS.length ? (SMALL_NUMBER_WORDS[n] ?? String(n)) : formatNumber(n, "count");
}
