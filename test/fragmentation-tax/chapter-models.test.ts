import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAssumptions } from "../../src/assumptions";
import * as helpers from "../../src/model/runner";
import * as kinds from "../../src/fragmentation-tax/input-kinds";
import * as chapterModels14 from "../../src/fragmentation-tax/chapter-models";
import * as chapterModels58 from "../../src/fragmentation-tax/lab-models";
import { checkClaim } from "../../src/model/claims";

const models = { ...helpers, ...chapterModels14, ...chapterModels58 };

const FILE = "notebooks/assumptions.yaml";
const registry = parseAssumptions(readFileSync(FILE, "utf8"), FILE);
const settings = { samples: 2000, seed: 20260428 };
const isModel = (value: unknown): value is helpers.ReportModel<string, string> =>
  typeof value === "object" && value !== null && "ids" in value && "evaluate" in value;
const chapterModels: [string, helpers.ReportModel<string, string>][] = [
  ...Object.entries(models).flatMap(([name, value]) => (isModel(value) ? [[name, value] as [string, helpers.ReportModel<string, string>]] : [])),
  ...chapterModels58.FRAGMENTATION_TAX_ALTERNATIVES.map((a): [string, helpers.ReportModel<string, string>] => [a.id, a.model]),
];

describe("report chapter models", () => {
  it("refuse a revenue-share horizon past the years chapter 2's model runs, rather than cut it short", () => {
    // The model pays nothing after REVENUE_SHARE_YEARS: a horizon of 8 would give 5 years' payments unsaid.
    expect(registry.get("revenue_share_horizon_years").support?.max).toBe(chapterModels14.REVENUE_SHARE_YEARS.length);
  });

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
    const x = { pMerchant: 0.6, pBalkanization: 0.25, pWinner: 0.15, bandBalkanization: 0.25, bandWinner: 0.15, indexMerchant: 0.9, uplift: 0.5, indexWinner: 1.1, price: 2, tokensPerSecond: 1000, compute2024: 7e9, inferenceShare: 0.3, utilization: 0.7 };
    const low = models.SCENARIOS.evaluate(x).weighted_index;
    expect(low).toBeCloseTo(0.6 * 0.9 + 0.25 * 1.5 + 0.15 * 1.1, 12);
    expect(models.SCENARIOS.evaluate({ ...x, uplift: 0.6 }).weighted_index).toBeGreaterThan(low);
  });

  it("the revenue-share cap never lets capped payments exceed the cap or the uncapped total", () => {
    const out = models.REVENUE_SHARE.evaluate({ share: 0.2, cap: 30e9, horizon: 5, revenue2026: 30e9, growth: 1.5, rate: 0.1, compute: 8.5e9 });
    expect(out.paid_capped_usd).toBe(30e9);
    expect(out.paid_uncapped_usd).toBeCloseTo(0.2 * 30e9 * (1 + 1.5 + 1.5 ** 2 + 1.5 ** 3 + 1.5 ** 4), 0);
    expect(out.cap_binds).toBe(1);
    expect(out.cap_value_nominal_usd).toBeCloseTo(out.paid_uncapped_usd - 30e9, 0);
    // Discounted at 10%, the transfer is worth less than its nominal sum, and more than nothing.
    expect(out.cap_value_usd).toBeLessThan(out.cap_value_nominal_usd);
    expect(out.cap_value_usd).toBeGreaterThan(0);
    expect(out.cap_years_of_2026_payments).toBeCloseTo(30e9 / (0.2 * 30e9), 12);
    // Payments of 6, 9, 13.5 and 20.25 billion: the running total (28.5 after three years) passes 30 billion in the fourth, 2029.
    expect(out.cap_binds_year).toBe(2029);
    const never = models.REVENUE_SHARE.evaluate({ share: 0.2, cap: 900e9, horizon: 5, revenue2026: 30e9, growth: 1.5, rate: 0.1, compute: 8.5e9 });
    expect([never.cap_binds, never.cap_binds_year]).toEqual([0, 0]);
    // The 2026 payment is the one made: 6 billion under a cap above it, the cap where it binds in 2026 itself.
    expect(out.share_2026_usd).toBe(0.2 * 30e9);
    const small = models.REVENUE_SHARE.evaluate({ share: 0.2, cap: 1e9, horizon: 5, revenue2026: 30e9, growth: 1.5, rate: 0.1, compute: 8.5e9 });
    expect([small.cap_binds_year, small.share_2026_usd, small.share_2026_over_compute]).toEqual([2026, 1e9, 1e9 / 8.5e9]);
    // Chapter 5's figure of the same payment agrees.
    const whoPays = { computeEssay: 8.5e9, compute2024: 7e9, other2024: 2e9, opexShareEssay: 0.65, stargate: 500e9, years: 4, life: 15, rate: 0.1, share: 0.2, revenue2026: 30e9, horizon: 5 };
    expect(models.WHO_PAYS.evaluate({ ...whoPays, cap: 1e9 }).revenue_share_2026_usd).toBe(1e9);
    expect(models.WHO_PAYS.evaluate({ ...whoPays, cap: 30e9 }).revenue_share_2026_usd).toBe(0.2 * 30e9);
    // A share that runs no year pays nothing in 2026, in both chapters.
    expect(models.WHO_PAYS.evaluate({ ...whoPays, cap: 30e9, horizon: 0 }).revenue_share_2026_usd).toBe(0);
    expect(models.REVENUE_SHARE.evaluate({ share: 0.2, cap: 30e9, horizon: 0, revenue2026: 30e9, growth: 1.5, rate: 0.1, compute: 8.5e9 }).share_2026_usd).toBe(0);
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
    expect(kinds.isIndependentSource(registry.get("essay_training_run_cost_usd"))).toBe(false);
    expect(kinds.isIndependentSource(registry.get("openai_microsoft_revenue_share_cap_usd"))).toBe(false);
    expect(kinds.isIndependentSource(registry.get("training_mfu"))).toBe(true);
  });
});

describe("intervalOf", () => {
  it("reads a range as is and a fixed value as a zero-width interval", () => {
    expect(models.intervalOf(registry.get("essay_training_days"))).toEqual({ low: 60, high: 90 });
    expect(models.intervalOf(registry.get("stargate_years"))).toEqual({ low: 4, high: 4 });
  });
});

describe("the corrected lab model (issue 12)", () => {
  const run = <K extends string, O extends string>(model: helpers.ReportModel<K, O>) => helpers.runModel(model, registry.reader("lab"), settings);

  it("compute's share of OpenAI's costs stays below 100% in every draw", () => {
    const pay = run(models.WHO_PAYS);
    expect(Math.max(...pay.samples.opex_share_2024)).toBeLessThan(1);
  });

  it("the fragmentation tax as a share of compute does not depend on the lab's size: engineering and inference scale with compute", () => {
    const x = { compute: 7e9, engineeringRatio: 0.08, specific: 0.4, stacks: 2, utilization: 0.7, inferenceShare: 0.3, pBalkanization: 0.25, pBalkanizationOffset: 0, share: 0.4, pools: 5, backup: 0.2, premium: 0.15, correlation: 0 };
    const small = models.FRAGMENTATION_TAX.evaluate(x);
    const big = models.FRAGMENTATION_TAX.evaluate({ ...x, compute: 14e9 });
    expect(big.total_tax_usd).toBeCloseTo(2 * small.total_tax_usd, 0);
    expect(big.total_tax_share_of_compute).toBeCloseTo(small.total_tax_share_of_compute, 12);
  });

  it("each structural alternative gives a smaller tax than the model as built, draw by draw, and pooling on inference only scales the pooling part by the inference share", () => {
    const built = run(models.FRAGMENTATION_TAX);
    for (const alternative of models.FRAGMENTATION_TAX_ALTERNATIVES) {
      const alt = run(alternative.model);
      for (let i = 0; i < settings.samples; i++) expect(alt.samples.total_tax_usd[i]!).toBeLessThanOrEqual(built.samples.total_tax_usd[i]! + 1e-6);
      expect(alt.summary.total_tax_share_of_compute.p50, alternative.id).toBeLessThan(built.summary.total_tax_share_of_compute.p50);
    }
    const inferenceOnly = run(models.FRAGMENTATION_TAX_ALTERNATIVES[0].model);
    const i = 17;
    expect(inferenceOnly.samples.pooling_tax_usd[i]!).toBeCloseTo(built.samples.pooling_tax_usd[i]! * inferenceOnly.inputs.inferenceShare[i]!, 0);
    // Split by workload, no fleet is divided: no pooling is lost, and the other two parts are the model's as built.
    const byWorkload = run(models.FRAGMENTATION_TAX_ALTERNATIVES.find((a) => a.id === "workload_split")!.model);
    expect(byWorkload.samples.pooling_tax_usd[i]).toBe(0);
    expect(byWorkload.samples.total_tax_usd[i]!).toBeCloseTo(built.samples.engineering_tax_usd[i]! + built.samples.sovereignty_tax_usd[i]!, 0);
  });

  it("the dropped-zero reading is ten times the essay's box and overlaps the stated $400–800M, as does the programme reading", () => {
    const box = run(models.TRAINING_ESSAY_BOX);
    const readings = run(models.TRAINING_READINGS);
    expect(readings.summary.cost_ten_times_gpus_usd.p50).toBeCloseTo(10 * box.summary.cost_usd.p50, -3);
    for (const out of ["cost_ten_times_gpus_usd", "cost_programme_usd"] as const) {
      const s = readings.summary[out];
      expect(checkClaim({ low: 400e6, high: 800e6 }, { low: s.p5, high: s.p95 }).verdict, out).toBe("consistent");
    }
  });

  it("the essay's own division gives about 100× while the reported run rate gives a multiple near a third of it", () => {
    const val = run(models.VALUATION);
    expect(val.summary.essay_multiple.p50).toBeGreaterThan(85);
    expect(val.summary.essay_multiple.p50).toBeLessThan(117);
    expect(val.summary.trailing_multiple.p95).toBeLessThan(val.summary.essay_multiple.p5);
  });

  it("inputKind reads the three kinds and the model's drivers put the doubling verdict on judgement", () => {
    expect(kinds.inputKind(registry.get("essay_training_days"))).toBe("essay");
    expect(kinds.inputKind(registry.get("stack_specific_engineering_share"))).toBe("judgement");
    expect(kinds.inputKind(registry.get("training_mfu"))).toBe("source");
    const judgementShare = (drivers: readonly { id: string; share: number }[]) =>
      drivers.filter((d) => kinds.inputKind(registry.get(d.id)) === "judgement").reduce((sum, d) => sum + d.share, 0);
    expect(judgementShare(run(models.CREDITS).drivers("engineering_multiplier"))).toBeGreaterThan(0.99);
    expect(judgementShare(run(models.TRAINING_MARKET).drivers("cost_flop_route_usd"))).toBeLessThan(0.01);
  });

  it("the market route reads the essay's days one way: training time, paid ÷ goodput and computed in, and a run of the FLOP range as a multiple of that", () => {
    const x = { gpus: 12000, days: 75, price: 3, goodput: 0.8, flop: 3e26, peak: 9.89e14, mfu: 0.4, kw: 1.4, pue: 1.2, usdPerKwh: 0.08 };
    const out = models.TRAINING_MARKET.evaluate(x);
    const computed = x.gpus * x.days * 86400 * x.peak * x.mfu; // the essay's days of training, at measured MFU
    expect(out.cost_gpu_route_usd).toBeCloseTo((x.gpus * x.days * 24 * x.price) / x.goodput, 3);
    expect(out.box_flop_e25 * 1e25).toBeCloseTo(computed, -15);
    expect(out.flop_needed_multiple).toBeCloseTo(x.flop / computed, 9);
  });
});
