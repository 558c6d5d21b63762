import { describe, expect, it } from "vitest";
import { checkClaim, computedRange, factorSpan, flopDelivered, inputsForStatedCost, trainingRunCost, trainingRunCostFromFlop, trainingRunCostUsd } from "../../src/model";

describe("training run cost", () => {
  it("10,000 GPUs × 60 days × 24 h × $2/GPU-hour = $28.8M", () => {
    expect(trainingRunCost({ gpus: 10_000, days: 60, usdPerGpuHour: 2 })).toEqual({ gpuHours: 14_400_000, usd: 28_800_000 });
  });

  it("the essay's input box spans $28.8M–$97.2M", () => {
    const low = trainingRunCostUsd({ gpus: 10_000, days: 60, usdPerGpuHour: 2 });
    const high = trainingRunCostUsd({ gpus: 15_000, days: 90, usdPerGpuHour: 3 });
    expect(low).toBe(28_800_000);
    expect(high).toBe(97_200_000);
  });

  it("goodput below 1 raises the paid hours", () => {
    expect(trainingRunCost({ gpus: 10_000, days: 60, usdPerGpuHour: 2, goodputFraction: 0.8 }).usd).toBeCloseTo(36_000_000, 6);
  });

  it("the claim check calls the stated $400–800M overstated, by the ratio of geometric midpoints", () => {
    const computed = { low: 28_800_000, high: 97_200_000 };
    const result = checkClaim({ low: 400_000_000, high: 800_000_000 }, computed);
    expect(result.verdict).toBe("overstated");
    expect(result.factor).toBeCloseTo(Math.sqrt(400e6 * 800e6) / Math.sqrt(28.8e6 * 97.2e6), 12);
    expect(result.factor).toBeCloseTo(10.69, 2);
  });

  it("gives the factor's span: the stated midpoint against each end of the computed range", () => {
    const stated = { low: 400e6, high: 800e6 };
    const computed = { low: 37e6, high: 74.7e6 };
    const middle = Math.sqrt(400e6 * 800e6);
    expect(factorSpan(stated, computed)).toEqual({ low: middle / 74.7e6, high: middle / 37e6 });
    // The factor lies inside its span; an understated claim's span is below 1, smaller end first.
    const factor = checkClaim(stated, computed).factor ?? Number.NaN;
    const span = factorSpan(stated, computed) ?? { low: Number.NaN, high: Number.NaN };
    expect(span.low).toBeLessThan(factor);
    expect(span.high).toBeGreaterThan(factor);
    expect(factorSpan({ low: 1, high: 4 }, { low: 8, high: 32 })).toEqual({ low: 2 / 32, high: 2 / 8 });
    // Arithmetic midpoints where a bound is not positive, as checkClaim takes them.
    expect(factorSpan({ low: -2, high: -1 }, { low: 1, high: 3 })).toEqual({ low: -1.5, high: -0.5 });
    // No span for an exact computed figure, a range reaching or crossing zero, or a bound that is no number.
    expect(factorSpan(stated, { low: 5e8, high: 5e8 })).toBeUndefined();
    expect(factorSpan(stated, { low: 0, high: 3 })).toBeUndefined();
    expect(factorSpan(stated, { low: -1, high: 3 })).toBeUndefined();
    expect(factorSpan(stated, { low: Number.NaN, high: 3 })).toBeUndefined();
  });

  it("classifies overlap as consistent and a low claim as understated", () => {
    expect(checkClaim({ low: 90e6, high: 120e6 }, { low: 28.8e6, high: 97.2e6 })).toEqual({ verdict: "consistent", factor: 1 });
    const under = checkClaim({ low: 1, high: 4 }, { low: 8, high: 32 });
    expect(under.verdict).toBe("understated");
    expect(under.factor).toBeCloseTo(2 / 16, 12);
    expect(checkClaim({ low: -2, high: -1 }, { low: 1, high: 3 })).toEqual({ verdict: "understated", factor: -1.5 / 2 });
    expect(checkClaim({ low: 1, high: 2 }, { low: Number.NaN, high: 3 }).verdict).toBe("unverifiable");
    // A computed range at zero (nothing to pay under a what-if): overstated, with no ratio rather than Infinity.
    expect(checkClaim({ low: 0.4, high: 0.6 }, { low: 0, high: 0 })).toEqual({ verdict: "overstated", factor: null });
    // A tolerance the caller gives (the ledger's multiples: a gap two digits cannot show); none by default.
    const shown = { tolerance: 0.025 };
    expect(checkClaim({ low: 2, high: 2 }, { low: 1.9, high: 1.96 }, shown)).toEqual({ verdict: "consistent", factor: 1 });
    expect(checkClaim({ low: 100, high: 100 }, { low: 102, high: 130 }, shown)).toEqual({ verdict: "consistent", factor: 1 });
    expect(checkClaim({ low: 2, high: 2 }, { low: 1.8, high: 1.94 }, shown).verdict).toBe("overstated");
    expect(checkClaim({ low: 100, high: 100 }, { low: 103, high: 130 }, shown).verdict).toBe("understated");
    expect(checkClaim({ low: 400e6, high: 800e6 }, { low: 815e6, high: 900e6 }).verdict).toBe("understated");
    expect(() => checkClaim({ low: 2, high: 1 }, { low: 1, high: 3 })).toThrow(/stated range: low 2 is above high 1/);
    expect(computedRange({ mean: 5, p5: 1, p25: 3, p50: 4, p75: 6, p95: 9 })).toEqual({ low: 1, high: 9, p50: 4 });
  });

  it("says what each input would need to be for a stated cost", () => {
    const gap = inputsForStatedCost({ gpus: 10_000, days: 60, usdPerGpuHour: 2 }, 576_000_000);
    expect(gap.factor).toBe(20);
    expect(gap.usdPerGpuHourNeeded).toBe(40);
    expect(gap.gpusNeeded).toBe(200_000);
    expect(gap.daysNeeded).toBe(1200);
    expect(gap.goodputFractionNeeded).toBe(0.05);
  });

  it("costs a run from total FLOP, peak throughput and MFU, and inverts back", () => {
    // 3.8e25 FLOP (Llama 3 405B scale) on H100s at 989 TFLOP/s dense BF16 peak, 40% MFU, $2/GPU-hour.
    const run = trainingRunCostFromFlop({ totalFlop: 3.8e25, peakFlopPerSecondPerGpu: 989e12, mfu: 0.4, usdPerGpuHour: 2 });
    expect(run.gpuHours).toBeCloseTo(3.8e25 / (989e12 * 0.4) / 3600, 0);
    expect(run.usd).toBeCloseTo(run.gpuHours * 2, 0);
    const days = run.gpuHours / 16_384 / 24;
    expect(flopDelivered({ gpus: 16_384, days, peakFlopPerSecondPerGpu: 989e12, mfu: 0.4 })).toBeCloseTo(3.8e25, -12);
  });
});
