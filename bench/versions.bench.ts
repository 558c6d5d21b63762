/**
 * Rebuild costs with the REAL engine and `build()`: full cold build, one-assumption rebuild and no-op
 * rebuild, as times, notebooks executed and ratios to the cold build, all in the same run.
 *
 * The project is the real report when `notebooks/report.yaml` exists, else the three-notebook
 * fixture (test/fixtures/incremental); either way a copy in a temporary folder (src/ and
 * node_modules linked), so the bench never touches this checkout's out/. HTML only, so the whole
 * bench stays under 3 minutes (report.bench.ts measures the PDF step); BENCH_PDF=1 prints it too
 * (the fixture's report.yaml is then switched to pdf: true).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build, FileBuildEffects } from "../src/build/pipeline";
import { changeOneAssumption } from "./assumption-change";
import type { BenchTable } from "./table";

const repo = resolve(import.meta.dirname, "..");

function tempCopy(): { root: string; name: string } {
  const real = existsSync(join(repo, "notebooks", "report.yaml"));
  const from = real ? join(repo, "notebooks") : join(repo, "test", "fixtures", "incremental", "notebooks");
  const root = mkdtempSync(join(tmpdir(), "fragtax-bench-versions-"));
  cpSync(from, join(root, "notebooks"), { recursive: true, filter: (path) => !path.includes(".ipynb_checkpoints") });
  symlinkSync(join(repo, "src"), join(root, "src"), "dir");
  symlinkSync(join(repo, "node_modules"), join(root, "node_modules"), "dir");
  for (const file of ["package.json", "package-lock.json"]) if (existsSync(join(repo, file))) cpSync(join(repo, file), join(root, file));
  // The fixture prints no PDF for speed in tests; the bench prints one, as the real report does.
  if (!real) writeFileSync(join(root, "notebooks", "report.yaml"), readFileSync(join(root, "notebooks", "report.yaml"), "utf8").replace("pdf: false", "pdf: true"));
  return { root, name: real ? "the report (notebooks/report.yaml)" : "the fixture project (test/fixtures/incremental)" };
}


export default async function bench(): Promise<BenchTable[]> {
  const { root, name } = tempCopy();
  try {
    const pdf = process.env.BENCH_PDF === "1";
    const run = async () => {
      const started = performance.now();
      const lines: string[] = [];
      const result = await build({ root, pdf }, new FileBuildEffects((line) => lines.push(line)));
      const ms = performance.now() - started;
      const log = JSON.parse(readFileSync(join(root, "out", "build", "build-log.json"), "utf8")) as { notebooks: Array<{ status: string }>; pdf: { status: string } };
      return { ms, executed: log.notebooks.filter((entry) => entry.status === "executed").length, total: log.notebooks.length, pdf: log.pdf.status, exit: result.exitCode };
    };
    const cold = await run();
    const noop = await run();
    const cli = join(repo, "dist", "cli.cjs");
    const cliBuild = () => {
      const started = performance.now();
      const child = spawnSync(process.execPath, [cli, "build", "--root", root, ...(pdf ? [] : ["--no-pdf"])], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(child.stderr);
      return { ms: performance.now() - started, executed: 0, total: noop.total, pdf: /pdf: reused/.test(child.stderr) ? "reused" : "?", exit: 0 as const };
    };
    // The bundled CLI is other code than the sources build() ran from (another code stamp), so its first
    // build renders the page again: the second is the no-op.
    const cliNoop = existsSync(cli) ? (cliBuild(), cliBuild()) : undefined;
    const id = changeOneAssumption(join(root, "notebooks", "assumptions.yaml"));
    const one = await run();
    const row = (label: string, r: Awaited<ReturnType<typeof run>>) => ({
      rebuild: label, "time (ms)": r.ms, "notebooks executed": `${r.executed}/${r.total}`, pdf: r.pdf, "× cold": r.ms / cold.ms,
    });
    return [{
      title: `Incremental rebuilds, real engine and build(), ${name}`,
      rows: [row("full cold build", cold), row(`one-assumption rebuild (${id})`, one), row("no-op rebuild", noop), ...(cliNoop ? [row("no-op rebuild, whole CLI process (node dist/cli.cjs build)", cliNoop)] : [])],
      notes: ["Target: a no-op rebuild under 500 ms executing nothing. Rows are in-process build() calls except the last, which is a whole CLI process (start-up included)."],
    }];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
