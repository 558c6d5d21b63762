import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseAssumptions } from "../../src/assumptions";
import * as labModels from "../../src/fragmentation-tax/lab-models";
import { MODEL_RUNS, type ModelRunStore } from "../../src/vocabulary/kept-runs";
import { runModel } from "../../src/model/runner";
import { rankCorrelation, rankCorrelations } from "../../src/model/sensitivity";
import { ModelRunFiles } from "../../src/notebook/model-runs";
import { sha256 } from "../../src/util/hash";

const FILE = "notebooks/assumptions.yaml";
const registry = parseAssumptions(readFileSync(FILE, "utf8"), FILE);
const settings = { samples: 2000, seed: 20260428 };
const model = labModels.FRAGMENTATION_TAX;
const OUTPUTS = ["total_tax_share_of_compute", "total_tax_usd"] as const;
const dirs: string[] = [];
const global = globalThis as { [MODEL_RUNS]?: ModelRunStore };

afterEach(() => {
  delete global[MODEL_RUNS];
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store as a notebook's (a new one per notebook), counting the columns read from kept runs. */
function notebook(dir: string): { columnsRead: number; files: ModelRunFiles } {
  const files = new ModelRunFiles(dir, "bundle-1");
  files.register("lab", labModels);
  const counter = { columnsRead: 0, files };
  const read = files.read.bind(files);
  files.read = (m, key, allocate) => {
    const run = read(m, key, allocate);
    return run === undefined ? undefined : { ...run, column: (kind, name) => (counter.columnsRead++, run.column(kind, name)) };
  };
  global[MODEL_RUNS] = files;
  return counter;
}

/** The run with no store at all (as in Jupyter): everything computed. */
function computedRun() {
  delete global[MODEL_RUNS];
  return runModel(model, registry.reader("t"), settings);
}

const derivedFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith(".json"));

describe("values kept beside a kept model run: rank correlations", () => {
  it("are the computed ones, and a later notebook reads them without reading a single column", () => {
    const expected = rankCorrelations(computedRun().result, OUTPUTS);
    const dir = mkdtempSync(join(tmpdir(), "fragtax-derived-"));
    dirs.push(dir);

    notebook(dir);
    const first = runModel(model, registry.reader("t"), settings).result; // computed, and kept
    expect(rankCorrelations(first, OUTPUTS)).toEqual(expected);
    expect(derivedFiles(dir)).toHaveLength(1);

    const later = notebook(dir);
    const kept = runModel(model, registry.reader("t"), settings).result;
    expect(rankCorrelations(kept, OUTPUTS)).toEqual(expected);
    expect(later.columnsRead).toBe(0);
    // Another question of the same run is another value: computed from the columns, then kept too.
    expect(rankCorrelation(kept, { output: "total_tax_usd" })).toEqual(expected.total_tax_usd);
    expect(later.columnsRead).toBeGreaterThan(0);
    expect(derivedFiles(dir)).toHaveLength(2);
  });

  it("of a run a cell has written to, are those of the run as written", () => {
    const dir = mkdtempSync(join(tmpdir(), "fragtax-derived-"));
    dirs.push(dir);
    notebook(dir);
    rankCorrelations(runModel(model, registry.reader("t"), settings).result, OUTPUTS); // kept, with its rows
    const strongest = rankCorrelations(computedRun().result, OUTPUTS).total_tax_share_of_compute[0]?.input as keyof ReturnType<typeof computedRun>["inputs"];
    const reverse = (column: Float64Array | undefined): void => void column?.reverse();

    // A column read, then written to: the kept rows are no longer this run's.
    const alteredHere = computedRun().result;
    reverse(alteredHere.inputs[strongest]);
    const expected = rankCorrelations(alteredHere, OUTPUTS);
    expect(expected.total_tax_share_of_compute).not.toEqual(rankCorrelations(computedRun().result, OUTPUTS).total_tax_share_of_compute);
    notebook(dir);
    const kept = runModel(model, registry.reader("t"), settings).result;
    reverse(kept.inputs[strongest]);
    expect(rankCorrelations(kept, OUTPUTS)).toEqual(expected);

    // An input taken away: the rows are of the inputs left.
    const fewer = computedRun().result;
    delete (fewer.inputs as Record<string, Float64Array>)[strongest];
    notebook(dir);
    const keptFewer = runModel(model, registry.reader("t"), settings).result;
    delete (keptFewer.inputs as Record<string, Float64Array>)[strongest];
    expect(rankCorrelations(keptFewer, OUTPUTS)).toEqual(rankCorrelations(fewer, OUTPUTS));
  });

  it("of a run whose columns a cell replaced without reading them, are those of the columns it holds", () => {
    const dir = mkdtempSync(join(tmpdir(), "fragtax-derived-"));
    dirs.push(dir);
    const other = { samples: settings.samples, seed: 7 };
    notebook(dir);
    rankCorrelations(runModel(model, registry.reader("t"), settings).result, OUTPUTS); // kept, with its rows
    runModel(model, registry.reader("t"), other); // kept too, below an output of it is moved in unread
    const strongest = rankCorrelations(computedRun().result, OUTPUTS).total_tax_usd[0]?.input as keyof ReturnType<typeof computedRun>["inputs"];
    const reversedUsd = computedRun().result.outputs.total_tax_usd.samples.slice().reverse();
    const reversedInput = computedRun().result.inputs[strongest].slice().reverse();
    const expectedOf = (change: (result: ReturnType<typeof computedRun>["result"]) => void) => {
      const result = computedRun().result;
      change(result);
      return rankCorrelations(result, OUTPUTS);
    };

    // An output's samples deleted and given again: no longer the accessor that would read them as kept.
    const expectedUsd = expectedOf((result) => void ((result.outputs.total_tax_usd as { samples: Float64Array }).samples = reversedUsd.slice()));
    notebook(dir);
    const deleted = runModel(model, registry.reader("t"), settings).result;
    const output = deleted.outputs.total_tax_usd as { samples?: Float64Array };
    delete output.samples;
    output.samples = reversedUsd.slice();
    expect(rankCorrelations(deleted, OUTPUTS)).toEqual(expectedUsd);

    // An input redefined in place.
    const expectedInput = expectedOf((result) => void ((result.inputs as Record<string, Float64Array>)[strongest] = reversedInput.slice()));
    notebook(dir);
    const redefined = runModel(model, registry.reader("t"), settings).result;
    Object.defineProperty(redefined.inputs, strongest, { value: reversedInput.slice(), enumerable: true, writable: true, configurable: true });
    expect(rankCorrelations(redefined, OUTPUTS)).toEqual(expectedInput);

    // Another kept run's output, its samples unread, moved in.
    const expectedMoved = expectedOf((result) => void ((result.outputs as Record<string, unknown>).total_tax_usd = runModel(model, registry.reader("t"), other).result.outputs.total_tax_usd));
    notebook(dir);
    const keptA = runModel(model, registry.reader("t"), settings).result;
    const keptB = runModel(model, registry.reader("t"), other).result;
    (keptA.outputs as Record<string, unknown>).total_tax_usd = keptB.outputs.total_tax_usd;
    expect(rankCorrelations(keptA, OUTPUTS)).toEqual(expectedMoved);
  });

  it("of a run computed again under the same file name (its model no longer gave the kept draws), are the new run's", () => {
    let factor = 1;
    // State a cell can change that the run's key cannot see; run-memo.ts's check of four draws finds it.
    const SCALED = { ids: model.ids, evaluate: (inputs: Parameters<typeof model.evaluate>[0]) => ({ ...model.evaluate(inputs), total_tax_usd: model.evaluate(inputs).total_tax_usd * (factor === 1 ? 1 : inputs.utilization) }) };
    const dir = mkdtempSync(join(tmpdir(), "fragtax-derived-"));
    dirs.push(dir);
    const files = () => {
      const store = new ModelRunFiles(dir, "bundle-1");
      store.register("scaled", { SCALED });
      global[MODEL_RUNS] = store;
    };
    files();
    const before = rankCorrelations(runModel(SCALED, registry.reader("t"), settings).result, OUTPUTS);
    factor = 2;
    delete global[MODEL_RUNS];
    const expected = rankCorrelations(runModel(SCALED, registry.reader("t"), settings).result, OUTPUTS);
    expect(expected.total_tax_usd).not.toEqual(before.total_tax_usd);
    files();
    expect(rankCorrelations(runModel(SCALED, registry.reader("t"), settings).result, OUTPUTS)).toEqual(expected);
  });

  it("a kept value that is damaged, or not rows of this run, is computed again and kept anew", () => {
    const expected = rankCorrelations(computedRun().result, OUTPUTS);
    const dir = mkdtempSync(join(tmpdir(), "fragtax-derived-"));
    dirs.push(dir);
    notebook(dir);
    rankCorrelations(runModel(model, registry.reader("t"), settings).result, OUTPUTS);
    const [name] = derivedFiles(dir);
    const file = join(dir, name as string);
    const whole = JSON.parse(readFileSync(file, "utf8")) as { sha256: string; value: string };
    const forged = (value: unknown): string => {
      const text = JSON.stringify(value);
      return JSON.stringify({ ...whole, value: text, sha256: sha256(text) });
    };
    for (const damaged of [
      JSON.stringify({ ...whole, value: whole.value.replace(/\d(?=\D*$)/, (digit) => String((Number(digit) + 1) % 10)) }), // a digit changed
      "{ not json",
      forged({ total_tax_share_of_compute: [], total_tax_usd: [] }).replace('"sha256"', '"sha"'),
      forged({ total_tax_share_of_compute: [{ input: "no_such_input", rho: 1 }], total_tax_usd: [] }),
      forged({ total_tax_share_of_compute: [{ input: "gpu_count", rho: "1" }], total_tax_usd: [] }),
      forged({ total_tax_share_of_compute: [] }),
    ]) {
      writeFileSync(file, damaged);
      const later = notebook(dir);
      expect(rankCorrelations(runModel(model, registry.reader("t"), settings).result, OUTPUTS)).toEqual(expected);
      expect(later.columnsRead).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(whole); // kept anew, as it was first
    }
  });

  it("a value the folder refuses to keep is still given, and the refusal is the store's to say, with the path", () => {
    const expected = rankCorrelations(computedRun().result, OUTPUTS);
    const dir = mkdtempSync(join(tmpdir(), "fragtax-derived-"));
    dirs.push(dir);
    notebook(dir);
    runModel(model, registry.reader("t"), settings); // kept, without rows
    const [run] = readdirSync(dir);
    const where = join(dir, `${(run as string).replace(/\.bin$/, "")}.${sha256(`rank-correlations ${JSON.stringify(OUTPUTS)}`).slice(0, 16)}.json`);
    mkdirSync(where); // a folder where the value's file would go
    const { files } = notebook(dir);
    expect(rankCorrelations(runModel(model, registry.reader("t"), settings).result, OUTPUTS)).toEqual(expected);
    expect(files.refused()).toMatchObject({ path: where });
  });
});
