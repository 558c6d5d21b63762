import { EVERY_ASSUMPTION } from "../../src/assumptions/types";
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebook } from "../../src/notebook/execute";
import type { CodeCell } from "../../src/notebook/nbformat";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());

temp.write("package.json", '{ "name": "report-fixture", "private": true }\n');
temp.write("notebooks/report.yaml", "title: Test\nassumptions: assumptions.yaml\nchapters: [a.ipynb]\nmontecarlo: { samples: 500, seed: 7 }\n");
temp.write(
  "notebooks/assumptions.yaml",
  [
    "assumptions:",
    "  - id: h100_usd_per_gpu_hour",
    "    label: H100 rental price",
    "    unit: USD/GPU-hour",
    "    range: { low: 2, high: 3 }",
    '    kind: source',
    '    source: { title: "Test source", date: "2026-04-28" }',
    "  - id: training_run_gpu_hours",
    "    label: GPU-hours per run",
    "    unit: GPU-hours",
    "    value: 1000",
    '    kind: source',
    '    source: { title: "Test source", date: "2026-04-28" }',
    "",
  ].join("\n"),
);

const context = 'import * as tslab from "tslab";\nconst ctx = (tslab as any)[Symbol.for("fragtax.run-context")];';

describe("the run context under Symbol.for('fragtax.run-context')", () => {
  it("loads the report's assumptions, tracks reads and records figures and claims stamped with notebook and cell", async () => {
    const file = temp.notebook("notebooks/a.ipynb", {
      cells: [
        context,
        'const price = ctx.assumptions.get("h100_usd_per_gpu_hour");\nconsole.log(price.range.high, ctx.montecarlo.samples, ctx.montecarlo.seed, ctx.assumptions.all().length);',
        { markdown: "figures" },
        'ctx.recordFigure({ id: "cost", label: "Cost", unit: "USD", format: "usd", value: ctx.assumptions.get("training_run_gpu_hours").value * 2 });',
        'ctx.recordClaim({ id: "c1", claim: "x", stated: { low: 1, high: 2 }, computed: { low: 1, high: 2 }, unit: "USD", format: "usd", verdict: "consistent", factor: 1 });',
      ],
    });
    const run = await executeNotebook(file);
    expect(run.status).toBe("ok");
    expect((run.executed.cells[1] as CodeCell).outputs).toEqual([{ output_type: "stream", name: "stdout", text: "3 500 7 2\n" }]);
    // all() is a read of the list and of each assumption in it (an added input re-runs the notebook).
    expect(run.assumptionsRead).toEqual(["h100_usd_per_gpu_hour", EVERY_ASSUMPTION, "training_run_gpu_hours"]);
    expect(run.figures).toEqual([{ id: "cost", label: "Cost", unit: "USD", format: "usd", value: 2000, notebook: "notebooks/a.ipynb", cell: 4 }]);
    expect(run.claims).toMatchObject([{ id: "c1", verdict: "consistent", notebook: "notebooks/a.ipynb", cell: 5 }]);
  });

  it("applies overrides passed by the caller", async () => {
    const file = temp.notebook("notebooks/b.ipynb", { cells: [context, 'ctx.assumptions.get("training_run_gpu_hours").value'] });
    const run = await executeNotebook(file, { overrides: [{ id: "training_run_gpu_hours", value: 5 }] });
    expect((run.executed.cells[1] as CodeCell).outputs[0]).toMatchObject({ data: { "text/plain": "5" } });
  });

  it("fails the cell that reads an unknown assumption id, naming the nearest ids", async () => {
    const file = temp.notebook("notebooks/c.ipynb", { cells: [context, 'const ok = 1;\nconst p = ctx.assumptions.get("h100_usd_per_gpu_hr");'] });
    const run = await executeNotebook(file);
    expect(run.status).toBe("failed");
    // At the misspelled string itself, not at `ctx.assumptions.get(`.
    expect(run.error).toMatchObject({ kind: "runtime", cell: 2, line: 2, column: 31, ename: "UnknownAssumptionError" });
    // Named relative to the project, as every other message names files (not the absolute path).
    expect(run.error?.evalue).toContain('unknown assumption "h100_usd_per_gpu_hr" (not in notebooks/assumptions.yaml); did you mean "h100_usd_per_gpu_hour"');
    expect(run.assumptionsRead).toEqual(["h100_usd_per_gpu_hr"]);
  });

  it("locates an unknown id at the string the cell wrote, lines away from the read; a computed id at the read", async () => {
    const ids = 'const ids: Record<string, string> = {\n  price: "h100_usd_per_gpu_hour",\n  hours: "training_run_gpu_hrs",\n};\n';
    const file = temp.notebook("notebooks/d.ipynb", { cells: [context, `${ids}for (const key of Object.keys(ids)) ctx.assumptions.get(ids[key]);`] });
    const run = await executeNotebook(file);
    expect(run.error).toMatchObject({ cell: 2, line: 3, column: 10, ename: "UnknownAssumptionError" });
    expect(run.error?.frame).toContain('> 3 |   hours: "training_run_gpu_hrs",\n    |          ^');
    const computed = temp.notebook("notebooks/e.ipynb", { cells: [context, 'const stem = "training_run_gpu";\nctx.assumptions.get(`${stem}_hrs`);'] });
    const second = await executeNotebook(computed);
    expect(second.error).toMatchObject({ cell: 2, line: 2, ename: "UnknownAssumptionError" });
  });

  it("reports an invalid assumptions file on the first cell, with the file's line", async () => {
    const dir = new TempDir();
    try {
      dir.write("package.json", "{}\n");
      dir.write("notebooks/report.yaml", "title: Bad\nassumptions: assumptions.yaml\nchapters: [x.ipynb]\n");
      dir.write("notebooks/assumptions.yaml", "assumptions:\n  - id: Not-Snake\n    label: x\n");
      const file = dir.notebook("notebooks/x.ipynb", { cells: [{ markdown: "m" }, "1", "2"] });
      const run = await executeNotebook(file);
      expect(run.status).toBe("failed");
      expect(run.error).toMatchObject({ kind: "runtime", cell: 2, ename: "AssumptionError" });
      expect(run.error?.evalue).toMatch(/assumptions\.yaml:2:/);
      expect(run.cellsRun).toBe(1);
    } finally {
      dir.cleanup();
    }
  });
});
