import { describe, expect, it } from "vitest";
import { AssumptionError, parseAssumptions } from "../../src/assumptions";

const entry = (id: string, extra: string[] = [], kind = "source"): string[] => [
  `  - id: ${id}`,
  `    label: ${id}`,
  "    unit: USD",
  "    range: { low: 1, high: 2 }",
  `    kind: ${kind}`,
  "    source: { title: t, date: 2026-01-01 }",
  ...extra,
];

function errorOf(lines: string[], options = {}): AssumptionError {
  try {
    parseAssumptions(lines.join("\n"), "a.yaml", options);
  } catch (error) {
    if (error instanceof AssumptionError) return error;
    throw error;
  }
  throw new Error("parsed without an error");
}

const three = ["assumptions:", ...entry("a_usd"), ...entry("b_usd"), ...entry("c_usd")];

const JUDGED = "    source: { title: analysts, date: 2026-01-01 }";

describe("kinds of input", () => {
  it("reads kind and requires a reasoning note for a judgement", () => {
    const registry = parseAssumptions(["assumptions:", ...entry("a_usd", ["    note: because"], "judgement"), ...entry("b_usd", [], "essay")].join("\n"), "a.yaml");
    expect(registry.get("a_usd").kind).toBe("judgement");
    expect(registry.get("b_usd").kind).toBe("essay");
    const error = errorOf(["assumptions:", ...entry("a_usd", [], "judgement")]);
    expect(error.message).toBe('a.yaml:6:11: assumption "a_usd": kind "judgement" needs a "note" giving the reasoning (why this value or range)');
  });

  it("a missing or unknown kind is a located error; versions published before kinds still read (legacy)", () => {
    const lines = ["assumptions:", ...entry("a_usd").filter((l) => !l.includes("kind"))];
    expect(errorOf(lines).message).toMatch(/^a\.yaml:2:5: assumption "a_usd": missing "kind": say whether/);
    expect(parseAssumptions(lines.join("\n"), "old.yaml", { legacy: true }).get("a_usd").kind).toBeUndefined();
    expect(errorOf(["assumptions:", ...entry("a_usd", [], "guess")]).message).toMatch(/a\.yaml:6:11: assumption "a_usd": unknown kind "guess"; a kind is one of "essay", "source", "judgement"/);
  });

  it("a misspelt judgement without a note gets both problems at once (the note's was a second round)", () => {
    const problems = errorOf(["assumptions:", ...entry("a_usd", [], "judgment")]).message.split("\n");
    expect(problems).toEqual([
      'a.yaml:6:11: assumption "a_usd": unknown kind "judgment"; did you mean "judgement"? A kind is one of "essay", "source", "judgement": the essay\'s figure, an external publication\'s, or the analysts\' judgement',
      'a.yaml:6:11: assumption "a_usd": kind "judgement" needs a "note" giving the reasoning (why this value or range)',
    ]);
    expect(errorOf(["assumptions:", ...entry("a_usd", ["    note: because"], "judgment")]).message.split("\n")).toHaveLength(1);
  });

  it("rejects a source date that is not a calendar day", () => {
    const lines = ["assumptions:", ...entry("a_usd").map((l) => l.replace("2026-01-01", "2026-02-30"))];
    expect(errorOf(lines).message).toMatch(/a\.yaml:7:\d+: assumption "a_usd": invalid "source\.date": not a calendar date/);
  });
});

describe("correlations", () => {
  it("attaches a declared correlation to both assumptions and keeps the list", () => {
    const registry = parseAssumptions([...three, "correlations:", "  - between: [a_usd, b_usd]", "    rho: 0.5", "    kind: judgement", JUDGED, "    note: same driver"].join("\n"), "a.yaml");
    expect(registry.get("a_usd").correlations).toEqual([{ with: "b_usd", rho: 0.5 }]);
    expect(registry.get("b_usd").correlations).toEqual([{ with: "a_usd", rho: 0.5 }]);
    expect(registry.get("c_usd").correlations).toBeUndefined();
    expect(registry.correlations).toMatchObject([{ between: ["a_usd", "b_usd"], rho: 0.5, kind: "judgement", position: { line: 21 } }]);
  });

  it("an unknown id is an error naming the entry, the id and the nearest ids", () => {
    const error = errorOf([...three, "correlations:", "  - between: [a_usd, b_ud]", "    rho: 0.5", "    kind: judgement", JUDGED, "    note: n"]);
    expect(error.message).toBe('a.yaml:21:22: correlation [a_usd, b_ud]: unknown assumption "b_ud"; did you mean "b_usd", "a_usd", "c_usd"?');
  });

  it("|rho| > 1, a self-correlation, a duplicate pair and a missing reasoning are located errors", () => {
    const error = errorOf([
      ...three,
      "correlations:",
      "  - between: [a_usd, b_usd]",
      "    rho: 1.5",
      "    kind: judgement",
      JUDGED,
      "    note: n",
      "  - between: [c_usd, c_usd]",
      "    rho: 0.2",
      "    kind: source",
      "    source: { title: s, date: 2026-01-01 }",
      "  - between: [b_usd, c_usd]",
      "    rho: 0.2",
      "    kind: judgement",
      JUDGED,
    ]);
    expect(error.problems.map((p) => `${p.line}: ${p.text}`)).toEqual([
      "22: correlation [a_usd, b_usd]: rho 1.5 is outside −1…1",
      "26: correlation [c_usd, c_usd]: an assumption cannot be correlated with itself",
      '32: correlation [b_usd, c_usd]: kind "judgement" needs a "note" saying why the two move together',
    ]);
  });

  it("an unknown kind names the kind meant, from the ones a correlation takes (it read zod's 'Invalid option: expected one of …')", () => {
    const declared = (kind: string) => errorOf([...three, "correlations:", "  - between: [a_usd, b_usd]", "    rho: 0.5", `    kind: ${kind}`, JUDGED, "    note: same driver"]).message;
    expect(declared("judgment")).toBe(
      'a.yaml:23:11: correlation 1: unknown kind "judgment"; did you mean "judgement"? A correlation\'s kind is one of "source", "judgement": a publication that measured it (with "source"), or the analysts\' judgement (with the reasoning in "note")',
    );
    // An assumption's kind that a correlation does not take: the kinds it does, no guess.
    expect(declared("essay")).toMatch(/correlation 1: unknown kind "essay"; a correlation's kind is one of "source", "judgement":/);
  });

  it("a set that is not positive semi-definite names every entry involved", () => {
    const pair = (a: string, b: string, rho: number) => [`  - between: [${a}, ${b}]`, `    rho: ${rho}`, "    kind: judgement", JUDGED, "    note: n"];
    const error = errorOf([...three, "correlations:", ...pair("a_usd", "b_usd", 0.9), ...pair("b_usd", "c_usd", 0.9), ...pair("a_usd", "c_usd", -0.9)]);
    expect(error.message).toBe(
      "a.yaml:21:5: these correlations cannot hold together (the matrix is not positive semi-definite): [a_usd, b_usd] ρ=0.9 (line 21), [b_usd, c_usd] ρ=0.9 (line 26), [a_usd, c_usd] ρ=-0.9 (line 31); weaken one of them",
    );
    const duplicate = errorOf([...three, "correlations:", ...pair("a_usd", "b_usd", 0.5), ...pair("b_usd", "a_usd", 0.4)]);
    expect(duplicate.message).toBe("a.yaml:26:14: correlation [b_usd, a_usd]: this pair is already declared on line 21");
  });

  it("a correlation without a source is refused, located, saying what a source is for either kind (it showed as '—' in the appendix)", () => {
    const error = errorOf([...three, "correlations:", "  - between: [a_usd, b_usd]", "    rho: 0.5", "    kind: judgement", "    note: same driver"]);
    expect(error.message).toBe(
      'a.yaml:21:5: correlation [a_usd, b_usd]: missing "source: { title, url?, date }"; every correlation needs a source, as every assumption does: the publication that measured it, or for kind "judgement" the analysts\' ("fragtax analysts\' assumption") with the date of the judgement',
    );
    // A version published before correlations named their sources is still read (diff, publish).
    const legacy = parseAssumptions([...three, "correlations:", "  - between: [a_usd, b_usd]", "    rho: 0.5", "    kind: judgement", "    note: same driver"].join("\n"), "a.yaml", { legacy: true });
    expect(legacy.correlations).toMatchObject([{ between: ["a_usd", "b_usd"], rho: 0.5 }]);
    expect(legacy.correlations[0]?.source).toBeUndefined();
  });
});
