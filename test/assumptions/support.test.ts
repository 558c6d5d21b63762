// What-if values outside what an assumption's declaration allows (a negative price, a probability
// above 1, a non-positive lognormal quantity) are refused with the support stated, exit 2.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadAssumptionsFile, parseAssumptions } from "../../src/assumptions";
import { describeSupport, supportOf, withinSupport } from "../../src/assumptions/rules";
import { tempProject, type TempProject } from "../project";


describe("supportOf", () => {
  it("reads the support from the unit and distribution", () => {
    expect(supportOf({ unit: "probability", distribution: "uniform" })).toMatchObject({ min: 0, max: 1 });
    expect(supportOf({ unit: "fraction of revenue", distribution: "fixed" })).toMatchObject({ min: 0, max: 1 });
    // A rate per year can exceed 100% (growth) or be negative (decline): no bound.
    expect(supportOf({ unit: "fraction per year", distribution: "normal" })).toBeNull();
    expect(supportOf({ unit: "GPU-hours", distribution: "lognormal" })).toMatchObject({ min: 0, minInclusive: false });
    expect(supportOf({ unit: "USD/GPU-hour", distribution: "uniform" })).toMatchObject({ min: 0, minInclusive: true });
    expect(supportOf({ unit: "ratio", distribution: "normal" })).toBeNull();
    expect(describeSupport({ min: 0, minInclusive: false, because: "" })).toBe("> 0");
  });

  it("holds every value of the report's own assumptions file", async () => {
    const registry = await loadAssumptionsFile(join(import.meta.dirname, "../../notebooks/assumptions.yaml"));
    for (const assumption of registry.all()) {
      const support = supportOf(assumption);
      if (support === null) continue;
      const numbers = assumption.value !== undefined ? [assumption.value] : [assumption.range?.low ?? 0, assumption.range?.high ?? 0];
      for (const x of numbers) expect(withinSupport(x, support), `${assumption.id} = ${x}`).toBe(true);
    }
  });

  it("refuses an override outside the support, naming it; a value inside passes", async () => {
    const registry = await loadAssumptionsFile(join(import.meta.dirname, "../../notebooks/assumptions.yaml"));
    const probability = registry.all().find((a) => a.unit === "probability");
    expect(probability).toBeDefined();
    const id = probability?.id ?? "";
    expect(() => registry.withOverrides([{ id, value: 1.2 }])).toThrow(`"${id}" is a probability, so it must be between 0 and 1; 1.2 is outside that support`);
    expect(() => registry.withOverrides([{ id, low: -0.1, high: 0.5 }])).toThrow("between 0 and 1; -0.1 is outside");
    expect(registry.withOverrides([{ id, value: 0.4 }]).get(id).value).toBe(0.4);
    // A percent typed as a whole number: the hint is the fraction (before, a share's hint was how to declare negative bounds).
    expect(() => registry.withOverrides([{ id, value: 20 }])).toThrow(`20 is outside that support (it is a fraction here: for 20%, write 0.2)`);
    const share = registry.all().find((a) => a.id === "openai_microsoft_revenue_share");
    expect(() => registry.withOverrides([{ id: share?.id ?? "", value: 20 }])).toThrow(/20 is outside that support \(it is a fraction here: for 20%, write 0\.2\)$/);
  });
});

describe("fragtax build --set outside the support", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("exits 2 with the support stated and builds nothing", () => {
    project = tempProject();
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root, "--set", "h100_usd_per_gpu_hour=-2"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"h100_usd_per_gpu_hour" is an amount in USD/GPU-hour, so it must be ≥ 0; -2 is outside that support');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(project.root, "out/build/report.html"))).toBe(false);
  });
});

describe("a what-if file's value outside the support", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("is located where the file writes it, through an alias too (it named the file alone)", () => {
    project = tempProject();
    const file = join(project.root, "w.yaml");
    // GPU-hours may be any number here; the price may not, and it takes the value through the alias.
    writeFileSync(file, "run_gpu_hours: &minus -5\nh100_usd_per_gpu_hour: *minus\n");
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root, "--assumptions", file], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}:2:24: "h100_usd_per_gpu_hour" is an amount in USD/GPU-hour, so it must be ≥ 0; -5 is outside that support`);
    expect(existsSync(join(project.root, "out/build/report.html"))).toBe(false);
  });
});

// What the unit cannot say, the entry declares: a count of pools is at least 1, a duration above 0, a
// correlation the model needs non-negative. Before, `--set pool_demand_correlation_alternative=-0.5`
// and `--set stargate_years=0` passed the what-if check and failed inside a cell (exit 1), or built a
// report on negative years (exit 0); and a file value outside the unit's bounds was never checked.
describe("a declared support, and the file held to the same bounds as --set", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());
  const entry = (id: string, lines: string[]) => [`  - id: ${id}`, "    label: X", ...lines, "    kind: source", "    source: { title: t, date: 2026-01-01 }"];
  const parse = (...entries: string[][]) => parseAssumptions(["assumptions:", ...entries.flat()].join("\n"), "a.yaml");
  const problemOf = (...entries: string[][]): string => {
    try {
      parse(...entries);
    } catch (error) {
      return String((error as Error).message);
    }
    throw new Error("parsed without a problem");
  };

  it("bounds overrides by what the entry declares, inclusive (min) or not (greaterThan)", () => {
    const registry = parse(
      entry("pools", ["    unit: pools", "    support: { min: 1 }", "    range: { low: 3, high: 8 }", "    distribution: uniform"]),
      entry("years", ["    unit: years", "    support: { greaterThan: 0 }", "    value: 4"]),
      entry("rho", ["    unit: correlation coefficient", "    support: { min: 0, max: 1 }", "    value: 0.5"]),
    );
    expect(() => registry.withOverrides([{ id: "pools", low: 0, high: 1 }])).toThrow('"pools" is bounded by its entry\'s support, so it must be ≥ 1; 0 is outside that support');
    expect(registry.withOverrides([{ id: "pools", low: 1, high: 2 }]).get("pools").range).toEqual({ low: 1, high: 2 });
    expect(() => registry.withOverrides([{ id: "years", value: 0 }])).toThrow("so it must be > 0; 0 is outside");
    expect(() => registry.withOverrides([{ id: "rho", value: -0.5 }])).toThrow("must be between 0 and 1; -0.5 is outside");
    expect(describeSupport({ min: 0, minInclusive: false, max: 1, because: "" })).toBe("> 0 and ≤ 1");
  });

  it("bounds a correlation to −1…1 by its unit alone", () => {
    expect(supportOf({ unit: "correlation coefficient", distribution: "fixed" })).toMatchObject({ min: -1, max: 1 });
    const registry = parse(entry("rho", ["    unit: correlation", "    value: 0.5"]));
    expect(() => registry.withOverrides([{ id: "rho", value: 1.5 }])).toThrow('"rho" is a correlation, so it must be between -1 and 1; 1.5 is outside');
  });

  it("refuses the file's own value outside its support, at the value's line", () => {
    expect(problemOf(entry("years", ["    unit: years", "    support: { greaterThan: 0 }", "    value: -4"]))).toMatch(/^a\.yaml:6:\d+: .*"years": -4 is outside the support the entry declares \(> 0\)/);
    expect(problemOf(entry("cap_usd", ["    unit: USD", "    value: -90000000000"]))).toMatch(/^a\.yaml:5:\d+: .*"cap_usd" is an amount in USD, so it must be ≥ 0; -90000000000 is outside/);
    expect(problemOf(entry("p", ["    unit: probability", "    value: 1.6"]))).toMatch(/"p" is a probability, so it must be between 0 and 1; 1.6 is outside/);
  });

  // A review found a declared support dropped the unit's own bounds (a probability with max 0.5 took
  // -0.3), and a range whose tail runs past the support passed (0..0.5 for a correlation became a
  // normal that the model refused mid-chapter; 0.6..1 for an MFU put 5% of draws above 1).
  it("narrows the unit's bounds, never widens them, except a fraction's guess", () => {
    const registry = parse(
      entry("p_a", ["    unit: probability", "    support: { max: 0.5 }", "    value: 0.2"]),
      entry("usd_b", ["    unit: USD", "    support: { max: 100 }", "    value: 5"]),
      entry("change", ["    unit: fraction", "    support: { min: -1, max: 1 }", "    value: -0.2"]),
    );
    expect(() => registry.withOverrides([{ id: "p_a", value: -0.3 }])).toThrow('"p_a" is a probability, bounded by its entry\'s support, so it must be between 0 and 0.5');
    expect(() => registry.withOverrides([{ id: "p_a", value: 0.6 }])).toThrow("between 0 and 0.5; 0.6 is outside");
    expect(() => registry.withOverrides([{ id: "usd_b", value: -5 }])).toThrow("so it must be between 0 and 100; -5 is outside");
    expect(registry.withOverrides([{ id: "change", value: -0.5 }]).get("change").value).toBe(-0.5);
  });

  it("refuses a normal or lognormal range whose tail runs past the support; a fixed value between bounds takes a range as uniform", () => {
    const registry = parse(
      entry("mfu", ["    unit: fraction of peak", "    support: { greaterThan: 0, max: 1 }", "    range: { low: 0.35, high: 0.45 }"]),
      entry("rho", ["    unit: correlation coefficient", "    support: { min: 0, max: 1 }", "    value: 0.5"]),
    );
    expect(() => registry.withOverrides([{ id: "mfu", low: 0.6, high: 1 }])).toThrow('"mfu": read as lognormal with p5..p95 = 0.6..1, more than 1% of its draws fall above its support (> 0 and ≤ 1)');
    expect(registry.withOverrides([{ id: "mfu", low: 0.4, high: 0.6 }]).get("mfu").range).toEqual({ low: 0.4, high: 0.6 });
    expect(registry.withOverrides([{ id: "rho", low: 0, high: 0.5 }]).get("rho")).toMatchObject({ distribution: "uniform", range: { low: 0, high: 0.5 } });
    expect(problemOf(entry("share", ["    unit: share of revenue", "    range: { low: 0.05, high: 0.9 }", "    distribution: normal"]))).toMatch(/^a\.yaml:5:\d+: .*"share": read as normal with p5..p95 = 0.05..0.9, more than 1% of its draws fall (below|above) its support/);
  });

  it("refuses a support that leaves no value, or gives two lower bounds", () => {
    expect(problemOf(entry("x", ["    unit: pools", "    support: { min: 3, max: 1 }", "    value: 2"]))).toMatch(/"x": its support's lower bound 3 leaves no value up to its max 1/);
    expect(problemOf(entry("x", ["    unit: pools", "    support: { min: 1, greaterThan: 0 }", "    value: 2"]))).toMatch(/"x": its support gives both min and greaterThan/);
  });

  it("fragtax build --set on a declared support exits 2 before any chapter runs", () => {
    project = tempProject();
    const file = join(project.root, "notebooks", "assumptions.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^assumptions:\n/m, `assumptions:\n${entry("pool_correlation", ["    unit: correlation coefficient", "    support: { min: 0, max: 1 }", "    value: 0.5"]).join("\n")}\n`));
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root, "--set", "pool_correlation=-0.5"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"pool_correlation" is a correlation, bounded by its entry\'s support, so it must be between 0 and 1; -0.5 is outside that support');
    expect(run.stdout).not.toContain("execute:");
  });
});
