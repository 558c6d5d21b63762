/**
 * `fragtax run` on a notebook of a project:
 * - it hands the notebook thread the assumptions the last build parsed, while assumptions.yaml is
 *   byte-for-byte what was parsed, and parses the file again once it changed (the cached entry is
 *   altered on purpose, same key and another price, so which one a run used shows in its output);
 * - it prints the build's chart-field warnings, and fails on a chart data file that is not there;
 * - it writes into out/build/executed/ under the build lock, after a build under way has finished.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processStartTime } from "../../src/util/lock";
import { codeNotebookJson, tempProject } from "../project";
import { sealedJson, unsealedJson } from "../../src/util/sealed";

const project = tempProject();
afterAll(() => project.remove());
const cli = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");

function runHigh(): string {
  const out = join(project.root, "out", "run.ipynb");
  const run = spawnSync("node", [cli, "run", join(project.root, "notebooks", "price.ipynb"), "--out", out], { encoding: "utf8", timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  const cells = (JSON.parse(readFileSync(out, "utf8")) as { cells: Array<{ outputs: Array<{ data?: Record<string, string> }> }> }).cells;
  return cells[0]?.outputs[0]?.data?.["text/plain"] ?? "";
}

describe("fragtax run and the build's parsed assumptions", () => {
  it("uses them while the file is unchanged, and parses the file again after an edit", () => {
    writeFileSync(join(project.root, "notebooks", "price.ipynb"), codeNotebookJson(['import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nnotebook(tslab).assumptions.get("h100_usd_per_gpu_hour").range?.high']));
    const file = join(project.root, "notebooks", "assumptions.yaml");
    const cacheDir = join(project.root, "out", ".cache");
    // A build parses the file and caches it (under the stamp of the CLI's own code, as run reads it).
    const build = spawnSync("node", [cli, "build", "--no-pdf", "--root", project.root], { encoding: "utf8", timeout: 120_000 });
    expect(build.status, build.stderr).toBe(0);
    expect(runHigh()).toBe("3");

    const entryFile = join(cacheDir, "inputs", "assumptions.json");
    const entry = unsealedJson(readFileSync(entryFile, "utf8"), basename(entryFile)) as { value: { assumptions: Array<{ id: string; range?: { high: number } }> } };
    entry.value.assumptions.find((a) => a.id === "h100_usd_per_gpu_hour")!.range!.high = 4.5;
    writeFileSync(entryFile, sealedJson(entry, basename(entryFile))); // sealed again (sealed.ts): an edit without its seal is a miss
    expect(runHigh()).toBe("4.5"); // the cached entry was used: no YAML parse in the notebook thread

    writeFileSync(file, readFileSync(file, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3.5 }"));
    expect(runHigh()).toBe("3.5"); // the file changed: parsed again, the entry ignored
  });
});

describe("fragtax run and an unreadable report.yaml", () => {
  it("runs the notebook on the defaults, as in Jupyter, and warns that it did (it ran them unsaid)", () => {
    const config = join(project.root, "notebooks", "report.yaml");
    const text = readFileSync(config, "utf8");
    writeFileSync(join(project.root, "notebooks", "price.ipynb"), codeNotebookJson(['import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nnotebook(tslab).assumptions.get("h100_usd_per_gpu_hour").range?.high']));
    try {
      writeFileSync(config, `${text}title: "never closed\n`);
      const run = spawnSync("node", [cli, "run", join(project.root, "notebooks", "price.ipynb"), "--out", "-"], { encoding: "utf8", timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain("warning: notebooks/report.yaml cannot be read (it is not valid YAML): this run used the defaults (assumptions.yaml beside it, the default samples and seed); `fragtax build` says where the problem is");
      writeFileSync(config, text);
      const fine = spawnSync("node", [cli, "run", join(project.root, "notebooks", "price.ipynb"), "--out", "-"], { encoding: "utf8", timeout: 60_000 });
      expect(fine.stderr).not.toContain("cannot be read");
      // A readable file with a misspelt Monte Carlo key: the run used the default, and now says so.
      writeFileSync(config, `${text.replace(/^montecarlo:.*\n/m, "")}montecarlo: { sample: 200, seed: 1 }\n`);
      const misspelt = spawnSync("node", [cli, "run", join(project.root, "notebooks", "price.ipynb"), "--out", "-"], { encoding: "utf8", timeout: 60_000 });
      expect(misspelt.status, misspelt.stderr).toBe(0);
      expect(misspelt.stderr).toMatch(/warning: notebooks\/report\.yaml: unknown key "montecarlo\.sample"; did you mean "samples"\?: this run used samples \d+ and seed 1; `fragtax build` refuses it, located/);
    } finally {
      writeFileSync(config, text);
    }
  });
});

/** `fragtax run` of a notebook of two cells, the API's set-up and `cell`, written as `name`.ipynb in the project. */
function runCell(name: string, cell: string) {
  writeFileSync(join(project.root, "notebooks", `${name}.ipynb`), codeNotebookJson(['import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nconst nb = notebook(tslab);', cell]));
  return spawnSync("node", [cli, "run", join(project.root, "notebooks", `${name}.ipynb`), "--out", join(project.root, "out", `${name}.ipynb`)], { encoding: "utf8", timeout: 60_000 });
}

describe("fragtax run and charts", () => {
  it("fails, as the build does, on a chart field that is not in the chart's data (exit 1; it was a warning, exit 0, and the chart drawn empty)", () => {
    const run = runCell("chart", 'nb.chart({ title: "Counts", description: "Bars", data: { values: [{ a: "x", count: 2 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "cuont", type: "quantitative" } } });');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('notebooks/chart.ipynb: cell 2, line 1, column 165: chart field "cuont" (at encoding.y.field) is not in the chart\'s data; did you mean "count"?');
    // With the cell's code frame under it, its caret at the field's name, as the engine's own errors have.
    expect(run.stderr).toMatch(/\n> 1 \| nb\.chart\(\{ title: "Counts"[^\n]*\n {4}\| {165}\^\n/);
    expect(run.stderr).not.toContain("warning: notebooks/chart.ipynb");
    // After the summary of the cells, which reads as success, what still fails the notebook.
    expect(run.stderr).toContain("ran 2 code cells");
    expect(run.stderr).toContain("the cells ran, but the chart problem above would fail `fragtax build`: fix it and run again");
  });

  it("fails, as the build does, on a chart field that a CSV file it reads lacks (its header is read as the build reads it; run passed it, exit 0)", () => {
    writeFileSync(join(project.root, "notebooks", "energy.csv"), "part,usd\np5,1\nmedian,2\np95,3\n");
    const run = runCell("chart-csv", 'nb.chart({ title: "Energy", description: "Bars", data: { url: "energy.csv" }, mark: "bar", encoding: { x: { field: "part", type: "nominal" }, y: { field: "usdd", type: "quantitative" } } });');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/notebooks\/chart-csv\.ipynb: cell 2, line 1, column \d+: chart field "usdd" \(at encoding\.y\.field\) is not in the chart's data; did you mean "usd"\?/);
    expect(run.stderr).toContain("the cells ran, but the chart problem above would fail `fragtax build`: fix it and run again");
    // Spelt as the header has it, the run passes.
    const fixed = runCell("chart-csv", 'nb.chart({ title: "Energy", description: "Bars", data: { url: "energy.csv" }, mark: "bar", encoding: { x: { field: "part", type: "nominal" }, y: { field: "usd", type: "quantitative" } } });');
    expect(fixed.status, fixed.stderr).toBe(0);
  });

  it("warns, as the build does, of a chart whose data has no rows (it drew empty axes without a word)", () => {
    const run = runCell("chart-empty", 'const rows = [{ a: "x", count: 2 }].filter((r) => r.count < 0);\nnb.chart({ title: "Counts", description: "Bars", data: { values: rows }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "count", type: "quantitative" } } });');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("warning: notebooks/chart-empty.ipynb: cell 2: the chart's data has no rows, so it draws its axes and nothing else");
  });

  it("fails, as the build does, on a key the schema knows nowhere in a spec built in a variable (the type check cannot see it; it ran silently, exit 0)", () => {
    const run = runCell("chart-variable", 'const spec = { data: { values: [{ a: 1 }] }, mark: "bar", encoding: { y: { feild: "a", type: "quantitative" } } };\nnb.chart(spec as any);');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('notebooks/chart-variable.ipynb: cell 2, line 1, column 76: chart spec: unknown key "feild" at encoding.y; did you mean "field"?');
    expect(run.stderr).toContain("the cells ran, but the chart problem above would fail `fragtax build`: fix it and run again");
  });

  it("fails, as the build does, on a chart whose data file is not there (exit 1; it said 'ran 2 cells', exit 0)", () => {
    const run = runCell("chart-data", 'nb.chart({ title: "Counts", description: "Bars", data: { url: "data/missing.csv" }, mark: "bar", encoding: { x: { field: "a", type: "nominal" } } });');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('notebooks/chart-data.ipynb: cell 2, line 1, column 63: the Vega-Lite chart could not be rendered: "data/missing.csv" was not found (notebooks/data/missing.csv); paths are relative to the notebook\'s folder, as in JupyterLab. Correct the path or add the file.');
  });

  it("fails, as the build does, on a figure id declared twice (exit 1; it said 'ran 2 cells', exit 0)", () => {
    const run = runCell("twice", 'for (const region of ["eu", "us"]) nb.figure({ id: "regional_cost", label: `Cost in ${region}`, unit: "USD", format: "usd", value: 1 });');
    expect(run.status, run.stderr).toBe(1);
    // One literal in a loop: both declarations are at it.
    expect(run.stderr).toContain("figure or claim ids declared more than once: regional_cost (notebooks/twice.ipynb: cell 2, line 1, column 52, notebooks/twice.ipynb: cell 2, line 1, column 52); give each its own id");
  });

  it("names each declaration of an id given twice in one cell by its line and column", () => {
    const run = runCell("twice-in-a-cell", 'const note = "energy_mwh is the id";\nnb.figure({ id: "energy_mwh", label: "Energy", unit: "MWh", format: "number", value: 1 });\nnb.figure({ id: \'energy_mwh\', label: "Energy again", unit: "MWh", format: "number", value: 2 });');
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain("energy_mwh (notebooks/twice-in-a-cell.ipynb: cell 2, line 2, column 17, notebooks/twice-in-a-cell.ipynb: cell 2, line 3, column 17)");
  });
});

describe("fragtax run and a build under way", () => {
  it("writes into out/build/executed/ only once the build holding out/.build.lock has finished, saying it waits", async () => {
    writeFileSync(join(project.root, "notebooks", "waits.ipynb"), codeNotebookJson(["1 + 1"]));
    // A build under way, as its lock says: a live process (sleep) that started when the lock says.
    const sleeper = spawn("sleep", ["3"]);
    const pid = sleeper.pid as number;
    const ended = new Promise<number>((resolve) => sleeper.once("exit", () => resolve(Date.now())));
    mkdirSync(join(project.root, "out"), { recursive: true });
    writeFileSync(join(project.root, "out", ".build.lock"), `${pid}\n${new Date().toISOString()}\n${processStartTime(pid) ?? ""}\n`);
    // Not spawnSync: this process must reap the sleeper when it ends (a zombie's pid is still alive).
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn("node", [cli, "run", join(project.root, "notebooks", "waits.ipynb")]);
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("close", (status) => resolve({ status, stderr }));
    });
    const endedAt = await ended;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`waiting for the build running as pid ${pid} to finish`);
    const written = join(project.root, "out", "build", "executed", "waits.ipynb");
    expect(statSync(written).mtimeMs).toBeGreaterThanOrEqual(endedAt - 50);
    expect(existsSync(join(project.root, "out", ".build.lock"))).toBe(false);
  });
});
