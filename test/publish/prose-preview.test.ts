/**
 * The stale-prose guard said when a build ends (src/publish/prose-preview.ts), through real builds of
 * test/fixtures/project and the real CLI: after a version is published, a build whose figures moved
 * under unchanged prose names the sections publish would refuse, with the same listing publish then
 * refuses with; an unchanged build and a what-if build say nothing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fragtax } from "../published-project";
import { tempProject, type TempProject } from "../project";

// Published today (a version may not be dated before its build's data cut-off, which is the build's day).
const TODAY = new Date().toISOString().slice(0, 10);
const NOTE = `note: since version ${TODAY}, figures moved under prose that did not change`;
let project: TempProject;

beforeAll(async () => {
  project = tempProject();
  const built = await fragtax(["build", "--root", project.root], { cwd: project.root });
  expect(built.code, built.stderr).toBe(0);
  // Nothing published yet: nothing to compare with.
  expect(built.stderr).not.toContain("note: since version");
  const published = await fragtax(["publish", "--root", project.root], { cwd: project.root });
  expect(published.code, published.stderr).toBe(0);
}, 120_000);

afterAll(() => project.remove());

describe("a build after a published version", () => {
  it("says nothing when no figure moved, nor for a what-if build that moves them", async () => {
    const same = await fragtax(["build", "--no-pdf", "--root", project.root], { cwd: project.root });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).not.toContain("note: since version");
    const whatIf = await fragtax(["build", "--no-pdf", "--set", "h100_usd_per_gpu_hour=4..6", "--root", project.root], { cwd: project.root });
    expect(whatIf.code, whatIf.stderr).toBe(0);
    expect(whatIf.stderr).not.toContain("note: since version");
  }, 120_000);

  it("names the sections whose figures moved under unchanged prose, as publish then refuses them", async () => {
    const file = join(project.root, "notebooks", "assumptions.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 4, high: 6 }"));
    const built = await fragtax(["build", "--root", project.root], { cwd: project.root });
    expect(built.code, built.stderr).toBe(0);
    const note = built.stderr.slice(built.stderr.indexOf(NOTE));
    expect(built.stderr).toContain(NOTE);
    expect(note).toMatch(/figure run_cost_usd: \$25M → \$50M \(\+100%\)/);
    const refused = await fragtax(["publish", "--root", project.root], { cwd: project.root });
    expect(refused.code).toBe(1);
    // The same sections and movements, line for line.
    const listing = (text: string): string[] => text.split("\n").filter((line) => line.startsWith("  "));
    expect(listing(note).length).toBeGreaterThan(0);
    expect(listing(refused.stderr)).toEqual(listing(note));
  }, 120_000);
});
