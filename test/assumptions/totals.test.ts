// Point values that must add up (the essay's scenario probabilities total 1). Before, `--set
// scenario_balkanization_probability=0.4` built every chapter and failed inside the scenario model in
// two of them (exit 1); a file whose probabilities did not add up failed the same way.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AssumptionError, parseAssumptions } from "../../src/assumptions";
import { tempProject, type TempProject } from "../project";

const entry = (id: string, value: string) => [`  - id: ${id}`, "    label: X", "    unit: probability", `    ${value}`, "    kind: essay", "    source: { title: t, date: 2026-01-01 }"];
const file = (a: string, b: string, c: string, totals = ["totals:", "  - of: [p_a, p_b, p_c]", "    equals: 1"]) =>
  ["assumptions:", ...entry("p_a", a), ...entry("p_b", b), ...entry("p_c", c), ...totals].join("\n");
const problem = (text: string): string => {
  try {
    parseAssumptions(text, "a.yaml");
  } catch (error) {
    if (error instanceof AssumptionError) return error.message;
    throw error;
  }
  throw new Error("parsed without a problem");
};

describe("totals", () => {
  it("holds in the file, or the file is refused at the total's line", () => {
    expect(parseAssumptions(file("value: 0.6", "value: 0.25", "value: 0.15"), "a.yaml").totals).toHaveLength(1);
    expect(problem(file("value: 0.6", "value: 0.3", "value: 0.15"))).toMatch(/^a\.yaml:21:\d+: p_a 0\.6 \+ p_b 0\.3 \+ p_c 0\.15 = 1\.05, but they must total 1$/);
    expect(problem(file("value: 0.6", "range: { low: 0.2, high: 0.3 }", "value: 0.15"))).toContain('"p_b" is a range; the assumptions of a total must be point values');
    expect(problem(file("value: 0.6", "value: 0.25", "value: 0.15", ["totals:", "  - of: [p_a, p_bb]", "    equals: 1"]))).toContain('total of p_a + p_bb: unknown assumption "p_bb"; did you mean "p_b"');
    expect(problem(file("value: 0.6", "value: 0.25", "value: 0.15", ["totals:", "  - of: [p_a]", "    equals: 1"]))).toContain("name at least two assumptions");
    expect(problem(file("value: 0.5", "value: 0.25", "value: 0.15", ["totals:", "  - of: [p_a, p_a]", "    equals: 1"]))).toContain('total of p_a + p_a: "p_a" is listed twice; name each assumption once');
  });

  it("holds after a what-if, or the override is refused naming the members left to set", () => {
    const registry = parseAssumptions(file("value: 0.6", "value: 0.25", "value: 0.15"), "a.yaml");
    const refused = (() => {
      try {
        registry.withOverrides([{ id: "p_b", value: 0.4 }]);
      } catch (error) {
        return error as AssumptionError;
      }
      throw new Error("accepted");
    })();
    expect(refused.problems[0]).toMatchObject({ id: "p_b", place: "total", line: 21 });
    expect(refused.problems[0]?.reason).toBe("p_a 0.6 + p_b 0.4 + p_c 0.15 = 1.15, but they must total 1; set the others too (--set p_a=… --set p_c=…) so they do");
    expect(registry.withOverrides([{ id: "p_b", value: 0.4 }, { id: "p_a", value: 0.45 }]).get("p_b").value).toBe(0.4);
    expect(() => registry.withOverrides([{ id: "p_a", low: 0.5, high: 0.7 }])).toThrow('"p_a" is a range; the assumptions of a total must be point values');
  });
});

describe("fragtax build --set that breaks a total", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("exits 2 before any chapter runs, naming the total and the members to set", () => {
    project = tempProject();
    const yaml = join(project.root, "notebooks", "assumptions.yaml");
    const members = ["assumptions:", ...entry("p_a", "value: 0.6"), ...entry("p_b", "value: 0.4")].join("\n");
    writeFileSync(yaml, `${readFileSync(yaml, "utf8").replace(/^assumptions:\n/m, `${members}\n`)}\ntotals:\n  - of: [p_a, p_b]\n    equals: 1\n`);
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root, "--set", "p_a=0.7"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--set p_a=0\.7: p_a 0\.7 \+ p_b 0\.4 = 1\.1, but they must total 1; set the other too \(--set p_b=…\) so they do \(the total is declared at notebooks\/assumptions\.yaml:\d+:\d+\)/);
    expect(run.stdout).not.toContain("execute:");
  });
});
