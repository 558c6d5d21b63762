/**
 * What a build says of kept model runs (src/notebook/model-runs.ts), built by the CLI as a user builds:
 * a chapter that re-runs because of an input its model does not read takes the model's kept run,
 * and the console line and build-log.json say how many runs were kept and how many computed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { appendCell, tempProject } from "../project";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");

const MODELS = `import type { ReportModel } from "../../dist/model.js";
/** Reads the GPU-hours only: a change of the price leaves its runs as they were. */
export const HOURS: ReportModel<"hours", "thousands"> = {
  ids: { hours: "run_gpu_hours" },
  evaluate: (x) => ({ thousands: x.hours / 1000 }),
};
`;

it("says how many model runs a chapter took kept and how many it computed, on the console and in build-log.json", () => {
  const project = tempProject();
  try {
    writeFileSync(join(project.root, "package.json"), "{}\n"); // a project: the engine keeps runs in out/.cache/
    mkdirSync(join(project.root, "notebooks", "lib"));
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), MODELS);
    appendCell(project.root, "01-price.ipynb", 'import { runModel } from "../dist/model.js";\nimport { HOURS } from "./lib/models";\nconst hoursRun = runModel(HOURS, nb.assumptions, nb.montecarlo);\nhoursRun.summary.thousands.p50');
    const build = () => spawnSync(process.execPath, [CLI, "build", "--no-pdf"], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^execute: notebooks\/01-price\.ipynb executed in [\d.]+ s \(first run\); model runs: 0 kept, 1 computed$/m);
    expect(first.stderr).toMatch(/^execute: notebooks\/02-claims\.ipynb executed in [\d.]+ s \(first run\)$/m); // no model run: nothing said

    const assumptions = join(project.root, "notebooks", "assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 4 }"));
    const second = build();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/^execute: notebooks\/01-price\.ipynb executed in [\d.]+ s \(re-ran: h100_usd_per_gpu_hour changed .*\); model runs: 1 kept, 0 computed$/m);
    const log = JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")) as { notebooks: { notebook: string; modelRuns?: unknown }[] };
    expect(log.notebooks.find((entry) => entry.notebook === "notebooks/01-price.ipynb")?.modelRuns).toEqual({ kept: 1, computed: 0 });
    expect(log.notebooks.find((entry) => entry.notebook === "notebooks/02-claims.ipynb")).not.toHaveProperty("modelRuns");
    // `fragtax run` says the same after its summary line.
    const run = spawnSync(process.execPath, [CLI, "run", "notebooks/01-price.ipynb", "--out", "-"], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^notebooks\/01-price\.ipynb: ran \d+ cells in \d+ ms; model runs: 1 kept, 0 computed$/m);
  } finally {
    project.remove();
  }
}, 60_000);
