/**
 * The report build as a user runs it (`node dist/cli.js build`, a fresh process each time):
 * cold HTML build (empty notebook cache), no-op rebuild (every chapter reused), the PDF step on
 * top, and peak memory (max RSS, engine workers included) of the HTML-only build.
 * Uses the repository's own report when notebooks/report.yaml exists, else the test fixture project.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BenchTable } from "./table";

const repo = resolve(import.meta.dirname, "..");

function project(): { root: string; name: string } {
  const own = existsSync(join(repo, "notebooks", "report.yaml"));
  const root = mkdtempSync(join(tmpdir(), "fragtax-bench-report-"));
  cpSync(join(repo, own ? "notebooks" : "test/fixtures/project/notebooks"), join(root, "notebooks"), { recursive: true });
  for (const link of ["src", "node_modules", "package.json", "package-lock.json"]) symlinkSync(join(repo, link), join(root, link));
  return { root, name: own ? "notebooks/ (the report)" : "test/fixtures/project" };
}

interface Run {
  readonly ms: number;
  readonly maxRssMb: number;
}

// A tiny ESM wrapper: run the CLI in this process, then report its peak RSS on exit.
const WRAPPER = [
  `process.on("exit", () => process.stderr.write("MAXRSS_KB " + process.resourceUsage().maxRSS + "\\n"));`,
  `await import(${JSON.stringify(join(repo, "dist", "cli.js"))});`,
].join("\n");

// A file, not `node -e`: the engine's worker threads inherit execArgv, and `--input-type` would break them.
function runBuild(root: string, pdf: boolean): Run {
  const wrapper = join(root, "bench-wrapper.mjs");
  writeFileSync(wrapper, WRAPPER);
  const args = [wrapper, "build", "--root", root, ...(pdf ? [] : ["--no-pdf"])];
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
  const kb = Number(/MAXRSS_KB (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { ms, maxRssMb: kb / 1024 };
}

export default async function reportBench(): Promise<BenchTable[]> {
  const { root, name } = project();
  try {
    const cold = runBuild(root, false);
    const noop = runBuild(root, false);
    const withPdf = runBuild(root, true);
    const pdfMs = withPdf.ms - noop.ms;
    const rows = [
      { step: "cold HTML build (empty cache)", ms: Math.round(cold.ms), "× cold": 1, "peak RSS MB": Math.round(cold.maxRssMb), target: "≤ 2000 ms, ≤ 300 MB" },
      { step: "no-op rebuild (all reused)", ms: Math.round(noop.ms), "× cold": noop.ms / cold.ms, "peak RSS MB": Math.round(noop.maxRssMb), target: "" },
      { step: "PDF step (build with PDF − no-op)", ms: Math.round(pdfMs), "× cold": pdfMs / cold.ms, "peak RSS MB": Math.round(withPdf.maxRssMb), target: "≤ 4000 ms more" },
    ];
    return [{ title: `fragtax build, fresh process per run (${name})`, rows, notes: ["Peak RSS is the Node process (engine worker threads included); Chromium's own processes are not counted."] }];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
