/**
 * Rebuild costs of the incremental step: full cold build, one-assumption rebuild, no-op rebuild, as
 * times and ratios to the cold build in the same run.
 *
 * Until the notebook engine is wired into build.ts, notebooks are executed by a stand-in that does
 * real work per notebook: esbuild-bundles the project modules it imports and runs a 20,000-sample
 * Monte Carlo in a fresh `vm` realm. The cache path (hashing, closure, checks, atomic stores) is the
 * real one.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import type { Assumption } from "../src/assumptions/types";
import { runIncrementally } from "../src/versions/incremental";
import type { BenchTable } from "./table";

const NOTEBOOKS = 6;
const assumption = (id: string, low: number, high: number): Assumption => ({
  id, label: id, unit: "x", range: { low, high }, distribution: "uniform", source: { title: "t", date: "2026-01-01" }, position: { file: "a.yaml", line: 1, column: 1 },
});

async function setUp(root: string): Promise<void> {
  await mkdir(join(root, "notebooks"), { recursive: true });
  await mkdir(join(root, "src/model"), { recursive: true });
  await writeFile(join(root, "package-lock.json"), "{}");
  await writeFile(join(root, "src/model/cost.ts"), "export const cost = (price: number, hours: number): number => price * hours;\n");
  for (let n = 0; n < NOTEBOOKS; n++) {
    await writeFile(join(root, `notebooks/n${n}.ipynb`), JSON.stringify({ reads: [`price_${n}`, "hours"], imports: ["src/model/cost.ts"] }));
  }
}

async function execute(root: string, values: Map<string, Assumption>, notebook: string) {
  const spec = JSON.parse(await readFile(join(root, notebook), "utf8")) as { reads: string[]; imports: string[] };
  const bundle = await build({ entryPoints: spec.imports.map((m) => join(root, m)), bundle: true, write: false, format: "iife", globalName: "model", logLevel: "silent" });
  const [price, hours] = spec.reads.map((id) => values.get(id)?.range ?? { low: 0, high: 0 });
  const code = `${bundle.outputFiles[0]?.text ?? ""}; let s = 0; for (let i = 0; i < 20000; i++) s += model.cost(${price?.low} + Math.random() * ${(price?.high ?? 0) - (price?.low ?? 0)}, ${hours?.low}); s / 20000;`;
  return { notebook, result: { mean: runInNewContext(code) as number }, reads: spec.reads, modules: spec.imports };
}

export default async function bench(): Promise<BenchTable[]> {
  const root = await mkdtemp(join(tmpdir(), "fragtax-bench-versions-"));
  try {
    await setUp(root);
    const values = new Map<string, Assumption>([["hours", assumption("hours", 100, 200)]]);
    for (let n = 0; n < NOTEBOOKS; n++) values.set(`price_${n}`, assumption(`price_${n}`, 2, 3));
    const notebooks = Array.from({ length: NOTEBOOKS }, (_, n) => `notebooks/n${n}.ipynb`);
    const run = async (force: boolean) => {
      const started = performance.now();
      const outcomes = await runIncrementally({
        root, cacheDir: join(root, "out/.cache"), notebooks, assumption: (id) => values.get(id), tool: "bench", settings: {}, force,
        validate: (r) => r as { mean: number }, warn: () => undefined,
        execute: (list) => Promise.all(list.map((notebook) => execute(root, values, notebook))),
      });
      return { ms: performance.now() - started, executed: outcomes.filter((o) => o.status === "executed").length };
    };
    const cold = await run(true);
    const noop = await run(false);
    values.set("price_0", assumption("price_0", 2.5, 3.5));
    const one = await run(false);
    const row = (name: string, r: { ms: number; executed: number }) => ({ rebuild: name, "time (ms)": r.ms, "notebooks executed": `${r.executed}/${NOTEBOOKS}`, "× cold": r.ms / cold.ms });
    return [{
      title: "Incremental rebuilds (stand-in executor, real cache)",
      rows: [row("full cold build", cold), row("one-assumption rebuild", one), row("no-op rebuild", noop)],
      notes: [`Target: no-op < 500 ms executing nothing. ${NOTEBOOKS} notebooks, each bundling its model module with esbuild and running 20,000 samples in a vm realm.`],
    }];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
