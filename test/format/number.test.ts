import { describe, expect, it } from "vitest";
import { indefiniteArticle } from "../../src/format/count-words";
import { groupThousands, maximumSignificantDigits, formatAssumptionQuantity, formatAssumptionValue, formatDelta, formatForUnit, formatInterval, formatNumber, formatOptional, formatSummary, summaryParts } from "../../src/format/number";
import { formatFigure, formatFigureInterval, formatFigureValue } from "../../src/format/figure";
import { figureRange } from "../../src/diff/figures";
import { factorWords } from "../../src/fragmentation-tax/factors";
import type { NumberFormat } from "../../src/format/number";

const golden: ReadonlyArray<readonly [number, NumberFormat, string]> = [
  [28.8e6, "usd", "$28.8M"],
  [1.2e9, "usd", "$1.2B"],
  [1.234e9, "usd", "$1.23B"],
  [999_950, "usd", "$1M"],
  [950_000, "usd", "$950K"],
  [2.95, "usd", "$2.95"],
  [2.5, "usd", "$2.50"],
  [3, "usd", "$3"],
  [250, "usd", "$250"],
  [0.1, "usd", "$0.10"],
  [0.35, "usd", "$0.35"],
  [0.125, "usd", "$0.13"],
  [0.0042, "usd", "$0.0042"],
  [0, "usd", "$0"],
  [-1.5e6, "usd", "\u2212$1.5M"],
  [5e12, "usd", "$5T"],
  [39.4, "multiple", "39×"],
  [1.5, "multiple", "1.5×"],
  [2, "multiple", "2×"],
  // Below 1, two significant digits (one decimal wrote 0.04 as "0×").
  [0.932, "multiple", "0.93×"],
  [0.04, "multiple", "0.04×"],
  [0.996, "multiple", "1×"],
  // Just above 1 as just below it: a change shows ("1.02×", as "0.98×"), none reads "1×".
  [1.016, "multiple", "1.02×"],
  [1.004, "multiple", "1×"],
  [1.094, "multiple", "1.09×"],
  [1.1, "multiple", "1.1×"],
  [0.12, "percent", "12%"],
  [0.045, "percent", "4.5%"],
  [0.0052, "percent", "0.52%"],
  [12_000, "count", "12,000"],
  [1_234_567, "count", "1,234,567"],
  // A round count of millions in words, as dollars are in M and B; any other count whole (it is exact).
  [900_000_000, "count", "900 million"],
  [999_000_000, "count", "999 million"],
  [1_500_000_000, "count", "1.5 billion"],
  [2_000_000, "count", "2 million"],
  [12_340_000, "count", "12,340,000"],
  [-3_000_000, "count", "\u22123 million"],
  [-0.3, "count", "0"],
  [2.95, "number", "2.95"],
  [12_345, "number", "12,300"],
  [0.000123, "number", "0.000123"],
  // A number that is not zero never reads "0": below 10^-15 as a power of ten (toFixed stops at 20 decimals).
  [1.2e-15, "number", "0.0000000000000012"],
  [5e-324, "number", "4.94×10\u207b\u00b3\u00b2\u2074"],
  [1.5e-30, "usd", "$1.5×10\u207b\u00b3\u2070"],
  [1e-16, "usd", "$1×10\u207b\u00b9\u2076"],
  [-2.5e-21, "percent", "\u22122.5×10\u207b\u00b9\u2079%"],
  [Number.NaN, "usd", "n/a"],
  [Number.POSITIVE_INFINITY, "number", "n/a"],
];

describe("formatNumber", () => {
  it.each(golden)("%d as %s → %s", (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });
});

describe("intervals, summaries and figures", () => {
  const summary = { mean: 29e6, p5: 20.1e6, p25: 25e6, p50: 28.8e6, p75: 33e6, p95: 40.2e6 };

  it("writes a median and interval of multiples near 1 at one precision", () => {
    const near = { mean: 1.135, p5: 1.09, p25: 1.11, p50: 1.135, p75: 1.16, p95: 1.18 };
    // Each alone: "1.1×", "1.09×", "1.2×"; together, two decimals each.
    expect(formatSummary(near, "multiple")).toBe("1.14× (90% interval 1.09×\u20131.18×)");
    expect(formatInterval(1.09, 1.18, "multiple")).toBe("1.09×\u20131.18×");
    // Away from 1, as before.
    expect(formatSummary({ ...near, p5: 1.2, p50: 1.4, p95: 1.6 }, "multiple")).toBe("1.4× (90% interval 1.2×\u20131.6×)");
    // An end just below 1 read "1×" beside "0.68×" and "0.46×".
    expect(formatSummary({ ...near, p5: 0.46, p50: 0.68, p95: 0.998 }, "multiple")).toBe("0.68× (90% interval 0.46×\u20131.00×)");
  });

  it("writes the same at one precision where its parts are shown apart: a title card, a diff's columns, a factor and its span", () => {
    const near = { mean: 1.135, p5: 1.09, p25: 1.11, p50: 1.135, p75: 1.16, p95: 1.18 };
    expect(summaryParts(near, "multiple")).toEqual({ median: "1.14×", interval: "1.09×\u20131.18×" });
    const figure = { id: "m", label: "M", unit: "×", format: "multiple" as const, summary: near };
    expect([formatFigureValue(figure), formatFigureInterval(figure)]).toEqual(["1.14×", "1.09×\u20131.18×"]);
    expect(figureRange(near, figure)).toEqual({ p50: "1.14×", interval: "1.09×\u20131.18×" });
    expect(factorWords({ times: 1.135, span: { low: 1.09, high: 1.18 } })).toBe("1.14× (1.09×\u20131.18× across our 90% interval)");
  });

  it("writes a p5–p95 interval with an en dash", () => {
    expect(formatInterval(20.1e6, 40.2e6, "usd")).toBe("$20.1M\u2013$40.2M");
    // A point stated as a range ("$40B–$40B") reads as the point.
    expect(formatInterval(40e9, 40e9, "usd")).toBe("$40B");
    // A range from below zero: "to", as a dash beside a minus sign reads as another minus.
    expect(formatInterval(-0.15, 0.15, "percent")).toBe("\u221215% to 15%");
    expect(formatInterval(-3, -1)).toBe("\u22123 to \u22121");
    expect(formatInterval(0.6, 0.6, "percent")).toBe("60%");
  });

  it("writes a summary as median with its 90% interval", () => {
    expect(formatSummary(summary, "usd")).toBe("$28.8M (90% interval $20.1M\u2013$40.2M)");
    // Every draw the same at the report's precision: the one number, its unit where it belongs.
    expect(formatSummary({ ...summary, p5: 0, p50: 0, p95: 0 }, "usd")).toBe("$0");
    expect(formatFigure({ summary: { ...summary, p5: 0, p50: 0, p95: 0 }, format: "usd", unit: "USD/year" })).toBe("$0/year");
    expect(formatSummary({ ...summary, p5: 0.1, p50: 0.1, p95: 0.1004 }, "percent")).toBe("10%");
    expect(formatSummary({ ...summary, p5: 0, p50: 0, p95: 1e6 }, "usd")).toBe("$0 (90% interval $0\u2013$1M)");
  });

  it("keeps the per-unit denominator of a USD rate and the unit of a count", () => {
    const rate = { id: "r", label: "Rate", unit: "USD/GPU-hour", format: "usd" as const, summary: { ...summary, p5: 2, p50: 2.5, p95: 3 } };
    expect(formatFigure(rate)).toBe("$2.50/GPU-hour (90% interval $2\u2013$3/GPU-hour)");
    expect(formatFigure({ unit: "GPUs", format: "count", value: 12_000 })).toBe("12,000 GPUs");
    expect(formatFigure({ unit: "×", format: "multiple", value: 39 })).toBe("39×");
  });
});

describe("a correlation coefficient", () => {
  it("has two decimals always, the real minus, and no sign on one that rounds to zero", () => {
    expect([-0.797, 0.34, 0.5, -0.004, 1].map((x) => formatNumber(x, "correlation"))).toEqual(["\u22120.80", "0.34", "0.50", "0.00", "1.00"]);
  });
});

describe("formatAssumptionQuantity", () => {
  it.each([
    [{ range: { low: 6e9, high: 12e9 }, unit: "USD/year" }, "$6B\u2013$12B/year"],
    [{ range: { low: 2, high: 3 }, unit: "USD/GPU-hour" }, "$2\u2013$3/GPU-hour"],
    [{ value: 4e10, unit: "USD" }, "$40B"],
    [{ range: { low: 0.18, high: 0.22 }, unit: "fraction of revenue" }, "18%\u201322%"],
    [{ value: 0.6, unit: "probability" }, "60%"],
    [{ range: { low: 10000, high: 15000 }, unit: "GPUs" }, "10,000\u201315,000 GPUs"],
    [{ range: { low: 60, high: 90 }, unit: "days" }, "60\u201390 days"],
    [{ range: { low: 1e26, high: 2.5e27 }, unit: "FLOP" }, "10\u00b2\u2076\u20132.5\u00d710\u00b2\u2077 FLOP"],
    // Exactly one of a one-word plural unit is said in the singular (a what-if of one stack read "1 stacks").
    [{ value: 1, unit: "stacks" }, "1 stack"],
    [{ value: 1, unit: "companies" }, "1 company"],
    [{ value: 2, unit: "stacks" }, "2 stacks"],
    [{ value: 1, unit: "tokens/s per GPU" }, "1 tokens/s per GPU"],
    // A range whose ends read alike (a what-if's 5..5) is one number, not "5–5 GPUs".
    [{ range: { low: 5, high: 5 }, unit: "GPUs" }, "5 GPUs"],
    [{ range: { low: 0.25, high: 0.25 }, unit: "probability" }, "25%"],
  ])("%o → %s", (assumption, expected) => {
    expect(formatAssumptionQuantity(assumption)).toBe(expected);
  });

  it("leaves the unit to a table that has a column for it", () => {
    expect(formatAssumptionQuantity({ range: { low: 60, high: 90 }, unit: "days" }, { withUnit: false })).toBe("60\u201390");
    expect(formatAssumptionQuantity({ range: { low: 2, high: 3 }, unit: "USD/GPU-hour" }, { withUnit: false })).toBe("$2\u2013$3");
    expect(formatAssumptionQuantity({ range: { low: -0.15, high: 0.15 }, unit: "probability points" }, { withUnit: false })).toBe("\u221215% to 15%");
  });
});

describe("one formatter for the report, the diff, the index and messages", () => {
  it("writes changes with a sign, the real minus and the report's rounding", () => {
    expect(formatDelta(0.125, "percent")).toBe("+13%");
    expect(formatNumber(0.125, "percent")).toBe("13%");
    expect(formatDelta(1500, "usd")).toBe("+$1.5K");
    expect(formatDelta(-2.5e6, "usd")).toBe("\u2212$2.5M");
    expect(formatDelta(0, "usd")).toBe("$0");
    expect(formatDelta(null, "usd")).toBe("\u2013");
    expect(formatOptional(undefined, "usd")).toBe("\u2013");
    expect(formatOptional(1500, "usd")).toBe("$1.5K");
  });

  it("shows an assumption's number in messages as the report's tables do", () => {
    expect(formatAssumptionValue({ range: { low: 2, high: 3 }, unit: "USD/GPU-hour" })).toBe("$2\u2013$3/GPU-hour");
    expect(formatAssumptionValue({ value: 0.2, unit: "fraction" })).toBe("20%");
    expect(formatAssumptionValue({ unit: "USD" })).toBe("(none)");
    expect(formatAssumptionValue(undefined)).toBe("(none)");
  });
});

describe("calendar years", () => {
  it("prints a year without a thousands separator or 3-digit rounding, in the report, the diff and the index alike", () => {
    // Before: formatForUnit("year") was "number", so 2021 read "2,020" (3 significant digits, grouped).
    expect(formatForUnit("year")).toBe("year");
    expect(formatForUnit("years")).toBe("number"); // a duration stays a quantity
    expect(formatNumber(2021, "year")).toBe("2021");
    expect(formatNumber(2019.55, "year")).toBe("2019"); // 22 July 2019 as a decimal year falls in 2019
    expect(formatNumber(2021.9999999999, "year")).toBe("2022");
    expect(formatAssumptionQuantity({ range: { low: 2021, high: 2022 }, unit: "year" })).toBe("2021\u20132022");
    // An input is shown as the model uses it: Appendix A's "2019" hid the 2019.55 its answer rests on,
    // and a diff of 2019.55 → 2019.7 read "2019 → 2019".
    expect(formatAssumptionValue({ value: 2019.55, unit: "year" })).toBe("2019.55");
    expect(formatAssumptionValue({ value: 2019.7, unit: "year" })).toBe("2019.7");
    expect(formatAssumptionValue({ value: 2019, unit: "year" })).toBe("2019");
    expect(formatFigure({ unit: "year", format: "year", value: 2021 })).toBe("2021");
    expect(formatFigure({ unit: "year", format: "year", summary: { mean: 2021.5, p5: 2021.05, p25: 2021.25, p50: 2021.5, p75: 2021.75, p95: 2021.95 } })).toBe("2021");
  });
});

describe("indefiniteArticle", () => {
  it("says 'an' before a number said with a vowel: eight…, eleven, eighteen, and their thousands", () => {
    const an = ["85%", "8", "8.5×", "80", "800", "$8B", "11", "18%", "11,000", "18,500,000", "$800M"];
    const a = ["60%", "1", "110", "118", "1,100", "0.8", "$1.2B", "25%", "\u22128%", "180"];
    expect(an.map(indefiniteArticle)).toEqual(an.map(() => "an"));
    expect(a.map(indefiniteArticle)).toEqual(a.map(() => "a"));
  });
});

describe("maximumSignificantDigits: Intl.NumberFormat's maximumSignificantDigits without ICU", () => {
  const intl = (value: number, digits: number): string => new Intl.NumberFormat("en-US", { maximumSignificantDigits: digits, useGrouping: false }).format(value);

  it("writes what Intl writes: ties (on the shortest decimal, half away from zero), carries, tiny and huge values", () => {
    // 1.005 is stored as 1.00499999…, but both round its shortest decimal, "1.005", to 1.01.
    const values = [0, 1.005, 0.125, 2.5, 4.45, 2.675, 9.9995, 99999.5, 0.095, 1e-7, 1.5e-10, 0.1 + 0.2, 7.56801804723, 565.66, 1e20, 999999999999999900000];
    for (const value of values) for (let digits = 1; digits <= 21; digits++) expect(maximumSignificantDigits(value, digits), `${value} to ${digits}`).toBe(intl(value, digits));
    expect(maximumSignificantDigits(9.9995, 4)).toBe("10");
    expect(maximumSignificantDigits(1.5e-10, 4)).toBe("0.00000000015");
  });

  it("agrees with Intl on 20,000 values drawn over 30 orders of magnitude", () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 20_000; i++) {
      const value = random() * 10 ** Math.floor(random() * 30 - 12);
      const digits = 1 + Math.floor(random() * 21);
      expect(maximumSignificantDigits(value, digits)).toBe(intl(value, digits));
    }
  });

  it("groupThousands writes counts as en-US does", () => {
    for (const n of [0, 7, 999, 1000, 12345, 1234567, 1000000000]) expect(groupThousands(n)).toBe(n.toLocaleString("en-US"));
  });
});

describe("numbers too large to write out", () => {
  it("are three significant digits times a power of ten in every format, never e-notation grouped or Infinity for a finite value", () => {
    expect(formatNumber(Number.MAX_VALUE, "number")).toBe("1.8×10³⁰⁸");
    expect(formatNumber(1.234567895e23, "multiple")).toBe("1.23×10²³×");
    expect(formatNumber(1.234567895e23, "percent")).toBe("1.23×10²⁵%");
    expect(formatNumber(Number.MAX_VALUE, "percent")).toBe("1.8×10³¹⁰%");
    expect(formatNumber(-1e21, "count")).toBe("−10²¹");
    expect(formatNumber(1e300, "usd")).toBe("$10³⁰⁰");
    expect(formatNumber(1e21, "usd")).toBe("$10²¹");
    expect(groupThousands(3.2887946133359e301)).toBe("3.29×10³⁰¹");
    for (const format of ["number", "usd", "multiple", "percent", "count"] as const) {
      for (const x of [Number.MAX_VALUE, 1e21, 5e25, 1e300]) expect(formatNumber(x, format)).not.toMatch(/e\+|Infinity|,\d*e/);
    }
  });

  it("stay written out below 10²¹, where JavaScript writes the digits itself", () => {
    expect(formatNumber(999e18, "count")).toBe("999,000,000,000,000,000,000");
    expect(formatNumber(123456, "count")).toBe("123,456");
    expect(formatNumber(2.5e12, "usd")).toBe("$2.5T");
  });
});

describe("a count in words with its unit", () => {
  it("puts the unit after the median and after the interval, as with digits (it went after the parenthesis)", () => {
    const summary = { p5: 1e8, p25: 3e8, p50: 5e8, p75: 7e8, p95: 9.99e8, mean: 5e8 };
    expect(formatFigure({ format: "count", unit: "users", summary })).toBe("500 million users (90% interval 100 million–999 million users)");
    expect(formatFigure({ format: "count", unit: "users", summary: { ...summary, p50: 512_345_678 } })).toBe("512,345,678 users (90% interval 100 million–999 million users)");
  });
});
