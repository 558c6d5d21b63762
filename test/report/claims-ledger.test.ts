/**
 * An unverifiable claim has no factor: the model says null (not NaN), the notebook API turns a
 * contradictory 1 or NaN into null, claims.json carries null, and the ledger shows "—".
 */
import { describe, expect, it } from "vitest";
import { notebook, type TslabLike } from "../../src/api/index";
import { RUN_CONTEXT } from "../../src/api/context";
import type { ClaimRecord } from "../../src/api/types";
import { checkClaim } from "../../src/model/claims";
import { factorCell, renderAppendices, verdictBadge } from "../../src/report/appendices";
import { claimsJson } from "../../src/report/records";
import { provenance } from "./fixture";

const base = { claim: "Google puts $40B into Anthropic", stated: { low: 40e9, high: 40e9 }, computed: { low: 40e9, high: 40e9 }, unit: "USD", format: "usd" } as const;

describe("unverifiable claims", () => {
  it("get a null factor from checkClaim", () => {
    expect(checkClaim({ low: 1, high: 2 }, { low: Number.NaN, high: 3 })).toEqual({ verdict: "unverifiable", factor: null });
  });

  it("are recorded with a null factor even when a notebook passes 1 or NaN", () => {
    const recorded: ClaimRecord[] = [];
    const tslab = fakeTslab(recorded);
    const nb = notebook(tslab);
    nb.claim({ ...base, id: "a", verdict: "unverifiable", factor: 1 });
    nb.claim({ ...base, id: "b", verdict: "overstated", factor: Number.NaN });
    nb.claim({ ...base, id: "c", verdict: "overstated", factor: 3 });
    expect(recorded.map((c) => c.factor)).toEqual([null, null, 3]);
  });

  it("carry null in claims.json (factor and model figure: it gave the stated range as the model's) and show — in the ledger, with a single stated value", () => {
    const claims: ClaimRecord[] = [
      { ...base, id: "google", verdict: "unverifiable", factor: null },
      { ...base, id: "run", stated: { low: 400e6, high: 800e6 }, computed: { low: 37e6, high: 74.7e6 }, verdict: "overstated", factor: 11 },
    ];
    const json = JSON.parse(claimsJson(claims)) as { id: string; factor: unknown; computed: unknown }[];
    expect(json.map((c) => [c.id, c.factor])).toEqual([["google", null], ["run", 11]]);
    expect(json.map((c) => [c.id, c.computed])).toEqual([["google", null], ["run", { low: 37e6, high: 74.7e6 }]]);
    expect(factorCell(null)).toBe("\u2014");
    // The way round the verdict reads: an understated claim's stated ÷ computed of 0.41 is "2.4×", as the prose says it.
    expect(factorCell(0.41, "understated")).toBe("2.4×");
    expect(factorCell(11, "overstated")).toBe("11×");
    expect(verdictBadge("understated", 1 / 3).toString()).toContain(">understated 3×<");
    const ledger = renderAppendices({ assumptions: [], assumptionsFile: "a.yaml", figures: [], claims, montecarlo: { samples: 10, seed: 1 }, provenance })
      .find((a) => a.id === "appendix-claims")?.html.toString() ?? "";
    expect(ledger).toMatch(/verdict-unverifiable">unverifiable<\/span><\/td><td role="cell" class="num" data-label="Factor">\u2014<\/td>/);
    expect(ledger).toMatch(/verdict-overstated">overstated<\/span><\/td><td role="cell" class="num" data-label="Factor">11×<\/td>/);
    expect(ledger).toContain('<td role="cell" class="num" data-label="Stated">$40B</td>');
    expect(ledger).not.toMatch(/NaN|n\/a|\$40B–\$40B/);
  });
});

function fakeTslab(recorded: ClaimRecord[]): TslabLike {
  const context = {
    assumptions: { get: () => { throw new Error("unused"); }, readIds: () => [], all: () => [] },
    montecarlo: { samples: 10, seed: 1 },
    recordFigure: () => undefined,
    recordClaim: (c: ClaimRecord) => recorded.push(c),
  };
  const display = { html: () => undefined, markdown: () => undefined, raw: () => undefined };
  return { display, [RUN_CONTEXT]: context } as unknown as TslabLike;
}
