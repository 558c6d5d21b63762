/**
 * figures.json as the diff and the index read it back (a published version's, or an older one's):
 * rows it cannot compare are skipped, and a field this version does not know reads as a plain value.
 */
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/format/number";
import { normalizeFigures } from "../../src/report/figures-file";

describe("figures.json read back", () => {
  it("a format this version does not know reads as a plain number (the diff printed \"undefined share of …\")", () => {
    const [row] = normalizeFigures([{ id: "share", label: "Share", unit: "", format: "fraction-ish", summary: { p5: 0.1, p50: 0.2, p95: 0.3, mean: 0.2 } }]);
    expect(row?.format).toBe("number");
    expect(formatNumber(row?.p50 ?? Number.NaN, row?.format)).toBe("0.2");
  });

  it("keeps every known format, and skips a row with no number to compare", () => {
    const rows = normalizeFigures({ figures: [{ id: "a", format: "usd", summary: { p50: 3 } }, { id: "b", format: "percent", value: 0.5 }, { id: "c", format: "usd", summary: { p50: "not a number" } }] });
    expect(rows.map((row) => [row.id, row.format])).toEqual([["a", "usd"], ["b", "percent"]]);
  });
});
