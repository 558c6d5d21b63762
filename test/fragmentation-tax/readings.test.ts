// Sentences that report where a computed figure lies against the essay's are computed, not typed:
// a what-if that moves a figure across the stated range changes the words (each case below was a
// typed sentence that stayed true-looking while its numbers moved).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatAny } from "../../src/api/session";
import { parseAssumptions } from "../../src/assumptions";
import type { AssumptionOverride } from "../../src/assumptions/types";
import { TRAINING_ESSAY_BOX, TRAINING_MARKET, TRAINING_READINGS } from "../../src/fragmentation-tax/chapter-models";
import { VALUATION, WHO_PAYS } from "../../src/fragmentation-tax/lab-models";
import { trainingClaims, whoPaysClaims } from "../../src/fragmentation-tax/ledger";
import { placement, readingsTally, trainingReadings, type TrainingReading } from "../../src/fragmentation-tax/readings";
import { runModel, type ReportModel } from "../../src/model/runner";

const FILE = "notebooks/assumptions.yaml";
const base = parseAssumptions(readFileSync(FILE, "utf8"), FILE);
const settings = { samples: 2000, seed: 20260428 };

function ledgerWith(...overrides: AssumptionOverride[]) {
  const registry = overrides.length === 0 ? base : base.withOverrides(overrides);
  const run = <K extends string, O extends string>(m: ReportModel<K, O>) => runModel(m, registry.reader("test"), settings);
  const get = (id: string) => registry.get(id);
  const [box, readings, market] = [run(TRAINING_ESSAY_BOX), run(TRAINING_READINGS), run(TRAINING_MARKET)];
  const entries = [...trainingClaims({ box, readings, market }, get, formatAny), ...whoPaysClaims({ pay: run(WHO_PAYS), val: run(VALUATION) }, get, formatAny)];
  const byId = (id: string) => entries.find((e) => e.claim.id === id)!.claim;
  return { byId, readings: trainingReadings({ readings, market }, get, formatAny) };
}

describe("placement against a stated range", () => {
  it("says overlapping, wholly below, wholly above or not comparable", () => {
    const stated = { low: 10, high: 20 };
    expect(placement({ low: 15, high: 30 }, stated)).toBe("within");
    expect(placement({ low: 1, high: 9 }, stated)).toBe("below");
    expect(placement({ mean: 40, p5: 30, p25: 35, p50: 40, p75: 45, p95: 50 }, stated)).toBe("above");
    expect(placement({ low: Number.NaN, high: 5 }, stated)).toBe("unknown");
  });

  it("counts the readings that overlap in words", () => {
    const reading = (p: TrainingReading["placement"]): TrainingReading => ({ id: "programme", label: "x", summary: { mean: 1, p5: 1, p25: 1, p50: 1, p75: 1, p95: 1 }, placement: p });
    expect(readingsTally([reading("within"), reading("within"), reading("within")])).toBe("All three overlap the stated bill.");
    expect(readingsTally([reading("within"), reading("below"), reading("within")])).toBe("Two of the three overlap the stated bill.");
    expect(readingsTally([reading("above"), reading("below"), reading("within")])).toBe("One of the three overlaps the stated bill.");
    expect(readingsTally([reading("above"), reading("below"), reading("unknown")])).toBe("None of them overlaps the stated bill.");
    expect(readingsTally([reading("above"), reading("above"), reading("above")])).toBe("All three exceed the stated bill.");
    expect(readingsTally([reading("below"), reading("below"), reading("below")])).toBe("All three fall short of the stated bill.");
    // Named where the sentence before did not name them (chapter 1's paragraph on the two routes).
    expect(readingsTally([reading("above"), reading("above"), reading("above")], "other readings")).toBe("All three other readings exceed the stated bill.");
    expect(readingsTally([reading("above"), reading("below"), reading("within")], "other readings")).toBe("One of the three other readings overlaps the stated bill.");
    expect(readingsTally([reading("above"), reading("below"), reading("unknown")], "other readings")).toBe("None of the three other readings overlaps the stated bill.");
  });
});

describe("the training bill's readings follow the assumptions", () => {
  it("as published: the arithmetic fails and all three readings overlap", () => {
    const { byId, readings } = ledgerWith();
    expect(readings.map((r) => r.placement)).toEqual(["within", "within", "within"]);
    expect(byId("training_run_cost").note).toMatch(/does not follow from them/);
    expect(byId("training_run_cost").note).toMatch(/All three overlap the stated bill\.$/);
    expect(byId("training_run_cost").claim).toBe("The essay's run (10,000–15,000 H100s for 60–90 days at $2–$3 per GPU-hour) costs $400M–$800M");
  });

  it("a programme share that makes the programme reading fall short says so, and no longer says all three", () => {
    const { byId, readings } = ledgerWith({ id: "final_run_share_of_rd_compute", low: 0.6, high: 0.9 });
    expect(readings.find((r) => r.id === "programme")?.placement).toBe("below");
    expect(byId("training_run_cost").note).toMatch(/final run of the stated size, \$[\d.]+M \(90% interval [^)]*\), which falls short of the stated bill/);
    expect(byId("training_run_cost").note).toMatch(/Two of the three overlap the stated bill\.$/);
  });

  it("ten times the essay's GPU count: the arithmetic holds, the dropped-zero reading is ten times the new count, and the claim quotes the new count", () => {
    const { byId, readings } = ledgerWith({ id: "essay_training_gpu_count", low: 100_000, high: 150_000 });
    expect(byId("training_run_cost").verdict).toBe("consistent");
    expect(byId("training_run_cost").note).toMatch(/^The stated inputs give .* which overlaps the stated range: the bill follows from them\./);
    expect(byId("training_run_cost").note).not.toMatch(/does not follow/);
    expect(byId("training_run_cost").claim).toMatch(/^The essay's run \(100,000–150,000 H100s/);
    expect(readings[0]?.label).toBe("1 million–1.5 million GPUs (a dropped zero)");
    expect(readings[0]?.placement).toBe("above");
  });
});

describe("chapter 5's notes follow the assumptions", () => {
  it("a reported run rate that overlaps the essay's no longer calls it out of date", () => {
    expect(ledgerWith().byId("anthropic_price_to_sales").note).toMatch(/the run rate is what is out of date/);
    const note = ledgerWith({ id: "anthropic_run_rate_trailing_usd", low: 3e9, high: 4e9 }).byId("anthropic_price_to_sales").note;
    expect(note).toMatch(/that run rate overlaps the reported one/);
    expect(note).not.toMatch(/out of date/);
  });

  it("a Stargate figure other than the essay's is not said to match it", () => {
    expect(ledgerWith().byId("stargate_500b_4y").note).toMatch(/^Matches /);
    const { byId } = ledgerWith({ id: "stargate_capex_usd", value: 100e9 });
    expect(byId("stargate_500b_4y").verdict).toBe("overstated");
    expect(byId("stargate_500b_4y").note).toMatch(/^Differs from .*: \$100B over 4 years, \$25B a year/);
    // The years count too: $500B over ten years is not the essay's four.
    expect(ledgerWith({ id: "stargate_years", value: 10 }).byId("stargate_500b_4y").note).toMatch(/^Differs from .*: \$500B over 10 years, \$50B a year/);
  });

  it("a 2024 compute estimate below the essay's range does not call the range low", () => {
    expect(ledgerWith().byId("openai_compute_burn").note).toMatch(/if anything, low/);
    const { byId } = ledgerWith({ id: "openai_compute_2024_usd", low: 2e9, high: 3e9 });
    expect(byId("openai_compute_burn").verdict).toBe("overstated");
    expect(byId("openai_compute_burn").note).toMatch(/narrows the gap/);
    expect(byId("openai_compute_burn").note).not.toMatch(/low\.$/);
    // An estimate above the essay's range: later spending widens the gap, said plainly rather than "if anything, low".
    const above = ledgerWith({ id: "openai_compute_2024_usd", low: 18e9, high: 24e9 }).byId("openai_compute_burn");
    expect(above.verdict).toBe("understated");
    expect(above.note).toMatch(/likely widens the gap/);
    expect(above.note).not.toMatch(/if anything/);
  });
});
