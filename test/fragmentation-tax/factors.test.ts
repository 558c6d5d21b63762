/** An off claim's factor as prose says it (src/fragmentation-tax/factors.ts): at least 1, with its span. */
import { describe, expect, it } from "vitest";
import { claimFactor, factorWords } from "../../src/fragmentation-tax";
import { checkClaim } from "../../src/model";

describe("claimFactor", () => {
  it("says an overstated claim's factor as is, with the stated midpoint against each end of the computed range", () => {
    const stated = { low: 400e6, high: 800e6 };
    const computed = { low: 37e6, high: 74.7e6 };
    const check = checkClaim(stated, computed);
    const factor = claimFactor({ ...check, stated, computed });
    const middle = Math.sqrt(400e6 * 800e6);
    expect(factor?.times).toBeCloseTo(middle / Math.sqrt(37e6 * 74.7e6), 12);
    expect(factor?.span).toEqual({ low: middle / 74.7e6, high: middle / 37e6 });
  });

  it("turns an understated claim's factor round, span and all, so that it reads at least 1", () => {
    const stated = { low: 1, high: 4 };
    const computed = { low: 8, high: 32 };
    const factor = claimFactor({ ...checkClaim(stated, computed), stated, computed });
    expect(factor?.times).toBeCloseTo(8, 12);
    // 2 against 8 and 32: 4× to 16× as much computed as stated.
    expect(factor?.span?.low).toBeCloseTo(4, 12);
    expect(factor?.span?.high).toBeCloseTo(16, 12);
    // A span that runs across 1 is turned round end for end, not each end to at least 1.
    // (A verdict given with its factor, as a claim whose check leans on more than the ranges' overlap records it.)
    const across = claimFactor({ verdict: "understated", factor: 2 / Math.sqrt(1.5 * 12), stated, computed: { low: 1.5, high: 12 } });
    expect(across?.span?.low).toBeCloseTo(0.75, 12);
    expect(across?.span?.high).toBeCloseTo(6, 12);
  });

  it("has no factor for a consistent or unverifiable claim, and no span against an exact figure", () => {
    const stated = { low: 1, high: 2 };
    expect(claimFactor({ ...checkClaim(stated, { low: 1.5, high: 3 }), stated, computed: { low: 1.5, high: 3 } })).toBeUndefined();
    expect(claimFactor({ verdict: "unverifiable", factor: null, stated, computed: { low: Number.NaN, high: 3 } })).toBeUndefined();
    const exact = { low: 5, high: 5 };
    const againstExact = claimFactor({ ...checkClaim(stated, exact), stated, computed: exact });
    expect(againstExact?.times).toBeCloseTo(5 / Math.sqrt(2), 12);
    expect(againstExact?.span).toBeUndefined();
  });

  it("words a factor with its span, or alone where there is none", () => {
    expect(factorWords({ times: 10.69, span: { low: 7.57, high: 15.3 } })).toBe("11× (7.6×–15× across our 90% interval)");
    expect(factorWords({ times: 3.04, span: { low: 2.61, high: 3.4 } }, "against the box's 90% interval")).toBe("3× (2.6×–3.4× against the box's 90% interval)");
    expect(factorWords({ times: 2.5, span: undefined })).toBe("2.5×");
  });
});
