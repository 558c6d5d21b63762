/**
 * Notebook engine: `fragtax run` against `jupyter nbconvert --to notebook --execute` (tslab kernel)
 * on the same notebooks, in the same run. fragtax columns: the engine alone (the same `run` command
 * registered on a bare program, bundled here) with its compile cache cleared before each run (cold)
 * and kept (warm: an unchanged notebook re-run skips esbuild), and the shipped CLI (`dist/cli.js`,
 * whose start-up also loads every other area's commands). Wall time is the median of RUNS runs (nbconvert: NBCONVERT_RUNS); peak memory is the
 * highest sum of resident set sizes over the whole process tree (Jupyter's Python server + the
 * tslab kernel; fragtax's process with its worker threads), sampled from /proc every 20 ms.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { reportNotebooks } from "../src/notebook/check";
import type { BenchTable } from "./table";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const JUPYTER = "/usr/bin/jupyter";
const RUNS = 3;
/** The slow peer (4–6 s a notebook) runs once per notebook, so the whole bench stays under 3 minutes. */
const NBCONVERT_RUNS = 1;
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
  const hasJupyter = existsSync(JUPYTER);
  const engineOnly = await bundleEngineOnly();
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const file of notebooks) {
      const runArgs = (script: string) => [script, "run", file, "--out", join(out, "fragtax.ipynb")];
      const clearCache = () => rmSync(join(root, "out", ".cache", "engine"), { recursive: true, force: true });
      const cold = await median(() => (clearCache(), measure("node", runArgs(engineOnly), root)));
      const ours = await median(() => measure("node", runArgs(engineOnly), root));
      const cli = await median(() => measure("node", runArgs(join(root, "dist", "cli.js")), root));
      const row: Record<string, string | number> = {
        notebook: file.slice(root.length + 1),
        "engine cold ms": cold.ms,
        "engine warm ms": ours.ms,
        "CLI warm ms": cli.ms,
        "engine cold / warm MB": `${cold.peakMb.toFixed(0)} / ${ours.peakMb.toFixed(0)}`,
        "CLI MB": cli.peakMb,
      };
      if (hasJupyter) {
        const args = ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab", "--output-dir", out, basename(file)];
        const theirs = await median(() => measure(JUPYTER, args, dirname(file)), NBCONVERT_RUNS);
        Object.assign(row, {
          "nbconvert ms": theirs.ms,
          "nbconvert peak MB": theirs.peakMb,
          "speed-up engine cold / warm / CLI": [cold, ours, cli].map((m) => `${(theirs.ms / m.ms).toFixed(1)}×`).join(" / "),
          "memory ratio engine cold / warm / CLI": [cold, ours, cli].map((m) => (m.peakMb / theirs.peakMb).toFixed(2)).join(" / "),
        });
      } else row["nbconvert ms"] = INSTALL;
      rows.push(row);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(engineOnly, { force: true });
    rmSync(engineOnly.replace(/\.js$/, "-chunks"), { recursive: true, force: true });
  }
  return [
    {
      title: "Notebook engine: fragtax run vs jupyter nbconvert --execute (tslab)",
      rows,
      notes: [
        `fragtax: median of ${RUNS} runs each; nbconvert: ${NBCONVERT_RUNS} run (the slow peer, kept short so the bench stays under 3 minutes); cold processes (each run starts node / jupyter from scratch). MB = peak summed RSS of the process tree. Targets: speed-up ≥ 20×, memory ratio ≤ 0.33.`,
      ],
    },
  ];
}

/** `fragtax run` on a bare commander program, next to dist/notebook-worker.js (which it starts). */
async function bundleEngineOnly(): Promise<string> {
  const name = `bench-engine-run-${process.pid}`;
  const contents = [
    'import { Command } from "commander";',
    'import { registerRunCommand } from "./src/cli/run";',
    'const program = new Command("fragtax").exitOverride();',
    "registerRunCommand(program);",
    "await program.parseAsync(process.argv).catch((error) => { process.exitCode = error.exitCode ?? 1; });",
  ].join("\n");
  // Split like dist/cli.js, so `check` (TypeScript) stays a lazy chunk here too.
  await build({
    entryPoints: { [name]: "bench-engine-entry" },
    plugins: [{ name: "entry", setup: (b) => (b.onResolve({ filter: /^bench-engine-entry$/ }, () => ({ path: join(root, "bench-engine-entry.ts"), namespace: "entry" })), b.onLoad({ filter: /.*/, namespace: "entry" }, () => ({ contents, resolveDir: root, loader: "ts" }))) }],
    outdir: join(root, "dist"),
    splitting: true,
    chunkNames: `${name}-chunks/[name]-[hash]`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return join(root, "dist", `${name}.js`);
}

async function median(run: () => Promise<Measure>, runs = RUNS): Promise<Measure> {
  const results: Measure[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  const pick = <K extends keyof Measure>(key: K): number => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
  return { ms: pick("ms"), peakMb: pick("peakMb") };
}

function measure(command: string, args: readonly string[], cwd: string): Promise<Measure> {
  const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };
  const start = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: "ignore" });
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peak = Math.max(peak, treeRssKb(child.pid));
  }, 20);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(sampler);
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited with ${code}`));
      else resolve({ ms, peakMb: peak / 1024 });
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
