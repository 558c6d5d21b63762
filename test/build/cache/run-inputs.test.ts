/**
 * What a single `fragtax run` reads of its project before the first cell (src/build/cache/run-inputs.ts):
 * report.yaml's fields come from the parsed-input cache while the file is unchanged. A cached entry
 * is altered on purpose (same key, another value), so a run that took it shows the altered value and
 * one that parsed the file again does not.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { reportFieldsCached } from "../../../src/build/cache/run-inputs";
import { reportFieldsLeniently } from "../../../src/config/lenient";
import { codeNotebookJson, tempFolders } from "../../project";

const repo = resolve(import.meta.dirname, "../../..");
const folders = tempFolders();

/** Rewrites the value of the cached report-fields entry, keeping its key. */
function alterEntry(root: string, change: (value: { montecarlo: { samples: number } }) => void): void {
  const file = join(root, "out", ".cache", "inputs", "report-fields.json");
  const entry = JSON.parse(readFileSync(file, "utf8")) as { value: { montecarlo: { samples: number } } };
  change(entry.value);
  writeFileSync(file, JSON.stringify(entry));
}

describe("report.yaml's fields for a run", () => {
  it("are parsed once per content: an unchanged file is a hit, an edited or a damaged entry is parsed again", async () => {
    const { root } = folders.project("incremental");
    const reportYaml = join(root, "notebooks", "report.yaml");
    const cache = join(root, "out", ".cache");
    const text = readFileSync(reportYaml, "utf8");

    expect(await reportFieldsCached(reportYaml, cache)).toEqual(reportFieldsLeniently(text, reportYaml));
    alterEntry(root, (value) => (value.montecarlo.samples = 7));
    expect((await reportFieldsCached(reportYaml, cache)).montecarlo.samples).toBe(7);

    writeFileSync(reportYaml, text.replace("samples: 100", "samples: 200"));
    expect((await reportFieldsCached(reportYaml, cache)).montecarlo.samples).toBe(200);

    writeFileSync(join(cache, "inputs", "report-fields.json"), "{ not json");
    expect((await reportFieldsCached(reportYaml, cache)).montecarlo.samples).toBe(200);
    expect((await reportFieldsCached(reportYaml, cache)).chapters?.map((chapter) => chapter.slice(root.length))).toEqual(["/notebooks/01-alpha.ipynb", "/notebooks/02-beta.ipynb", "/notebooks/03-mix.ipynb"]);
  });

  it("fragtax run takes them from the cache while report.yaml is unchanged", () => {
    const { root } = folders.project("incremental");
    const notebook = join(root, "notebooks", "samples.ipynb");
    writeFileSync(notebook, codeNotebookJson(['import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nconst nb = notebook(tslab);\nnb.montecarlo.samples']));
    const samples = (): string => {
      const executed = JSON.parse(execFileSync("node", [join(repo, "dist", "cli.cjs"), "run", notebook, "--out", "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as {
        cells: Array<{ outputs: Array<{ data?: Record<string, unknown> }> }>;
      };
      return String(executed.cells[0]?.outputs[0]?.data?.["text/plain"]);
    };
    expect(samples()).toBe("100");
    alterEntry(root, (value) => (value.montecarlo.samples = 7));
    expect(samples()).toBe("7");
  }, 60_000);
});
