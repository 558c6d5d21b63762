/**
 * A notebook's import bundle runs in the realm from V8's code cache once a run has made it
 * (util/code-cache.ts `scriptCache`, out/.cache/engine/v8/): the bundle, and the model code the
 * cells compiled, as bytecode. Nothing a reader sees may depend on it, and a damaged entry only costs
 * the compile.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolders } from "../project";

const cli = resolve(import.meta.dirname, "../../dist/cli.cjs");

describe("the import bundle's code cache", () => {
  const folders = tempFolders();

  it("is made by a run, taken as it is by the next, made again when damaged, and changes no output", () => {
    const { root } = folders.project();
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "cached", private: true })); // a project: its engine keeps caches
    const notebook = join(root, "notebooks", "01-price.ipynb");
    const cacheDir = join(root, "out", ".cache", "engine", "v8");
    const run = (): unknown => {
      const result = spawnSync("node", [cli, "run", notebook, "--out", join(root, "run.ipynb")], { encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      const cells = (JSON.parse(readFileSync(join(root, "run.ipynb"), "utf8")) as { cells: { outputs?: unknown }[] }).cells;
      return cells.map((cell) => cell.outputs ?? null);
    };
    const first = run();
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(1);
    const entry = join(cacheDir, entries[0] as string);
    const made = readFileSync(entry);
    const madeAt = statSync(entry).mtimeMs;

    expect(run()).toEqual(first);
    expect(statSync(entry).mtimeMs).toBe(madeAt); // taken, not written again

    writeFileSync(entry, Buffer.alloc(made.length, 7)); // V8 refuses it: compiled, and kept anew
    expect(run()).toEqual(first);
    expect(readFileSync(entry).equals(Buffer.alloc(made.length, 7))).toBe(false);
    expect(readdirSync(cacheDir)).toEqual(entries);
  });
});
