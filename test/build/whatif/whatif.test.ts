import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Assumption } from "../../../src/assumptions/types";
import { checkSetFlagsOnce, describeOverrideAs, describeWhatIf, mergeOverrides, nearestIds, parseSetFlag } from "../../../src/build/whatif/overrides";
import { parseOverridesFile } from "../../../src/build/whatif/overrides-file";
import { renderWhatIfBanner } from "../../../src/build/whatif/banner";

const known = ["h100_usd_per_gpu_hour", "training_run_gpu_hours", "scenario_merchant_era_probability"];

describe("--set flags", () => {
  it("parses a value and a low..high range", () => {
    expect(parseSetFlag("h100_usd_per_gpu_hour=2.5", known)).toEqual({ id: "h100_usd_per_gpu_hour", value: 2.5 });
    expect(parseSetFlag("h100_usd_per_gpu_hour=2.5..3.5", known)).toEqual({ id: "h100_usd_per_gpu_hour", low: 2.5, high: 3.5 });
    expect(parseSetFlag("training_run_gpu_hours=1e6..2e6", known)).toEqual({ id: "training_run_gpu_hours", low: 1e6, high: 2e6 });
  });

  it("names the nearest ids for an unknown id", () => {
    expect(() => parseSetFlag("h100_usd_per_gpu_hr=2", known)).toThrow(/unknown assumption "h100_usd_per_gpu_hr"; did you mean "h100_usd_per_gpu_hour"/);
    expect(nearestIds("scenario_probability", known)[0]).toBe("scenario_merchant_era_probability");
  });

  it("says to write digits alone, in the assumption's unit, for a value written with its unit", () => {
    expect(() => parseSetFlag("scenario_merchant_era_probability=60%", known)).toThrow('"60%" is not a number or a low..high range for scenario_merchant_era_probability (e.g. 2.5 or 2..3); write digits alone, in the assumption\'s unit: 0.6 for 60%');
    for (const written of ["$2.5", "2.5USD", "2.5..3 $"]) expect(() => parseSetFlag(`h100_usd_per_gpu_hour=${written}`, known)).toThrow("write digits alone, in the assumption's unit (no sign or unit: the entry's \"unit\" is it)");
    // A decimal comma, or a range written with a dash, is said how to write.
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=2,5", known)).toThrow('"2,5" is not a number or a low..high range for h100_usd_per_gpu_hour (e.g. 2.5 or 2..3); write a decimal point: 2.5');
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=2,5..3,5", known)).toThrow("write a decimal point: 2.5..3.5");
    // Three digits after the comma may be a thousands separator: both readings are said, neither chosen.
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=1,000", known)).toThrow("; write 1000 (no thousands separator), or 1.000 if the comma was a decimal point");
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=12,500..15,000", known)).toThrow("; write 12500..15000 (no thousands separator), or 12.500..15.000 if the comma was a decimal point");
    for (const dash of ["2.5-3.5", "2.5 – 3.5"]) expect(() => parseSetFlag(`h100_usd_per_gpu_hour=${dash}`, known)).toThrow("; write a range with two dots: 2.5..3.5");
    // Words, or a range cut short, are not a unit: the example alone.
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=abc", known)).toThrow(/\(e\.g\. 2\.5 or 2\.\.3\)$/);
  });

  it("suggests no unrelated id when nothing is close (a wild guess misleads)", () => {
    expect(nearestIds("nope", known)).toEqual([]);
    expect(() => parseSetFlag("nope=1", known)).toThrow('--set nope=1: unknown assumption "nope"; no assumption id is close to it (the ids are those of the assumptions file)');
  });

  it.each(["h100_usd_per_gpu_hour=abc", "h100_usd_per_gpu_hour=2..", "h100_usd_per_gpu_hour=3..2", "h100_usd_per_gpu_hour", "=2"])(
    "rejects malformed %s with exit code 2",
    (flag) => {
      let caught: unknown;
      try {
        parseSetFlag(flag, known);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Error);
      expect((caught as { exitCode: number }).exitCode).toBe(2);
      expect((caught as Error).message).toContain("--set");
    },
  );

  // Before: "1e999" was called "not a number", { low: 2 } became "2..undefined", and a repeated
  // --set silently kept the last value.
  it("says a value is too large, a range half given, and a --set repeated", () => {
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=1e999", known)).toThrow('--set h100_usd_per_gpu_hour=1e999: "1e999" is too large to be a number here');
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=2..-1e999", known)).toThrow("is too large to be a number here");
    // Three dots read as the reversed range 2..0.3; 1e-400 as a 0 the user never typed.
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=2...3", known)).toThrow('--set h100_usd_per_gpu_hour=2...3: "2...3" has three dots; a range for h100_usd_per_gpu_hour is written with two: 2..3');
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=1e-400", known)).toThrow('"1e-400" is too small to be a number here (it underflows to 0)');
    expect(() => parseSetFlag("h100_usd_per_gpu_hour=1e-400..3", known)).toThrow("underflows to 0");
    expect(parseSetFlag("h100_usd_per_gpu_hour=0.0..3", known)).toEqual({ id: "h100_usd_per_gpu_hour", low: 0, high: 3 });
    expect(() => parseOverridesFile("h100_usd_per_gpu_hour: { low: 2 }\n", "w.yaml", known)).toThrow(/^w\.yaml:1:1: the range for h100_usd_per_gpu_hour has no high; give both/);
    expect(() => parseOverridesFile("h100_usd_per_gpu_hour: 1e999\n", "w.yaml", known)).toThrow('"1e999" is too large to be a number here');
    expect(() => checkSetFlagsOnce(["h100_usd_per_gpu_hour=2", "training_run_gpu_hours=3", "h100_usd_per_gpu_hour = 9"])).toThrow(
      "--set h100_usd_per_gpu_hour is given 2 times (--set h100_usd_per_gpu_hour=2, --set h100_usd_per_gpu_hour = 9); give it once",
    );
    expect(() => checkSetFlagsOnce(["h100_usd_per_gpu_hour=2", "training_run_gpu_hours=3"])).not.toThrow();
  });

  it("says how a range is read: its assumption's distribution, and a fixed value's new one", () => {
    expect(describeOverrideAs({ id: "share", low: 0.1, high: 0.3 }, "lognormal", "fixed")).toBe("share = 0.1..0.3 (lognormal, was a fixed value, p5..p95)");
    expect(describeOverrideAs({ id: "pue", low: 1.2, high: 1.4 }, "uniform", "uniform")).toBe("pue = 1.2..1.4 (uniform, its bounds)");
    expect(describeOverrideAs({ id: "pue", value: 1.3 }, "fixed", "uniform")).toBe("pue = 1.3");
  });

  // Before: "what-if: openai_revenue_2026_usd = 30", a bare number, for a revenue of $20B–$40B a year.
  it("says the override in the input's unit beside the file's, and a thousandfold slip of scale", () => {
    const file = { id: "revenue", label: "Revenue", unit: "USD/year", range: { low: 20e9, high: 40e9 }, distribution: "lognormal", kind: "source", source: { title: "t", date: "2026-01-01" } } as Assumption;
    const { range: _range, ...point } = file;
    const set = (value: number): Assumption => ({ ...point, value, distribution: "fixed" }) as Assumption;
    expect(describeWhatIf({ id: "revenue", value: 30 }, set(30), file)).toBe(
      "revenue = 30: $30/year, the file $20B–$40B/year; about 1e9 times smaller than the file's: if a scale was meant, write it out (e.g. 30e9)",
    );
    expect(describeWhatIf({ id: "revenue", value: 30e9 }, set(30e9), file)).toBe("revenue = 30000000000: $30B/year, the file $20B–$40B/year");
    expect(describeWhatIf({ id: "revenue", value: 3e15 }, set(3e15), file)).toContain("about 1e5 times larger than the file's: if a scale was meant, write it out (e.g. 3e10)");
    // The example is the value typed, at the file's scale: it was "30e9 for 30 billion" beside a GPU count of 5.
    const gpus = { ...file, id: "gpus", unit: "GPUs", range: { low: 10_000, high: 15_000 } } as Assumption;
    expect(describeWhatIf({ id: "gpus", value: 5 }, { ...gpus, range: undefined, value: 5, distribution: "fixed" } as Assumption, gpus)).toContain("about 1e3 times smaller than the file's: if a scale was meant, write it out (e.g. 5e3)");
    expect(describeWhatIf({ id: "revenue", low: 20, high: 40 }, { ...file, range: { low: 20, high: 40 } } as Assumption, file)).toContain("(e.g. 20e9..40e9)");
  });

  it("lets a later override of the same id win", () => {
    const merged = mergeOverrides([[{ id: "a", value: 1 }, { id: "b", value: 2 }], [{ id: "a", low: 1, high: 2 }]]);
    expect(merged).toEqual([{ id: "a", low: 1, high: 2 }, { id: "b", value: 2 }]);
  });
});

describe("--assumptions FILE", () => {
  it("reads a map of overrides", () => {
    const text = "h100_usd_per_gpu_hour: 2.5..3.5\ntraining_run_gpu_hours: { low: 1, high: 2 }\nscenario_merchant_era_probability: 0.4\n";
    expect(parseOverridesFile(text, "what-if.yaml", known)).toEqual([
      { id: "h100_usd_per_gpu_hour", low: 2.5, high: 3.5 },
      { id: "training_run_gpu_hours", low: 1, high: 2 },
      { id: "scenario_merchant_era_probability", value: 0.4 },
    ]);
  });

  it("reads the assumptions-file shape", () => {
    const text = "assumptions:\n  - id: h100_usd_per_gpu_hour\n    range: { low: 2, high: 4 }\n  - id: scenario_merchant_era_probability\n    value: 0.5\n";
    expect(parseOverridesFile(text, "a.yaml", known)).toEqual([
      { id: "h100_usd_per_gpu_hour", low: 2, high: 4 },
      { id: "scenario_merchant_era_probability", value: 0.5 },
    ]);
  });

  it("a copy of the assumptions file, edited: the entries whose value or range changed are the overrides", () => {
    const text = readFileSync("notebooks/assumptions.yaml", "utf8");
    const original = { text, name: "notebooks/assumptions.yaml" };
    const ids = [...text.matchAll(/^ {2}- id: (\S+)$/gm)].map((match) => match[1] ?? "");
    expect(parseOverridesFile(text, "copy.yaml", ids, original)).toEqual([]); // nothing edited, nothing overridden
    const edited = text.replace("    range: { low: 2, high: 4 }\n    kind: source", "    range: { low: 2.5, high: 3.5 }\n    kind: source");
    expect(parseOverridesFile(edited, "copy.yaml", ids, original)).toEqual([{ id: "h100_usd_per_gpu_hour", low: 2.5, high: 3.5 }]);
  });

  it("a copy of the assumptions file: what a what-if would not apply is refused where it stands, never dropped", () => {
    const text = readFileSync("notebooks/assumptions.yaml", "utf8");
    const original = { text, name: "notebooks/assumptions.yaml" };
    const ids = [...text.matchAll(/^ {2}- id: (\S+)$/gm)].map((match) => match[1] ?? "");
    const refusal = (edited: string): string => {
      expect(edited).not.toBe(text); // the edit took
      try {
        parseOverridesFile(edited, "copy.yaml", ids, original);
      } catch (error) {
        return (error as Error).message;
      }
      return "accepted";
    };
    const line = (needle: string): number => text.slice(0, text.indexOf(needle)).split("\n").length;
    expect(refusal(text.replace("    rho: -0.5", "    rho: 0.95"))).toBe(
      `copy.yaml:${line("correlations:")}:1: "correlations" differs from notebooks/assumptions.yaml, and a what-if does not apply it: a what-if overrides only an assumption's value or range (id: 2.5, id: 2..3, or an entry's value: / range: { low, high }); change notebooks/assumptions.yaml itself for the rest, or remove the field`,
    );
    expect(refusal(`${text}totls:\n  - nonsense\n`)).toMatch(/^copy\.yaml:\d+:1: "totls" differs from notebooks\/assumptions\.yaml/);
    expect(refusal(text.replace("    range: { low: 2, high: 4 }\n    kind: source", "    range: { low: 2, high: 4 }\n    distribution: uniform\n    kind: source"))).toMatch(
      new RegExp(`^copy\\.yaml:${line("    kind: source\n    source: { title: \"Mercatus")}:5: h100_usd_per_gpu_hour's "distribution" differs`),
    );
    expect(refusal(text.replace("    range: { low: 2, high: 4 }\n    kind: source", "    range: { low: 2, lwo: 1, high: 4 }\n    kind: source"))).toContain(`h100_usd_per_gpu_hour's range field "lwo" is not read by a what-if`);
    expect(refusal(text.replace("    range: { low: 2, high: 4 }\n    kind: source", "    range: { low: 2, high: 4 }\n    value: 3\n    kind: source"))).toMatch(/: h100_usd_per_gpu_hour has both a value and a range; give one/);
    const entry = text.slice(text.indexOf("  - id: h100_usd_per_gpu_hour"), text.indexOf("  - id: h100_peak_bf16_flop_per_s"));
    expect(refusal(text.replace(entry, `${entry}${entry}`))).toMatch(new RegExp(`^copy\\.yaml:${line("  - id: h100_peak_bf16_flop_per_s")}:5: h100_usd_per_gpu_hour is overridden twice in this file \\(first at copy\\.yaml:${line("  - id: h100_usd_per_gpu_hour")}:5\\); keep one`));
  });

  it("reads aliases as the assumptions file does; a quoted number is refused, not taken as an override", () => {
    expect(parseOverridesFile("h100_usd_per_gpu_hour: &x 2.5\ntraining_run_gpu_hours: *x\n", "w.yaml", known)).toEqual([
      { id: "h100_usd_per_gpu_hour", value: 2.5 },
      { id: "training_run_gpu_hours", value: 2.5 },
    ]);
    const listed = "shared: &r { low: 2, high: 4 }\nassumptions:\n  - id: h100_usd_per_gpu_hour\n    range: *r\n";
    expect(() => parseOverridesFile(listed.replace("shared: &r { low: 2, high: 4 }\n", ""), "a.yaml", known)).toThrow("a.yaml:3:12: cannot read overrides: the alias *r names no anchor: mark the value it repeats with &r, above the alias");
    expect(() => parseOverridesFile(listed, "a.yaml", known)).toThrow(/^a\.yaml:1:1: "shared" is not read by a what-if/); // without the file to compare with
    expect(parseOverridesFile("assumptions:\n  - id: h100_usd_per_gpu_hour\n    range: &r { low: 2, high: 4 }\n  - id: training_run_gpu_hours\n    range: *r\n", "a.yaml", known)).toEqual([
      { id: "h100_usd_per_gpu_hour", low: 2, high: 4 },
      { id: "training_run_gpu_hours", low: 2, high: 4 },
    ]);
    expect(() => parseOverridesFile('assumptions:\n  - id: h100_usd_per_gpu_hour\n    value: "2"\n', "a.yaml", known)).toThrow(
      'a.yaml:2:5: "2" for h100_usd_per_gpu_hour is not a number (quoted, or text); write the number without quotes, as the assumptions file does',
    );
    expect(() => parseOverridesFile('h100_usd_per_gpu_hour: { low: "2", high: 3 }\n', "w.yaml", known)).toThrow('"2" for h100_usd_per_gpu_hour is not a number');
    expect(parseOverridesFile('h100_usd_per_gpu_hour: "2..3"\n', "w.yaml", known)).toEqual([{ id: "h100_usd_per_gpu_hour", low: 2, high: 3 }]); // a map's range is text
  });

  it("a map of overrides: a range holds low and high only", () => {
    expect(() => parseOverridesFile("h100_usd_per_gpu_hour: { low: 2, high: 3, distribution: uniform }\n", "w.yaml", known)).toThrow(
      /^w\.yaml:1:43: h100_usd_per_gpu_hour's range field "distribution" is not read by a what-if: a what-if overrides only/,
    );
    // Before: `range field "value" is not read by a what-if`, then "an entry's value:" among the forms allowed.
    expect(() => parseOverridesFile("h100_usd_per_gpu_hour: { value: 3 }\n", "w.yaml", known)).toThrow(
      'w.yaml:1:26: h100_usd_per_gpu_hour: { value: 3 } mixes a what-if\'s two forms: write "h100_usd_per_gpu_hour: 3" for a value, or "h100_usd_per_gpu_hour: { low: …, high: … }" (or "h100_usd_per_gpu_hour: 2..3") for a range',
    );
  });

  it("names file, line and column of an unknown id or a bad value", () => {
    expect(() => parseOverridesFile("h100_usd_per_gpu_hour: 2\ntraining_gpu_hours: 3\n", "w.yaml", known)).toThrow(
      /^w\.yaml:2:1: unknown assumption "training_gpu_hours"; did you mean "training_run_gpu_hours"/,
    );
    expect(() => parseOverridesFile("h100_usd_per_gpu_hour: cheap\n", "w.yaml", known)).toThrow(/^w\.yaml:1:1: "cheap" is not a number/);
    expect(() => parseOverridesFile("a: [\n", "w.yaml", known)).toThrow(/^w\.yaml:\d+:\d+: cannot read overrides/);
    expect(() => parseOverridesFile("# nothing yet\n", "w.yaml", known)).toThrow("w.yaml:1:1: cannot read overrides: the file is empty: write one id: value");
    expect(() => parseOverridesFile("assumptions:\n", "w.yaml", known)).toThrow('w.yaml:1:13: cannot read overrides: "assumptions" is not a list');
    expect(() => parseOverridesFile("assumptions: 5\n", "w.yaml", known)).toThrow('w.yaml:1:14: cannot read overrides: "assumptions" is not a list');
  });
});

describe("what-if banner", () => {
  it("lists every override on the first page, escaped", () => {
    const original: Assumption = {
      id: "h100_usd_per_gpu_hour",
      label: "H100 <script>alert(1)</script>",
      unit: "USD/GPU-hour",
      range: { low: 2, high: 3 },
      distribution: "lognormal",
      source: { title: "s", date: "2026-04-28" },
      position: { file: "a.yaml", line: 1, column: 1 },
    };
    const banner = renderWhatIfBanner({ overrides: [{ id: "h100_usd_per_gpu_hour", low: 2.5, high: 3.5 }], sources: ["--set"] }, (id) =>
      id === original.id ? original : undefined,
    ).value;
    expect(banner).toContain("What-if build");
    // The numbers beside a column that gives their unit, as the assumptions appendix writes them.
    expect(banner).toContain("<td>$2–$3</td><td><strong>$2.50–$3.50</strong></td><td>USD/GPU-hour</td>");
    expect(banner).toContain("H100 &lt;script&gt;");
    expect(banner).not.toContain("<script>");
  });
});

describe("build flags", () => {
  it("combines --assumptions FILE and repeated --set, --set winning", async () => {
    const { Command } = await import("commander");
    const { addWhatIfOptions, whatIfFromOptions } = await import("../../../src/build/whatif/options");
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "fragtax-whatif-"));
    const file = join(dir, "w.yaml");
    await writeFile(file, "h100_usd_per_gpu_hour: 9\ntraining_run_gpu_hours: 1..2\n");
    const command = addWhatIfOptions(new Command("build").exitOverride());
    command.parse(["--assumptions", file, "--set", "h100_usd_per_gpu_hour=2.5..3.5", "--set", "scenario_merchant_era_probability=0.4"], { from: "user" });
    const whatIf = await whatIfFromOptions(command.opts(), known);
    expect(whatIf).toEqual({
      overrides: [
        { id: "h100_usd_per_gpu_hour", low: 2.5, high: 3.5 },
        { id: "training_run_gpu_hours", low: 1, high: 2 },
        { id: "scenario_merchant_era_probability", value: 0.4 },
      ],
      sources: [file, "--set"],
    });
    expect(await whatIfFromOptions({}, known)).toBeNull();
    await rm(dir, { recursive: true, force: true });
  });
});

describe("applyWhatIf", () => {
  it("returns an overridden registry, and exit-2 errors for values the registry rejects", async () => {
    const { parseAssumptions } = await import("../../../src/assumptions");
    const { applyWhatIf } = await import("../../../src/build/whatif/options");
    const { readFile } = await import("node:fs/promises");
    const registry = parseAssumptions(await readFile("test/fixtures/versions/v1/assumptions.yaml", "utf8"), "assumptions.yaml", { legacy: true });
    const normal = await applyWhatIf(registry, {});
    expect(normal).toEqual({ registry, whatIf: null, notes: [], fileOverridesNothing: false });
    const { registry: changed, whatIf } = await applyWhatIf(registry, { set: ["h100_usd_per_gpu_hour=2.5..3.5"] });
    expect(changed.get("h100_usd_per_gpu_hour").range).toEqual({ low: 2.5, high: 3.5 });
    expect(registry.get("h100_usd_per_gpu_hour").range).toEqual({ low: 2, high: 3 });
    expect(whatIf?.sources).toEqual(["--set"]);
    await expect(applyWhatIf(registry, { set: ["h100_usd_per_gpu_hour=-1..3"] })).rejects.toMatchObject({ exitCode: 2 });
    // Named by the flag that gave it, with where the assumption (and so its distribution) is defined.
    const rejected = await applyWhatIf(registry, { set: ["h100_usd_per_gpu_hour=-1..3"] }).catch((error: Error) => error.message);
    expect(rejected).toMatch(/^--set h100_usd_per_gpu_hour=-1\.\.3: .*-1.* \(the assumption is defined at assumptions\.yaml:\d+:\d+\)$/);
  });

  it("says which of the overrides file's values a --set of the same id replaces (--set wins, and the file's is not used)", async () => {
    const { parseAssumptions } = await import("../../../src/assumptions");
    const { applyWhatIf } = await import("../../../src/build/whatif/options");
    const { readFile } = await import("node:fs/promises");
    const registry = parseAssumptions(await readFile("test/fixtures/versions/v1/assumptions.yaml", "utf8"), "assumptions.yaml", { legacy: true });
    const both = await applyWhatIf(registry, { assumptions: "w.yaml", assumptionsText: "h100_usd_per_gpu_hour: 9\n", set: ["h100_usd_per_gpu_hour=2.5..3.5"] });
    expect(both.registry.get("h100_usd_per_gpu_hour").range).toEqual({ low: 2.5, high: 3.5 });
    expect(both.notes).toEqual(["w.yaml's h100_usd_per_gpu_hour = 9 is not used: --set gives that id too, and --set wins"]);
    // Each alone: nothing to say.
    expect((await applyWhatIf(registry, { assumptions: "w.yaml", assumptionsText: "h100_usd_per_gpu_hour: 9\n" })).notes).toEqual([]);
    expect((await applyWhatIf(registry, { assumptions: "w.yaml", assumptionsText: "h100_usd_per_gpu_hour: 9\n", set: ["training_run_gpu_hours=1..2"] })).notes).toEqual([]);
  });
});
