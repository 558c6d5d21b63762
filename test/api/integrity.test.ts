import { describe, expect, it } from "vitest";
import { notebook, type ClaimRecord, type FigureRecord, type TslabLike } from "../../src/api";
import { RUN_CONTEXT } from "../../src/api/context";
import { formatFigure } from "../../src/format/figure";
import { resolveLedgerWords } from "../../src/api/words";
import type { Assumption } from "../../src/assumptions/types";
import { renderAppendices } from "../../src/report/appendices";
import { checkClaim } from "../../src/model/claims";

const assumption = (id: string, kind: Assumption["kind"]): Assumption => ({
  id, label: `label of ${id}`, unit: "USD", range: { low: 1, high: 2 }, distribution: "lognormal", kind,
  source: { title: "s", date: "2026-01-01" }, position: { file: "a.yaml", line: 1, column: 1 },
});
const known = new Map([["guess_share", assumption("guess_share", "judgement")], ["paper_usd", assumption("paper_usd", "source")], ["essay_usd", assumption("essay_usd", "essay")]]);

const KEY = "0123456789abcdef0123456789abcdef";

function session(options: { ledgerLater?: boolean } = {}) {
  const figures: FigureRecord[] = [];
  const claims: ClaimRecord[] = [];
  const markdown: string[] = [];
  const htmlOut: string[] = [];
  const context = {
    assumptions: { get: (id: string) => known.get(id) ?? (() => { throw new Error(`unknown ${id}`); })(), readIds: () => [], all: () => [...known.values()] },
    montecarlo: { samples: 10, seed: 1 },
    recordFigure: (f: FigureRecord) => figures.push(f),
    recordClaim: (c: ClaimRecord) => claims.push(c),
    ...(options.ledgerLater === true ? { ledgerKey: KEY } : {}),
  };
  const display = { html: (t: string) => htmlOut.push(t), markdown: (t: string) => markdown.push(t), raw: () => undefined };
  const nb = notebook({ display, [RUN_CONTEXT]: context } as unknown as TslabLike);
  return { nb, figures, claims, markdown, htmlOut };
}

const summary = (p5: number, p50: number, p95: number) => ({ mean: p50, p5, p25: p50, p50, p75: p50, p95 });
const claimInput = (id: string, verdict: ClaimRecord["verdict"], factor: number | null, drivers?: ReadonlyArray<string | { id: string; share: number }>) => ({
  id, claim: `claim <script>${id}</script>`, stated: { low: 1, high: 1 }, computed: { low: 2, high: 3 }, unit: "USD", format: "usd" as const, verdict, factor,
  ...(drivers === undefined ? {} : { drivers }),
});

describe("claims that rest on judgement", () => {
  it("weights the drivers by kind and marks a claim carried mostly by judgement inputs", () => {
    const { nb, claims, htmlOut } = session();
    nb.claim(claimInput("doubling", "overstated", 2, [{ id: "guess_share", share: 0.8 }, { id: "paper_usd", share: 0.2 }]));
    nb.claim(claimInput("sourced", "consistent", 1, [{ id: "guess_share", share: 1 }, { id: "paper_usd", share: 3 }]));
    nb.claim(claimInput("plain", "consistent", 1, ["essay_usd", "guess_share"]));
    expect(claims[0]?.basis).toEqual({ shares: { judgement: 0.8, source: 0.2 }, judgementLed: true, mainJudgement: { id: "guess_share", label: "label of guess_share", share: 0.8 } });
    expect(claims[1]?.basis).toMatchObject({ shares: { judgement: 0.25, source: 0.75 }, judgementLed: false });
    // Exactly half is not "mostly".
    expect(claims[2]?.basis).toMatchObject({ shares: { essay: 0.5, judgement: 0.5 }, judgementLed: false });
    expect(htmlOut[0]).toContain('<span class="judgement-badge">rests on judgement (80% of the sensitivity, mostly “label of guess_share”)</span>');
    expect(htmlOut[1]).not.toContain("judgement-badge");

    const ledger = renderAppendices({ assumptions: [...known.values()], assumptionsFile: "a.yaml", figures: [], claims, montecarlo: { samples: 10, seed: 1 }, provenance: { builtAt: "t", git: { commit: null, dirty: false }, tools: {}, assumptionsSha256: "x", assumptionsContentSha256: "y" } })
      .map((a) => a.html.value).join("");
    expect(ledger.match(/class="judgement-badge"/g)).toHaveLength(1);
    expect(ledger).toContain("&lt;script&gt;doubling&lt;/script&gt;");
    // The appendices' own prose sets its apostrophes as the chapters' prose does.
    expect(ledger).toContain("The model has <strong>3</strong> inputs: 1 is the essay\u2019s own figure, 1 comes from an external source and 1 is the analysts\u2019 judgement.");
    expect(ledger).toContain("They exclude structural uncertainty");
    expect(ledger).toContain("a uniform or triangular input\u2019s range is its whole support");
    expect(ledger).not.toMatch(/[a-z]'[a-z]/);
  });
});

describe("structural alternatives", () => {
  it("records each alternative beside the interval and writes it after the figure", () => {
    const { nb, figures } = session();
    const figure = nb.figure({
      id: "tax_share", label: "Fragmentation tax", unit: "share", format: "percent", summary: summary(0.13, 0.19, 0.27),
      alternatives: [
        { id: "inference_only", label: "pooling on inference only", summary: summary(0.08, 0.1, 0.12) },
        { id: "both", label: "both", value: 0.07 },
      ],
      alternativesWhere: "chapter 8",
    });
    expect(figures[0]?.alternatives).toEqual([
      { id: "inference_only", label: "pooling on inference only", p50: 0.1, p5: 0.08, p95: 0.12 },
      { id: "both", label: "both", p50: 0.07 },
    ]);
    expect(formatFigure(figure)).toBe("19% (90% interval 13%–27%) as modelled; medians 7%–10% under the alternatives in chapter 8");
    const one = nb.figure({ id: "x", label: "x", unit: "share", format: "percent", value: 0.19, alternatives: [{ id: "a", label: "pooling on inference only", value: 0.1 }] });
    expect(formatFigure(one)).toBe("19% as modelled; median 10% under the alternative (pooling on inference only)");
  });

  it("an alternative without exactly one finite value or summary is an error naming the figure and the alternative", () => {
    const { nb } = session();
    expect(() => nb.figure({ id: "f", label: "f", unit: "", format: "number", value: 1, alternatives: [{ id: "bad", label: "b", value: Number.NaN }] })).toThrow(
      'figure "f": alternative "bad" needs exactly one of "value" or "summary", with finite numbers',
    );
  });
});

describe("nb.words: wording chosen from the data", () => {
  it("compares numbers, figures and summaries, with a tolerance or by overlap", () => {
    const { nb } = session();
    const phrases = { higher: "higher ({ratio})", lower: "lower ({ratio})", similar: "about the same" };
    expect(nb.words.compare(33, 100, phrases)).toBe("lower (0.33×)");
    expect(nb.words.compare(100, 33, phrases)).toBe("higher (3×)");
    expect(nb.words.compare(105, 100, phrases)).toBe("about the same");
    expect(nb.words.compare(summary(80, 120, 160), summary(90, 100, 110), phrases, { overlap: true })).toBe("about the same");
    expect(nb.words.compare(summary(80, 120, 160), summary(90, 100, 110), phrases)).toBe("higher (1.2×)");
  });

  it("refuses what would choose its words silently or write 'n/a': NaN, an infinite end, a ratio to 0, a count that is no count", () => {
    const { nb } = session();
    const phrases = { higher: "higher ({ratio})", lower: "lower ({ratio})", similar: "about the same" };
    // NaN compares false both ways: without the check it read "lower" whatever the data.
    expect(() => nb.words.compare(Number.NaN, 0.1, phrases)).toThrow(/nb\.words\.compare: "first value" is NaN, not a finite number/);
    expect(() => nb.words.compare(summary(1, 2, Number.POSITIVE_INFINITY), 2, phrases, { overlap: true })).toThrow(/"first value\.p95" is Infinity/);
    expect(() => nb.words.compare(3, 0, phrases)).toThrow(/"\{ratio\}" divides by the second value, which is 0/);
    // Against 0 without {ratio}, the comparison has its words.
    expect(nb.words.compare(3, 0, { higher: "above nothing", lower: "below", similar: "same" })).toBe("above nothing");
    for (const bad of [Number.NaN, 1.5, -1, Number.POSITIVE_INFINITY]) expect(() => nb.words.count(bad, "claim")).toThrow(/nb\.words\.count: .* is not a count; give a whole number, 0 or more/);
    expect(nb.words.count(2, "claim")).toBe("two claims");
    expect(nb.words.count(12, "claim")).toBe("12 claims");
  });

  it("phrases verdicts and counts the ledger so far", () => {
    const { nb } = session();
    const over = nb.claim(claimInput("a", "overstated", 3.04));
    nb.claim(claimInput("b", "consistent", 1));
    nb.claim(claimInput("c", "consistent", 1));
    nb.claim(claimInput("d", "unverifiable", null));
    expect(nb.words.verdict(over)).toBe("overstated by a factor of 3×");
    expect(nb.words.verdict("consistent", { consistent: "holds up" })).toBe("holds up");
    expect(nb.words.countsText(nb.words.claimsSoFar(), { verb: true })).toBe("2 are consistent, 1 overstated and 1 unverifiable");
    expect(nb.words.claimsSoFar((c) => c.verdict !== "unverifiable").total).toBe(3);
    expect(nb.words.count(1, "claim")).toBe("one claim");
    expect(nb.words.count(0, "claim")).toBe("no claims");
    expect(nb.words.list(["a", "b", "c"], "or")).toBe("a, b or c");
    // Without a report to render (Jupyter), the whole-ledger phrase is this notebook's.
    expect(nb.words.ledger()).toBe("2 consistent, 1 overstated and 1 unverifiable");
    // A factor that would read "1×" gets a third digit.
    expect(nb.words.verdict(nb.claim(claimInput("e", "overstated", 1.034)))).toBe("overstated by a factor of 1.03×");
    // What checkClaim returned, as README's example passes it (the type check refused it before).
    expect(nb.words.verdict(checkClaim({ low: 3, high: 3 }, { low: 1, high: 1 }))).toBe("overstated by a factor of 3×");
    expect(nb.words.verdict(checkClaim({ low: 1, high: 2 }, { low: 1.5, high: 3 }))).toBe(nb.words.verdict("consistent"));
    // Understated: the factor is below 1, and the default phrase gives it the way round a reader can use.
    const under = checkClaim({ low: 1, high: 1 }, { low: 3.2, high: 3.2 });
    expect(nb.words.verdict(under)).toBe("understated by a factor of 3.2×");
    expect(nb.words.verdict(under, { understated: "{factor} of ours" })).toBe("0.31× of ours");
    // A computed midpoint of 0 gives no ratio: the verdict alone, not "by a factor of n/a" (nor Infinity×).
    expect(nb.words.verdict(checkClaim({ low: 5, high: 6 }, { low: -1, high: 1 }))).toBe("overstated");
    // An unverifiable claim (its factor is null too) keeps its phrase, as the bare verdict has it.
    expect(nb.words.verdict(checkClaim({ low: 5, high: 6 }, { low: Number.NaN, high: 1 }))).toBe(nb.words.verdict("unverifiable"));
    expect(nb.words.verdict("unverifiable")).not.toBe("unverifiable");
    // An infinite factor given by hand is refused, as nb.claim refuses it, rather than worded.
    expect(() => nb.words.verdict({ verdict: "overstated", factor: Number.POSITIVE_INFINITY })).toThrow(/nb\.words\.verdict.*factor/);
  });

  it("in a build, ledger() is filled from the whole report's claims when the page is rendered", () => {
    const { nb, markdown } = session({ ledgerLater: true });
    void nb.md`Of the claims, ${nb.words.ledger("counts", { verb: true })}; ${nb.words.ledger("overstated")} overstated out of ${nb.words.ledger("total")}.`;
    const all = [claimInput("a", "overstated", 3), claimInput("b", "consistent", 1), claimInput("c", "overstated", 2)].map(({ drivers: _d, ...c }) => c as ClaimRecord);
    expect(resolveLedgerWords(markdown[0] ?? "", all, KEY)).toBe("Of the claims, 1 is consistent and 2 overstated; 2 overstated out of 3.");
  });

  it("fills only the markers of the run's own key: the same characters in data stay text", () => {
    const { nb, markdown } = session({ ledgerLater: true });
    const forged = ["\uE000ledger:total:0\uE001", `\uE000ledger:${"f".repeat(32)}:total:0\uE001`];
    void nb.md`Ours: ${nb.words.ledger("total")}. From a data file: ${forged[0]} and ${forged[1]}.`;
    const all = [claimInput("a", "overstated", 3)].map(({ drivers: _d, ...c }) => c as ClaimRecord);
    expect(resolveLedgerWords(markdown[0] ?? "", all, KEY)).toBe(`Ours: 1. From a data file: ${forged[0]} and ${forged[1]}.`);
    // Without a key (a run that left no markers), nothing is filled.
    expect(resolveLedgerWords(markdown[0] ?? "", all, undefined)).toBe(markdown[0]);
  });
});
