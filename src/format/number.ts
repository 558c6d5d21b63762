/**
 * How every number reaches a reader: one set of rules shared by the notebook API, the renderer,
 * the appendices and figures.json consumers, so "$28.8M" is written the same way everywhere.
 *
 *   usd      → $28.8M, $1.2B, $950K, $2.95, $0.10   (3 significant digits, trailing zeros dropped; cents kept)
 *   multiple → 39×, 1.5×, 0.93×
 *   percent  → 12%, 4.5%, 0.52%              (the input is a fraction: 0.12 → 12%)
 *   count    → 12,000, 900 million, 1.5 billion (a round count of millions in words, as the report
 *              writes dollars in M and B; any other count whole: 1,234,567)
 *   year     → 2021, 2019 (a calendar year: never grouped, never rounded to 3 digits; a decimal year
 *              such as 2019.55, late July 2019, reads as the year it falls in)
 *   number   → 3 significant digits, thousands separated: 2.95, 12,300
 */
import type { Summary } from "../vocabulary/results";

/**
 * How a number is written for readers. `usd` → $28.8M, `multiple` → 39×, `percent` (a fraction) → 12%,
 * `count` → 12,000, `year` → 2021, `number` → 3 significant digits with the unit after it.
 */
export type NumberFormat = "usd" | "multiple" | "percent" | "count" | "year" | "correlation" | "number";
/** Every format, in the order messages list them (spelled out, not derived: type errors then name `NumberFormat`). */
export const NUMBER_FORMATS: readonly NumberFormat[] = ["usd", "multiple", "percent", "count", "year", "correlation", "number"];

export function isNumberFormat(value: unknown): value is NumberFormat {
  return typeof value === "string" && (NUMBER_FORMATS as readonly string[]).includes(value);
}

const MINUS = "\u2212";
const EN_DASH = "\u2013";
const USD_SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
];

/** One number in the given format. Non-finite numbers read "n/a" rather than leaking NaN to readers. */
export function formatNumber(x: number, format: NumberFormat = "number"): string {
  if (!Number.isFinite(x)) return "n/a";
  const sign = x < 0 ? MINUS : "";
  const magnitude = Math.abs(x);
  switch (format) {
    case "usd":
      return `${sign}$${formatUsdMagnitude(magnitude)}`;
    case "multiple":
      // Below 1, two significant digits: one decimal wrote 0.04 as "0×" and 0.93 as "0.9×"; just above 1, three, as 0.99× has two: 1.015 read "1×", no change at all.
      return `${sign}${magnitude >= 10 ? groupThousands(Math.round(magnitude)) : magnitude >= 1.095 ? trimZeros(magnitude.toFixed(1)) : magnitude >= 1 ? significant(magnitude, 3) : significant(magnitude, 2)}×`;
    case "percent": {
      const percent = magnitude * 100;
      return `${sign}${Number.isFinite(percent) ? formatPercentMagnitude(percent) : powerOfTen(magnitude, 2)}%`;
    }
    case "count": {
      const whole = Math.round(magnitude);
      // A count that rounds to nothing has no sign: −0.3 of something is "0", not "−0".
      return `${whole === 0 ? "" : sign}${countInWords(whole) ?? groupThousands(whole)}`;
    }
    case "correlation":
      // Two decimals, always: "−0.8" beside "0.34" read as less precise (a coefficient is −1…1).
      return magnitude.toFixed(2) === "0.00" ? "0.00" : `${sign}${magnitude.toFixed(2)}`;
    case "year":
      // The year a (decimal) date falls in; a tiny tolerance so 2021.9999999 from arithmetic reads 2022.
      return `${Math.floor(x + 1e-9)}`;
    case "number":
      return `${sign}${significant(magnitude, 3)}`;
  }
}

const COUNT_SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

/**
 * A count of millions or more that three significant digits give exactly, in words ("900 million",
 * "1.5 billion"): "100,000,000–999,000,000 users" stood among "$852B" and "$110B". Undefined for any
 * other count, which is written whole: a count is exact, and "12.3 million" would round it.
 */
function countInWords(whole: number): string | undefined {
  const scale = COUNT_SCALES.find(([size]) => whole >= size);
  if (scale === undefined) return undefined;
  const value = whole / scale[0];
  return value < 1000 && Number(value.toPrecision(3)) === value ? `${trimZeros(String(value))} ${scale[1]}` : undefined;
}

/** A number that may be missing (a figure absent from one side of a diff): "–" then. */
export function formatOptional(x: number | undefined, format: NumberFormat = "number"): string {
  return x === undefined ? EN_DASH : formatNumber(x, format);
}

/** A change: "+$1.5K", "−$2.5M", "+13%" (from a fraction, 0.125), "0" for none; "–" when unknown. */
export function formatDelta(x: number | null | undefined, format: NumberFormat = "number"): string {
  if (x === null || x === undefined) return EN_DASH;
  return `${x > 0 ? "+" : ""}${formatNumber(x, format)}`;
}

/** A duration in build logs and messages: "1.23 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * "$20.1M–$40.2M": a p5–p95 (or any low–high) interval; "$40B" when both ends read the same. A
 * zero-width share is a value as given (a fixed input, a claim's exact figure), not a result, and is
 * quoted with its digits as Appendix A quotes it: the ledger wrote the Fed's 3.75% as "3.8%".
 */
export function formatInterval(low: number, high: number, format: NumberFormat = "number", also: readonly number[] = []): string {
  if (low === high && format === "percent") return exactPercent(low);
  const write = writerFor([low, high, ...also], format);
  if (write(low) === write(high)) return write(low);
  // Beside a minus sign a dash reads as another one ("−15%–15%"): a range from below zero is said "to".
  return low < 0 || high < 0 ? `${write(low)} to ${write(high)}` : `${write(low)}${EN_DASH}${write(high)}`;
}

/**
 * How the numbers said together are written: multiples between 0.1 and 10 of which one is just above 1
 * (where a third digit shows) or just below it (where two digits read "1×") all with two decimals, so a
 * median and its interval read at one precision ("1.14× (90% interval 1.09×–1.18×)", not "1.1× (90%
 * interval 1.09×–1.2×)"; "0.68× (90% interval 0.46×–1.00×)", not "… 0.46×–1×" for 0.998).
 */
function writerFor(values: readonly number[], format: NumberFormat): (x: number) => string {
  const near1 = format === "multiple" && values.every((v) => Math.abs(v) >= 0.1 && Math.abs(v) < 10) && values.some((v) => Math.abs(v) >= 0.995 && Math.abs(v) < 1.095);
  return near1 ? (x) => `${x < 0 ? MINUS : ""}${Math.abs(x).toFixed(2)}×` : (x) => formatNumber(x, format);
}

/**
 * "$28.8M (90% interval $20.1M–$40.2M)": the median with its 90% interval. An interval that reads as
 * its median (every draw the same at the report's precision: an input fixed by a what-if, no second
 * stack to pay for) is the one number: "$0 (90% interval $0)/year" said nothing the number did not.
 */
export function formatSummary(summary: Summary, format: NumberFormat = "number"): string {
  const { median, interval } = summaryParts(summary, format);
  return interval === median ? median : `${median} (90% interval ${interval})`;
}

/**
 * A median and its interval written at one precision, apart (a title card, a diff's columns, a factor
 * and its span): the two parts formatSummary joins. `interval` reads as `median` when its ends do.
 * `also`: numbers shown beside them at the same precision (a diff row's other side).
 */
export function summaryParts(summary: Pick<Summary, "p5" | "p50" | "p95">, format: NumberFormat, also: readonly number[] = []): { readonly median: string; readonly interval: string } {
  return { median: writerFor([summary.p5, summary.p50, summary.p95, ...also], format)(summary.p50), interval: formatInterval(summary.p5, summary.p95, format, [summary.p50, ...also]) };
}

/**
 * A low–high interval with its unit once ("$2.3K–$7.77K/chip", "4–6 years"; one number when both ends
 * read the same); `also`: numbers said with it, written at its precision (formatInterval).
 */
export function formatIntervalWithUnit(low: number, high: number, format: NumberFormat, unit: string, also: readonly number[] = []): string {
  return appendUnit(formatInterval(low, high, format, also), unit, format);
}

/**
 * Units the format already shows ($, ×, %) are not repeated; a per-unit USD figure keeps its
 * denominator ("USD/GPU-hour" → "$2.95/GPU-hour"); counts and plain numbers get the unit after them.
 */
export function appendUnit(text: string, unit: string, format: NumberFormat): string {
  const trimmed = unit.trim();
  if (trimmed === "") return text;
  if (format === "usd") {
    const perUnit = /^(?:USD|\$)\s*(\/.+)$/i.exec(trimmed);
    return perUnit?.[1] !== undefined ? withSuffix(text, perUnit[1]) : text;
  }
  if (format === "multiple" || format === "percent" || format === "year" || format === "correlation") return text;
  // A bare multiplier ("x" or "×") reads as one: "2–3×", not "2–3 x".
  if (/^[x\u00d7]$/i.test(trimmed)) return withSuffix(text, "\u00d7");
  return withSuffix(text, ` ${trimmed}`);
}

/**
 * The format an assumption's unit implies: USD amounts as $, shares and probabilities as %, a
 * calendar year (unit "year", singular; "years" is a duration) as a year, else plain numbers.
 */
export function formatForUnit(unit: string): NumberFormat {
  if (/^(?:USD|\$)/i.test(unit.trim())) return "usd";
  if (/^(?:calendar )?year$/i.test(unit.trim())) return "year";
  if (/\b(?:fraction|probability|share)\b/i.test(unit)) return "percent";
  return "number";
}

/**
 * An assumption's value or 90% range as readers see it, its unit where the number does not show it
 * (as a figure's, `appendUnit`): "$6B–$12B", "$2–$3/GPU-hour", "18%–22%", "10,000–15,000 GPUs",
 * "60–90 days"; huge plain quantities in powers of ten: "10²⁶–2.5×10²⁷ FLOP". A plain quantity
 * without its unit read "60–90 → 70–95" in a diff and a build's reasons. Tables with their own unit
 * column pass `withUnit: false` ("$2–$3" beside "USD/GPU-hour").
 */
export function formatAssumptionQuantity(
  a: { readonly value?: number; readonly range?: { readonly low: number; readonly high: number }; readonly unit: string },
  options: { readonly withUnit?: boolean } = {},
): string {
  const format = formatForUnit(a.unit);
  // A decimal year as written (2019.55, mid-2019): the year alone read "2019" where the model uses 2019.55.
  const one = (x: number): string =>
    format === "number" && Math.abs(x) >= 1e9 ? powerOfTen(x) : format === "percent" ? exactPercent(x) : format === "year" && Math.abs(x - Math.round(x)) > 1e-9 ? significant(x, 6) : formatNumber(x, format);
  // From below zero, "to", as formatInterval says it.
  const between = a.range !== undefined && (a.range.low < 0 || a.range.high < 0) ? " to " : EN_DASH;
  // A range whose ends read alike (a what-if's 5..5) is one number, as an interval that reads as its median is.
  const ends = a.range === undefined ? undefined : ([one(a.range.low), one(a.range.high)] as const);
  const body = ends !== undefined ? (ends[0] === ends[1] ? ends[0] : `${ends[0]}${between}${ends[1]}`) : a.value !== undefined ? one(a.value) : "n/a";
  return options.withUnit === false ? body : appendUnit(body, a.range === undefined && a.value === 1 && format === "number" ? singularUnit(a.unit) : a.unit, format);
}

/**
 * A one-word plural unit for exactly one of it ("stacks" → "1 stack", "companies" → "1 company"): a
 * what-if of one stack read "1 stacks". A compound unit ("tokens/s per GPU") is left as written.
 */
function singularUnit(unit: string): string {
  const word = unit.trim();
  if (!/^[A-Za-z]+s$/.test(word) || /ss$/.test(word)) return unit;
  return /[^aeiou]ies$/i.test(word) ? `${word.slice(0, -3)}y` : word.slice(0, -1);
}

/**
 * An input's share as written in the file, up to four significant digits: a result's two digits
 * quoted the Fed's 3.75% upper bound as "3.8%" (and a diff of 3.75% → 3.8% read "3.8% → 3.8%").
 * Values that need no more than two digits read as formatNumber writes them ("20%", "4.5%").
 */
function exactPercent(x: number): string {
  const percent = Math.abs(x) * 100;
  for (const digits of [2, 3, 4]) {
    const rounded = Number(percent.toPrecision(digits));
    if (Math.abs(rounded - percent) <= 1e-9 * Math.max(1, percent)) {
      return digits === 2 ? formatNumber(x, "percent") : `${x < 0 ? MINUS : ""}${significant(percent, digits)}%`;
    }
  }
  return formatNumber(x, "percent");
}

/** An assumption's number in a one-line message ("$2–$3/GPU-hour → $2.50–$3.50/GPU-hour"); "(none)" without one. */
export function formatAssumptionValue(
  content: { readonly value?: number; readonly range?: { readonly low: number; readonly high: number }; readonly unit: string } | undefined,
): string {
  if (content === undefined || (content.value === undefined && content.range === undefined)) return "(none)";
  return formatAssumptionQuantity(content);
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** An exponent as superscript: −324 → ⁻³²⁴. */
function superscript(exponent: number): string {
  return [...String(exponent)].map((digit) => (digit === "-" ? "\u207b" : (SUPERSCRIPT_DIGITS[Number(digit)] ?? digit))).join("");
}

/**
 * Three significant digits times a power of ten (2.5×10⁹, 10²¹); `shift` adds to the exponent (a
 * share too large to multiply by 100 as a percent). Also every number from 10²¹ up, where JavaScript
 * writes `1.2e+23` itself: grouped, that read "1.234,567,895e+23×", and 10³⁰⁸ rounded past the largest
 * double read "Infinity".
 */
function powerOfTen(x: number, shift = 0): string {
  // From toExponential, not by dividing: its rounding carries into the exponent (9.996×10⁹ is 10¹⁰, not "10×10⁹").
  const [mantissaText = "", exponentText = "0"] = Math.abs(x).toExponential(2).split("e");
  const mantissa = trimZeros(mantissaText);
  return `${x < 0 ? MINUS : ""}${mantissa === "1" ? "" : `${mantissa}×`}10${superscript(Number(exponentText) + shift)}`;
}

/** Where JavaScript's own writing of a number turns to e-notation (`String(1e21)` is "1e+21"). */
const E_NOTATION = 1e21;

// "(90% interval …)" must stay last, so a unit suffix goes after the median and after each interval end.
function withSuffix(text: string, suffix: string): string {
  // A count in words ("500 million") is one number with a space in it.
  const match = /^(\S+(?: (?:million|billion|trillion))?) \(90% interval (\S+(?: (?:million|billion|trillion))?)\u2013(\S+(?: (?:million|billion|trillion))?)\)$/.exec(text);
  if (match === null) return `${text}${suffix}`;
  return `${match[1]}${suffix} (90% interval ${match[2]}${EN_DASH}${match[3]}${suffix})`;
}

function formatUsdMagnitude(magnitude: number): string {
  // A million trillion and up: "$1,000,000T" says less than a power of ten.
  if (magnitude >= 1e18) return powerOfTen(magnitude);
  for (const [scale, suffix] of USD_SCALES) {
    // Round first so 999,950 reads $1M, not $1000K.
    if (Number(magnitude.toPrecision(3)) >= scale) return `${significant(magnitude / scale, 3)}${suffix}`;
  }
  if (magnitude >= 100) return groupThousands(Math.round(magnitude));
  return magnitude >= 1 ? significantFixed(magnitude) : underADollar(magnitude);
}

/**
 * Under a dollar: two significant digits written to the cent at least ($0.10, $0.35, $0.0042), as
 * prices are read; "$0.1/chip-hour" read as a different kind of number beside "$2.50/GPU-hour".
 */
function underADollar(magnitude: number): string {
  if (magnitude === 0) return "0";
  const text = significant(magnitude, 2);
  if (text.includes("×")) return text; // a power of ten: far below a cent
  const decimals = text.split(".")[1]?.length ?? 0;
  return decimals >= 2 ? text : magnitude.toFixed(2);
}

// Dollar amounts under $100: whole dollars stay whole ($3), otherwise cents under $10 ($2.50)
// and one decimal above ($12.5).
function significantFixed(magnitude: number): string {
  if (magnitude >= 10) return trimZeros(magnitude.toFixed(1));
  const cents = magnitude.toFixed(2);
  return cents.endsWith(".00") ? cents.slice(0, -3) : cents;
}

function formatPercentMagnitude(percent: number): string {
  if (percent >= 10 || percent === 0) return groupThousands(Math.round(percent));
  return significant(percent, 2);
}

/**
 * `digits` significant digits, trailing zeros dropped, thousands grouped, never in e-notation. Below
 * 10⁻¹⁵, where the digits would follow more than fifteen zeros (and past toFixed's twenty decimals, a
 * number that is not zero read "0"), as a power of ten: 4.9×10⁻³²⁴.
 */
function significant(magnitude: number, digits: number): string {
  if (magnitude === 0) return "0";
  const rounded = Number(magnitude.toPrecision(digits));
  if (!(rounded < E_NOTATION)) return powerOfTen(magnitude); // not `>=`: the largest doubles round up to Infinity
  if (rounded >= 10 ** digits) return groupThousands(Math.round(rounded));
  if (rounded < 1e-15) {
    // From toExponential: 10 ** −324 is 0 in doubles, so the mantissa cannot be divided out.
    const [mantissa = "", exponent = ""] = rounded.toExponential(digits - 1).split("e");
    return `${trimZeros(mantissa)}×10${superscript(Number(exponent))}`;
  }
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(rounded)));
  return trimZeros(rounded.toFixed(Math.min(decimals, 20)));
}

/**
 * `value` (finite, ≥ 0) to at most `digits` significant digits (1–21), as Intl.NumberFormat's
 * `maximumSignificantDigits` writes it with grouping off: the shortest decimal that reads back as
 * `value`, rounded half away from zero, trailing zeros dropped, never in e-notation. Written out
 * because the first Intl.NumberFormat of a process loads ICU's number data, ~20 ms of every build that
 * draws a chart.
 */
export function maximumSignificantDigits(value: number, digits: number): string {
  if (value === 0) return "0";
  // toExponential() without a count gives the shortest digits that read back as the value.
  const [mantissa = "", exponentText = "0"] = value.toExponential().split("e");
  let kept = mantissa.replace(".", "");
  let exponent = Number(exponentText);
  if (kept.length > digits) {
    const roundUp = kept.charCodeAt(digits) - 48 >= 5;
    kept = kept.slice(0, digits);
    if (roundUp) {
      const carried = (BigInt(kept) + 1n).toString();
      if (carried.length > kept.length) exponent += 1; // 9.99 → 10.0
      kept = carried.slice(0, digits);
    }
  }
  kept = kept.replace(/0+$/, "");
  if (exponent < 0) return `0.${"0".repeat(-exponent - 1)}${kept}`;
  if (kept.length <= exponent + 1) return kept + "0".repeat(exponent + 1 - kept.length);
  return `${kept.slice(0, exponent + 1)}.${kept.slice(exponent + 1)}`;
}

/** An integer with its thousands grouped by commas ("12,345"), as en-US writes it. */
export function groupThousands(integer: number): string {
  if (Number.isFinite(integer) && Math.abs(integer) >= E_NOTATION) return powerOfTen(integer);
  return integer.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}
