/**
 * What a build says of kept model runs (src/notebook/model-runs.ts), built by the CLI as a user builds:
 * a chapter that re-runs because of an input its model does not read takes the model's kept run,
 * and the console line and build-log.json say how many runs were kept and how many computed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { appendCell, tempProject, type TempProject } from "../project";

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
    expect(run.stderr).toMatch(/^notebooks\/01-price\.ipynb: ran \d+ code cells in \d+ ms; model runs: 1 kept, 0 computed$/m);
  } finally {
    project.remove();
  }
}, 60_000);

/** The fixture project as a project (the engine keeps runs in out/.cache/), with `models` as notebooks/lib/models.ts. */
function projectWith(models: string): TempProject {
  const project = tempProject();
  writeFileSync(join(project.root, "package.json"), "{}\n");
  mkdirSync(join(project.root, "notebooks", "lib"));
  writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), models);
  return project;
}

/** `fragtax build --no-pdf` of `project`, with these extra arguments. */
const buildOf = (project: TempProject, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, "build", "--no-pdf", ...args], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 50_000 });

/** Reads the GPU-hours, slowly (~1.5 ms a draw): two notebooks running it are sure to run it at once. */
const SLOW_MODELS = `import type { ReportModel } from "../../dist/model.js";
export const SLOW: ReportModel<"hours", "thousands"> = {
  ids: { hours: "run_gpu_hours" },
  evaluate: (x) => {
    const until = performance.now() + 1.5;
    while (performance.now() < until);
    return { thousands: x.hours / 1000 };
  },
};
`;

it("computes a run two chapters need at the same moment once: the second waits for the first and takes its run", () => {
  const project = projectWith(SLOW_MODELS);
  try {
    const cell = 'import { runModel } from "../dist/model.js";\nimport { SLOW } from "./lib/models";\nconst slowRun = runModel(SLOW, nb.assumptions, nb.montecarlo);\nslowRun.summary.thousands.p50';
    appendCell(project.root, "01-price.ipynb", cell);
    appendCell(project.root, "02-claims.ipynb", cell); // the same imports, so the same bundle and the same run
    const build = buildOf(project);
    expect(build.status, build.stderr).toBe(0);
    const counts = [...build.stderr.matchAll(/^execute: notebooks\/0\d-\w+\.ipynb executed in [\d.]+ s \(first run\); model runs: (\d) kept, (\d) computed$/gm)].map((match) => `${match[1]} kept, ${match[2]} computed`);
    // Both ran it at once (2,000 draws take ~3 s each): without the claim, each computed it.
    expect(counts.sort()).toEqual(["0 kept, 1 computed", "1 kept, 0 computed"]);
    const log = JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")) as { notebooks: { durationMs: number }[] };
    expect(log.notebooks).toHaveLength(2);
  } finally {
    project.remove();
  }
}, 60_000);

/** Never returns while a cell has set `globalThis.HANG`: a run whose notebook is stopped mid-run. */
const HANGING_MODELS = `import type { ReportModel } from "../../dist/model.js";
export const HANGS: ReportModel<"hours", "thousands"> = {
  ids: { hours: "run_gpu_hours" },
  evaluate: (x) => {
    while ((globalThis as { HANG?: boolean }).HANG === true);
    return { thousands: x.hours / 1000 };
  },
};
`;

it("a chapter waiting for a run another one computes goes on when that one is stopped at its time limit", () => {
  const project = projectWith(HANGING_MODELS);
  try {
    const run = 'import { runModel } from "../dist/model.js";\nimport { HANGS } from "./lib/models";\nconst hangRun = runModel(HANGS, nb.assumptions, nb.montecarlo);\nhangRun.summary.thousands.p50';
    appendCell(project.root, "01-price.ipynb", `(globalThis as { HANG?: boolean }).HANG = true;\n${run}`);
    // The second chapter asks a moment later, in a cell of its own (its time limit starts with it), so it finds the first one's claim and waits.
    appendCell(project.root, "02-claims.ipynb", "const until = performance.now() + 1500;\nwhile (performance.now() < until);");
    appendCell(project.root, "02-claims.ipynb", run);
    const started = performance.now();
    const build = buildOf(project, "--timeout", "5");
    expect(build.status, build.stderr).toBe(1); // the first chapter's cell ran past its time limit
    expect(build.stderr).toMatch(/01-price\.ipynb.*(time limit|timed out|timeout)/i);
    // The second one waited, then computed the run itself once the first was stopped.
    expect(build.stderr).toMatch(/^execute: notebooks\/02-claims\.ipynb executed in [\d.]+ s \(first run\); model runs: 0 kept, 1 computed$/m);
    expect(performance.now() - started).toBeLessThan(40_000);
  } finally {
    project.remove();
  }
}, 60_000);

/** Throws while a cell has set `globalThis.THROW`: a run whose computing fails, in a cell that goes on. */
const THROWING_MODELS = `import type { ReportModel } from "../../dist/model.js";
export const THROWS: ReportModel<"hours", "thousands"> = {
  ids: { hours: "run_gpu_hours" },
  evaluate: (x) => {
    if ((globalThis as { THROW?: boolean }).THROW === true) throw new Error("no run here");
    return { thousands: x.hours / 1000 };
  },
};
`;

it("a run whose computing failed is no longer claimed: a chapter asking for it computes it, though the failed one's notebook goes on", () => {
  const project = projectWith(THROWING_MODELS);
  try {
    const run = 'import { runModel } from "../dist/model.js";\nimport { THROWS } from "./lib/models";\nconst throwRun = runModel(THROWS, nb.assumptions, nb.montecarlo);\nthrowRun.summary.thousands.p50';
    const busy = "const until = performance.now() + 2000;\nwhile (performance.now() < until);";
    const imports = 'import { runModel } from "../dist/model.js";\nimport { THROWS } from "./lib/models";';
    appendCell(project.root, "01-price.ipynb", `${imports}\n(globalThis as { THROW?: boolean }).THROW = true;\ntry {\n  runModel(THROWS, nb.assumptions, nb.montecarlo);\n} catch {\n  // failed: the notebook goes on\n}`);
    // ~8 s more of this notebook, each cell well within the limit: a claim held to the notebook's end would keep the other chapter's cell waiting past its own.
    for (let i = 0; i < 4; i++) appendCell(project.root, "01-price.ipynb", busy.replace(/until/g, `until${i}`));
    appendCell(project.root, "02-claims.ipynb", busy.replace("2000", "1500"));
    appendCell(project.root, "02-claims.ipynb", run);
    const build = buildOf(project, "--timeout", "4");
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/^execute: notebooks\/02-claims\.ipynb executed in [\d.]+ s \(first run\); model runs: 0 kept, 1 computed$/m);
  } finally {
    project.remove();
  }
}, 60_000);
