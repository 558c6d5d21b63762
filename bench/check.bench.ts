/**
 * `fragtax check` against `fragtax run` on generated notebooks of 400 and 2,000 cells (whole CLI
 * processes, one run each: the point is the shape of the curve, linear like `run`, not a median).
 * Each cell declares a constant, updates an earlier `let` and defines a function; `run` type-checks
 * too (tslab's rules), with its cache cleared so both pay for the compiler. Both run in the
 * notebooks' own folder, outside any project: from inside one, `check` also checks that project's
 * src/ (~7 s here, the same for both sizes), which hid the curve and took most of this bench's time.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchTable } from "./table";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export default async function checkBench(): Promise<BenchTable[]> {
  const folder = mkdtempSync(join(tmpdir(), "fragtax-check-bench-"));
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const size of [400, 2000]) {
      const file = join(folder, `cells-${size}.ipynb`);
      writeFileSync(file, notebook(size));
      const check = timed(["check", file], folder);
      const run = timed(["run", file, "--out", join(folder, "out.ipynb")], folder);
      rows.push({ cells: size, "check ms": check, "run ms": run, "check / run": `${(check / run).toFixed(2)}×` });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const [small, large] = rows;
  const growth = small && large ? `${(Number(large["check ms"]) / Number(small["check ms"])).toFixed(1)}× for 5× the cells` : "";
  return [{ title: "fragtax check scales like run (generated notebooks)", rows, notes: [`check time growth 400 → 2,000 cells: ${growth} (linear or better; was quadratic: 2,000 cells ran out of memory).`] }];
}

function timed(args: readonly string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync("node", [join(root, "dist", "cli.cjs"), ...args], { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`fragtax ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return performance.now() - started;
}

function notebook(size: number): string {
  const cells = Array.from({ length: size }, (_, i) => ({
    cell_type: "code",
    metadata: {},
    execution_count: null,
    outputs: [],
    source: i === 0 ? "let total = 0;" : `const v${i} = ${i} + total;\ntotal += v${i} % 7;\nfunction f${i}(x: number): number { return x + v${i}; }`,
  }));
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "tslab", language: "typescript", display_name: "TypeScript" } }, cells });
}
