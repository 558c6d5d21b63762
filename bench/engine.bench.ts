/**
 * Notebook engine: `fragtax run` (the shipped CLI, `dist/cli.cjs`, a fresh process each run) against
 * `jupyter nbconvert --to notebook --execute` (tslab kernel) on the same notebooks, in the same run.
 * fragtax cold: out/.cache/engine cleared first (every cell compiled, imports bundled, the notebook
 * type-checked, every model run computed); warm: an unchanged notebook re-run (compiled cells, bundle,
 * type check and kept model runs reused — the cells still run); "models computed": warm, but with no
 * kept model runs (src/notebook/model-runs.ts), so every model the cells run is computed. Wall time
 * is the median of RUNS runs (models computed, cold and nbconvert: one run each: the slow peer takes 4–6 s a notebook,
 * and the bench must stay under 3 minutes); peak memory is the
 * highest sum of resident set sizes over the whole process tree (Jupyter's Python server + the tslab
 * kernel; fragtax's process with its worker threads), sampled from /proc every 20 ms.
 * BENCH_NO_NBCONVERT=1 leaves the peer out. BENCH_NO_CERTS=1 adds both sides run again without
 * NODE_EXTRA_CA_CERTS, fixtures only (~25 s more: left out by default, for the 3-minute budget).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { reportNotebooks } from "../src/notebook/check";
import type { BenchTable } from "./table";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const JUPYTER = "/usr/bin/jupyter";
const RUNS = 5;
// The column with no kept model runs is context, not a target: one run each (~12 s of a bench that
// must stay under 3 minutes, on a machine where nbconvert alone takes ~70 s of it).
const COMPUTED_RUNS = 1;
const INSTALL =
  "install Jupyter: apt-get install -y --no-install-recommends jupyter-nbconvert python3-jupyter-client python3-nbconvert jupyter-client python3-ipython && npx tslab install --python=/usr/bin/python3";

interface Measure {
  readonly ms: number;
  readonly peakMb: number;
}

export default async function engineBench(): Promise<BenchTable[]> {
  const fixtures = ["semantics", "display", "imports", "model-entry"].map((name) => join(root, "test", "fixtures", "notebooks", `${name}.ipynb`));
  const notebooks = [...fixtures, ...(existsSync(join(root, "notebooks", "report.yaml")) ? reportNotebooks(root) : [])];
  const out = mkdtempSync(join(tmpdir(), "fragtax-bench-"));
  const withPeer = existsSync(JUPYTER) && process.env.BENCH_NO_NBCONVERT !== "1";
  const cli = join(root, "dist", "cli.cjs");
  const rows: Array<Record<string, string | number>> = [];
  const { NODE_EXTRA_CA_CERTS: extraCerts, ...bare } = process.env;
  const withoutCerts = extraCerts === undefined || process.env.BENCH_NO_CERTS !== "1" ? undefined : bare;
  // As after `npm run report`: a build with this code has parsed assumptions.yaml, and a run takes that.
  const built = existsSync(join(root, "notebooks", "report.yaml"));
  if (built) await measure("node", [cli, "build", "--no-pdf"], root);
  try {
    for (const file of notebooks) {
      const runArgs = [cli, "run", file, "--out", join(out, "fragtax.ipynb")];
      rmSync(join(root, "out", ".cache", "engine"), { recursive: true, force: true });
      const cold = await measure("node", runArgs, root);
      const warm = await median(() => measure("node", runArgs, root));
      // Warm again with no kept model runs (model-runs.ts): every model the cells run is computed.
      const computing = await median(() => {
        rmSync(join(root, "out", ".cache", "engine", "model-runs"), { recursive: true, force: true });
        return measure("node", runArgs, root);
      }, COMPUTED_RUNS);
      const row: Record<string, string | number> = {
        notebook: file.slice(root.length + 1),
        "cold ms": cold.ms,
        "warm ms": warm.ms,
        "warm ms, models computed": computing.ms,
        "cold / warm MB": `${cold.peakMb.toFixed(0)} / ${warm.peakMb.toFixed(0)}`,
      };
      if (withPeer) {
        const args = ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab", "--output-dir", out, basename(file)];
        const theirs = await measureAgainOnFailure(JUPYTER, args, dirname(file));
        Object.assign(row, {
          "nbconvert ms": theirs.ms,
          "nbconvert MB": theirs.peakMb,
          "speed-up cold / warm / models computed": `${(theirs.ms / cold.ms).toFixed(1)}× / ${(theirs.ms / warm.ms).toFixed(1)}× / ${(theirs.ms / computing.ms).toFixed(1)}×`,
          "memory ratio cold / warm": `${(cold.peakMb / theirs.peakMb).toFixed(2)} / ${(warm.peakMb / theirs.peakMb).toFixed(2)}`,
        });
        // Node 20 parses NODE_EXTRA_CA_CERTS's file at every start (~45 ms here): a fixed cost that is a
        // quarter of a fixture's warm run and 1% of nbconvert's. Both sides again without it, fixtures only.
        if (withoutCerts !== undefined && fixtures.includes(file)) {
          const warmBare = await median(() => measure("node", runArgs, root, withoutCerts));
          const theirsBare = await measureAgainOnFailure(JUPYTER, args, dirname(file), withoutCerts);
          Object.assign(row, { "warm ms / speed-up, no NODE_EXTRA_CA_CERTS": `${Math.round(warmBare.ms)} / ${(theirsBare.ms / warmBare.ms).toFixed(1)}×` });
        }
      } else row["nbconvert ms"] = existsSync(JUPYTER) ? "left out (BENCH_NO_NBCONVERT=1)" : INSTALL;
      rows.push(row);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return [
    {
      title: "Notebook engine: fragtax run vs jupyter nbconvert --execute (tslab)",
      rows,
      notes: [
        `fragtax warm: median of ${RUNS} runs; warm with models computed (no kept model runs), cold and nbconvert: one run each. Every run is a new process (node / jupyter from scratch). MB = peak summed RSS of the process tree. Targets: speed-up ≥ 20×, memory ratio ≤ 0.33.`,
        ...(withoutCerts === undefined
          ? extraCerts === undefined
            ? []
            : ["This machine sets NODE_EXTRA_CA_CERTS, which every Node process (fragtax's, the tslab kernel's) parses at start (~45 ms here): BENCH_NO_CERTS=1 adds a column with both sides run again without it (fixtures only)."]
          : ["This machine sets NODE_EXTRA_CA_CERTS, which every Node process (fragtax's, the tslab kernel's) parses at start: the last column runs both sides again without it (fixtures only), as on a machine that does not set it."]),
        built ? "Before the runs, one `fragtax build --no-pdf` of the report (as after `npm run report`): cold and warm runs take the assumptions it parsed." : "No report.yaml: every run parses its assumptions.",
      ],
    },
  ];
}

async function median(run: () => Promise<Measure>, runs = RUNS): Promise<Measure> {
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  const pick = <K extends keyof Measure>(key: K): number => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
  return { ms: pick("ms"), peakMb: pick("peakMb") };
}

/**
 * The peer's run, once more if it failed: on a machine where Jupyter has never run, its first start
 * (making its runtime folders, the kernel's first start from a cold disk) once failed the whole bench
 * here. A second failure is the bench's, with what nbconvert said.
 */
async function measureAgainOnFailure(command: string, args: readonly string[], cwd: string, baseEnv: NodeJS.ProcessEnv = process.env): Promise<Measure> {
  try {
    return await measure(command, args, cwd, baseEnv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\nbench: running it once more\n`);
    return measure(command, args, cwd, baseEnv);
  }
}

/** How much of a failed command's stderr its error repeats (the end, where the cause is). */
const STDERR_TAIL = 2000;

function measure(command: string, args: readonly string[], cwd: string, baseEnv: NodeJS.ProcessEnv = process.env): Promise<Measure> {
  const env = { ...baseEnv, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };
  const start = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => void (stderr = (stderr + chunk).slice(-STDERR_TAIL)));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRssKb(child.pid));
  }, 20);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(sampler);
      const ms = performance.now() - start;
      if (code === 0) return resolve({ ms, peakMb: peak / 1024 });
      // What it wrote last may still be in the pipe: read to its end (or for a second, if a child holds it open).
      const fail = (): void => reject(new Error(`${command} ${args.join(" ")} exited with ${code}${stderr.trim() === "" ? "" : `; the end of what it wrote:\n${stderr.trimEnd()}`}`));
      const timer = setTimeout(fail, 1000);
      child.stderr.once("close", () => (clearTimeout(timer), fail()));
    });
  });
}

/** Summed VmRSS (kB) of a process and all its descendants, from /proc. */
function treeRssKb(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between samples
    }
  }
  return total;
}
