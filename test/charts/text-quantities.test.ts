/**
 * A quantitative encoding of a field whose values are words: vega-lite draws the marks without a
 * position. `fragtax run` and `build` name the field, where it is typed, its values and what to write
 * (it said only "the chart has NaN coordinates (… e.g. 0 on a log scale)", with no field, and run said nothing).
 */
import { describe, expect, it } from "vitest";
import { textOnQuantities } from "../../src/charts/text-quantities";
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

  it("are named past transforms that keep the field's values (a filter), not where a transform writes the field or drops it", () => {
    const rows = { values: [{ day: "Mon", e: 1 }, { day: "Tue", e: 2 }] };
    const encoding = { x: { field: "day", type: "quantitative" }, y: { field: "e", type: "quantitative" } };
    const fields = (transform: unknown[], layer?: unknown): string[] =>
      textOnQuantities({ data: rows, transform, ...(layer === undefined ? { mark: "bar", encoding } : { layer }) }).map((found) => `${found.field} at ${found.path}`);
    // Any transform used to silence it: a filter keeps the words as they were.
    expect(fields([{ filter: "datum.e > 0" }])).toEqual(["day at encoding.x.type"]);
    expect(fields([{ filter: "datum.e > 0" }, { aggregate: [{ op: "sum", field: "e", as: "e" }], groupby: ["day"] }])).toEqual(["day at encoding.x.type"]);
    // A transform that writes the field, drops it (an aggregate not grouping by it) or is not modelled (pivot): nothing said.
    expect(fields([{ calculate: "length(datum.day)", as: "day" }])).toEqual([]);
    expect(fields([{ aggregate: [{ op: "count", as: "n" }], groupby: ["e"] }])).toEqual([]);
    expect(fields([{ pivot: "day", value: "e" }])).toEqual([]);
    // A layer inherits its parent's rows and what its transforms wrote.
    expect(fields([{ filter: "datum.e > 0" }], [{ mark: "bar", encoding }])).toEqual(["day at layer[0].encoding.x.type"]);
    expect(fields([{ calculate: "length(datum.day)", as: "day" }], [{ mark: "bar", encoding }])).toEqual([]);
  });
});
