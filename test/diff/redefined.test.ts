/**
 * A figure whose unit, format or label changed between two sides is reported as such in every view
 * (text, JSON, HTML, the prose guard): never "unchanged", and a new unit or format is never shown as
 * a move of the same quantity.
 */
import { describe, expect, it } from "vitest";
import { diffFigures, diffSnapshots } from "../../src/diff/diff";
import { staleProse } from "../../src/diff/prose-guard";
import { diffToJson, renderDiffPage, renderDiffText } from "../../src/diff/render";
import type { FigureValues } from "../../src/report/figures-file";

const usd: FigureValues = { id: "price", label: "Price A", unit: "USD", format: "number", p50: 1.5 };
const diffOf = (before: FigureValues, after: FigureValues) => diffSnapshots({ label: "a", assumptions: [], figures: [before] }, { label: "b", assumptions: [], figures: [after] });

describe("diff: a figure redefined", () => {
  it("reports a changed unit and label with the same value: not unchanged, no move", () => {
    const diff = diffOf(usd, { ...usd, unit: "EUR", label: "Price B" });
    const [delta] = diff.figures ?? [];
    expect(delta).toMatchObject({ status: "changed", absolute: null, relative: null });
    expect(delta?.redefined).toEqual([
      { field: "label", before: "Price A", after: "Price B" },
      { field: "unit", before: "USD", after: "EUR" },
    ]);
    const text = renderDiffText(diff, false);
    expect(text).not.toContain("unchanged");
    expect(text).toContain('  price  1.5 USD → 1.5 EUR  label "Price A" → "Price B", unit "USD" → "EUR" (another quantity: no change computed)');
    expect(JSON.parse(diffToJson(diff)).figures[0]).toMatchObject({ status: "changed", absolute: null, redefined: [{ field: "label" }, { field: "unit" }] });
    const page = renderDiffPage(diff);
    expect(page).not.toContain("figure unchanged");
    expect(page).toContain("<td>1.5 USD</td><td>1.5 EUR</td><td>label &quot;Price A&quot; → &quot;Price B&quot;, unit &quot;USD&quot; → &quot;EUR&quot; (another quantity: no change computed)</td>");
  });

  it("shows a rescale (a share written as a percent, then as a number) in each side's own format, not as a move", () => {
    const share: FigureValues = { id: "tax", label: "Tax", unit: "", format: "percent", p50: 0.2 };
    const diff = diffOf(share, { ...share, format: "number", unit: "%", p50: 20 });
    const text = renderDiffText(diff, false);
    expect(text).toContain('  tax  20% → 20 %  unit "" → "%", format "percent" → "number" (another quantity: no change computed)');
    expect(text).not.toMatch(/\+\d+(\.\d+)?( %)?, \+/); // no "+19.8, +9900%"
    // Sorted with the largest changes: a figure that is now another quantity comes first.
    expect(diffFigures([share, { ...usd, p50: 1 }], [{ ...share, unit: "%", p50: 20 }, { ...usd, p50: 3 }])[0]?.id).toBe("tax");
  });

  it("keeps the move of a figure whose format alone changed (the same number written otherwise), and its interval's", () => {
    const share: FigureValues = { id: "tax", label: "Tax", unit: "", format: "percent", p5: 0.1, p50: 0.2, p95: 0.3 };
    const same = diffOf(share, { ...share, format: "number" });
    expect(same.figures?.[0]).toMatchObject({ status: "changed", absolute: 0, relative: 0 });
    expect(renderDiffText(same, false)).toContain('format "percent" → "number"');
    expect(renderDiffText(same, false)).not.toContain("another quantity");
    // The median kept and the interval widened: the change of the interval is shown, not hidden by the new format.
    const wider = renderDiffText(diffOf(share, { ...share, format: "number", p95: 0.6 }), false);
    expect(wider).toContain('  tax  20% (10%–30%) → 0.2 (0.1–0.6)  ±0, 0%; format "percent" → "number"');
    const sections = [{ id: "a#s", notebook: "a.ipynb", heading: "s", proseSha256: "h" }];
    const guard = staleProse({ figures: [{ ...share, section: "a#s" }], claims: [], sections }, { figures: [{ ...share, format: "number", section: "a#s" }], claims: [], sections }, (value) => String(value));
    expect(guard.stale).toEqual([]);
  });

  it("keeps the move of a figure that was only relabelled, and says so", () => {
    const moved = diffOf(usd, { ...usd, label: "Price B", p50: 3 });
    expect(moved.figures?.[0]).toMatchObject({ status: "changed", absolute: 1.5, relative: 1 });
    expect(renderDiffText(moved, false)).toContain('+1.5 USD, +100%; label "Price A" → "Price B"');
    expect(renderDiffText(diffOf(usd, { ...usd, label: "Price B" }), false)).toContain('  price  1.5 USD → 1.5 USD  label "Price A" → "Price B"\n');
  });

  it("lists the section of a figure whose unit changed as prose to re-read, without a percentage", () => {
    const sections = [{ id: "a#s", notebook: "a.ipynb", heading: "s", proseSha256: "h" }];
    const guard = staleProse(
      { figures: [{ id: "cost", unit: "USD", format: "number", p50: 1e6, section: "a#s" }], claims: [], sections },
      { figures: [{ id: "cost", unit: "USD million", format: "number", p50: 1, section: "a#s" }], claims: [], sections },
      (value) => String(value),
    );
    expect(guard.stale[0]?.movements.map((m) => m.text)).toEqual(['figure cost: unit "USD" → "USD million" (another quantity: no change computed)']);
  });
});
