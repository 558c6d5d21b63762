/**
 * Real limits of the values users type: a timer longer than 2^31−1 ms overflows Node's setTimeout
 * (it fires at once), and a date must exist in the calendar (2026-02-30 does not), in years a report
 * can be about.
 */
import { isCalendarDate as isRealDay } from "./dates";

/** Node's timers hold a signed 32-bit millisecond count. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
export const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/** A cell's time limit when `--timeout` is not given: the engine's and the CLI's default, said in --help. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** `--timeout SECONDS` → milliseconds, or undefined when it is not a positive number within the timer's range. */
export function parseTimeoutSeconds(text: string): number | undefined {
  // Seconds as a person writes them (`30`, `2.5`): Number() also took `0x10` (16 s) and `1e-9` (then
  // reported as "0.001 s"). The limit's unit is a millisecond: less is no time at all.
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(text)) return undefined;
  const seconds = Number(text);
  if (seconds < 0.001 || seconds > MAX_TIMEOUT_SECONDS) return undefined;
  return Math.round(seconds * 1000);
}

/**
 * An assumptions file is a list a person writes (this report's: 69 inputs, 32 KB). Parsing takes about
 * 1.5 s and 90 MB of memory per MB of YAML, so a far larger file (a wrong path, a generated dump) would
 * run for minutes and end Node out of memory: it is refused before it is parsed.
 */
export const MAX_ASSUMPTIONS_FILE_MB = 8;

/**
 * A project file read as text (a chapter, report.yaml, the errata): a notebook with its outputs is
 * megabytes, one of hundreds carries images or data nobody meant to keep. Past Node's longest string
 * (~512 M characters) the read failed with a bare "Cannot create a string longer than 0x1fffffe8
 * characters", and well before it the notebook's JSON took gigabytes to parse: it is refused first.
 */
export const MAX_INPUT_FILE_MB = 256;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** YYYY-MM-DD that names a real day (util/dates.ts) between MIN_YEAR and MAX_YEAR: a version date. */
export function isCalendarDate(date: string): boolean {
  if (!isRealDay(date)) return false;
  const year = Number(date.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}
