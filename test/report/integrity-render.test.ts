import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render";
import { fixtureInput, visibleText } from "./fixture";

describe("the title card and appendices with alternatives, correlations and an as-of date", async () => {
  const input = fixtureInput();
  const [first, ...rest] = input.figures;
  if (first === undefined) throw new Error("fixture has no figures");
  const withAlternatives = {
    ...first,
    alternatives: [
      { id: "a", label: "pooling on <script>inference</script> only", p50: (first.summary?.p50 ?? 1) * 0.5 },
      { id: "b", label: "both", p50: (first.summary?.p50 ?? 1) * 0.4 },
    ],
    alternativesWhere: "chapter <b>8</b>",
  };
  const hostile = "<script>alert(1)</script> `$(rm -rf /)` \u001b[31m";
  const report = await renderReport({
    ...input,
    figures: [withAlternatives, ...rest],
    asOf: "2026-04-01",
    correlations: [
      { between: ["a_usd", "b_usd"], rho: 0.5, kind: "judgement", source: { title: `Analysts ${hostile}`, date: "2026-03-31" }, note: hostile, position: { file: "a.yaml", line: 1, column: 1 } },
      { between: ["a_usd", "c_usd"], rho: 0.2, kind: "source", source: { title: "Survey", url: "https://example.com/survey?a=1&b=2", date: "2026-03-30" }, position: { file: "a.yaml", line: 6, column: 1 } },
    ],
  });
  const page = report.html;

  it("shows the alternatives on the title card and in the figures appendix, escaped", () => {
    expect(page).toMatch(/<div class="headline-alternatives">medians \$[\d.]+M–\$[\d.]+M under the alternatives in chapter &lt;b&gt;8&lt;\/b&gt;<\/div>/);
    expect(visibleText(page)).toMatch(/as modelled; medians \$[\d.]+M–\$[\d.]+M under the alternatives in chapter <b>8<\/b>/);
    expect(page).not.toContain("<b>8</b>");
  });

  it("leaves out a title card's interval that reads as its value (a what-if of a probability at 0: \"0% / 90% interval 0%\")", async () => {
    const still = { ...first, summary: { mean: 0, p5: 0, p25: 0, p50: 0, p75: 0, p95: 0 } };
    const flat = (await renderReport({ ...input, figures: [still, ...rest] })).html;
    const card = /<div class="headline">[^]*?<\/div><\/div>/.exec(flat.slice(flat.indexOf('<div class="headlines">')))?.[0] ?? "";
    expect(card).toContain('<div class="headline-value">$0</div>');
    expect(card).not.toContain("headline-range");
    expect(page).toContain('<div class="headline-range">90% interval ');
  });

  it("gives each correlation its source and date, as an assumption's: the title as text, linked when it has a web address", () => {
    const table = page.slice(page.indexOf("<h2>Correlated inputs</h2>"));
    expect(table).toContain('Analysts &lt;script&gt;alert(1)&lt;/script&gt; `$(rm -rf /)`');
    expect(table).toContain('<div class="note">as of <span class="date">2026-03-31</span></div>');
    expect(table).toContain('<a href="https://example.com/survey?a=1&amp;b=2">Survey</a><div class="note">as of <span class="date">2026-03-30</span></div>');
  });

  it("shows both dates and lists correlations with their note as text", () => {
    expect(page).toContain('<p class="as-of">Data as of 2026-04-01: no source dated later is used</p>');
    expect(page).toContain("Version of 2026-04-28");
    expect(page).toContain("<h2>Correlated inputs</h2>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; `$(rm -rf /)`");
    expect(page).not.toContain("<script>alert(1)");
    expect(page).toContain("except two declared pairs, whose rank correlation is imposed (Iman–Conover)");
  });
});
