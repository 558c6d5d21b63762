import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAssumptions } from "../../src/assumptions";
import * as models from "../../src/model/report-models";
import { checkClaim } from "../../src/model/claims";

const FILE = "notebooks/assumptions.yaml";
const registry = parseAssumptions(readFileSync(FILE, "utf8"), FILE);
const settings = { samples: 2000, seed: 20260428 };
const chapterModels = Object.entries(models).filter(
  (entry): entry is [string, models.ReportModel<string, string>] => typeof entry[1] === "object" && entry[1] !== null && "ids" in entry[1] && "evaluate" in entry[1],
);

describe("report chapter models", () => {
  it("read only assumptions that exist in notebooks/assumptions.yaml", () => {
    expect(chapterModels.length).toBeGreaterThanOrEqual(9);
    for (const [, model] of chapterModels) for (const id of Object.values(model.ids)) expect(registry.has(id), id).toBe(true);
  });

  it("every model gives finite outputs and is reproducible for a seed", () => {
    for (const [name, model] of chapterModels) {
      const a = models.runModel(model, registry.reader(name), settings);
      const b = models.runModel(model, registry.reader(name), settings);
      for (const [out, s] of Object.entries(a.summary)) {
        expect(Number.isFinite(s.p5) && Number.isFinite(s.p95), `${name}.${out}`).toBe(true);
        expect(b.summary[out as keyof typeof b.summary]).toEqual(s);
      }
    }
  });

  it("the essay's training box spans $28.8M–$97.2M at its corners and the stated $400–800M is overstated", () => {
    const run = models.runModel(models.TRAINING_ESSAY_BOX, registry.reader("t"), settings);
    expect(run.corners.cost_usd.low).toBeCloseTo(28.8e6, -3);
    expect(run.corners.cost_usd.high).toBeCloseTo(97.2e6, -3);
    const check = checkClaim({ low: 400e6, high: 800e6 }, { low: run.summary.cost_usd.p5, high: run.summary.cost_usd.p95 });
    expect(check.verdict).toBe("overstated");
  });

  it("the essay's scenario probabilities sum to 1 and a higher balkanization uplift raises the weighted index", () => {
    const run = models.runModel(models.SCENARIOS, registry.reader("s"), settings);
    expect(run.mean.probability_sum).toBeCloseTo(1, 12);
    const x = { pMerchant: 0.6, pBalkanization: 0.25, pWinner: 0.15, bandBalkanization: 0.25, bandWinner: 0.15, indexMerchant: 0.9, uplift: 0.5, indexWinner: 1.1, price: 2, tokensPerSecond: 1000, inference2024: 2e9, utilization: 0.7 };
    const low = models.SCENARIOS.evaluate(x).weighted_index;
    expect(low).toBeCloseTo(0.6 * 0.9 + 0.25 * 1.5 + 0.15 * 1.1, 12);
    expect(models.SCENARIOS.evaluate({ ...x, uplift: 0.6 }).weighted_index).toBeGreaterThan(low);
  });

  it("the revenue-share cap never lets capped payments exceed the cap or the uncapped total", () => {
    const out = models.REVENUE_SHARE.evaluate({ share: 0.2, cap: 30e9, horizon: 5, revenue2026: 30e9, growth: 1.5 });
    expect(out.paid_capped_usd).toBe(30e9);
    expect(out.paid_uncapped_usd).toBeCloseTo(0.2 * 30e9 * (1 + 1.5 + 1.5 ** 2 + 1.5 ** 3 + 1.5 ** 4), 0);
    expect(out.cap_binds).toBe(1);
  });
});

describe("helpers", () => {
  it("histogramBins keeps every sample", () => {
    const samples = Float64Array.from({ length: 1000 }, (_, i) => i);
    const bins = models.histogramBins(samples, 7);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(1000);
  });

  it("figureNumbers turns a degenerate summary into a value", () => {
    const flat = { mean: 5, p5: 5, p25: 5, p50: 5, p75: 5, p95: 5 };
    expect(models.figureNumbers(flat)).toEqual({ value: 5 });
    expect(models.figureNumbers({ ...flat, p95: 6 })).toHaveProperty("summary");
  });

  it("isIndependentSource separates the essay and our judgement from public sources", () => {
    expect(models.isIndependentSource(registry.get("essay_training_run_cost_usd"))).toBe(false);
    expect(models.isIndependentSource(registry.get("openai_microsoft_revenue_share_cap_usd"))).toBe(false);
    expect(models.isIndependentSource(registry.get("training_mfu"))).toBe(true);
  });
});

describe("intervalOf", () => {
  it("reads a range as is and a fixed value as a zero-width interval", () => {
    expect(models.intervalOf(registry.get("essay_training_days"))).toEqual({ low: 60, high: 90 });
    expect(models.intervalOf(registry.get("stargate_years"))).toEqual({ low: 4, high: 4 });
  });
});
