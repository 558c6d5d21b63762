import { describe, expect, it } from "vitest";
import { parseAssumptions, sourcesAfterAsOf } from "../../src/assumptions";

const text = [
  "assumptions:",
  "  - id: early",
  "    label: Early",
  "    unit: USD",
  "    value: 1",
  "    kind: source",
  "    source: { title: Early source, date: 2026-01-01 }",
  "  - id: late",
  "    label: Late",
  "    unit: USD",
  "    value: 2",
  "    kind: source",
  "    source:",
  "      title: A later source",
  "      date: '2026-06-30'",
  "",
].join("\n");

describe("a source dated after the data cut-off", () => {
  it("is located at its date, in flow or block style, and at its entry without the file's text", () => {
    const registry = parseAssumptions(text, "a.yaml");
    expect(sourcesAfterAsOf(registry.all(), registry.correlations, "2026-05-01", text).map((p) => [p.id, p.line, p.column])).toEqual([["late", 15, 14]]);
    expect(sourcesAfterAsOf(registry.all(), registry.correlations, "2025-12-01", text).map((p) => [p.id, p.line, p.column])).toEqual([
      ["early", 7, 42],
      ["late", 15, 14],
    ]);
    expect(sourcesAfterAsOf(registry.all(), registry.correlations, "2026-05-01").map((p) => [p.id, p.line])).toEqual([["late", 8]]);
  });
});
