import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatAny } from "../../src/api/session";
import { parseAssumptions } from "../../src/assumptions";
import { CREDITS, SOVEREIGNTY, TRAINING_ESSAY_BOX, TRAINING_MARKET, TRAINING_READINGS } from "../../src/fragmentation-tax/chapter-models";
import { VALUATION, WHO_PAYS } from "../../src/fragmentation-tax/lab-models";
import {
  captiveCloudClaims, chipClaims, creditsClaims, decimalYear, ledgerClaim, scenarioClaims, sovereigntyClaims, trainingClaims, verdictCounts, whoPaysClaims,
  type LedgerEntry,
} from "../../src/fragmentation-tax/ledger";
import { runModel, type ReportModel } from "../../src/model/runner";
import { claimBasis } from "../../src/api/basis";
import { trainingFrontierNote } from "../../src/fragmentation-tax/ledger-text";

const FILE = "notebooks/assumptions.yaml";
const registry = parseAssumptions(readFileSync(FILE, "utf8"), FILE);
const settings = { samples: 2000, seed: 20260428 };
const run = <K extends string, O extends string>(m: ReportModel<K, O>) => runModel(m, registry.reader("ledger"), settings);
const get = (id: string) => registry.get(id);

function wholeLedger(): LedgerEntry[] {
  const box = run(TRAINING_ESSAY_BOX);
  const readings = run(TRAINING_READINGS);
  const market = run(TRAINING_MARKET);
  return [
    ...trainingClaims({ box, readings, market }, get, formatAny), ...captiveCloudClaims(get), ...creditsClaims(run(CREDITS), get, formatAny),
    ...sovereigntyClaims(run(SOVEREIGNTY), get, formatAny), ...whoPaysClaims({ pay: run(WHO_PAYS), val: run(VALUATION) }, get, formatAny),
    ...scenarioClaims(get, formatAny), ...chipClaims(get, formatAny),
  ];
}

describe("the claims ledger", () => {
  const ledger = wholeLedger();
  const byId = (id: string) => ledger.find((e) => e.claim.id === id);

  it("checks Stargate's yearly spending, not its total, when the source gives another period than the essay's four years", () => {
    const pay = run(WHO_PAYS);
    const val = run(VALUATION);
    const stargate = (years: number) => whoPaysClaims({ pay, val }, (id) => (id === "stargate_years" ? { ...get(id), value: years } : get(id)), formatAny).find((e) => e.claim.id === "stargate_500b_4y")?.claim;
    expect(stargate(4)).toMatchObject({ verdict: "consistent", unit: "USD", stated: { low: 500e9, high: 500e9 } });
    const sixYears = stargate(6);
    expect(sixYears).toMatchObject({ verdict: "overstated", unit: "USD/year", stated: { low: 125e9, high: 125e9 }, computed: { low: 500e9 / 6, high: 500e9 / 6 } });
    expect(sixYears?.factor).toBeCloseTo(1.5, 12);
    expect(sixYears?.note).toMatch(/^Differs from/);
  });

  it("reads \"above 4%\" as a floor: a policy rate above 4.5% bears it out, one below 4% does not", () => {
    const fedAt = (rate: number) => whoPaysClaims({ pay: run(WHO_PAYS), val: run(VALUATION) }, (id) => (id === "fed_funds_upper_bound" ? { ...get(id), value: rate } : get(id)), formatAny).find((e) => e.claim.id === "fed_funds_above_4pct")?.claim.verdict;
    expect(fedAt(0.05)).toBe("consistent");
    expect(fedAt(0.0425)).toBe("consistent");
    expect(fedAt(0.0375)).toBe("overstated");
  });

  it("says how wide the frontier run's compute range is from its ends, not as a typed \"decade\"", () => {
    const flop = get("frontier_training_flop");
    const at = (low: number, high: number) => trainingFrontierNote({ ...flop, range: { low, high } }, formatAny);
    expect(at(1e26, 1e27)).toContain("so the range spans a decade of compute");
    expect(at(1e25, 1e27)).toContain("so the range spans 2 decades of compute");
    expect(at(2e25, 5e25)).toContain("so the range spans a factor of 2.5 in compute");
    expect(at(2e25, 5e25)).not.toContain("decade");
    expect(at(3e25, 3e25)).toMatch(/is not public\.$/);
  });

  it("states the AMD/Intel comparison as AMD's value, the bar it sets, not as a range from Intel's to AMD's", () => {
    const stated = byId("amd_intel_market_caps")?.claim.stated;
    expect(stated).toEqual({ low: get("amd_market_cap_usd").value, high: get("amd_market_cap_usd").value });
  });

  it("has one entry per claim id, in chapter order, including the statements the first editions left out", () => {
    const ids = ledger.map((e) => e.claim.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ledger.map((e) => e.chapter)).toEqual([...ledger.map((e) => e.chapter)].sort((a, b) => a - b));
    for (const id of ["openai_valuation_350b", "manus_price_2b", "anthropic_valuation_350b", "anthropic_run_rate", "chatgpt_users", "azure_four_years", "three_clouds", "rearchitecture_multibillion"]) {
      expect(byId(id), id).toBeDefined();
    }
  });

  it("records the training bill as overstated on its inputs but consistent as a frontier run priced from compute", () => {
    expect(byId("training_run_cost")?.claim.verdict).toBe("overstated");
    expect(byId("training_run_cost")?.claim.note).toMatch(/dropped zero/);
    expect(byId("training_run_cost_flop_route")?.claim.verdict).toBe("consistent");
  });

  // The one judgement marker: each checked entry carries the model's sensitivity (or the compared
  // figures' ids) as drivers, and the tool's claimBasis (what nb.claim records) decides the mark.
  const basis = (id: string) => {
    const drivers = ledgerClaim(byId(id)!).drivers ?? [];
    return drivers.length === 0 ? undefined : claimBasis(drivers, get);
  };

  it("marks verdicts that rest on judgement from the model's sensitivity, and no longer counts a self-comparison or a forward multiple", () => {
    expect(basis("doubling_engineering")?.judgementLed).toBe(true);
    expect(basis("doubling_engineering")?.mainJudgement?.id).toBe("stack_specific_engineering_share");
    expect(basis("google_anthropic_all_credits")?.judgementLed).toBe(true);
    expect(basis("anthropic_price_to_sales")?.judgementLed).toBe(false);
    expect(basis("training_run_cost_flop_route")?.judgementLed).toBe(false);
    expect(basis("training_run_cost")?.shares.essay).toBe(1);
    expect(byId("six_hardware_ecosystems")?.claim.verdict).toBe("unverifiable");
    expect(basis("six_hardware_ecosystems")).toBeUndefined();
    expect(ledger.some((e) => /forward/i.test(e.claim.claim))).toBe(false);
    // No second marker: the note does not carry a typed "Judgement-based:" prefix any more.
    expect(ledger.some((e) => /Judgement-based/i.test(e.claim.note ?? ""))).toBe(false);
  });

  it("counts verdicts; every checked verdict says what it rests on", () => {
    const counts = verdictCounts(ledger);
    expect(counts.total).toBe(ledger.length);
    expect(counts.consistent + counts.overstated + counts.understated + counts.unverifiable).toBe(counts.total);
    for (const e of ledger.filter((x) => x.claim.verdict !== "unverifiable")) expect(e.claim.drivers?.length ?? 0, e.claim.id).toBeGreaterThan(0);
    expect(ledger.filter((e) => basis(e.claim.id)?.judgementLed === true).length).toBeGreaterThan(0);
  });

  it("falls back to unverifiable when an input is only the essay's", () => {
    const essayShare = parseAssumptions(
      readFileSync(FILE, "utf8").replace('kind: source\n    source: { title: "Press reports of the amended OpenAI-Microsoft agreement", date: 2026-04-27', 'kind: essay\n    source: { title: "Maverick analyst essay", date: 2026-04-28'),
      FILE,
    );
    const [share] = captiveCloudClaims((id) => essayShare.get(id));
    expect(share?.claim.verdict).toBe("unverifiable");
    expect(share?.claim.factor).toBeNull();
  });
});

describe("decimalYear", () => {
  it("places a date within its year", () => {
    expect(decimalYear("2026-01-01")).toBe(2026);
    expect(decimalYear("2026-04-28")).toBeCloseTo(2026 + 117 / 365, 12);
  });
});
