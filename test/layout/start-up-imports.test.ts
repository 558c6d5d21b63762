/**
 * What a warm `fragtax run` loads. Every notebook thread compiles its modules at start, and a run
 * whose cells, import bundle, type check and assumptions all come from the caches needs neither the
 * config schema (zod, yaml), nor the cell compiler (acorn, magic-string), nor the model library in
 * the thread's own realm: these are loaded on demand. A static import of one of them from the start-up
 * path cost a warm run of a fixture ~50 ms (0.25 s → 0.20 s). Nor does a build whose input files
 * are unchanged need YAML or zod. The static import closure is read from esbuild's metafile of the
 * real sources, as the CLI is bundled.
 */
import { resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const repo = resolve(import.meta.dirname, "../..");

/** Files and packages `entry` imports statically (dynamic `import()` excluded), transitively. */
async function staticClosure(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const result = await build({
    absWorkingDir: repo,
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    write: false,
    metafile: true,
    outdir: "out",
    logLevel: "silent",
  });
  const inputs = result.metafile.inputs;
  const files = new Set([entry]);
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind !== "import-statement") continue;
      if (imported.external) {
        if (!imported.path.startsWith("node:")) packages.add(imported.path.split("/")[0] as string);
      } else if (!files.has(imported.path)) {
        files.add(imported.path);
        queue.push(imported.path);
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe("modules loaded at start-up", () => {
  it("the checker sees a package imported several files away (config parsing → zod, yaml)", async () => {
    const closure = await staticClosure("src/cli/project.ts");
    expect(closure.packages).toEqual(expect.arrayContaining(["yaml", "zod"]));
    expect(closure.files).toContain("src/model/defaults.ts");
  });

  it("the engine of a warm run (main thread) loads no schema, YAML parser or cell compiler", async () => {
    const closure = await staticClosure("src/notebook/execute.ts");
    expect(closure.packages.filter((name) => ["zod", "yaml", "acorn", "magic-string", "esbuild", "typescript"].includes(name))).toEqual([]);
    expect(closure.files).not.toContain("src/config/parse.ts");
    expect(closure.files).not.toContain("src/notebook/transpile.ts");
  });

  it("a build (its command, the pipeline) loads neither YAML nor zod until an input file changed", async () => {
    // They parse report.yaml, assumptions.yaml and the errata file on a cache miss (build/cache/parsed-inputs.ts);
    // loaded statically, they cost a no-op rebuild ~0.07 s of its ~0.35 s.
    const closure = await staticClosure("src/cli/build-action.ts");
    expect(closure.files).toContain("src/build/pipeline.ts");
    expect(closure.packages.filter((name) => ["zod", "yaml"].includes(name))).toEqual([]);
  });

  it("a warm `fragtax run` (its command, the cache of its inputs) loads neither YAML nor zod, ", async () => {
    // report.yaml's fields and the parsed assumptions come from build/cache/run-inputs.ts; the parsers
    // load on a miss only. Loaded statically, the YAML parser cost a warm run of a fixture ~0.02 s of ~0.2 s.
    for (const entry of ["src/cli/run.ts", "src/build/cache/run-inputs.ts", "src/report/chart-specs.ts"]) {
      const closure = await staticClosure(entry);
      expect(closure.packages.filter((name) => ["zod", "yaml"].includes(name)), entry).toEqual([]);
    }
  });

  it("a notebook thread loads neither the cell compiler nor the model library", async () => {
    const closure = await staticClosure("src/notebook/worker.ts");
    expect(closure.packages.filter((name) => ["zod", "yaml", "acorn", "magic-string", "esbuild", "pure-rand"].includes(name))).toEqual([]);
    expect(closure.files.filter((file) => file.startsWith("src/model/") && file !== "src/model/defaults.ts")).toEqual([]);
    expect(closure.files).not.toContain("src/notebook/transpile.ts");
  });
});
