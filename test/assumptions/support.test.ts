// What-if values outside what an assumption's declaration allows (a negative price, a probability
// above 1, a non-positive lognormal quantity) are refused with the support stated, exit 2.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadAssumptionsFile } from "../../src/assumptions";
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
  });
});

describe("fragtax build --set outside the support", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("exits 2 with the support stated and builds nothing", () => {
    project = tempProject();
    const run = spawnSync("node", ["dist/cli.js", "build", "--no-pdf", "--root", project.root, "--set", "h100_usd_per_gpu_hour=-2"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"h100_usd_per_gpu_hour" is an amount in USD/GPU-hour, so it must be ≥ 0; -2 is outside that support');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(project.root, "out/build/report.html"))).toBe(false);
  });
});
