import { describe, expect, it } from "vitest";
import {
  aroundEssay,
  capitalRecoveryFactor,
  effectivePoolCount,
  remainderProbabilities,
  sovereigntyInferenceUplift,
  splitPoolCapacityMultiplier,
} from "../../src/fragmentation-tax/essay-arithmetic";

describe("capitalRecoveryFactor", () => {
  it("matches the annuity formula and falls back to straight line at rate 0", () => {
    expect(capitalRecoveryFactor(0.1, 5)).toBeCloseTo(0.263797, 6);
    expect(capitalRecoveryFactor(0, 4)).toBe(0.25);
    expect(() => capitalRecoveryFactor(0.1, 0)).toThrow(/years must be positive/);
  });
});

describe("splitPoolCapacityMultiplier", () => {
  it("is 1 for one pool and grows with √N headroom", () => {
    expect(splitPoolCapacityMultiplier(0.7, 1)).toBeCloseTo(1, 12);
    expect(splitPoolCapacityMultiplier(0.7, 4)).toBeCloseTo(0.7 + 0.3 * 2, 12);
    expect(splitPoolCapacityMultiplier(1, 9)).toBe(1);
    expect(() => splitPoolCapacityMultiplier(0, 2)).toThrow(/utilization/);
  });
});

describe("sovereigntyInferenceUplift", () => {
  it("charges only the localized share and is 0 with no localization", () => {
    const base = { pools: 4, pooledUtilization: 0.7, backupShare: 0.2, regionalCostPremium: 0.1 };
    expect(sovereigntyInferenceUplift({ ...base, sovereignShare: 0 })).toBe(0);
    expect(sovereigntyInferenceUplift({ ...base, sovereignShare: 0.5 })).toBeCloseTo(0.5 * (1.3 * 1.2 * 1.1 - 1), 12);
  });
});

describe("remainderProbabilities", () => {
  it("gives the remainder to the first scenario and always sums to 1", () => {
    const [m, b, w] = remainderProbabilities(0.25, 0.15);
    expect(m).toBeCloseTo(0.6, 12);
    expect(b + w + m).toBeCloseTo(1, 12);
    const over = remainderProbabilities(0.8, 0.4);
    expect(over[0]).toBe(0);
    expect(over[0] + over[1] + over[2]).toBeCloseTo(1, 12);
  });
});

describe("effectivePoolCount and correlated split pools", () => {
  it("is N for independent pools, 1 for pools that peak together, and in between otherwise", () => {
    expect(effectivePoolCount(2, 0)).toBe(2);
    expect(effectivePoolCount(2, 1)).toBe(1);
    expect(effectivePoolCount(2, 0.5)).toBeCloseTo(4 / 3, 12);
    expect(splitPoolCapacityMultiplier(0.7, 2, 1)).toBeCloseTo(1, 12);
    expect(splitPoolCapacityMultiplier(0.7, 2, 0.5)).toBeCloseTo(0.7 + 0.3 * Math.sqrt(4 / 3), 12);
    expect(splitPoolCapacityMultiplier(0.7, 2, 0.5)).toBeLessThan(splitPoolCapacityMultiplier(0.7, 2));
  });

  it("rejects a correlation outside [0, 1] with a message naming it", () => {
    expect(() => effectivePoolCount(2, -0.2)).toThrow(/correlation between pools must be in \[0, 1\].*-0.2/);
    expect(() => effectivePoolCount(2, Number.NaN)).toThrow(/NaN/);
  });
});

describe("aroundEssay", () => {
  const offsets = Array.from({ length: 301 }, (_, i) => -0.15 + i * 0.001);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it("adds the offset where the band fits inside 0–100%", () => {
    expect(aroundEssay(0.25, -0.15)).toBeCloseTo(0.1, 12);
    expect(aroundEssay(0.25, 0.15)).toBeCloseTo(0.4, 12);
  });

  it("stays centred near a bound: the band is held to the room on the nearer side, on both sides", () => {
    // Cut at 0 alone, a 5% probability with ±15 points averaged about 7.6%: the band moved the figure it varies.
    const near = offsets.map((o) => aroundEssay(0.05, o));
    expect(Math.min(...near)).toBeCloseTo(0, 12);
    expect(Math.max(...near)).toBeCloseTo(0.1, 12);
    expect(mean(near)).toBeCloseTo(0.05, 12);
    expect(mean(offsets.map((o) => aroundEssay(0.97, o)))).toBeCloseTo(0.97, 12);
  });

  it("does not vary a certain or impossible scenario", () => {
    expect(offsets.every((o) => aroundEssay(0, o) === 0 && aroundEssay(1, o) === 1)).toBe(true);
  });
});
