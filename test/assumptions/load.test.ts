import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AssumptionError, loadAssumptionsFile, parseAssumptions } from "../../src/assumptions";

const fixture = (name: string): string => join("test", "fixtures", "assumptions", name);

async function loadError(name: string): Promise<AssumptionError> {
  try {
    await loadAssumptionsFile(fixture(name));
  } catch (error) {
    if (error instanceof AssumptionError) return error;
    throw error;
  }
  throw new Error(`${name} loaded without an error`);
}

describe("loadAssumptionsFile", () => {
  it("loads a valid file with defaults resolved and positions at each entry", async () => {
    const registry = await loadAssumptionsFile(fixture("valid.yaml"));
    expect(registry.all().map((a) => a.id)).toEqual([
      "frontier_run_gpus",
      "frontier_run_days",
      "h100_usd_per_gpu_hour",
      "scenario_merchant_era_probability",
      "mfu_fraction",
      "margin_change_fraction",
    ]);
    const price = registry.get("h100_usd_per_gpu_hour");
    expect(price).toMatchObject({
      label: "H100 rental price",
      unit: "USD/GPU-hour",
      range: { low: 2, high: 3 },
      distribution: "lognormal",
      source: { title: "Maverick analyst essay", url: "https://example.com/essay", date: "2026-04-28" },
      position: { file: fixture("valid.yaml"), line: 16, column: 5 },
    });
    expect(registry.get("scenario_merchant_era_probability")).toMatchObject({ value: 0.6, distribution: "fixed" });
    expect(registry.get("mfu_fraction")).toMatchObject({ mode: 0.4, distribution: "triangular" });
    expect(registry.fileName).toBe(fixture("valid.yaml"));
  });

  // Each bad fixture: the line the error must point at, the assumption id it must name, and a phrase.
  const cases: ReadonlyArray<readonly [file: string, line: number, id: string | undefined, phrase: string]> = [
    ["malformed.yaml", 6, "h100_usd_per_gpu_hour", "malformed YAML (in or just after assumption \"h100_usd_per_gpu_hour\"): this \"{\" is never closed"],
    ["duplicate-id.yaml", 8, "frontier_run_days", "duplicate id; it is already defined on line 2"],
    ["missing-source.yaml", 8, "pue_ratio", 'missing "source'],
    ["low-above-high.yaml", 6, "h100_usd_per_gpu_hour", "range low 3 is above high 2"],
    ["lognormal-nonpositive.yaml", 7, "revenue_growth_fraction", "lognormal range needs positive bounds"],
    ["unknown-distribution.yaml", 7, "pue_ratio", 'unknown distribution "gaussian"'],
    ["triangular-without-mode.yaml", 7, "mfu_fraction", 'triangular distribution needs "mode"'],
    ["mode-outside-range.yaml", 7, "mfu_fraction", "mode 0.5 lies outside the range 0.3–0.45"],
    ["unknown-field.yaml", 7, "pue_ratio", 'unknown field "distrbution"; did you mean "distribution"?'],
    ["unknown-top-level-key.yaml", 8, undefined, 'unknown top-level key "scenarios"'],
  ];
  it.each(cases)("%s: names line %i and assumption %s", async (file, line, id, phrase) => {
    const error = await loadError(file);
    expect(error.file).toBe(fixture(file));
    expect(error.line).toBe(line);
    expect(error.id).toBe(id);
    expect(error.message).toContain(`${fixture(file)}:${line}:${error.column}: `);
    if (id !== undefined) expect(error.message).toContain(`"${id}"`);
    expect(error.message).toContain(phrase);
  });

  it("reports every problem in the file, in line order", () => {
    const text = [
      "assumptions:",
      "  - id: a_usd",
      "    label: A",
      "    unit: USD",
      "    range: { low: 5, high: 1 }",
      "    kind: source",
      "    source: { title: t, date: 2026-01-01 }",
      "  - id: b_usd",
      "    label: B",
      "    unit: USD",
      "    value: 3",
      "    kind: source",
    ].join("\n");
    const error = (() => {
      try {
        parseAssumptions(text, "inline.yaml");
      } catch (caught) {
        return caught as AssumptionError;
      }
      throw new Error("parsed");
    })();
    expect(error.problems.map((p) => [p.line, p.id])).toEqual([
      [5, "a_usd"],
      [8, "b_usd"],
    ]);
    expect(error.message.split("\n")).toHaveLength(2);
  });

  it("rejects a non-snake_case id and an empty file with a location", () => {
    const bad = "assumptions:\n  - id: H100Price\n    label: x\n    unit: USD\n    value: 1\n    kind: source\n    source: { title: t, date: 2026-01-01 }\n";
    expect(() => parseAssumptions(bad, "f.yaml")).toThrow(/f\.yaml:2:\d+: assumption id "H100Price" must be snake_case/);
    expect(() => parseAssumptions("", "empty.yaml")).toThrow(/empty\.yaml:1:1: the file is empty, where the assumptions \(an "assumptions:" list\) go; restore it from git/);
    // A comment alone is an empty document, and has its first key said missing as before.
    expect(() => parseAssumptions("# none yet\n", "empty.yaml")).toThrow(/empty\.yaml:1:1: expected a mapping with an "assumptions:" list/);
  });

  it("names the top-level key meant for a misspelt one, once: not also as an 'assumptions:' list missing", () => {
    const entries = "  - id: gpu_count\n    label: x\n    unit: GPUs\n    value: 1\n    kind: source\n    source: { title: t, date: 2026-01-01 }\n";
    let message = "";
    try {
      parseAssumptions(`assumption:\n${entries}`, "a.yaml");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('a.yaml:1:1: unknown top-level key "assumption"; did you mean "assumptions"? The file may only contain "assumptions", "correlations", "totals"');
    expect(message).not.toContain("expected a mapping");
  });

  it("places a key indented two spaces less than the keys of its item at the key, not at the line's start", () => {
    const text = "assumptions:\n  - id: gpu_count\n    label: x\n  unit: GPUs\n    value: 1\n";
    expect(() => parseAssumptions(text, "a.yaml")).toThrow(/a\.yaml:4:3: .*All mapping items must start at the same column/);
  });

  it("says what to do with a key indented one space less than the keys of its item", () => {
    const text = "assumptions:\n  - id: gpu_count\n    label: x\n   unit: GPUs\n    value: 1\n";
    expect(() => parseAssumptions(text, "a.yaml")).toThrow(/a\.yaml:4:4: .*Sequence item without - indicator \(this line is indented as an item of the list above, not as a key of that item: line it up with the keys above it, or start a new item with "- "\)/);
  });

  it("says a file of binary bytes is not text, not that it lacks a mapping", () => {
    const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)).toString("utf8");
    expect(() => parseAssumptions(binary, "a.yaml")).toThrow(/a\.yaml:1:1: the file is not text \(it holds bytes no text file has: binary data, or an encoding other than UTF-8\)/);
    expect(() => parseAssumptions("assumptions: []\n\0", "a.yaml")).toThrow(/a\.yaml:1:1: the file is not text/);
  });

  it("words a misspelt kind, a range written as --set takes it, and a missing comma in a flow map in the file's terms", () => {
    const entry = (fields: string) => `assumptions:\n  - id: gpu_count\n    label: x\n    unit: GPUs\n${fields}    source: { title: t, date: 2026-01-01 }\n`;
    // They read: 'Invalid option: expected one of "essay"|"source"|"judgement"', 'expected object, received string',
    // and the YAML parser's "Block collections are not allowed within flow collections".
    expect(() => parseAssumptions(entry("    value: 1\n    kind: sourced\n"), "f.yaml")).toThrow(/f\.yaml:6:11: assumption "gpu_count": unknown kind "sourced"; did you mean "source"\? A kind is one of "essay", "source", "judgement"/);
    for (const range of ["0.06..0.12", "[0.06, 0.12]", "0.06 to 0.12"]) {
      expect(() => parseAssumptions(entry(`    range: ${range}\n    kind: source\n`), "f.yaml")).toThrow(/f\.yaml:5:12: assumption "gpu_count": "range" is a mapping of its two ends: write range: \{ low: 0\.06, high: 0\.12 \}/);
    }
    // Text where a number belongs: said as such, with what to write (it read "expected number, received string").
    expect(() => parseAssumptions(entry("    range: { low: 10000, high: 15k }\n    kind: source\n"), "f.yaml")).toThrow(/f\.yaml:5:\d+: assumption "gpu_count": "range\.high" is the text "15k", not a number: write digits alone/);
    // Nothing, a list or a mapping where text belongs, in YAML's terms (it read "Invalid input: expected string, received null").
    const texts = (label: string, unit: string) => `assumptions:\n  - id: gpu_count\n    label:${label}\n    unit:${unit}\n    value: 1\n    kind: source\n    source: { title: t, date: 2026-01-01 }\n`;
    expect(() => parseAssumptions(texts("", " GPUs"), "f.yaml")).toThrow(/assumption "gpu_count": "label" is nothing, not text: write it after the colon \(label: …\)/);
    expect(() => parseAssumptions(texts(" x", " [GPUs]"), "f.yaml")).toThrow(/f\.yaml:4:11: assumption "gpu_count": "unit" is a list, not text: write it after the colon, in quotes if it holds ": ", "#", "\[" or "\{"/);
    expect(() => parseAssumptions(texts(" { a: b }", " GPUs"), "f.yaml")).toThrow(/"label" is a mapping, not text/);
    expect(() => parseAssumptions(texts(" 2026", " GPUs"), "f.yaml")).toThrow(/"label" is read as a number, not text: put it in quotes \(label: "…"\)/);
    expect(() => parseAssumptions(texts(" yes", " true"), "f.yaml")).toThrow(/"unit" is read as true or false, not text: put it in quotes \(unit: "…"\)/);
    // A nested field's example is its own key, as the file writes it.
    expect(() => parseAssumptions(texts(" x", " GPUs").replace("title: t", "title:"), "f.yaml")).toThrow(/"source\.title" is nothing, not text: write it after the colon \(title: …\)/);
    // A date given as digits keeps the date's own message.
    expect(() => parseAssumptions(texts(" x", " GPUs").replace("date: 2026-01-01", "date: 20260101"), "f.yaml")).toThrow(/assumption "gpu_count": invalid "source\.date": expected a date YYYY-MM-DD$/);
    // A date that is no date gets one message, not "expected a date" and "not a calendar date" at one place.
    const dated = (date: string) => `assumptions:\n  - id: gpu_count\n    label: x\n    unit: GPUs\n    value: 1\n    kind: source\n    source: { title: t, date: ${date} }\n`;
    expect(() => parseAssumptions(dated("soon"), "f.yaml")).toThrow(/^f\.yaml:7:31: assumption "gpu_count": invalid "source\.date": expected a date YYYY-MM-DD$/);
    expect(() => parseAssumptions(dated("2026-02-30"), "f.yaml")).toThrow(/^f\.yaml:7:31: assumption "gpu_count": invalid "source\.date": not a calendar date \(check the month and day\)$/);
    // A misspelt distribution names the one meant, as a misspelt kind does.
    expect(() => parseAssumptions(entry("    range: { low: 1, high: 2 }\n    distribution: lognormall\n    kind: source\n"), "f.yaml")).toThrow(
      /f\.yaml:6:19: assumption "gpu_count": unknown distribution "lognormall"; did you mean "lognormal"\? Use one of "lognormal", "normal"/,
    );
  });

  it("says where the comma between two entries of a { … } map goes, and the line with it, not the parser's grammar words", () => {
    const entry = (fields: string) => `assumptions:\n  - id: gpu_count\n    label: x\n    unit: GPUs\n${fields}    kind: source\n`;
    const source = "    source: { title: t, date: 2026-01-01 }\n";
    const errorOf = (text: string): string => {
      try {
        parseAssumptions(text, "f.yaml");
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("expected an error");
    };
    // It read 'Block collections are not allowed within flow collections (… write { low: 0.06, high: 0.12 } …)' at the
    // value, and after a quoted value 'Unexpected scalar token'.
    const comma = errorOf(entry(`    range: { low: 0.06 high: 0.12 }\n${source}`));
    expect(comma).toBe('f.yaml:5:23: malformed YAML (in or just after assumption "gpu_count"): a comma is missing between "0.06" and "high:": the entries inside "{ … }" are separated by commas; write range: { low: 0.06, high: 0.12 }');
    expect(comma).not.toContain("Block collections");
    expect(errorOf(entry(`    range: { low: 0.06; high: 0.12 }\n${source}`))).toContain('5:23: malformed YAML (in or just after assumption "gpu_count"): a ";" separates "0.06" from "high:": the entries inside "{ … }" are separated by commas; write range: { low: 0.06, high: 0.12 }');
    const quoted = errorOf(entry(`    value: 1\n    source: { title: "An essay" date: 2026-01-01 url: https://example.com }\n`));
    expect(quoted).toContain('f.yaml:6:32: malformed YAML (in or just after assumption "gpu_count"): a comma is missing between "An essay" and "date:": the entries inside "{ … }" are separated by commas; write source: { title: "An essay", date: 2026-01-01, url: https://example.com }');
    expect(quoted).not.toContain("Unexpected scalar token");
    // `range: 0.06-0.12` and one figure: the mapping to write, not 'expected object, received string'.
    expect(errorOf(entry(`    range: 0.06-0.12\n${source}`))).toContain('f.yaml:5:12: assumption "gpu_count": "range" is a mapping of its two ends: write range: { low: 0.06, high: 0.12 }');
    expect(errorOf(entry(`    range: 0.08\n${source}`))).toBe('f.yaml:5:12: assumption "gpu_count": "range" is a mapping of its two ends (range: { low: …, high: … }), not one figure: write value: 0.08 for a point value, or the two ends of its range');
  });

  it("says a key glued to its value (low:0.06) is read as one key, once, not as a missing field and an unknown one", () => {
    const entry = (range: string) => `assumptions:\n  - id: gpu_count\n    label: x\n    unit: GPUs\n    range: ${range}\n    kind: source\n    source: { title: t, date: 2026-01-01 }\n`;
    // It read 'missing required field "range.low"', 'missing required field "range.high"' and 'unknown field "low:0.06"; did you mean "low"?'.
    expect(() => parseAssumptions(entry("{ low:0.06, high:0.12 }"), "f.yaml")).toThrow(
      /^f\.yaml:5:14: assumption "gpu_count": "low:0\.06" is read as one key, as a key's colon needs a space after it; write low: 0\.06, high: 0\.12$/,
    );
    // A key that is not glued is still unknown, with the field it likely meant.
    expect(() => parseAssumptions(entry("{ low: 0.06, hi: 0.12 }"), "f.yaml")).toThrow(/unknown field "hi"; did you mean "high"\?/);
    // A field's name holding a line feed stays on the message's one line.
    expect(() => parseAssumptions(entry('{ low: 0.06, "hi\\nok: all good": 0.12 }'), "f.yaml")).toThrow(/unknown field "hi\\x0aok: all good"; did you mean "high"\?/);
  });

  // Before: "trаining_mfu" (a Cyrillic а) was only "must be snake_case", though it reads as snake_case.
  it("names the code point of a look-alike or invisible character in an id", () => {
    const entry = (id: string) => `assumptions:\n  - id: ${id}\n    label: x\n    unit: USD\n    value: 1\n    kind: source\n    source: { title: t, date: 2026-01-01 }\n`;
    expect(() => parseAssumptions(entry("tr\u0430ining_mfu"), "f.yaml")).toThrow(/must be snake_case: .*; it has U\+0430, which is not an ASCII letter$/);
    expect(() => parseAssumptions(entry('"training\u202e_mfu"'), "f.yaml")).toThrow(/it has U\+202E, which is not an ASCII letter$/);
    expect(() => parseAssumptions(entry("H100Price"), "f.yaml")).not.toThrow(/U\+/);
  });

  it("refuses a source url that is not an http(s) address, at its line", () => {
    for (const url of ["javascript:alert(3)", "data:text/html,<b>x</b>", "ftp://example.com/x"]) {
      const text = `assumptions:\n  - id: a_usd\n    label: A\n    unit: USD\n    value: 1\n    kind: source\n    source:\n      title: t\n      url: "${url}"\n      date: 2026-01-01\n`;
      expect(() => parseAssumptions(text, "f.yaml"), url).toThrow(/f\.yaml:9:\d+: .*"a_usd".*expected an http\(s\) address/);
    }
    const ok = "assumptions:\n  - id: a_usd\n    label: A\n    unit: USD\n    value: 1\n    kind: source\n    source: { title: t, url: \"https://example.com/r\", date: 2026-01-01 }\n";
    expect(parseAssumptions(ok, "f.yaml").get("a_usd").source?.url).toBe("https://example.com/r");
  });

  it("says a number too large to hold (1e309, .inf) or .nan is one, at its place, not 'received Infinity'", () => {
    const entry = (high: string): string => `assumptions:\n  - id: a_usd\n    label: A\n    unit: USD\n    range: { low: 1, high: ${high} }\n    kind: source\n    source: { title: t, date: 2026-01-01 }\n`;
    for (const high of ["1e309", ".inf", "-1e309"]) {
      expect(() => parseAssumptions(entry(high), "f.yaml"), high).toThrow(/f\.yaml:5:\d+: assumption "a_usd": invalid "range\.high": expected a number, got one too large to hold \(1\.8e308 is the largest magnitude; it reads as -?infinity\)/);
    }
    expect(() => parseAssumptions(entry(".nan"), "f.yaml")).toThrow(/invalid "range\.high": expected a number, got \.nan \(not a number\)/);
    // Text where a number goes keeps its own message.
    expect(() => parseAssumptions(entry('"lots"'), "f.yaml")).toThrow(/"range\.high" is the text "lots", not a number/);
  });

  it("turns an unreadable file into an AssumptionError naming it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fragtax-assumptions-"));
    try {
      const missing = join(dir, "nope.yaml");
      // In words, with its code: not Node's "ENOENT: no such file or directory, open '…'".
      await expect(loadAssumptionsFile(missing)).rejects.toThrow(`cannot read assumptions file ${missing}: it does not exist: check the path (ENOENT)`);
      const good = join(dir, "a.yaml");
      await writeFile(good, "assumptions: []\n");
      expect((await loadAssumptionsFile(good)).all()).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
