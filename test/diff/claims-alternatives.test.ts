/**
 * What a diff between versions said nothing of, before: a claim whose verdict turned (the report's
 * conclusion about a sentence of the essay), a figure whose medians under the model's alternatives
 * moved while its own median did not (the title page shows that spread), and, with a git ref or a
 * file as the older side, every erratum ever published as if it were new.
 */
import { describe, expect, it } from "vitest";
import { diffClaims } from "../../src/diff/claims";
import { diffSnapshots, isEmptyDiff, type Snapshot } from "../../src/diff/diff";
import { diffToJson, renderDiffPage, renderDiffText } from "../../src/diff/render";
import type { FigureValues } from "../../src/report/figures-file";
import type { Erratum } from "../../src/errata/types";

const claim = (id: string, verdict: string, computed: { low: number; high: number }, text = `The claim ${id}`) => ({
  id,
  claim: text,
  unit: "USD",
  format: "usd",
  stated: { low: 350e9, high: 350e9 },
  computed,
  verdict,
  factor: null,
  notebook: "notebooks/05.ipynb",
  cell: 3,
  section: "05#valuation",
});

const version = (label: string, claims: unknown[], figures: FigureValues[] = []): Snapshot => ({
  label,
  assumptions: [],
  figures,
  prose: { figures: [], claims, sections: [] },
  claims,
  reviewed: [],
  errata: [],
});

describe("diff: claims", () => {
  it("lists a verdict that turned, and claims added or removed, with their numbers; counts the rest", () => {
    const before = [claim("valuation", "consistent", { low: 330e9, high: 370e9 }), claim("same", "consistent", { low: 1, high: 2 }), claim("gone", "overstated", { low: 1e9, high: 1e9 })];
    const after = [claim("valuation", "understated", { low: 380e9, high: 420e9 }), claim("same", "consistent", { low: 1.5, high: 2.5 }), claim("new", "unverifiable", { low: 5e9, high: 5e9 })];
    const result = diffClaims(before, after);
    expect(result?.unchanged).toBe(1);
    expect(result?.changed.map((c) => `${c.status}:${c.id}`)).toEqual(["changed:valuation", "added:new", "removed:gone"]);
    const diff = diffSnapshots(version("2026-05-01", before), version("2026-05-20", after));
    expect(isEmptyDiff(diff)).toBe(false);
    const text = renderDiffText(diff, false);
    expect(text).toContain("Claims of the essay: 3 changed (a verdict turned, or a claim added or removed), 1 with the same verdict");
    expect(text).toContain("  ~ valuation  consistent → understated  (stated $350B; model $330B–$370B → $380B–$420B)");
    expect(text).toContain("  + new  unverifiable  (stated $350B; model $5B)  new");
    expect(text).toContain("  - gone  overstated  (stated $350B; model $1B)  removed");
    expect(text).toContain('      "The claim valuation"');
    expect(JSON.parse(diffToJson(diff)).claims.changed[0]).toMatchObject({ id: "valuation", status: "changed", before: { verdict: "consistent" }, after: { verdict: "understated" } });
    expect(renderDiffPage(diff)).toContain("<td>consistent → understated</td><td>$350B</td><td>$330B–$370B → $380B–$420B</td>");
  });

  it("says no verdict changed when none did, and nothing at all for a report without claims", () => {
    const same = [claim("valuation", "consistent", { low: 330e9, high: 370e9 })];
    expect(renderDiffText(diffSnapshots(version("a", same), version("b", same)), false)).toContain("Claims of the essay: no verdict changed, 1 with the same verdict");
    const none = diffSnapshots(version("a", []), version("b", []));
    expect(none.claims).toBeUndefined();
    expect(renderDiffText(none, false)).not.toContain("Claims");
  });

  it("keeps a claim's hostile words as text in the terminal and in the page", () => {
    const hostile = 'Up \u001b[31m<script>alert(1)</script> $` "x"';
    const diff = diffSnapshots(version("a", [claim("c", "consistent", { low: 1, high: 1 }, hostile)]), version("b", [claim("c", "overstated", { low: 1, high: 1 }, hostile)]));
    const text = renderDiffText(diff, false);
    expect(text).not.toContain("\u001b[31m");
    expect(text).toContain("\\x1b[31m<script>");
    const page = renderDiffPage(diff);
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>");
  });
});

describe("diff: a figure's alternatives", () => {
  const headline = (flopRoute: number): FigureValues => ({
    id: "headline_cost",
    label: "Headline cost",
    unit: "USD",
    format: "usd",
    p5: 400e6,
    p50: 529e6,
    p95: 700e6,
    alternatives: [
      { id: "price_route", label: "priced per GPU-hour", p50: 529e6 },
      { id: "flop_route", label: "priced from its compute", p50: flopRoute },
    ],
    alternativesWhere: "chapter 1",
  });

  it("reports medians under the alternatives that moved, though the figure's own did not", () => {
    const diff = diffSnapshots(version("a", [], [headline(703e6)]), version("b", [], [headline(966e6)]));
    const [delta] = diff.figures ?? [];
    expect(delta?.status).toBe("changed");
    expect(delta?.alternatives?.after.map((a) => a.p50)).toEqual([529e6, 966e6]);
    const text = renderDiffText(diff, false);
    expect(text).not.toContain("1 figure unchanged");
    expect(text).toContain("  headline_cost  $529M ($400M–$700M) → $529M ($400M–$700M)  under the alternatives $529M–$703M → $529M–$966M");
    expect(renderDiffPage(diff)).toContain("under the alternatives $529M–$703M → $529M–$966M");
    // The same alternatives: unchanged, as before.
    expect(diffSnapshots(version("a", [], [headline(703e6)]), version("b", [], [headline(703e6)])).figures?.[0]?.status).toBe("unchanged");
  });
});

describe("diff: errata", () => {
  const erratum = { id: "2026-05-02-1", version: "2026-05-01" } as unknown as Erratum;

  it("lists the newer version's new errata only against a published version, not against a git ref or a file", () => {
    const newer: Snapshot = { ...version("2026-05-20", []), errata: [erratum] };
    expect(diffSnapshots(version("2026-05-01", []), newer).errata).toEqual([erratum]);
    expect(diffSnapshots({ label: "HEAD", assumptions: [] }, newer).errata).toBeUndefined();
    expect(renderDiffText(diffSnapshots({ label: "HEAD", assumptions: [] }, newer), false)).not.toMatch(/errat/i);
  });
});
