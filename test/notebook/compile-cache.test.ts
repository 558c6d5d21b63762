import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebook } from "../../src/notebook/execute";
import type { CodeCell } from "../../src/notebook/nbformat";
import { TempDir } from "./helpers";
import { sealedJson, unsealedJson } from "../../src/util/sealed";

const temp = new TempDir();
afterAll(() => temp.cleanup());

const value = (run: Awaited<ReturnType<typeof executeNotebook>>, index: number) =>
  (run.executed.cells.filter((cell): cell is CodeCell => cell.cell_type === "code")[index]?.outputs[0] as { data?: Record<string, unknown> } | undefined)?.data?.["text/plain"];

describe("the compile cache (out/.cache/engine)", () => {
  it("reuses compiled cells and bundles, and rebuilds when a cell or an imported module changes", async () => {
    temp.write("package.json", "{}\n");
    temp.write("notebooks/lib/answer.ts", "export const answer = 41;\n");
    const cells = ['import { answer } from "./lib/answer";', "answer + 1"];
    const file = temp.notebook("notebooks/n.ipynb", { cells });
    expect(value(await executeNotebook(file), 1)).toBe("42");
    const cacheDir = join(temp.path, "out", ".cache", "engine");
    const entries = readdirSync(cacheDir).sort();
    expect(entries.filter((name) => name.startsWith("cell-"))).toHaveLength(2);
    expect(entries.filter((name) => name.startsWith("bundle-"))).toHaveLength(1);

    expect(value(await executeNotebook(file), 1)).toBe("42"); // all from the cache
    expect(readdirSync(cacheDir).sort()).toEqual(entries);

    const module = temp.write("notebooks/lib/answer.ts", "export const answer = 4100;\n");
    utimesSync(module, new Date(), new Date(Date.now() + 5000));
    expect(value(await executeNotebook(file), 1)).toBe("4101");

    temp.notebook("notebooks/n.ipynb", { cells: [cells[0] as string, "answer * 2"] });
    expect(value(await executeNotebook(file), 1)).toBe("8200");
    expect(value(await executeNotebook(file, { cache: false }), 1)).toBe("8200");
  });

  it("takes an entry sealed again in another shape (edited by hand, or an older fragtax's) as a miss: compiled again, not a bare TypeError", async () => {
    const project = new TempDir();
    try {
      project.write("package.json", "{}\n");
      project.write("notebooks/lib/answer.ts", "export const answer = 41;\n");
      const file = project.notebook("notebooks/n.ipynb", { cells: ['import { answer } from "./lib/answer";', "answer + 1"] });
      expect(value(await executeNotebook(file), 1)).toBe("42");
      const cacheDir = join(project.path, "out", ".cache", "engine");
      const names = readdirSync(cacheDir).filter((name) => /^(?:cell|bundle|types)-.*\.json$/.test(name));
      expect(names.map((name) => name.split("-")[0]).sort()).toEqual(["bundle", "cell", "cell", "types"]);
      for (const forged of [{ code: 5 }, { bundle: { code: "module.exports = {}" }, stamps: [] }, { types: { errors: "none" }, stamps: [], root: 1 }, []]) {
        for (const name of names) writeFileSync(join(cacheDir, name), sealedJson(forged, name));
        const run = await executeNotebook(file);
        expect(run.status, JSON.stringify(run.error)).toBe("ok");
        expect(value(run, 1)).toBe("42");
        // Made again in its own shape, in the place of the forged one.
        for (const name of names) expect(unsealedJson(readFileSync(join(cacheDir, name), "utf8"), name)).not.toEqual(forged);
      }
    } finally {
      project.cleanup();
    }
  });

  it("writes nothing next to a notebook outside a project", async () => {
    const loose = new TempDir();
    try {
      const file = loose.notebook("n.ipynb", { cells: ["1 + 1"] });
      expect(value(await executeNotebook(file), 0)).toBe("2");
      expect(existsSync(join(loose.path, "out"))).toBe(false);
    } finally {
      loose.cleanup();
    }
  });
});
