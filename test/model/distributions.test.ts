import { describe, expect, it } from "vitest";
import { distributionOf, median, monteCarlo, normalQuantile, quantile, summarize, Z95 } from "../../src/model";
import { analyticMean, sampler } from "../../src/model/distributions";
import { uniformStream } from "../../src/model/random";
import { assumption } from "./helpers";

describe("distributions", () => {
  it("computes the standard normal quantile", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(Z95, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 7);
  });

  it("a lognormal from a 90% interval has that interval and its analytic mean", () => {
    const price = assumption("price", { low: 2, high: 3 });
    expect(quantile(price, 0.05)).toBeCloseTo(2, 8);
    expect(quantile(price, 0.95)).toBeCloseTo(3, 8);
    expect(median(price)).toBeCloseTo(Math.sqrt(6), 10);
    const sigma = Math.log(1.5) / (2 * Z95);
    expect(analyticMean(price)).toBeCloseTo(Math.sqrt(6) * Math.exp((sigma * sigma) / 2), 12);
  });

  // Sampling error of a p5/p95 estimate at 100k draws is ~0.3% here (σ of ln X ≈ 0.42), of the mean ~0.15%.
  it.each([
    [2, 3],
    [10_000, 15_000],
    [0.1, 0.4],
    [1e6, 4e6],
  ])("100k samples of lognormal %s to %s reproduce p5/p95 and the analytic mean within 1%", (low, high) => {
    const a = assumption("x_lognormal", { low, high });
    const result = monteCarlo(({ x }) => x, { x: a }, { samples: 100_000, seed: 7 });
    const { p5, p95, mean } = result.outputs.value;
    expect(Math.abs(p5 / low - 1)).toBeLessThan(0.01);
    expect(Math.abs(p95 / high - 1)).toBeLessThan(0.01);
    expect(Math.abs(mean / analyticMean(a) - 1)).toBeLessThan(0.01);
  });

  it("normal, uniform, triangular and fixed have the right quantiles and means", () => {
    const normal = assumption("n", { low: -1, high: 3 }, "normal");
    expect(quantile(normal, 0.05)).toBeCloseTo(-1, 8);
    expect(quantile(normal, 0.95)).toBeCloseTo(3, 8);
    expect(analyticMean(normal)).toBe(1);
    const uniform = assumption("u", { low: 60, high: 90 }, "uniform");
    expect(quantile(uniform, 0.25)).toBe(67.5);
    expect(median(uniform)).toBe(75);
    const tri = assumption("t", { low: 0, high: 1 }, "triangular", 0.5);
    expect(quantile(tri, 0.5)).toBeCloseTo(0.5, 12);
    expect(quantile(tri, 0.125)).toBeCloseTo(0.25, 12);
    expect(analyticMean(assumption("t2", { low: 0, high: 3 }, "triangular", 0))).toBe(1);
    expect(median(assumption("f", 0.6))).toBe(0.6);
    expect(distributionOf(assumption("f", 0.6)).kind).toBe("fixed");
  });

  it("samples the triangular and uniform shapes faithfully", () => {
    const tri = assumption("t", { low: 0, high: 3 }, "triangular", 0);
    const draws = sampler(tri).fill(uniformStream(1, "t"), new Float64Array(100_000));
    const summary = summarize(draws);
    expect(summary.mean).toBeCloseTo(1, 1);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(3);
  });

  it("draws uniforms strictly inside (0, 1)", () => {
    const u = uniformStream(3).fill(new Float64Array(50_000));
    expect(Math.min(...u)).toBeGreaterThan(0);
    expect(Math.max(...u)).toBeLessThan(1);
  });
});
