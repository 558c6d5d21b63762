/**
 * The report build as a user runs it (`node dist/cli.cjs build`, a fresh process each time), in the
 * order an analyst meets them: cold HTML build (type check of every chapter included), no-op
 * rebuild, one-assumption rebuild, and the PDF step on top. Each row: wall time, CPU time (user +
 * sys of the whole process, worker threads included: the honest number on a shared machine) and
 * peak memory, with ratios to the cold build measured in the same run.
 *
 * "Cold" means: no out/build and no out/.cache (no executed notebooks, compiled cells, type checks,
 * rendered charts or page). What is NOT cold: node_modules/.cache/fragtax, the install's derived
 * files (the compiled Vega-Lite schema validator, font subsets, the minified chart runtime), which
 * a first build writes once per install and every later build of any project reads.
 *
 * Uses the repository's own report when notebooks/report.yaml exists, else the test fixture project.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { changeOneAssumption } from "./assumption-change";
import type { BenchTable } from "./table";

const repo = resolve(import.meta.dirname, "..");

function project(): { root: string; name: string } {
  const own = existsSync(join(repo, "notebooks", "report.yaml"));
  const root = mkdtempSync(join(tmpdir(), "fragtax-bench-report-"));
  cpSync(join(repo, own ? "notebooks" : "test/fixtures/project/notebooks"), join(root, "notebooks"), { recursive: true, filter: (path) => !path.includes(".ipynb_checkpoints") });
  for (const link of ["src", "node_modules", "package.json", "package-lock.json", "tsconfig.json"]) if (existsSync(join(repo, link))) symlinkSync(join(repo, link), join(root, link));
  return { root, name: own ? "notebooks/ (the report)" : "test/fixtures/project" };
}

interface Run {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly executed: string;
  /** Whether this run unpacked the packaged Chromium (the first print of an install). */
  readonly unpacked: boolean;
}

// A tiny CommonJS wrapper: run the CLI in this process, then report its CPU time and peak RSS on exit.
// CommonJS as the bin is: an ES module wrapper made Node start its ES module loader first, ~15 ms of
// every process that `node dist/cli.cjs build` does not spend (measured: a no-op build 189 ms through
// an ESM wrapper, 175 through this one, 171 run directly; 12 runs each).
const WRAPPER = [
  `process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write("USAGE " + u.maxRSS + " " + (u.userCPUTime + u.systemCPUTime) + "\\n"); });`,
  `require(${JSON.stringify(join(repo, "dist", "cli.cjs"))});`,
].join("\n");

// A file, not `node -e`: the engine's worker threads inherit execArgv, and `--input-type` would break them.
function runBuild(root: string, pdf: boolean): Run {
  const wrapper = join(root, "bench-wrapper.cjs");
  writeFileSync(wrapper, WRAPPER);
  const args = [wrapper, "build", "--root", root, ...(pdf ? [] : ["--no-pdf"])];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
  const [, kb, cpuUs] = /USAGE (\d+) (\d+)/.exec(result.stderr) ?? [];
  const log = JSON.parse(readFileSync(join(root, "out", "build", "build-log.json"), "utf8")) as { notebooks: Array<{ status: string }> };
  const executed = `${log.notebooks.filter((entry) => entry.status === "executed").length}/${log.notebooks.length}`;
  const unpacked = /unpacking the packaged Chromium/.test(result.stderr);
  return { ms, cpuMs: Number(cpuUs) / 1000, maxRssMb: Number(kb) / 1024, executed, unpacked };
}


/** How many times the cold / no-op / one-assumption sequence runs, each in a fresh copy: medians, not one draw of a noisy machine. */
const SEQUENCES = 3;

/** How many times the PDF step is measured (a no-op, then a build printing its PDF). */
const PDF_RUNS = 3;

interface Sequence {
  readonly cold: Run;
  readonly noop: Run;
  readonly one: Run;
  readonly id: string;
}

function sequence(root: string): Sequence {
  const cold = runBuild(root, false);
  const noop = runBuild(root, false);
  const id = changeOneAssumption(join(root, "notebooks", "assumptions.yaml"));
  const one = runBuild(root, false);
  return { cold, noop, one, id };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The run of median wall time among `runs` (its CPU and memory come with it). */
const medianRun = (runs: readonly Run[]): Run => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)] as Run;

export default async function reportBench(): Promise<BenchTable[]> {
  const projects = Array.from({ length: SEQUENCES }, () => project());
  const { name } = projects[0] as { name: string };
  try {
    const runs = projects.map(({ root }) => sequence(root));
    const last = projects.at(-1)?.root as string;
    // The PDF step, PDF_RUNS times: a no-op, then the same build printing its PDF (the PDF removed
    // first, so each prints afresh). The first print of an install also unpacks the packaged Chromium
    // (once per install, as the other per-install caches are made once), so that run is left out
    // of the median and said apart when it happened.
    const printOnce = () => {
      rmSync(join(last, "out", "build", "report.pdf"), { force: true });
      const again = runBuild(last, false);
      return { again, withPdf: runBuild(last, true) };
    };
    const first = printOnce();
    const firstPrint = first.withPdf.unpacked ? first : undefined;
    const pdfRuns = [...(firstPrint === undefined ? [first] : []), ...Array.from({ length: PDF_RUNS - (firstPrint === undefined ? 1 : 0) }, printOnce)];
    if (pdfRuns.some(({ withPdf }) => withPdf.unpacked)) throw new Error("a print after the first unpacked the packaged Chromium again");
    const steps = pdfRuns.map(({ again, withPdf }) => ({ ...withPdf, ms: withPdf.ms - again.ms, cpuMs: withPdf.cpuMs - again.cpuMs }));
    const cold = medianRun(runs.map((run) => run.cold));
    // Each ratio against the cold build of its own sequence (the same moment of the machine), then the median.
    const row = (step: string, pick: (s: Sequence) => Run, target: string) => {
      const run = medianRun(runs.map(pick));
      return {
        step,
        "wall ms": Math.round(run.ms),
        "CPU ms": Math.round(run.cpuMs),
        "× cold (wall)": median(runs.map((s) => pick(s).ms / s.cold.ms)),
        "× cold (CPU)": median(runs.map((s) => pick(s).cpuMs / s.cold.cpuMs)),
        "peak RSS MB": Math.round(run.maxRssMb),
        executed: run.executed,
        target,
      };
    };
    const pdf = medianRun(steps);
    const rows = [
      row("cold HTML build (type check included)", (s) => s.cold, "≤ 2000 ms"),
      row("no-op rebuild (nothing changed)", (s) => s.noop, "≤ 400 ms"),
      row(`one-assumption rebuild (${runs[0]?.id ?? "?"})`, (s) => s.one, "≤ 0.30 × cold"),
      {
        step: "PDF step (build with PDF − no-op)",
        "wall ms": Math.round(pdf.ms),
        "CPU ms": Math.round(pdf.cpuMs),
        "× cold (wall)": pdf.ms / cold.ms,
        "× cold (CPU)": pdf.cpuMs / cold.cpuMs,
        "peak RSS MB": Math.round(pdf.maxRssMb),
        executed: pdf.executed,
        target: "≤ 4000 ms more",
      },
    ];
    return [{
      title: `fragtax build, fresh process per run (${name})`,
      rows,
      notes: [
        `Cold, no-op and one-assumption: ${SEQUENCES} sequences, each in a fresh copy of the project; each row is the run of median wall time, each ratio the median of the ${SEQUENCES} ratios to the cold build of the same sequence. The PDF step: ${steps.length} prints on the last copy, each against a no-op just before it (${steps.map((step) => Math.round(step.ms)).join(" / ")} ms)${firstPrint === undefined ? "" : `, after a first print that also unpacked the packaged Chromium, once per install (${Math.round(firstPrint.withPdf.ms - firstPrint.again.ms)} ms, not counted)`}. Walls of every sequence: cold ${runs.map((s) => Math.round(s.cold.ms)).join(" / ")}, no-op ${runs.map((s) => Math.round(s.noop.ms)).join(" / ")}, one-assumption ${runs.map((s) => Math.round(s.one.ms)).join(" / ")} ms.`,
        "Cold: no out/build, no out/.cache. Kept: node_modules/.cache/fragtax (per install: compiled chart-schema validator, font subsets, minified chart runtime).",
        "CPU = user + sys of the whole process (worker threads included). Peak RSS likewise; Chromium's own processes are not counted.",
      ],
    }];
  } finally {
    for (const { root } of projects) rmSync(root, { recursive: true, force: true });
  }
}
