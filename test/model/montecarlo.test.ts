import { describe, expect, it } from "vitest";
import { parseAssumptions } from "../../src/assumptions";
import { inputsFrom, monteCarlo, summarize, trainingRunCostUsd } from "../../src/model";
import { atMedians } from "../../src/model/montecarlo";
import { DEFAULT_SEED } from "../../src/model/defaults";
import { percentilesOfSorted } from "../../src/model/summary";
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
});
