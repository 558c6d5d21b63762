/**
 * YAML aliases in every input file (util/yaml-syntax.ts): a plain file that shares one value among
 * many entries is read as written, and a "billion laughs" is refused with the file, the line of its
 * first alias (the parser does not say which one crossed the limit) and what to do (exit 2), never the
 * parser's raw "Excessive alias count" (exit 1).
 */
import { describe, expect, it } from "vitest";
import { AssumptionError, parseAssumptions } from "../../src/assumptions";
import { ConfigError, normalizeConfig } from "../../src/config/parse";
import { ErrataError } from "../../src/errata/errors";
import { parseErrata } from "../../src/errata/parse";
import { EXIT_USAGE, exitCodeOf } from "../../src/util/errors";
import { MAX_ALIAS_VALUES } from "../../src/util/yaml-syntax";

/** `n` assumptions sharing one source through an alias (the first defines it). */
function sharedSources(n: number): string {
  const lines = ["assumptions:"];
  for (let i = 0; i < n; i++) {
    lines.push(`  - id: input_${i}_usd`, `    label: Input ${i}`, "    unit: USD", "    range: { low: 1, high: 2 }", "    kind: source");
    lines.push(i === 0 ? '    source: &shared { title: "A shared survey", date: 2026-01-01 }' : "    source: *shared");
  }
  return `${lines.join("\n")}\n`;
}

/** Ten levels of ten aliases each: 10^10 values once expanded. The first alias is on line 3. */
const LAUGHS = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)];

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("YAML aliases", () => {
  it("the assumptions file: 150 entries sharing one source through an alias are read as written", () => {
    const registry = parseAssumptions(sharedSources(150), "a.yaml");
    expect(registry.all()).toHaveLength(150);
    expect(registry.get("input_149_usd").source.title).toBe("A shared survey");
  });

  it("the assumptions file: a billion laughs is refused at its first alias, exit 2", () => {
    const text = `${sharedSources(1)}${LAUGHS.join("\n")}\n`;
    const error = thrown(() => parseAssumptions(text, "a.yaml"));
    expect(error).toBeInstanceOf(AssumptionError);
    expect(exitCodeOf(error)).toBe(EXIT_USAGE);
    expect(error.message).toContain("a.yaml:9:8:"); // b: &b [*a, …]: the file's first alias (the source above shares nothing)
    expect(error.message).toContain(`(the first is *a) expand to more than ${MAX_ALIAS_VALUES.toLocaleString("en-US")} values`);
    expect(error.message).not.toContain("Excessive alias count");
  });

  it("report.yaml: a billion laughs is refused at its first alias, exit 2", () => {
    const error = thrown(() => normalizeConfig(`title: T\nchapters: [a.ipynb]\n${LAUGHS.join("\n")}\n`, "/project/notebooks/report.yaml", { exists: () => true }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(exitCodeOf(error)).toBe(EXIT_USAGE);
    expect(error.message).toMatch(/report\.yaml:4:\d+/);
    expect(error.message).toContain("(the first is *a)");
  });

  it("the errata file: an alias in an entry is resolved; a billion laughs is refused at its first alias, exit 2", () => {
    const entry = (id: string, figures: string) => [`  - id: ${id}`, "    version: 2026-11-26", "    section: 05-who-pays#a-high", `    figures: ${figures}`, "    was: Before.", "    now: After."];
    const shared = ["errata:", ...entry("first", "&figures [anthropic_price_to_sales_trailing]"), ...entry("second", "*figures")].join("\n");
    expect(parseErrata(`${shared}\n`, "errata.yaml").map((erratum) => erratum.figures)).toEqual([["anthropic_price_to_sales_trailing"], ["anthropic_price_to_sales_trailing"]]);
    const error = thrown(() => parseErrata(`${shared}\nlaughs:\n${LAUGHS.map((line) => `  ${line}`).join("\n")}\n`, "errata.yaml"));
    expect(error).toBeInstanceOf(ErrataError);
    expect(exitCodeOf(error)).toBe(EXIT_USAGE);
    expect(error.message).toContain("errata.yaml:11:14:"); // the second entry's `*figures`, the file's first alias
    expect(error.message).toContain("(the first is *figures)");
  });
});
