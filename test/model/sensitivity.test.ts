import { describe, expect, it } from "vitest";
import { monteCarlo, rankCorrelation, rankCorrelations, spearman, tornado } from "../../src/model";
import { ranks } from "../../src/model/sensitivity";
import { assumption } from "./helpers";

// output = 10·a + b with a and b on the same range: a must dominate.
const inputs = {
  a: assumption("a", { low: 1, high: 3 }, "uniform"),
  b: assumption("b", { low: 1, high: 3 }, "uniform"),
  c: 5,
};
const model = (x: { a: number; b: number; c: number }) => 10 * x.a + x.b + x.c;

describe("sensitivity", () => {
  it("tornado swings each input p5↔p95 with the others at median", () => {
    const result = tornado(model, inputs);
    expect(result.base).toBe(10 * 2 + 2 + 5);
    expect(result.rows.map((row) => row.input)).toEqual(["a", "b"]);
    const [a, b] = result.rows;
    expect(a?.inputLow).toBeCloseTo(1.1, 12);
    expect(a?.inputHigh).toBeCloseTo(2.9, 12);
    expect(a?.outputAtLow).toBeCloseTo(10 * 1.1 + 2 + 5, 12);
    expect(a?.swing).toBeCloseTo(18, 10);
    expect(b?.swing).toBeCloseTo(1.8, 10);
  });

  it("rank correlation from Monte Carlo samples ranks a far above b", () => {
    const run = monteCarlo(model, inputs, { samples: 20_000 });
    const rows = rankCorrelation(run);
    expect(rows.map((row) => row.input)).toEqual(["a", "b"]);
    expect(rows[0]?.rho).toBeGreaterThan(0.97);
    expect(rows[1]?.rho).toBeGreaterThan(0.03);
    expect(rows[1]?.rho).toBeLessThan(0.2);
  });

  it("names the output to analyse when there are several", () => {
    const two = (x: { a: number; b: number; c: number }) => ({ up: 10 * x.a + x.b, down: -x.b });
    expect(() => tornado(two, inputs)).toThrow('the model returns several outputs ("up", "down")');
    expect(tornado(two, inputs, { output: "down" }).rows[0]?.input).toBe("b");
    expect(() => tornado(two, inputs, { output: "sideways" as "up" })).toThrow('the model has no output "sideways"');
    const run = monteCarlo(two, inputs, { samples: 2000 });
    expect(rankCorrelation(run, { output: "down" })[0]).toMatchObject({ input: "b", rho: -1 });
    // Several outputs at once give what one call per output gives, each input ranked once.
    expect(rankCorrelations(run, ["up", "down"])).toEqual({ up: rankCorrelation(run, { output: "up" }), down: rankCorrelation(run, { output: "down" }) });
    expect(() => rankCorrelations(run, ["up", "sideways" as "up"])).toThrow('the model has no output "sideways"');
  });

  it("ranks ties by their average rank; Spearman of a monotone map is 1", () => {
    expect(ranks(Float64Array.from([10, 20, 20, 5]))).toEqual(Float64Array.from([2, 3.5, 3.5, 1]));
    const x = Float64Array.from([1, 2, 3, 4, 5]);
    expect(spearman(x, x.map((v) => v ** 3))).toBeCloseTo(1, 12);
    expect(spearman(x, x.map((v) => -v))).toBeCloseTo(-1, 12);
  });
});
