/**
 * The order a build starts its work in (execute-many.ts, pool.ts): threads first, so
 * their start-up overlaps with compiling; no type-check thread where the native compiler checks
 * (start-order-api.test.ts: where only the API can, its thread early and ended when its cache answered); `afterStart` (a build loads its renderer then) once, after every
 * notebook compiled, failed or not; `onRun` with each notebook's outputs as soon as its cells ran; a
 * build's notebooks compiled one after another, in report order.
 */
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { CompileCache } from "../../src/notebook/compile-cache";
import { executeNotebooks } from "../../src/notebook/execute-many";
import type { Notebook } from "../../src/notebook/nbformat";
import { endAllWorkers, keptThreads, startWorkerEarly } from "../../src/notebook/pool";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());
afterEach(() => endAllWorkers());

const printed = (notebook: Notebook): string =>
  notebook.cells.flatMap((cell) => (cell.cell_type === "code" ? cell.outputs : [])).map((o) => (o.output_type === "stream" ? o.text : "")).join("");

describe("threads started ahead of the work", () => {
  it("startWorkerEarly(n) tops the idle threads up to n and returns (one already idle is counted)", () => {
    startWorkerEarly(1);
    expect(keptThreads().idle).toBe(1);
    startWorkerEarly(2);
    expect(keptThreads().idle).toBe(2);
    startWorkerEarly(2);
    expect(keptThreads().idle).toBe(2);
  });
});

describe("executeNotebooks: afterStart and onRun", () => {
  it("afterStart comes once, before the results, though a notebook stops at a syntax error; onRun gives each run's outputs", async () => {
    const good = temp.notebook("order/good.ipynb", { cells: ['console.log("good ran");'] });
    const broken = temp.notebook("order/broken.ipynb", { cells: ["const x = ;"] });
    const other = temp.notebook("order/other.ipynb", { cells: ['console.log("other ran");'] });
    const events: string[] = [];
    const ran = new Map<string, string>();
    const results = await executeNotebooks([good, broken, other], {
      cache: false,
      afterStart: () => events.push("afterStart"),
      onRun: (file, notebook) => {
        events.push(`ran ${file}`);
        ran.set(file, printed(notebook));
      },
    });
    events.push("results");
    expect(results.map((r) => r.status)).toEqual(["ok", "failed", "ok"]);
    expect(events.filter((e) => e === "afterStart")).toHaveLength(1);
    expect(events.indexOf("afterStart")).toBeLessThan(events.indexOf("results"));
    expect(ran).toEqual(new Map([[good, "good ran\n"], [other, "other ran\n"]])); // nothing ran in the broken one
  });
});

describe("the type check, where the native compiler answers", () => {
  it("starts no thread, cold or cached, and still refuses a type error", async () => {
    const root = join(temp.path, "native");
    const a = temp.notebook("native/a.ipynb", { cells: ["const a: number = 1;\nconsole.log(a);"] });
    const b = temp.notebook("native/b.ipynb", { cells: ["const b: string = 2;\nconsole.log(b);"] });
    writeFileSync(join(root, "package.json"), '{ "name": "native", "private": true }');
    const cold = await executeNotebooks([a, b], { root, typesLikelyCached: false });
    expect(cold.map((r) => r.status)).toEqual(["ok", "failed"]);
    expect(cold[1]?.error?.evalue).toMatch(/Type 'number' is not assignable to type 'string'/);
    expect(keptThreads()).toEqual({ idle: 2, typeCheck: "none" }); // the compiler ran as a process: no thread waited for it
    endAllWorkers();
    const cached = await executeNotebooks([a, b], { root, typesLikelyCached: false });
    expect(cached.map((r) => r.status)).toEqual(["ok", "failed"]);
    expect(keptThreads().typeCheck).toBe("none");
  });
});

describe("a build's notebooks compile one after another", () => {
  it("in report order, so the first can run while the next compile (each cell's cache entry is written in that order)", async () => {
    temp.write("compile-order/package.json", "{}\n"); // a project: compiled cells are cached in out/.cache/engine/
    const sources = (name: string) => Array.from({ length: 12 }, (_, i) => `const ${name}${i} = [${i}, "${name}"].map((x) => String(x)).join("-");\nconsole.log(${name}${i});`);
    const names = ["first", "second", "third"];
    // The first notebook is the slowest to read and parse (a long markdown cell): its turn must not go to the others.
    const files = names.map((name, i) => temp.notebook(`compile-order/${name}.ipynb`, { cells: [...(i === 0 ? [{ markdown: "words ".repeat(4_000_000) }] : []), ...sources(name)] }));
    // Without checks given, executeNotebooks checks them all in a thread while they run, and starts every notebook at once (as a build).
    const results = await executeNotebooks(files, { concurrency: 2 });
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
    const cache = CompileCache.forRoot(join(temp.path, "compile-order"));
    const written = (name: string) => sources(name).map((source, i) => statSync(join(temp.path, "compile-order", "out", ".cache", "engine", `cell-${cache?.cellKey(source, i + (name === "first" ? 2 : 1)) ?? ""}.json`)).mtimeMs);
    const [first, second, third] = names.map(written) as [number[], number[], number[]];
    expect(Math.max(...first)).toBeLessThanOrEqual(Math.min(...second));
    expect(Math.max(...second)).toBeLessThanOrEqual(Math.min(...third));
  });
});
