/**
 * A quantitative encoding of a field whose values are words: vega-lite draws the marks without a
 * position. `fragtax run` and `build` name the field, where it is typed, its values and what to write
 * (it said only "the chart has NaN coordinates (… e.g. 0 on a log scale)", with no field, and run said nothing).
 */
import { describe, expect, it } from "vitest";
import { appendCell, tempFolders } from "../project";
import { fragtax } from "../published-project";

const temp = tempFolders();
const chart = (x: string, values: string): string =>
  `nb.chart({ title: "Energy by day", description: "Bars", data: { values: ${values} }, mark: "bar",\n  encoding: { x: ${x}, y: { field: "e", type: "quantitative" } } });`;

describe("words on a quantitative scale", () => {
  it("are named by run and by build, at the field, with the type to use (exit 0: a warning, as a missing field is)", async () => {
    const { root } = temp.project();
    const cell = appendCell(root, "01-price.ipynb", chart('{ field: "day", type: "quantitative" }', '[{ day: "Mon", e: 1 }, { day: "Tue", e: 2 }]'));
    const expected =
      `warning: notebooks/01-price.ipynb: cell ${cell}, line 2, column 27: chart field "day" is typed "quantitative" (at encoding.x.type), but its values are text ("Mon", "Tue"), ` +
      'which a quantitative scale cannot place, so its marks are drawn without a position. Use type "nominal" for categories ("ordinal" if they have an order), or give the field numbers.';
    const ran = await fragtax(["run", "notebooks/01-price.ipynb"], { cwd: root });
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(expected);
    const built = await fragtax(["build", "--no-pdf"], { cwd: root });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain(expected);
    expect(built.stderr).not.toContain("NaN coordinates");
    expect((await fragtax(["build", "--no-pdf", "--strict"], { cwd: root })).code).toBe(1);
  }, 120_000);

  it("leave numbers written as text, nominal words and rows parsed on load alone", async () => {
    const { root } = temp.project();
    appendCell(root, "01-price.ipynb", chart('{ field: "day", type: "quantitative" }', '[{ day: "12", e: 1 }, { day: "3.5", e: 2 }]'));
    appendCell(root, "01-price.ipynb", chart('{ field: "day", type: "nominal" }', '[{ day: "Mon", e: 1 }]'));
    appendCell(root, "01-price.ipynb", chart('{ field: "day", type: "quantitative" }', '[{ day: "2026-01-05", e: 1 }], format: { parse: { day: "date" } }'));
    const built = await fragtax(["build", "--no-pdf", "--strict"], { cwd: root });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain("warning:");
  }, 120_000);
});
