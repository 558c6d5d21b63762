import { describe, expect, it } from "vitest";
import { diffFigures } from "../../src/diff/diff";
import { renderDiffText, useColour } from "../../src/diff/render";
import type { FigureValues } from "../../src/diff/figures";

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

  it("colours only a TTY without NO_COLOR", () => {
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: true }, { NO_COLOR: "" })).toBe(false);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    const diff = { from: "a", to: "b", assumptions: { added: [], removed: [], changed: [] }, figures: diffFigures([figure("x", 1)], [figure("x", 2)]) };
    expect(renderDiffText(diff, true)).toContain("\u001b[32m");
    expect(renderDiffText(diff, false)).not.toContain("\u001b[");
  });
});
