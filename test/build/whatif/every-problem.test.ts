/**
 * A what-if file, or a row of --set flags, with several mistakes said them one build at a time: fix
 * one, run again, meet the next. Each override is now read on its own and every problem is said at
 * once, located, in the order given, as the assumptions file's problems are.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseAssumptions } from "../../../src/assumptions";
import { applyWhatIf, whatIfFromOptions } from "../../../src/build/whatif/options";
import { parseOverridesFile } from "../../../src/build/whatif/overrides-file";
import { WhatIfError } from "../../../src/build/whatif/overrides";

const known = ["h100_usd_per_gpu_hour", "training_run_gpu_hours", "scenario_merchant_era_probability"];

function problems(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(WhatIfError);
    return (error as Error).message.split("\n");
  }
  throw new Error("no problem was reported");
}

describe("a what-if file with several mistakes", () => {
  it("says every one, located, in the file's order (a map of id: value)", () => {
    const text = "h100_usd_per_gpu_hr: 2\ntraining_run_gpu_hours: lots\nscenario_merchant_era_probability: { low: 0.2 }\n";
    const lines = problems(() => parseOverridesFile(text, "w.yaml", known));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^w\.yaml:1:1: .*unknown assumption "h100_usd_per_gpu_hr"; did you mean "h100_usd_per_gpu_hour"/);
    expect(lines[1]).toMatch(/^w\.yaml:2:1: .*training_run_gpu_hours/);
    expect(lines[2]).toMatch(/^w\.yaml:3:1: the range for scenario_merchant_era_probability has no high/);
  });

  it("says every one in the assumptions file's shape too, sections and entries", () => {
    const text = [
      "totals: { x: 1 }",
      "assumptions:",
      "  - id: h100_usd_per_gpu_hour",
      "    value: 2",
      "    range: { low: 1, high: 3 }",
      "  - id: nope",
      "    value: 1",
      "  - id: training_run_gpu_hours",
      "    value: \"2\"",
      "",
    ].join("\n");
    const lines = problems(() => parseOverridesFile(text, "copy.yaml", known));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^copy\.yaml:1:1: .*"totals"/);
    expect(lines[1]).toMatch(/^copy\.yaml:3:5: .*h100_usd_per_gpu_hour/);
    expect(lines[2]).toMatch(/^copy\.yaml:6:5: .*unknown assumption "nope"/);
    expect(lines[3]).toMatch(/^copy\.yaml:8:5: .*training_run_gpu_hours/);
  });

  it("reads a good entry beside none of them: one mistake is one line", () => {
    expect(problems(() => parseOverridesFile("h100_usd_per_gpu_hour: 2\ntraining_run_gpu_hours: x\n", "w.yaml", known))).toHaveLength(1);
  });
});

describe("--set flags and a what-if file together", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("say the file's problems and every flag's at once", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-whatif-"));
    const file = join(dir, "w.yaml");
    writeFileSync(file, "h100_usd_per_gpu_hr: 2\n");
    const flags = ["training_run_gpu_hours=abc", "scenario_merchant_era_probability=0.3..0.2", "h100_usd_per_gpu_hour=2", "h100_usd_per_gpu_hour=3"];
    let message = "";
    await whatIfFromOptions({ assumptions: file, set: flags }, known).catch((error: Error) => (message = error.message));
    const lines = message.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(`${file}:1:1`);
    expect(lines[1]).toContain("--set training_run_gpu_hours=abc");
    expect(lines[2]).toContain("--set scenario_merchant_era_probability=0.3..0.2");
    expect(lines[3]).toBe("--set h100_usd_per_gpu_hour is given 2 times (--set h100_usd_per_gpu_hour=2, --set h100_usd_per_gpu_hour=3); give it once");
  });
});

describe("applyWhatIf", () => {
  it("checks the overrides that could be read against their assumptions beside those that could not", async () => {
    const registry = parseAssumptions(readFileSync("test/fixtures/versions/v1/assumptions.yaml", "utf8"), "assumptions.yaml", { legacy: true });
    const id = registry.all()[0]?.id ?? "";
    const message = await applyWhatIf(registry, { set: ["h100_usd_per_gpu_hour=-1..3", `${id}x=2`] }).then(() => "", (error: Error) => error.message);
    const lines = message.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`--set ${id}x=2: unknown assumption "${id}x"`);
    expect(lines[1]).toMatch(/^--set h100_usd_per_gpu_hour=-1\.\.3: .*\(the assumption is defined at assumptions\.yaml:\d+:\d+\)$/);
  });
});
