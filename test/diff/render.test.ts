import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/format/number";
import { diffFigures } from "../../src/diff/diff";
import { renderChangesSection, renderDiffText, useColour } from "../../src/diff/render";
import type { FigureValues } from "../../src/report/figures-file";

const figure = (id: string, p50: number): FigureValues => ({ id, label: id, unit: "USD", format: "usd", p50 });

describe("diff ordering and colour", () => {
  it("orders figures by largest relative change, a change from zero first, unchanged last", () => {
    const deltas = diffFigures(
      [figure("small", 100), figure("big", 100), figure("from_zero", 0), figure("same", 5), figure("gone", 1)],
      [figure("small", 101), figure("big", 50), figure("from_zero", 3), figure("same", 5), figure("new", 1)],
    );
    expect(deltas.map((d) => `${d.id}:${d.status}`)).toEqual(["from_zero:changed", "big:changed", "small:changed", "new:added", "gone:removed", "same:unchanged"]);
    expect(deltas[1]).toMatchObject({ absolute: -50, relative: -0.5 });
    expect(deltas[0]?.relative).toBeNull();
  });

  it("counts a move of the last bits as unchanged, in the terminal and in the What changed section", () => {
    // The same figure reached by another order of operations: 0.1 + 0.2 is not 0.3 in binary.
    const share = (p50: number, p95: number): FigureValues => ({ id: "share", label: "Share", unit: "share", format: "percent", p5: 0.061, p50, p95 });
    const alternatives = (p50: number): FigureValues => ({ ...figure("tax", 1e9), alternatives: [{ id: "a", label: "A", p50 }] });
    const deltas = diffFigures([share(0.3, 0.17), alternatives(0.3)], [share(0.1 + 0.2, 0.17 + 1e-17), alternatives(0.1 + 0.2)]);
    expect(deltas.map((d) => d.status)).toEqual(["unchanged", "unchanged"]);
    const diff = { from: "a", to: "b", assumptions: { added: [], removed: [], changed: [] }, figures: deltas };
    expect(renderDiffText(diff, false)).toContain("2 figures unchanged");
    expect(renderDiffText(diff, false)).not.toMatch(/0\.0000/);
    expect(renderChangesSection(diff, "a").value).not.toMatch(/<tr class="(up|down|same)">/);
    // A real move, however small against the figure, is still one: a thousandth of a point.
    expect(diffFigures([share(0.3, 0.17)], [share(0.30001, 0.17)])[0]?.status).toBe("changed");
    // So is one below a billionth that crosses the figure's rounding, and one to or from a number that is not finite.
    const one = (format: FigureValues["format"], p50: number): FigureValues => ({ id: "x", label: "x", unit: "u", format, p50 });
    const moved = (format: FigureValues["format"], before: number, after: number) => diffFigures([one(format, before)], [one(format, after)])[0]?.status;
    expect(moved("count", 1234567891, 1234567892)).toBe("changed");
    expect(moved("year", 2027.99999999, 2028)).toBe("changed");
    expect(moved("usd", 999499999.9999, 999500000.0001)).toBe("changed");
    expect(moved("number", 12.35, 12.3500000001)).toBe("changed");
    expect(moved("number", Number.POSITIVE_INFINITY, 1e308)).toBe("changed");
    expect(moved("usd", 1.37e9, 1.37e9 * (1 + 1e-15))).toBe("unchanged");
  });

  it("colours only a TTY without NO_COLOR", () => {
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: true }, { NO_COLOR: "" })).toBe(false);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    const diff = { from: "a", to: "b", assumptions: { added: [], removed: [], changed: [] }, figures: diffFigures([figure("x", 1)], [figure("x", 2)]) };
    expect(renderDiffText(diff, true)).toContain("\u001b[32m");
    expect(renderDiffText(diff, false)).not.toContain("\u001b[");
  });
});

describe("figures in a diff read like the report", () => {
  const flop = (p50: number): FigureValues => ({ id: "run_flop", label: "Compute", unit: "×10²⁵ FLOP", format: "number", p5: p50 - 1, p50, p95: p50 + 1 });
  const same = Array.from({ length: 38 }, (_, i) => figure(`same_${i}`, 1e9 + i));
  const diff = {
    from: "a",
    to: "b",
    assumptions: { added: [], removed: [], changed: [] },
    figures: diffFigures([flop(2.74), figure("cost", 58.7e6), ...same], [flop(3.1), figure("cost", 67.8e6), ...same]),
  };

  it("collapses the unchanged figures into one line in the terminal and in the What changed section", () => {
    const text = renderDiffText(diff, false);
    expect(text).toContain("\n  38 figures unchanged\n");
    expect(text).not.toContain("same_0");
    expect(text).not.toMatch(/\+0, \+0%/);
    const section = renderChangesSection(diff, "a").value;
    expect(section).toContain("<summary>38 figures unchanged</summary>");
    expect(section.match(/<tr class="(up|down|same)">/g)?.length).toBe(2);
  });

  it("keeps units and uses the report's number format", () => {
    const text = renderDiffText(diff, false);
    expect(text).toContain("run_flop  2.74 ×10²⁵ FLOP (1.74–3.74 ×10²⁵ FLOP) → 3.1 ×10²⁵ FLOP (2.1–4.1 ×10²⁵ FLOP)  +0.36 ×10²⁵ FLOP, +13%");
    expect(text).toContain(`cost  ${formatNumber(58.7e6, "usd")} → ${formatNumber(67.8e6, "usd")}  +$9.1M, +16%`);
    expect(renderChangesSection(diff, "a").value).toContain("3.1 ×10²⁵ FLOP <small>(2.1–4.1 ×10²⁵ FLOP)</small>");
  });

  it("writes a multiple's move as a difference, not as a factor", () => {
    const multiple = (p50: number): FigureValues => ({ id: "trailing_multiple", label: "Trailing multiple", unit: "×", format: "multiple", p5: p50 / 2, p50, p95: p50 * 2 });
    const moved = { from: "a", to: "b", assumptions: { added: [], removed: [], changed: [] }, figures: diffFigures([multiple(2.8)], [multiple(1.5)]) };
    const line = renderDiffText(moved, false).split("\n").find((l) => l.includes("trailing_multiple")) ?? "";
    expect(line).toContain("2.8× (1.4×–5.6×) → 1.5× (0.75×–3×)  \u22121.3, \u221246%");
    const row = renderChangesSection(moved, "a").value;
    expect(row).toContain("\u22121.3");
    expect(row).not.toContain("\u22121.3×");
  });

  // Each side chose its own precision: an unchanged median of 1.135 read "1.14×" before and "1.1×" after.
  it("writes a row's two sides at one precision", () => {
    const near = (p5: number, p95: number): FigureValues => ({ id: "near_one", label: "Near one", unit: "×", format: "multiple", p5, p50: 1.135, p95 });
    const moved = { from: "a", to: "b", assumptions: { added: [], removed: [], changed: [] }, figures: diffFigures([near(1.05, 1.2)], [near(1.11, 1.4)]) };
    const line = renderDiffText(moved, false).split("\n").find((l) => l.includes("near_one")) ?? "";
    expect(line).toContain("1.14× (1.05×–1.20×) → 1.14× (1.11×–1.40×)");
    expect(renderChangesSection(moved, "a").value).toContain("1.14× <small>(1.11×–1.40×)</small>");
  });
});
