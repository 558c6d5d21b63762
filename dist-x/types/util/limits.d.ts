/** Node's timers hold a signed 32-bit millisecond count. */
export declare const MAX_TIMER_MS: number;
export declare const MAX_TIMEOUT_SECONDS: number;
/** `--timeout SECONDS` → milliseconds, or undefined when it is not a positive number within the timer's range. */
export declare function parseTimeoutSeconds(text: string): number | undefined;
/**
 * An assumptions file is a list a person writes (this report's: 69 inputs, 32 KB). Parsing takes about
 * 1.5 s and 90 MB of memory per MB of YAML, so a far larger file (a wrong path, a generated dump) would
 * run for minutes and end Node out of memory: it is refused before it is parsed.
 */
export declare const MAX_ASSUMPTIONS_FILE_MB = 8;
/**
 * A project file read as text (a chapter, report.yaml, the errata): a notebook with its outputs is
 * megabytes, one of hundreds carries images or data nobody meant to keep. Past Node's longest string
 * (~512 M characters) the read failed with a bare "Cannot create a string longer than 0x1fffffe8
 * characters", and well before it the notebook's JSON took gigabytes to parse: it is refused first.
 */
export declare const MAX_INPUT_FILE_MB = 256;
export declare const MIN_YEAR = 1900;
export declare const MAX_YEAR = 2999;
/** YYYY-MM-DD that names a real day (util/dates.ts) between MIN_YEAR and MAX_YEAR: a version date. */
export declare function isCalendarDate(date: string): boolean;
