import { describe, expect, it } from "vitest";
import { parseAssumptions } from "../../src/assumptions";
import { diffSnapshots } from "../../src/diff/diff";
import { renderChangesSection, renderDiffText } from "../../src/diff/render";

const file = (correlation: string, kind = "source") =>
  [
    "assumptions:",
    ...["a_usd", "b_usd"].flatMap((id) => [`  - id: ${id}`, `    label: ${id}`, "    unit: USD", "    range: { low: 1, high: 2 }", `    kind: ${kind}`, "    source: { title: t, date: 2026-01-01 }", "    note: why"]),
    correlation,
  ].join("\n");

describe("diff: correlations, kinds and as-of dates", () => {
  it("lists a changed correlation under both assumptions, and a changed kind", () => {
    const before = parseAssumptions(file(""), "a.yaml").all();
    const after = parseAssumptions(file("correlations:\n  - between: [a_usd, b_usd]\n    rho: 0.6\n    kind: judgement\n    source: { title: analysts, date: 2026-01-01 }\n    note: n", "judgement"), "b.yaml").all();
    const diff = diffSnapshots({ label: "v1", assumptions: before, asOf: "2026-04-28" }, { label: "v2", assumptions: after, asOf: "2026-11-29" });
    expect(diff.assumptions.changed.map((c) => [c.id, c.fields])).toEqual([
      ["a_usd", ["kind", "correlations"]],
      ["b_usd", ["kind", "correlations"]],
    ]);
    const text = renderDiffText(diff, false);
    expect(text).toContain("      correlations: (none) → b_usd ρ=0.6");
    expect(text).toContain("      kind: source → judgement");
    expect(text).toContain("As-of date moved: 2026-04-28 → 2026-11-29");
    expect(renderDiffText(diffSnapshots({ label: "v1", assumptions: before, asOf: null }, { label: "v2", assumptions: before, asOf: "2026-11-29" }), false)).toContain(
      "As-of date moved: (not recorded) → 2026-11-29",
    );
    // An assumptions file has no as-of date: comparing a version with one says nothing about it.
    expect(renderDiffText(diffSnapshots({ label: "v1", assumptions: before, asOf: "2026-11-29" }, { label: "a.yaml", assumptions: before }), false)).not.toContain("As-of");
    expect(renderDiffText(diffSnapshots({ label: "v1", assumptions: before }, { label: "v2", assumptions: before }), false)).not.toContain("As-of");
  });
});

describe("a changed note in the What changed section", () => {
  it("shows whole words replaced, with their punctuation, not a number cut at every mark", () => {
    const withNote = (note: string) => parseAssumptions(file("").replace(/note: why/g, `note: ${note}`), "a.yaml").all();
    const before = withNote("Rates sit in a 3.5-4.5% band.");
    const after = withNote("Rates sit in the 3.50-3.75% range (the funds input).");
    const section = renderChangesSection(diffSnapshots({ label: "v1", assumptions: before }, { label: "v2", assumptions: after }), "v1").value;
    const note = /<b>note<\/b>: (.*?)<\/div>/.exec(section)?.[1] ?? "";
    expect(note).toBe("Rates sit in <del>a 3.5-4.5% band.</del> → <ins>the 3.50-3.75% range (the funds input).</ins>");
    // Unchanged words stay outside the marks; a hostile note stays text.
    const hostile = renderChangesSection(diffSnapshots({ label: "v1", assumptions: before }, { label: "v2", assumptions: withNote("Rates <script>x</script> band.") }), "v1").value;
    expect(hostile).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(hostile).not.toContain("<script>x");
  });
});

describe("an erratum in the What changed section", () => {
  it("names the section it corrects by its heading, escaped, where the newer version records it; by its id otherwise", () => {
    const assumptions = parseAssumptions(file(""), "a.yaml").all();
    const erratum = (id: string, section: string) => ({ id, version: "v1", section, figures: [], was: "Old words.", now: "New words." });
    const sections = [{ id: "01-run#a-second-route", notebook: "notebooks/01-run.ipynb", heading: "A second route: <compute>", proseSha256: "x" }];
    const diff = diffSnapshots({ label: "v1", assumptions, errata: [] }, { label: "v2", assumptions, errata: [erratum("named", "01-run#a-second-route"), erratum("bare", "appendix-assumptions"), erratum("unknown", "bare-section")], sections });
    const section = renderChangesSection(diff, "v1").value;
    expect(section).toContain("<strong>v1, \u201cA second route: &lt;compute&gt;\u201d (01-run)</strong>");
    expect(section).toContain("<strong>v1, Appendix A. Assumptions</strong>");
    expect(section).toContain("<strong>v1, bare-section</strong>");
  });
});
