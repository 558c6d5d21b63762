/**
 * Deno notebooks: the two fixtures run in the real Deno runtime under `fragtax run` and under real
 * Jupyter (`jupyter nbconvert --execute` with the kernel `deno jupyter --install` registers); per
 * cell the same stdout, stderr, displays and trailing values (Deno's kernel colours its text/plain
 * with terminal escapes, fragtax writes it plain: compared without them). Bad input: a kernel that
 * is neither tslab nor Deno, and a missing Deno runtime, exit 2 with a message that says what to do.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDenoNotebooks, checkNotebooks } from "../../src/notebook/check";
import { executeNotebooks, type NotebookRunResult } from "../../src/notebook/execute";
import type { Notebook, Output } from "../../src/notebook/nbformat";
import { FIXTURES, TempDir } from "./helpers";

const root = join(import.meta.dirname, "..", "..");
const temp = new TempDir();
afterAll(() => temp.cleanup());
const notebooks = ["deno-basics", "deno-display"].map((name) => join(FIXTURES, `${name}.ipynb`));
const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };

// eslint-disable-next-line no-control-regex
const plain = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, "");
const joined = (value: unknown): string => (Array.isArray(value) ? value.join("") : String(value));

function comparable(outputs: readonly Output[]): unknown[] {
  return outputs.map((output) => {
    if (output.output_type === "stream") return { stream: output.name, text: joined(output.text) };
    if (output.output_type === "error") return { error: output.ename };
    const data = Object.fromEntries(Object.entries(output.data).map(([mime, value]) => [mime, plain(joined(value))]));
    return { [output.output_type]: data };
  });
}

async function runJupyter(file: string): Promise<Notebook> {
  const out = join(temp.path, basename(file, ".ipynb"));
  await promisify(execFile)("/usr/bin/jupyter", ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=deno", "--ExecutePreprocessor.timeout=120", "--output-dir", out, basename(file)], { cwd: dirname(file), env, timeout: 240_000 });
  return JSON.parse(readFileSync(join(out, basename(file)), "utf8")) as Notebook;
}

describe("Deno notebooks in the real Deno runtime, compared with Jupyter's Deno kernel", () => {
  let ours: NotebookRunResult[] = [];
  let theirs: Notebook[] = [];
  beforeAll(async () => {
    // Registers Deno's kernel for the system Jupyter (as .ci/run does); idempotent.
    await promisify(execFile)(join(root, "node_modules", ".bin", "deno"), ["jupyter", "--install", "--force"], { env, timeout: 120_000 });
    ours = await executeNotebooks(notebooks);
    theirs = [];
    for (const file of notebooks) theirs.push(await runJupyter(file));
  }, 600_000);

  it.each(notebooks.map((file, index) => [basename(file), index] as const))("%s: same outputs per cell as deno jupyter", (_name, index) => {
    const mine = ours[index] as NotebookRunResult;
    expect(mine.error?.message).toBeUndefined();
    const reference = theirs[index] as Notebook;
    let compared = 0;
    reference.cells.forEach((cell, position) => {
      const other = mine.executed.cells[position];
      // Deno's kernel sometimes shows nothing for a cell whose npm: import it downloads: such cells opt out.
      if (cell.cell_type !== "code" || other?.cell_type !== "code" || ((cell.metadata.tags as unknown[] | undefined) ?? []).includes("nondeterministic")) return;
      // Deno's kernel can publish a cell's outputs after it reports the cell idle, and nbconvert
      // then misses them (seen under load, a different cell each run): every kind of output Jupyter
      // recorded for a cell must be exactly what fragtax wrote; a kind it lost is not compared.
      for (const kind of new Set(cell.outputs.map((o) => o.output_type))) {
        const only = (outputs: readonly Output[]): Output[] => outputs.filter((o) => o.output_type === kind);
        expect(comparable(only(other.outputs)), `cell ${position + 1}, ${kind}`).toEqual(comparable(only(cell.outputs)));
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(1);
  });

  it("shows the Deno namespace, npm: packages and a cell's trailing value", () => {
    const cells = (ours[0] as NotebookRunResult).executed.cells;
    const text = (n: number): string => {
      const cell = cells[n - 1];
      return cell?.cell_type === "code" ? cell.outputs.map((o) => (o.output_type === "stream" ? o.text : o.output_type === "execute_result" ? String(o.data["text/plain"]) : "")).join("") : "";
    };
    expect(text(2)).toBe("hello 42 string\n");
    expect(text(4)).toBe('"a: 1"');
    expect(text(6)).toBe("84");
  });

  it("locates a runtime error in a Deno cell", async () => {
    const file = temp.notebook("deno-error.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ['console.log("first");', 'const x = 1;\nthrow new Error("from deno " + Deno.version.deno.length);', 'console.log("never");'] });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toMatchObject({ kind: "runtime", cell: 2, line: 2, ename: "Error" });
    expect(run?.error?.evalue).toMatch(/^from deno \d+$/);
  });
});

describe("fragtax check and Deno notebooks", () => {
  it("checks Deno notebooks with deno check (both fixtures are clean), not with tslab's checker", async () => {
    expect(checkNotebooks(notebooks, { root, includeSrc: false })).toEqual([]);
    expect(await checkDenoNotebooks(notebooks, { root })).toEqual([]);
  }, 120_000);
});

describe("bad input", () => {
  it("a kernel that is neither tslab nor deno: exit 2 naming it and the two supported", () => {
    const file = temp.notebook("r.ipynb", { kernel: { name: "ir", language: "R" }, cells: ["1 + 1"] });
    const run = spawnSync("node", [join(root, "dist", "cli.js"), "run", file, "--out", "-"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the notebook\'s kernel is "ir"; fragtax runs notebooks for two kernels: tslab');
    expect(run.stderr).toContain('Deno ("deno"');
  });

  it("a Deno notebook without the Deno runtime: exit 2 saying how to install it", () => {
    const file = temp.notebook("d.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ["1 + 1"] });
    const run = spawnSync("node", [join(root, "dist", "cli.js"), "run", file, "--out", "-"], { encoding: "utf8", env: { ...process.env, FRAGTAX_DENO: "/nonexistent/deno" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("the notebook is for the Deno kernel, but the Deno runtime was not found (FRAGTAX_DENO=/nonexistent/deno does not exist)");
    expect(run.stderr).toContain("npm install deno");
  });
});
