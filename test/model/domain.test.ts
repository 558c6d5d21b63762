import { describe, expect, it } from "vitest";
import {
  breakEvenChips,
  creditValue,
  ecosystemsSupported,
  energyCostUsd,
  energyKwh,
  engineeringMultiplier,
  fragmentationMultiplier,
  fragmentationTax,
  inferenceUsdPerMillionTokens,
  nreAmortization,
  normalQuantile,
  pooledUtilization,
  priceToRunRate,
  revenuePath,
  revenueSharePayments,
  sovereigntyUplift,
  trainingRunFragmentationTax,
  utilizationDilution,
  valuationMultiples,
} from "../../src/model";

describe("energy and inference", () => {
  it("GPU-hours × kW × PUE × $/kWh", () => {
    const use = { gpuHours: 14_400_000, kwPerGpu: 0.7, pue: 1.1, usdPerKwh: 0.08 };
    expect(energyKwh(use)).toBeCloseTo(14_400_000 * 0.7 * 1.1, 3);
    expect(energyCostUsd(use)).toBeCloseTo(887_040, 3);
  });

  it("$ per million tokens from rent, throughput and utilization", () => {
    // $3.6/GPU-hour, 1000 tokens/s, always busy: 3.6M tokens an hour → $1 per million.
    expect(inferenceUsdPerMillionTokens({ usdPerGpuHour: 3.6, tokensPerSecondPerGpu: 1000, utilizationFraction: 1 })).toBeCloseTo(1, 12);
    expect(inferenceUsdPerMillionTokens({ usdPerGpuHour: 3.6, tokensPerSecondPerGpu: 1000, utilizationFraction: 0.5 })).toBeCloseTo(2, 12);
  });
});

describe("revenue share with a cap", () => {
  it("pays the share until the cap binds, and values the cap for each side", () => {
    const outcome = revenueSharePayments({ revenueUsdByYear: [10, 20, 40], shareFraction: 0.2, capUsd: 7, firstYear: 2026 });
    expect(outcome.years.map((y) => [y.year, y.uncappedUsd, y.cappedUsd])).toEqual([
      [2026, 2, 2],
      [2027, 4, 4],
      [2028, 8, 1],
    ]);
    expect(outcome.uncappedTotalUsd).toBe(14);
    expect(outcome.cappedTotalUsd).toBe(7);
    expect(outcome.capBindsInYear).toBe(2028);
    expect(outcome.capValueToPayerUsd).toBe(7);
    expect(outcome.capValueToRecipientUsd).toBe(-7);
    const discounted = revenueSharePayments({ revenueUsdByYear: [10, 20, 40], shareFraction: 0.2, capUsd: 7, firstYear: 2026, discountRatePerYear: 0.1 });
    expect(discounted.capValueToPayerUsd).toBeCloseTo(7 / 1.21, 12);
    const none = revenueSharePayments({ revenueUsdByYear: [10], shareFraction: 0.2, capUsd: Infinity, firstYear: 2026 });
    expect(none.capBindsInYear).toBeUndefined();
    expect(none.capValueToPayerUsd).toBe(0);
  });

  it("builds a constant-growth revenue path", () => {
    expect(revenuePath({ startUsdPerYear: 100, growthFractionPerYear: 0.5, years: 3 })).toEqual([100, 150, 225]);
  });
});

describe("credits usable on one cloud", () => {
  it("strands what cannot be used and discounts for a pricier cloud", () => {
    const value = creditValue({ creditsUsd: 40e9, usableDemandUsd: 30e9, priceRatio: 1.25 });
    expect(value.usableUsd).toBe(30e9);
    expect(value.strandedUsd).toBe(10e9);
    expect(value.strandedShare).toBe(0.25);
    expect(value.effectiveValueUsd).toBe(24e9);
    expect(value.discountToFace).toBeCloseTo(0.4, 12);
    expect(creditValue({ creditsUsd: 10, usableDemandUsd: 20, priceRatio: 0.8 }).effectiveValueUsd).toBe(10);
  });
});

describe("fragmentation", () => {
  const single = {
    stacks: 1,
    stackSpecificShare: 0.5,
    engineeringShareOfCost: 0.3,
    pools: 1,
    demandCv: 0.3,
    serviceLevel: 0.95,
    localizedShare: 0,
    duplicationOverhead: 0.5,
  };

  it("is exactly 1 for a single cloud", () => {
    expect(fragmentationMultiplier(single)).toEqual({ engineering: 1, engineeringBlended: 1, utilization: 1, sovereignty: 1, total: 1 });
    expect(fragmentationTax({ ...single, baselineUsd: 100 }).taxUsd).toBe(0);
  });

  it("reproduces the essay's doubling of engineering with two fully specific stacks", () => {
    expect(engineeringMultiplier({ stacks: 2, stackSpecificShare: 1 })).toBe(2);
    expect(engineeringMultiplier({ stacks: 3, stackSpecificShare: 0.5 })).toBe(2);
  });

  it("dilutes utilization by the square-root law of pooling", () => {
    const z = normalQuantile(0.95);
    const x = { pools: 4, demandCv: 0.3, serviceLevel: 0.95 };
    expect(utilizationDilution(x)).toBeCloseTo((1 + z * 0.3 * 2) / (1 + z * 0.3), 12);
    expect(pooledUtilization({ ...x, pools: 1 }) / pooledUtilization(x)).toBeCloseTo(utilizationDilution(x), 12);
    expect(utilizationDilution({ ...x, demandCv: 0 })).toBe(1);
  });

  it("multiplies the three effects on the cost base", () => {
    const x = { ...single, stacks: 2, pools: 4, localizedShare: 1, duplicationOverhead: 0.5 };
    const m = fragmentationMultiplier(x);
    expect(m.engineering).toBe(1.5);
    expect(m.engineeringBlended).toBeCloseTo(1.15, 12);
    expect(sovereigntyUplift(x)).toBe(1.5);
    expect(m.total).toBeCloseTo(m.engineeringBlended * m.utilization * m.sovereignty, 12);
    const run = trainingRunFragmentationTax({ ...x, gpus: 10_000, days: 60, usdPerGpuHour: 2 });
    expect(run.baselineUsd).toBe(28_800_000);
    expect(run.fragmentedUsd).toBeCloseTo(28_800_000 * m.total, 3);
    expect(run.taxUsd).toBeCloseTo(run.fragmentedUsd - run.baselineUsd, 3);
  });
});

describe("chips and valuation", () => {
  it("spreads NRE over a volume split across ecosystems", () => {
    const share = nreAmortization({ nreUsd: 2e9, totalChips: 3e6, ecosystems: 6, lifetimeHours: 5 * 8760, utilizationFraction: 0.5 });
    expect(share.chipsPerEcosystem).toBe(500_000);
    expect(share.nreUsdPerChip).toBe(4000);
    expect(share.nreUsdPerChipHour).toBeCloseTo(4000 / (5 * 8760 * 0.5), 12);
    expect(share.multiplierVsOneEcosystem).toBeCloseTo(6, 12);
    expect(breakEvenChips({ nreUsd: 2e9, savingUsdPerChip: 5000 })).toBe(400_000);
    expect(ecosystemsSupported({ totalChips: 3e6, breakEvenChips: 400_000 })).toBe(7);
  });

  it("price ÷ run rate, trailing and forward", () => {
    expect(priceToRunRate(350e9, 3.5e9)).toBe(100);
    expect(valuationMultiples({ valuationUsd: 350e9, trailingRunRateUsdPerYear: 3.5e9, forwardRunRateUsdPerYear: 17.5e9 })).toEqual({ trailing: 100, forward: 20 });
    expect(valuationMultiples({ valuationUsd: 350e9, trailingRunRateUsdPerYear: 3.5e9 }).forward).toBeNaN();
  });
});
