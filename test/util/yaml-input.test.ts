/**
 * YAML aliases and tags in every input file (util/yaml-syntax.ts). A plain file that shares one value
 * among many entries is read as written, and a "billion laughs" is refused with the file, the line of
 * its first alias (the parser does not say which one crossed the limit) and what to do (exit 2), never
 * the parser's raw "Excessive alias count" (exit 1); so is an alias inside the value it repeats. A tag
 * YAML's core schema cannot apply (`!!float 10000`, which needs a point or an exponent there) or does
 * not know (`!money`) left the value a string, and the file's check then said "expected number,
 * received string" of a number: each is refused at the tag, with what to write instead.
 */
import { describe, expect, it } from "vitest";
import { AssumptionError, parseAssumptions } from "../../src/assumptions";
import { ConfigError, normalizeConfig } from "../../src/config/parse";
import { ErrataError } from "../../src/errata/errors";
import { parseErrata } from "../../src/errata/parse";
import { EXIT_USAGE, exitCodeOf } from "../../src/util/errors";
import { MAX_ALIAS_VALUES, MAX_YAML_DEPTH } from "../../src/util/yaml-syntax";
import { parseOverridesFile } from "../../src/build/whatif/overrides-file";

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

const assumption = (value: string): string =>
  ["assumptions:", "  - id: gpu_count", "    label: GPUs", "    unit: count", `    value: ${value}`, "    kind: source", '    source: { title: "A survey", date: 2026-01-01 }', ""].join("\n");

describe("YAML tags", () => {
  it("the assumptions file: !!float on a whole number is refused at the tag, saying why and what to write", () => {
    const error = thrown(() => parseAssumptions(assumption("!!float 10000"), "a.yaml"));
    expect(error).toBeInstanceOf(AssumptionError);
    expect(exitCodeOf(error)).toBe(EXIT_USAGE);
    expect(error.message).toContain("a.yaml:5:12:");
    expect(error.message).toContain("the tag !!float cannot be applied to 10000: YAML's core schema reads a !!float only with a decimal point or an exponent; write the value without the tag, as 10000");
    expect(error.message).not.toContain("received string");
  });

  it("the assumptions file: a tag the schema applies is read as meant", () => {
    expect(parseAssumptions(assumption("!!float 1e4"), "a.yaml").get("gpu_count").value).toBe(10000);
    expect(parseAssumptions(assumption("!!int 10000"), "a.yaml").get("gpu_count").value).toBe(10000);
  });

  it("report.yaml and the errata file: a tag of their own is refused at the tag, exit 2", () => {
    const config = thrown(() => normalizeConfig("title: !headline T\nchapters: [a.ipynb]\n", "/project/notebooks/report.yaml", { exists: () => true }));
    expect(config).toBeInstanceOf(ConfigError);
    expect(exitCodeOf(config)).toBe(EXIT_USAGE);
    expect(config.message).toContain("report.yaml:1:8:");
    expect(config.message).toContain("the tag !headline is not one of YAML's core schema, which these files are read with: write the value without the tag, as T");
    const errata = thrown(() => parseErrata(["errata:", "  - id: first", "    version: !date 2026-11-26", "    section: a#b", "    was: Before.", "    now: After.", ""].join("\n"), "errata.yaml"));
    expect(errata).toBeInstanceOf(ErrataError);
    expect(errata.message).toContain("errata.yaml:3:14:");
    expect(errata.message).toContain("the tag !date is not one of YAML's core schema");
  });
});

describe("YAML aliases that contain themselves", () => {
  it("an alias inside the value its anchor marks is refused at the alias in every input, not reported as a missing field", () => {
    const errata = thrown(() => parseErrata("errata: &a [*a]\n", "errata.yaml"));
    expect(errata).toBeInstanceOf(ErrataError);
    expect(exitCodeOf(errata)).toBe(EXIT_USAGE);
    expect(errata.message).toContain("errata.yaml:1:13:");
    expect(errata.message).toContain("the alias *a is inside the value &a marks, so that value would contain itself: repeat a value only after it ends");
    expect(errata.message).not.toContain("missing");
    const assumptions = thrown(() => parseAssumptions(assumption("5").replace("label: GPUs", "label: &l { x: *l }"), "a.yaml"));
    expect(assumptions).toBeInstanceOf(AssumptionError);
    expect(assumptions.message).toContain("a.yaml:3:20:");
    expect(assumptions.message).toContain("the alias *l is inside the value &l marks");
    // An alias after its value ends is an ordinary repeat.
    expect(parseAssumptions(assumption("5").replace("label: GPUs", "label: &l GPUs").replace("unit: count", "unit: count\n    note: *l"), "a.yaml").get("gpu_count").note).toBe("GPUs");
  });
});

describe("YAML keys that are lists or mappings", () => {
  it("are refused at the key in every input, with no warning of Node's own on stderr", () => {
    const warnings: unknown[] = [];
    const listen = (warning: unknown): number => warnings.push(warning);
    process.on("warning", listen);
    try {
      const config = thrown(() => normalizeConfig("title: T\nchapters: [a.ipynb]\n? [a, b]\n: 1\n", "/project/notebooks/report.yaml", { exists: () => true }));
      expect(config).toBeInstanceOf(ConfigError);
      expect(exitCodeOf(config)).toBe(EXIT_USAGE);
      expect(config.message).toContain("report.yaml:3:3:");
      expect(config.message).toContain("this key is a list or a mapping; a key here is a plain name");
      const assumptions = thrown(() => parseAssumptions(`${assumption("5")}? { a: 1 }\n: 1\n`, "a.yaml"));
      expect(assumptions).toBeInstanceOf(AssumptionError);
      expect(assumptions.message).toContain("a.yaml:8:3:");
      const errata = thrown(() => parseErrata("errata:\n  - ? [x]\n    : 1\n", "errata.yaml"));
      expect(errata.message).toContain("errata.yaml:2:7:");
    } finally {
      process.off("warning", listen);
    }
    expect(warnings).toEqual([]);
  });
});

describe("YAML nested too deep", () => {
  it("is refused at the opener past the limit in every input (it overflowed the stack, or ended the process), and apostrophes or brackets in plain text are not miscounted", () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const config = thrown(() => normalizeConfig(`title: The analyst's report\nchapters: [a.ipynb]\nx: ${deep}\n`, "/project/notebooks/report.yaml", { exists: () => true }));
    expect(config).toBeInstanceOf(ConfigError);
    expect(exitCodeOf(config)).toBe(EXIT_USAGE);
    expect(config.message).toContain(`report.yaml:3:${4 + MAX_YAML_DEPTH}: report.yaml is not valid YAML: lists or mappings are nested here more than ${MAX_YAML_DEPTH} levels deep`);
    const assumptions = thrown(() => parseAssumptions(`${assumption("5")}extra: ${deep}\n`, "a.yaml"));
    expect(assumptions).toBeInstanceOf(AssumptionError);
    expect(assumptions.message).toContain(`a.yaml:8:${8 + MAX_YAML_DEPTH}:`);
    const errata = thrown(() => parseErrata(`errata: ${deep}\n`, "errata.yaml"));
    expect(errata).toBeInstanceOf(ErrataError);
    expect(errata.message).toContain("more than 100 levels deep");
    // Depth as written: text that only looks like openers (in quotes, comments, words) is not counted.
    const shallow = `title: "[[[[" # [[[[\nsubtitle: It's [not] a {list} of the analyst's '[[[['\nchapters: [a.ipynb]\nx: ${"[".repeat(MAX_YAML_DEPTH)}${"]".repeat(MAX_YAML_DEPTH)}\n`;
    const atTheLimit = thrown(() => normalizeConfig(shallow, "/project/notebooks/report.yaml", { exists: () => true }));
    expect(atTheLimit.message).toContain('report.yaml:4:1: unknown key "x"'); // read through, to the next check
    expect(normalizeConfig(shallow.replace(/^x: .*\n/m, ""), "/project/notebooks/report.yaml", { exists: () => true }).subtitle).toBe("It's [not] a {list} of the analyst's '[[[['");
  });
});

describe("YAML directives and documents", () => {
  it("a %YAML directive for another version is refused at the line in every input (1.1 read 010 as 8 in a what-if file)", () => {
    const head = "%YAML 1.1\n---\n";
    const config = thrown(() => normalizeConfig(`${head}title: T\nchapters: [a.ipynb]\n`, "/project/notebooks/report.yaml", { exists: () => true }));
    expect(config).toBeInstanceOf(ConfigError);
    expect(config.message).toContain('report.yaml:1:1: report.yaml is not valid YAML: a "%YAML 1.1" directive: every YAML input is read as YAML 1.2');
    const assumptions = thrown(() => parseAssumptions(`${head}${assumption("010")}`, "a.yaml"));
    expect(assumptions).toBeInstanceOf(AssumptionError);
    expect(exitCodeOf(assumptions)).toBe(EXIT_USAGE);
    expect(assumptions.message).toContain('a.yaml:1:1:');
    expect(assumptions.message).toContain('a "%YAML 1.1" directive');
    const errata = thrown(() => parseErrata(`${head}errata: []\n`, "errata.yaml"));
    expect(errata).toBeInstanceOf(ErrataError);
    expect(errata.message).toContain('errata.yaml:1:1:');
    const whatIf = thrown(() => parseOverridesFile(`${head}gpu_count: 010\n`, "w.yaml", ["gpu_count"]));
    expect(exitCodeOf(whatIf)).toBe(EXIT_USAGE);
    expect(whatIf.message).toMatch(/^w\.yaml:1:1: .*a "%YAML 1\.1" directive/);
    // YAML 1.2's own directive changes nothing: the value reads as written.
    expect(parseOverridesFile("%YAML 1.2\n---\ngpu_count: 010\n", "w.yaml", ["gpu_count"])).toMatchObject([{ id: "gpu_count", value: 10 }]);
  });

  it("a second document is said in the tool's words at its ---, not the parser's advice to call its API", () => {
    const config = thrown(() => normalizeConfig("title: T\nchapters: [a.ipynb]\n---\nx: 1\n", "/project/notebooks/report.yaml", { exists: () => true }));
    expect(config.message).toContain('report.yaml:3:1: report.yaml is not valid YAML: a "---" line here starts a second document, and the file holds one: remove the line');
    expect(config.message).not.toContain("parseAllDocuments");
    const whatIf = thrown(() => parseOverridesFile("gpu_count: 10\n---\nx: 1\n", "w.yaml", ["gpu_count"]));
    expect(whatIf.message).toMatch(/^w\.yaml:2:1: .*starts a second document/);
    expect(whatIf.message).not.toContain("parseAllDocuments");
  });
});

describe("YAML { … } maps missing a comma", () => {
  const report = (line: string): Error => thrown(() => normalizeConfig(`title: T\nchapters: [a.ipynb]\n${line}\n`, "/project/notebooks/report.yaml", { exists: () => true }));

  // Two commas missing read "Nested mappings are not allowed in compact mappings" at the second value, and a
  // comma missing after a nested value "Unexpected scalar at node end": the parser's grammar, at the wrong place.
  it("is said at the first comma missing, with every one put in, whatever the parser called it, in every input", () => {
    const two = report("montecarlo: { samples: 10000 seed: 7 }");
    expect(exitCodeOf(two)).toBe(EXIT_USAGE);
    expect(two.message).toBe(
      'notebooks/report.yaml:3:29: report.yaml is not valid YAML: a comma is missing between "10000" and "seed:": the entries inside "{ … }" are separated by commas; write montecarlo: { samples: 10000, seed: 7 }',
    );
    const entry = (range: string) => `assumptions:\n  - id: gpu_count\n    label: GPUs\n    unit: count\n    range: ${range}\n    kind: source\n    source: { title: t, date: 2026-01-01 }\n`;
    expect(thrown(() => parseAssumptions(entry("{ low: 1 high: 2 mode: 1.5 }"), "a.yaml")).message).toContain(
      'a.yaml:5:20: malformed YAML (in or just after assumption "gpu_count"): a comma is missing between "1" and "high:": the entries inside "{ … }" are separated by commas; write range: { low: 1, high: 2, mode: 1.5 }',
    );
    const nested = thrown(() => parseErrata("errata:\n  - { id: a, figures: [x, y] version: 2026-11-26 }\n", "errata.yaml"));
    expect(nested).toBeInstanceOf(ErrataError);
    expect(nested.message).toContain(
      'errata.yaml:2:29: errata file is not valid YAML: a comma is missing between "[x, y]" and "version:": the entries inside "{ … }" are separated by commas; write - { id: a, figures: [x, y], version: 2026-11-26 }',
    );
    expect(nested.message).not.toContain("Unexpected scalar");
  });

  it("without a missing comma to blame, says what a { … } may hold, not the parser's grammar nor a { low, high } example", () => {
    const error = report("montecarlo: { samples: seed: 1 }");
    expect(error.message).toBe(
      'notebooks/report.yaml:3:24: report.yaml is not valid YAML: a "{ … }" or "[ … ]" holds a value with ": " in it, or a line break between a key and its value: separate its entries with commas, quote a value that holds ": ", or write the mapping as indented lines',
    );
  });
});

describe("YAML list items indented less than the items above them", () => {
  // The parser said "A block sequence may not be used as an implicit map key", and the advice beside it
  // spoke of ": " in a value: nothing about the "- " that starts left of its list.
  it("are said at the item, with the column the list's items start at, in every input (exit 2)", () => {
    for (const [indent, column] of [[" ", 2], ["", 1]] as const) {
      const error = thrown(() => normalizeConfig(`title: T\nchapters:\n  - a.ipynb\n${indent}- b.ipynb\n`, "/project/notebooks/report.yaml", { exists: () => true }));
      expect(exitCodeOf(error)).toBe(EXIT_USAGE);
      expect(error.message).toBe(
        `notebooks/report.yaml:4:${column}: report.yaml is not valid YAML: this "- " item starts left of the items above it (column 3), so it belongs to none of their lists: start every item of one list at the same column`,
      );
    }
    const entry = (id: string, indent: string) => `${indent}- id: ${id}\n${indent}  label: GPUs\n${indent}  unit: count\n${indent}  value: 1\n${indent}  kind: source\n${indent}  source: { title: t, date: 2026-01-01 }\n`;
    const assumptions = `assumptions:\n${entry("gpu_count", "  ")}\n# the next one\n${entry("gpu_days", "")}`;
    expect(thrown(() => parseAssumptions(assumptions, "a.yaml")).message).toContain(
      'a.yaml:10:1: malformed YAML (in or just after assumption "gpu_days"): this "- " item starts left of the items above it (column 3), so it belongs to none of their lists',
    );
  });

  it("is not said of a \"- \" line with no list above it", () => {
    const error = thrown(() => normalizeConfig("title: T\nchapters: a\n- b.ipynb\n", "/project/notebooks/report.yaml", { exists: () => true }));
    expect(exitCodeOf(error)).toBe(EXIT_USAGE);
    expect(error.message).toMatch(/^notebooks\/report\.yaml:3:1: report\.yaml is not valid YAML: /);
    expect(error.message).not.toContain("starts left of the items above it");
  });
});
