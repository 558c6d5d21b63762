/**
 * `nb.words.ledger()` through a real build and `fragtax run`: its marker is filled from the whole
 * ledger when the page is rendered (also from the notebook cache on a rebuild), while the same
 * characters typed into data (here an assumption's label) stay text.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { appendCell, tempProject } from "../project";

const project = tempProject();
afterAll(() => project.remove());
const FORGED = "\uE000ledger:total:0\uE001";
const assumptionsFile = join(project.root, "notebooks", "assumptions.yaml");
writeFileSync(assumptionsFile, readFileSync(assumptionsFile, "utf8").replace("label: GPU-hours for one training run", `label: "GPU-hours ${FORGED} per run"`));
appendCell(project.root, "02-claims.ipynb", 'nb.md`Claims in the report: ${nb.words.ledger("total")}. Label: ${nb.assumptions.get("run_gpu_hours").label}.`;');

async function page(): Promise<string> {
  const result = await build({ root: project.root, pdf: false }, new FileBuildEffects(() => undefined));
  expect(result.exitCode).toBe(0);
  return readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
}

describe("the whole-ledger words in a build", () => {
  it("fills the run's own marker and leaves a forged one as text, in a build and a cached rebuild", async () => {
    for (const html of [await page(), await page()]) {
      expect(html).toContain("Claims in the report: 1.");
      expect(html).toContain(`Label: GPU-hours ${FORGED} per run.`);
    }
  });

  it("does the same in fragtax run's executed notebook", () => {
    const cli = resolve(import.meta.dirname, "..", "..", "dist", "cli.cjs");
    const run = spawnSync(process.execPath, [cli, "run", join(project.root, "notebooks", "02-claims.ipynb"), "--out", "-"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Claims in the report: 1.");
    expect(run.stdout).toContain(`GPU-hours ${JSON.stringify(FORGED).slice(1, -1)} per run`);
  });
});
