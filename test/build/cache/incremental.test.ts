/**
 * Cases the real engine cannot produce, with a small stand-in engine (the everyday cases — no-op,
 * one assumption, one module, a corrupt entry — run against the real engine in
 * incremental-build.test.ts): each "notebook" is a JSON file naming the
 * assumptions it reads and the module it imports; executing it really reads both from disk, so a
 * stale reuse would show up as a wrong result.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Assumption } from "../../../src/assumptions/types";
import { runIncrementally } from "../../../src/build/cache/incremental";
import { writesBehindSettled } from "../../../src/util/atomic";

const assumption = (id: string, value: number): Assumption => ({
  id, label: id, unit: "x", value, distribution: "fixed", source: { title: "t", date: "2026-01-01" }, position: { file: "a.yaml", line: 1, column: 1 },
});

let root: string;
let values: Map<string, Assumption>;
let executed: string[][];
let codeChanges: boolean[];
let warnings: string[];

async function build(force = false) {
  // As a build does before it replaces its outputs: the entries it wrote behind are on disk.
  const outcomes = await runIncrementally<{ text: string }>({
    root,
    cacheDir: join(root, "out/.cache"),
    notebooks: ["notebooks/a.ipynb", "notebooks/b.ipynb", "notebooks/c.ipynb"],
    assumption: (id) => values.get(id),
    assumptionIds: () => [...values.keys()],
    tool: "0.1.0",
    settings: { samples: 100, seed: 1 },
    force,
    validate: (result) => {
      if (typeof (result as { text?: unknown }).text !== "string") throw new Error("no text");
      return result as { text: string };
    },
    warn: (message) => warnings.push(message),
    execute: async (notebooks, { codeChanged }) => {
      executed.push([...notebooks]);
      codeChanges.push(codeChanged);
      return Promise.all(
        notebooks.map(async (notebook) => {
          const spec = JSON.parse(await readFile(join(root, notebook), "utf8")) as { reads: string[]; imports: string[] };
          const parts = spec.reads.map((id) => `${id}=${values.get(id)?.value}`);
          for (const module of spec.imports) parts.push((await readFile(join(root, module), "utf8")).trim());
          return { notebook, result: { text: parts.join(";") }, reads: spec.reads, modules: spec.imports };
        }),
      );
    },
  });
  await writesBehindSettled();
  return outcomes;
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "fragtax-incremental-"));
  await mkdir(join(root, "notebooks"), { recursive: true });
  await mkdir(join(root, "src/model"), { recursive: true });
  await writeFile(join(root, "package-lock.json"), "{}");
  await writeFile(join(root, "src/model/training.ts"), 'import { k } from "./constants";\nexport const training = k;\n');
  await writeFile(join(root, "src/model/constants.ts"), "export const k = 1;\n");
  await writeFile(join(root, "src/model/scenario.ts"), "export const scenario = 2;\n");
  await writeFile(join(root, "notebooks/a.ipynb"), JSON.stringify({ reads: ["h100"], imports: ["src/model/training.ts"] }));
  await writeFile(join(root, "notebooks/b.ipynb"), JSON.stringify({ reads: ["gpu_hours", "h100"], imports: ["src/model/scenario.ts"] }));
  await writeFile(join(root, "notebooks/c.ipynb"), JSON.stringify({ reads: ["probability", "later"], imports: [] }));
  values = new Map([
    ["h100", assumption("h100", 2)],
    ["gpu_hours", assumption("gpu_hours", 10)],
    ["probability", assumption("probability", 0.6)],
    ["unused", assumption("unused", 1)],
  ]);
  executed = [];
  codeChanges = [];
  warnings = [];
  await build();
  expect(codeChanges).toEqual([true]); // a first run
  executed = [];
  codeChanges = [];
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe("incremental rebuilds (stand-in engine)", () => {
  it("defining an assumption a notebook read while it was missing re-executes that notebook", async () => {
    values.set("later", assumption("later", 7));
    const outcomes = await build();
    expect(executed).toEqual([["notebooks/c.ipynb"]]);
    expect(outcomes[2]).toMatchObject({ reason: "re-ran: later was added", result: { text: "probability=0.6;later=7" } });
  });

  it("--force re-executes everything", async () => {
    await build(true);
    expect(executed).toEqual([["notebooks/a.ipynb", "notebooks/b.ipynb", "notebooks/c.ipynb"]]);
    expect(codeChanges).toEqual([true]);
  });

  // The engine starts the type check's thread early only when the code may have changed (effects.ts).
  it("tells the engine whether only inputs changed (an assumption) or code too (a module)", async () => {
    values.set("h100", assumption("h100", 3));
    await build();
    expect(executed).toEqual([["notebooks/a.ipynb", "notebooks/b.ipynb"]]);
    expect(codeChanges).toEqual([false]);
    await writeFile(join(root, "src/model/constants.ts"), "export const k = 5;\n");
    await build();
    expect(executed.at(-1)).toEqual(["notebooks/a.ipynb"]);
    expect(codeChanges).toEqual([false, true]);
  });
});
