import { describe, expect, it } from "vitest";
import * as model from "../../src/model";
import { assumption } from "./helpers";

/** Freezes a value and everything reachable from it, so any write throws (ESM is strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !ArrayBuffer.isView(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Calls `fn` on a deep-frozen input and checks the input still equals a clone taken beforehand. */
function expectUnchanged<T>(input: T, fn: (frozen: T) => unknown): void {
  const before = structuredClone(input);
  fn(deepFreeze(input));
  expect(input).toEqual(before);
}

const frag = {
  stacks: 2,
  stackSpecificShare: 0.5,
  engineeringShareOfCost: 0.3,
  pools: 3,
  demandCv: 0.3,
  serviceLevel: 0.95,
  localizedShare: 0.2,
  duplicationOverhead: 0.5,
};

describe("the model does not mutate its inputs", () => {
  it("domain functions", () => {
    expectUnchanged({ gpus: 10_000, days: 60, usdPerGpuHour: 2, goodputFraction: 0.9 }, model.trainingRunCost);
    expectUnchanged({ gpus: 10_000, days: 60, usdPerGpuHour: 2 }, (run) => model.inputsForStatedCost(run, 4e8));
    expectUnchanged({ totalFlop: 1e25, peakFlopPerSecondPerGpu: 1e15, mfu: 0.4, usdPerGpuHour: 2 }, model.trainingRunCostFromFlop);
    expectUnchanged({ gpuHours: 1e6, kwPerGpu: 0.7, pue: 1.1, usdPerKwh: 0.08 }, model.energyCostUsd);
    expectUnchanged({ usdPerGpuHour: 3, tokensPerSecondPerGpu: 1000, utilizationFraction: 0.5 }, model.inferenceUsdPerMillionTokens);
    expectUnchanged({ revenueUsdByYear: [1, 2, 3], shareFraction: 0.2, capUsd: 1, firstYear: 2026 }, model.revenueSharePayments);
    expectUnchanged({ creditsUsd: 10, usableDemandUsd: 5, priceRatio: 1.2 }, model.creditValue);
    expectUnchanged(frag, model.fragmentationMultiplier);
    expectUnchanged({ ...frag, gpus: 10_000, days: 60, usdPerGpuHour: 2 }, model.trainingRunFragmentationTax);
    expectUnchanged({ nreUsd: 2e9, totalChips: 3e6, ecosystems: 6, lifetimeHours: 40_000, utilizationFraction: 0.5 }, model.nreAmortization);
    expectUnchanged({ valuationUsd: 350e9, trailingRunRateUsdPerYear: 3.5e9, forwardRunRateUsdPerYear: 9e9 }, model.valuationMultiples);
    expectUnchanged({ stated: { low: 4e8, high: 8e8 }, computed: { low: 2.88e7, high: 9.72e7 } }, (c) => model.checkClaim(c.stated, c.computed));
    expectUnchanged(
      [
        { name: "a", probability: 0.6, value: 1 },
        { name: "b", probability: 0.4, value: 2 },
      ],
      model.scenarioMixture,
    );
  });

  it("monteCarlo, tornado and rank correlation", () => {
    const inputs = {
      gpus: assumption("frontier_run_gpus", { low: 10_000, high: 15_000 }),
      days: assumption("frontier_run_days", { low: 60, high: 90 }, "uniform"),
      usdPerGpuHour: 2,
    };
    expectUnchanged(inputs, (frozen) => {
      const run = model.monteCarlo(model.trainingRunCostUsd, frozen, { samples: 500 });
      model.tornado(model.trainingRunCostUsd, frozen);
      model.rankCorrelation(run);
    });
    // The model itself gets a read-only row: a model that writes to it fails loudly.
    const writer = (x: { gpus: number }) => {
      (x as { gpus: number }).gpus = 0;
      return 1;
    };
    expect(() => model.monteCarlo(writer, { gpus: inputs.gpus }, { samples: 5 })).toThrow(TypeError);
  });

  it("summarize leaves its samples in order", () => {
    const samples = Float64Array.from([3, 1, 2]);
    model.summarize(samples);
    expect([...samples]).toEqual([3, 1, 2]);
  });

  it("summarize sorts in a buffer it keeps: a shorter set after a longer one reads only its own values", () => {
    const long = Float64Array.from({ length: 1000 }, (_, i) => 1 - i);
    expect(model.summarize(long).p5).toBeCloseTo(-948.05, 6);
    const short = model.summarize([5, 7, 6]);
    expect(short).toEqual({ mean: 6, p5: 5.1, p25: 5.5, p50: 6, p75: 6.5, p95: 6.9 });
    expect(model.summarize(Float64Array.from([1, Number.NaN])).p50).toBeNaN();
    expect(model.summarize([]).mean).toBeNaN();
    expect([...long.slice(0, 3)]).toEqual([1, 0, -1]); // the long set is still as given
  });
});
