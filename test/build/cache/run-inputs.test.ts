/**
 * What a single `fragtax run` reads of its project before the first cell (src/build/cache/run-inputs.ts):
 * report.yaml's fields and the parsed assumptions come from the parsed-input cache while the files are
 * unchanged. A cached entry is altered on purpose (same key, another value), so a run that took it
 * shows the altered value and one that parsed the file again does not.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { reportFieldsCached } from "../../../src/build/cache/run-inputs";
import { reportFieldsLeniently } from "../../../src/config/lenient";
import { codeNotebookJson, tempFolders } from "../../project";
import { sealedJson, unsealedJson } from "../../../src/util/sealed";

const repo = resolve(import.meta.dirname, "../../..");
const folders = tempFolders();

/** Rewrites the value of the cached report-fields entry, keeping its key. */
function alterEntry(root: string, change: (value: { montecarlo: { samples: number } }) => void): void {
  const file = join(root, "out", ".cache", "inputs", "report-fields.json");
  const entry = unsealedJson(readFileSync(file, "utf8"), basename(file)) as { value: { montecarlo: { samples: number } } };
  change(entry.value);
  writeFileSync(file, sealedJson(entry, basename(file))); // sealed again (sealed.ts): an edit without its seal is a miss
}

/** The text/plain value a `fragtax run` of `notebook` shows for its first cell. */
function firstValue(notebook: string): string {
  const executed = JSON.parse(execFileSync("node", [join(repo, "dist", "cli.cjs"), "run", notebook, "--out", "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as {
    cells: Array<{ outputs: Array<{ data?: Record<string, unknown> }> }>;
  };
  return String(executed.cells[0]?.outputs[0]?.data?.["text/plain"]);
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
    const samples = (): string => firstValue(notebook);
    expect(samples()).toBe("100");
    alterEntry(root, (value) => (value.montecarlo.samples = 7));
    expect(samples()).toBe("7");
  }, 60_000);

  it("a run with no build since the assumptions changed parses them once and keeps them: the next run takes them", () => {
    const { root } = folders.project("incremental");
    const notebook = join(root, "notebooks", "alpha.ipynb");
    writeFileSync(notebook, codeNotebookJson(['import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nconst nb = notebook(tslab);\nnb.assumptions.get("alpha").value']));
    const alpha = (): string => firstValue(notebook);
    const entry = join(root, "out", ".cache", "inputs", "assumptions.json");
    expect(existsSync(entry)).toBe(false); // no build has run here
    expect(alpha()).toBe("1");
    const kept = unsealedJson(readFileSync(entry, "utf8"), basename(entry)) as { value: { assumptions: Array<{ id: string; value?: number }> } };
    const first = kept.value.assumptions.find((assumption) => assumption.id === "alpha");
    if (first === undefined) throw new Error("the kept parse has no alpha");
    first.value = 7;
    writeFileSync(entry, sealedJson(kept, basename(entry)));
    expect(alpha()).toBe("7");
    // An edited file is a miss: parsed again, and the new parse replaces the entry.
    const yaml = join(root, "notebooks", "assumptions.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("value: 1\n", "value: 3\n"));
    expect(alpha()).toBe("3");
    expect(alpha()).toBe("3");
  }, 60_000);
});
