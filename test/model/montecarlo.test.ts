import { describe, expect, it } from "vitest";
import { parseAssumptions } from "../../src/assumptions";
import { inputsFrom, monteCarlo, summarize, trainingRunCostUsd } from "../../src/model";
import { atMedians } from "../../src/model/montecarlo";
import { DEFAULT_SEED } from "../../src/model/defaults";
import { percentilesOfSorted, selectRanks } from "../../src/model/summary";
import { assumption } from "./helpers";

const inputs = {
  gpus: assumption("frontier_run_gpus", { low: 10_000, high: 15_000 }),
  days: assumption("frontier_run_days", { low: 60, high: 90 }),
  usdPerGpuHour: assumption("h100_usd_per_gpu_hour", { low: 2, high: 3 }),
};
const cost = (x: { gpus: number; days: number; usdPerGpuHour: number }) => trainingRunCostUsd(x);

describe("monteCarlo", () => {
  it("is reproducible: the same seed gives identical samples and summaries", () => {
    const a = monteCarlo(cost, inputs, { samples: 5000, seed: 42 });
    const b = monteCarlo(cost, inputs, { samples: 5000, seed: 42 });
    expect(b.outputs.value.samples).toEqual(a.outputs.value.samples);
    expect(b.outputs.value.p50).toBe(a.outputs.value.p50);
    const c = monteCarlo(cost, inputs, { samples: 5000, seed: 43 });
    expect(c.outputs.value.samples).not.toEqual(a.outputs.value.samples);
  });

  it("uses a fixed default seed and 10,000 samples", () => {
    const a = monteCarlo(cost, inputs);
    expect(a.seed).toBe(DEFAULT_SEED);
    expect(a.samples).toBe(10_000);
    expect(monteCarlo(cost, inputs).outputs.value.mean).toBe(a.outputs.value.mean);
  });

  it("keys each input's draws by assumption id, so adding inputs leaves the others' draws alone", () => {
    const small = monteCarlo(({ gpus }) => gpus, { gpus: inputs.gpus }, { samples: 1000 });
    const large = monteCarlo(cost, inputs, { samples: 1000 });
    expect(large.inputs.gpus).toEqual(small.inputs.gpus);
  });

  it("summarizes every output of an object-returning model and keeps constants constant", () => {
    const result = monteCarlo(
      (x) => ({ usd: trainingRunCostUsd(x), gpuHours: x.gpus * x.days * 24 }),
      { ...inputs, usdPerGpuHour: 2 },
      { samples: 20_000 },
    );
    expect(Object.keys(result.outputs)).toEqual(["usd", "gpuHours"]);
    expect(result.inputs.usdPerGpuHour.every((v) => v === 2)).toBe(true);
    const { usd, gpuHours } = result.outputs;
    expect(usd.samples[17]).toBeCloseTo((gpuHours.samples[17] as number) * 2, 6);
    expect(usd.p5).toBeLessThan(usd.p25);
    expect(usd.p25).toBeLessThan(usd.p50);
    expect(usd.p50).toBeLessThan(usd.p75);
    expect(usd.p75).toBeLessThan(usd.p95);
    expect(usd.p50).toBeCloseTo(trainingRunCostUsd({ gpus: Math.sqrt(1.5e8), days: Math.sqrt(5400), usdPerGpuHour: 2 }), -6);
  });

  it("reads inputs through a tracked reader", () => {
    const text = [
      "assumptions:",
      "  - id: frontier_run_gpus",
      "    label: GPUs",
      "    unit: GPUs",
      "    range: { low: 10000, high: 15000 }",
      "    kind: source",
      "    source: { title: essay, date: 2026-04-28 }",
    ].join("\n");
    const registry = parseAssumptions(text, "a.yaml");
    const reader = registry.reader("nb.ipynb");
    const picked = inputsFrom(reader, { gpus: "frontier_run_gpus" });
    expect(atMedians(({ gpus }) => gpus * 2, picked)).toBeCloseTo(2 * Math.sqrt(1.5e8), 6);
    expect(registry.readsBy("nb.ipynb")).toEqual(["frontier_run_gpus"]);
  });

  it("rejects a bad sample count and non-numeric outputs with clear messages", () => {
    expect(() => monteCarlo(cost, inputs, { samples: 0 })).toThrow("Monte Carlo samples must be a positive integer, got 0");
    const bad = () => ({ label: "x" }) as unknown as { label: number };
    expect(() => monteCarlo(bad, inputs, { samples: 10 })).toThrow('model output "label" is not a number (got string)');
  });
});

describe("summarize", () => {
  it("gives the mean and type-7 percentiles without reordering its input", () => {
    const values = Float64Array.from([5, 1, 4, 2, 3, 10, 9, 8, 7, 6, 11]);
    const copy = Float64Array.from(values);
    expect(summarize(values)).toEqual({ mean: 6, p5: 1.5, p25: 3.5, p50: 6, p75: 8.5, p95: 10.5 });
    expect(values).toEqual(copy);
    expect(summarize([1, Number.NaN]).p50).toBeNaN();
  });

  it("gives type-7 percentiles of sorted data, ties included", () => {
    const values = Float64Array.from({ length: 10_001 }, (_, i) => ((i * 7919) % 1000) / 10);
    const sorted = Float64Array.from(values).sort();
    const type7 = (p: number) => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      return (sorted[lo] as number) + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - (sorted[lo] as number));
    };
    const ps = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999];
    expect(percentilesOfSorted(sorted, ps)).toEqual(ps.map(type7));
    expect(summarize(values).p95).toBe(type7(0.95));
  });

  it("gives exactly what a full sort gives, whatever the order, ties, infinities or signed zeros", () => {
    const bySort = (values: Float64Array) => {
      const sorted = Float64Array.from(values).sort();
      const at = (p: number) => {
        const h = (sorted.length - 1) * p;
        const lo = Math.floor(h);
        const lower = sorted[lo] as number;
        return lo === sorted.length - 1 || h === lo ? lower : lower + (h - lo) * ((sorted[lo + 1] as number) - lower);
      };
      return { p5: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95) };
    };
    let state = 12345;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cases: Array<[string, Float64Array]> = [
      ["random", Float64Array.from({ length: 100_000 }, random)],
      ["ascending", Float64Array.from({ length: 50_000 }, (_, i) => i)],
      ["descending", Float64Array.from({ length: 50_000 }, (_, i) => -i)],
      ["all equal", new Float64Array(30_000).fill(7)],
      ["few distinct values", Float64Array.from({ length: 40_001 }, () => Math.floor(random() * 3))],
      ["organ pipe", Float64Array.from({ length: 40_000 }, (_, i) => Math.min(i, 40_000 - i))],
      ["infinities (of one sign: both make the mean NaN, and every field with it)", Float64Array.from({ length: 10_000 }, (_, i) => (i % 7 === 0 ? Infinity : random() - 0.5))],
      ["signed zeros", Float64Array.from({ length: 1_001 }, (_, i) => (i % 2 === 0 ? -0 : i % 3 === 0 ? 0 : random() - 0.9))],
      ["one value", Float64Array.from([3])],
      ["two values", Float64Array.from([4, -1])],
    ];
    for (const [name, values] of cases) {
      const { mean: _mean, ...percentiles } = summarize(values);
      const expected = bySort(values);
      for (const key of Object.keys(expected) as Array<keyof typeof expected>) {
        expect(Object.is(percentiles[key], expected[key]), `${name}: ${key} ${percentiles[key]} against a sort's ${expected[key]}`).toBe(true);
      }
    }
  });

  it("puts each asked rank's value where a sort puts it, and only smaller values before it", () => {
    let state = 99;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = Float64Array.from({ length: 20_000 }, () => Math.floor(random() * 500));
    const sorted = Float64Array.from(values).sort();
    const ranks = [0, 1, 999, 1000, 9_999, 10_000, 19_998, 19_999];
    selectRanks(values, ranks);
    for (const rank of ranks) {
      expect(values[rank]).toBe(sorted[rank]);
      for (let i = 0; i < rank; i++) if ((values[i] as number) > (values[rank] as number)) throw new Error(`a larger value before rank ${rank}`);
    }
  });
});
