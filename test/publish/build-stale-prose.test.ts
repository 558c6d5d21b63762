/**
 * After a build, fragtax says which sections the next publish would refuse: figures that moved since
 * the newest published version under prose that did not change (publish/prose-preview.ts). A project
 * with nothing published has nothing to compare, and the build does not load that comparison at all.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolders } from "../project";

const cli = resolve(import.meta.dirname, "../../dist/cli.cjs");

describe("a build's note on prose the next publish would refuse", () => {
  const folders = tempFolders();

  it("is said once a version is published and a figure moved under unchanged prose, and not before", () => {
    const { root } = folders.project();
    const fragtax = (...args: string[]) => spawnSync("node", [cli, ...args, "--root", root], { encoding: "utf8" });
    const assumptions = join(root, "notebooks", "assumptions.yaml");
    const original = readFileSync(assumptions, "utf8");
    const doubled = original.replace("range: { low: 2, high: 3 }", "range: { low: 4, high: 6 }");
    expect(doubled).not.toBe(original);

    // Nothing published: no note, whatever moved.
    expect(fragtax("build", "--no-pdf").status).toBe(0);
    writeFileSync(assumptions, doubled);
    const unpublished = fragtax("build", "--no-pdf");
    expect(unpublished.status).toBe(0);
    expect(unpublished.stderr).not.toContain("publish will refuse");

    // Published from the original assumptions, then the price doubled: the run's cost moved under the same words.
    writeFileSync(assumptions, original);
    expect(fragtax("build").status).toBe(0);
    const published = fragtax("publish");
    expect(published.stderr + published.stdout).toContain("published");
    writeFileSync(assumptions, doubled);
    const moved = fragtax("build", "--no-pdf");
    expect(moved.status).toBe(0);
    expect(moved.stderr).toContain("publish will refuse these sections");
    expect(moved.stderr).toMatch(/01-price#the-price-of-a-training-run[\s\S]*figure run_cost_usd: \$25M → \$50M \(\+100%\)/);
  });
});
