import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { notebook, type TslabLike } from "../../src/api/index";
import { RUN_CONTEXT, type RunContext } from "../../src/api/context";
import type { Assumption } from "../../src/assumptions/types";
import type { ClaimRecord, FigureRecord } from "../../src/api/types";

interface Shown {
  readonly mime: string;
  readonly data: unknown;
}

function fakeTslab(context?: RunContext): { tslab: TslabLike; shown: Shown[] } {
  const shown: Shown[] = [];
  const display = {
    markdown: (text: string) => shown.push({ mime: "text/markdown", data: text }),
    html: (text: string) => shown.push({ mime: "text/html", data: text }),
    raw: (mime: string, data: unknown) => shown.push({ mime, data }),
  };
  const tslab = { display } as TslabLike & Record<symbol, unknown>;
  if (context !== undefined) tslab[RUN_CONTEXT] = context;
  return { tslab, shown };
}

const price: Assumption = {
  id: "h100_usd_per_gpu_hour",
  label: "H100 rental price",
  unit: "USD/GPU-hour",
  range: { low: 2, high: 3 },
  distribution: "lognormal",
  source: { title: "Analyst essay", date: "2026-04-28" },
  position: { file: "assumptions.yaml", line: 3, column: 5 },
};

function recordingContext(): RunContext & { figures: FigureRecord[]; claims: ClaimRecord[] } {
  const figures: FigureRecord[] = [];
  const claims: ClaimRecord[] = [];
  const reads: string[] = [];
  return {
    figures,
    claims,
    assumptions: {
      get: (id) => {
        reads.push(id);
        if (id !== price.id) throw new Error(`unknown ${id}`);
        return price;
      },
      readIds: () => reads,
      all: () => [price],
      catalog: () => [price],
    },
    montecarlo: { samples: 2000, seed: 7 },
    recordFigure: (figure) => figures.push(figure),
    recordClaim: (claim) => claims.push(claim),
  };
}

describe("notebook API in build mode", () => {
  it("records figures and claims into the run context and displays them", () => {
    const context = recordingContext();
    const { tslab, shown } = fakeTslab(context);
    const nb = notebook(tslab);
    expect(nb.montecarlo).toEqual({ samples: 2000, seed: 7 });
    expect(nb.assumptions.get("h100_usd_per_gpu_hour").label).toBe("H100 rental price");
    expect(context.assumptions.readIds()).toEqual(["h100_usd_per_gpu_hour"]);

    const cost = nb.figure({ id: "run_cost", label: "Training run <cost>", unit: "USD", format: "usd", summary: { mean: 29e6, p5: 20.1e6, p25: 25e6, p50: 28.8e6, p75: 33e6, p95: 40.2e6 } });
    nb.claim({ id: "c1", claim: "A run costs $100M", stated: { low: 90e6, high: 110e6 }, computed: { low: 20e6, high: 40e6, p50: 28.8e6 }, unit: "USD", format: "usd", verdict: "overstated", factor: 3.3 });
    expect(context.figures).toEqual([cost]);
    expect(context.claims.map((claim) => claim.verdict)).toEqual(["overstated"]);
    expect(shown[0]?.mime).toBe("text/html");
    expect(String(shown[0]?.data)).toContain("Training run &lt;cost&gt;");
    expect(String(shown[0]?.data)).toContain("$28.8M (90% interval $20.1M\u2013$40.2M)");
    expect(String(shown[1]?.data)).toContain("overstated 3.3×");

    const shownNothingBack = nb.md`The run costs ${cost}, about ${nb.fmt(0.12, "percent")} of revenue.`;
    expect(shownNothingBack).toBeUndefined();
    expect(shown[2]).toEqual({ mime: "text/markdown", data: "The run costs \\$28.8M (90% interval \\$20.1M\u2013\\$40.2M), about 12% of revenue." });

    const spec = { mark: "bar" as const, data: { values: [{ a: 1 }] }, encoding: { x: { field: "a", type: "quantitative" as const } } };
    nb.chart(spec);
    expect(shown[3]).toEqual({ mime: "application/vnd.vegalite.v5+json", data: spec });
  });

  it("refuses a figure with NaN or with both value and summary, and md with an object", () => {
    const { tslab } = fakeTslab(recordingContext());
    const nb = notebook(tslab);
    expect(() => nb.figure({ id: "x", label: "X", unit: "USD", format: "usd", value: Number.NaN })).toThrow(/not a finite number/);
    expect(() => nb.figure({ id: "y", label: "Y", unit: "USD", format: "usd" })).toThrow(/exactly one/);
    expect(() => nb.md`value ${{ a: 1 }}`).toThrow(/nb\.md: value #1/);
  });
});

describe("notebook API in Jupyter mode", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("finds report.yaml above the kernel's folder and only displays", () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-api-"));
    const notebooks = join(dir, "notebooks");
    mkdirSync(join(notebooks, "drafts"), { recursive: true });
    writeFileSync(join(notebooks, "report.yaml"), "title: T\nchapters: [a.ipynb]\nmontecarlo: { samples: 500, seed: 3 }\n");
    writeFileSync(join(notebooks, "assumptions.yaml"), "assumptions: []\n");
    const loaded: string[] = [];
    const { tslab, shown } = fakeTslab();
    const nb = notebook(tslab, {
      cwd: join(notebooks, "drafts"),
      loadAssumptions: (file) => {
        loaded.push(file);
        return { get: () => price, readIds: () => [], all: () => [price], catalog: () => [price] };
      },
    });
    expect(loaded).toEqual([join(notebooks, "assumptions.yaml")]);
    expect(nb.montecarlo).toEqual({ samples: 500, seed: 3 });
    nb.figure({ id: "n", label: "GPUs", unit: "GPUs", format: "count", value: 12_000 });
    expect(String(shown[0]?.data)).toContain("12,000 GPUs");
  });
});

describe("notebook API in Jupyter mode with the real assumptions registry", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads report.yaml and assumptions.yaml from a temp project and tracks reads", () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-api-real-"));
    const notebooks = join(dir, "notebooks");
    mkdirSync(notebooks, { recursive: true });
    writeFileSync(join(notebooks, "report.yaml"), "title: T\nchapters: [a.ipynb]\n");
    writeFileSync(
      join(notebooks, "assumptions.yaml"),
      [
        "assumptions:",
        "  - id: h100_usd_per_gpu_hour",
        "    label: H100 rental price",
        "    unit: USD/GPU-hour",
        "    range: { low: 2, high: 3 }",
        "    kind: source",
        "    source: { title: Essay, date: 2026-04-28 }",
        "",
      ].join("\n"),
    );
    const { tslab } = fakeTslab();
    const nb = notebook(tslab, { cwd: notebooks });
    expect(nb.assumptions.get("h100_usd_per_gpu_hour").range).toEqual({ low: 2, high: 3 });
    expect(nb.assumptions.readIds()).toEqual(["h100_usd_per_gpu_hour"]);
    expect(nb.assumptions.all()).toHaveLength(1);
    expect(nb.montecarlo).toEqual({ samples: 10_000, seed: 20260428 });
    expect(() => nb.assumptions.get("h100_usd_per_gpu_hr")).toThrow(/h100_usd_per_gpu_hour/);
  });
});
