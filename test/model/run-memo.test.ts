import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { parseAssumptions } from "../../src/assumptions";
import * as chapterModels from "../../src/fragmentation-tax/chapter-models";
import * as labModels from "../../src/fragmentation-tax/lab-models";
import { checkedDraws, MODEL_RUNS, type ModelRunStore } from "../../src/vocabulary/kept-runs";
import { runModel, type ModelRun, type ReportModel } from "../../src/model/runner";
import { ModelRunFiles, pruneModelRuns } from "../../src/notebook/model-runs";
import { encode, openRunFile } from "../../src/notebook/model-run-file";
import { temporarySibling } from "../../src/util/atomic";

const FILE = "notebooks/assumptions.yaml";
const registry = parseAssumptions(readFileSync(FILE, "utf8"), FILE);
const settings = { samples: 3000, seed: 20260428 };
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "fragtax-runs-"));
  dirs.push(dir);
  return dir;
};
const global = globalThis as { [MODEL_RUNS]?: ModelRunStore };

afterEach(() => {
  delete global[MODEL_RUNS];
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store of files whose models are this module's exports, counting reads that found a run. */
function store(dir: string, bundleHash = "bundle-1"): ModelRunFiles & { hits: number } {
  const files = new ModelRunFiles(dir, bundleHash) as ModelRunFiles & { hits: number };
  files.hits = 0;
  files.register("chapters", chapterModels);
  files.register("lab", labModels);
  const read = files.read.bind(files);
  files.read = (model, key, allocate) => {
    const run = read(model, key, allocate);
    if (run !== undefined) files.hits += 1;
    return run;
  };
  return files;
}

/**
 * Every number of a run, as text that tells NaN, −0 and each bit of a double apart, and each column's
 * memory (a caller may read `column.buffer` whole, as `new Float64Array(column.buffer)` does).
 */
function bits(run: Pick<ModelRun<string, string>, "summary" | "samples" | "inputs">): string {
  const column = (values: Float64Array) => `${values.byteOffset}+${values.buffer.byteLength}:${Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64")}`;
  return JSON.stringify({
    summary: Object.entries(run.summary).map(([name, s]) => [name, Object.entries(s).map(([k, v]) => `${k}=${Object.is(v, -0) ? "-0" : String(v)}`)]),
    samples: Object.entries(run.samples).map(([name, values]) => [name, column(values)]),
    inputs: Object.entries(run.inputs).map(([name, values]) => [name, column(values)]),
  });
}

const models: [string, ReportModel<string, string>][] = [
  ["TRAINING_ESSAY_BOX", chapterModels.TRAINING_ESSAY_BOX],
  ["SOVEREIGNTY", chapterModels.SOVEREIGNTY],
  ["FRAGMENTATION_TAX", labModels.FRAGMENTATION_TAX],
  ["FRAGMENTATION_TAX_ALTERNATIVES[1].model", labModels.FRAGMENTATION_TAX_ALTERNATIVES[1]!.model],
];

describe("model runs kept between notebooks", () => {
  it.each(models)("a kept run of %s is, bit for bit, the run computed again", (name, model) => {
    const computed = bits(runModel(model, registry.reader(name), settings));
    const files = store(tempDir());
    global[MODEL_RUNS] = files;
    expect(bits(runModel(model, registry.reader(name), settings))).toBe(computed); // computed, and kept
    expect(files.hits).toBe(0);
    expect(bits(runModel(model, registry.reader(name), settings))).toBe(computed); // the kept run
    expect(files.hits).toBe(1);
  });

  it("a kept run is the reader's own: writing to it does not change the next one", () => {
    global[MODEL_RUNS] = store(tempDir());
    const first = runModel(chapterModels.TRAINING_ESSAY_BOX, registry.reader("t"), settings);
    const kept = runModel(chapterModels.TRAINING_ESSAY_BOX, registry.reader("t"), settings);
    const p50 = kept.samples.cost_usd[0];
    kept.samples.cost_usd.fill(-1);
    kept.inputs.gpus.fill(-1);
    const again = runModel(chapterModels.TRAINING_ESSAY_BOX, registry.reader("t"), settings);
    expect(again.samples.cost_usd[0]).toBe(p50);
    expect(again.inputs.gpus[0]).toBe(first.inputs.gpus[0]);
    expect(again.samples.cost_usd).toBeInstanceOf(Float64Array);
  });

  it("is a miss when anything the run reads differs: an input's range, the seed, the sample count, the bundle", () => {
    const dir = tempDir();
    const files = store(dir);
    global[MODEL_RUNS] = files;
    const model = chapterModels.TRAINING_ESSAY_BOX;
    const base = runModel(model, registry.reader("t"), settings).summary.cost_usd.p50;
    const wider = parseAssumptions(readFileSync(FILE, "utf8").replace(/(id: essay_training_gpu_count[\s\S]*?high:\s*)([\d_]+)/, (_m, head: string) => `${head}30000`), FILE);
    expect(runModel(model, wider.reader("t"), settings).summary.cost_usd.p50).not.toBe(base);
    runModel(model, registry.reader("t"), { ...settings, seed: 1 });
    runModel(model, registry.reader("t"), { ...settings, samples: 2000 });
    expect(files.hits).toBe(0);
    expect(readdirSync(dir)).toHaveLength(4);
    const otherCode = store(dir, "bundle-2");
    global[MODEL_RUNS] = otherCode;
    runModel(model, registry.reader("t"), settings);
    expect(otherCode.hits).toBe(0);
  });

  it("keeps only the models a module exports, while they are what it exported", () => {
    const dir = tempDir();
    global[MODEL_RUNS] = store(dir);
    const box = chapterModels.TRAINING_ESSAY_BOX;
    runModel({ ids: box.ids, evaluate: box.evaluate }, registry.reader("t"), settings); // made here, not exported
    expect(readdirSync(dir)).toHaveLength(0);
    const changed = { ...box };
    const files = new ModelRunFiles(dir, "bundle-1");
    files.register("m", { changed });
    global[MODEL_RUNS] = files;
    runModel(changed, registry.reader("t"), settings);
    expect(readdirSync(dir)).toHaveLength(1);
    (changed as { evaluate: ReportModel<string, string>["evaluate"] }).evaluate = (x) => ({ cost_usd: 2 * (x.gpus as number), gpu_hours: 0 });
    const run = runModel(changed, registry.reader("t"), settings);
    expect(run.samples.cost_usd[0]).toBe(2 * (run.inputs.gpus[0] as number)); // computed with the new evaluate
  });

  it("a kept run the model no longer gives (state it reads has changed) is computed again", () => {
    const dir = tempDir();
    let scale = 1;
    const box = chapterModels.TRAINING_ESSAY_BOX;
    const SCALED: ReportModel<"gpus" | "days" | "price" | "compute", "cost_usd"> = { ids: box.ids, evaluate: (x) => ({ cost_usd: scale * box.evaluate(x).cost_usd }) };
    const files = new ModelRunFiles(dir, "bundle-1");
    files.register("m", { SCALED });
    global[MODEL_RUNS] = files;
    const once = runModel(SCALED, registry.reader("t"), settings).summary.cost_usd.p50;
    expect(runModel(SCALED, registry.reader("t"), settings).summary.cost_usd.p50).toBe(once); // kept, and still given
    scale = 3;
    expect(runModel(SCALED, registry.reader("t"), settings).summary.cost_usd.p50).toBeCloseTo(3 * once, 0);
  });

  it("counts a kept run it found but did not take as computed, though the exports changed meanwhile", () => {
    const dir = tempDir();
    // A module whose model records something in an exported table as it evaluates (a memo, a call count).
    const module = { MODEL: { ids: { gpus: "essay_training_gpu_count" }, evaluate: () => ({}) }, TABLE: { calls: 0 } };
    const run = { inputs: { gpus: new Float64Array([1, 2]) }, outputs: {} };
    const first = new ModelRunFiles(dir, "bundle-1");
    first.register("m", module);
    const allocate = (length: number): Float64Array => new Float64Array(length);
    expect(first.read(module.MODEL, "k", allocate)).toBeUndefined();
    first.write(module.MODEL, "k", run);
    const files = new ModelRunFiles(dir, "bundle-1");
    files.register("m", module);
    expect(files.read(module.MODEL, "k", allocate)).toBeDefined();
    module.TABLE.calls = 4; // the check evaluated it, and did not take the run: it is computed and written
    files.write(module.MODEL, "k", run);
    expect(files.counts()).toEqual({ kept: 0, computed: 1 });
  });

  it("the data the report's models read from their modules cannot be changed by a cell", () => {
    // REVENUE_SHARE reads REVENUE_SHARE_YEARS, SCENARIOS reads SCENARIO_NAMES: a cell that pushed a year
    // would be served the kept five-year run (the key names the model, not the module's data).
    const data = Object.entries({ ...chapterModels, ...labModels }).filter(([, value]) => Array.isArray(value) && value.every((item) => typeof item !== "object"));
    expect(data.map(([name]) => name).sort()).toEqual(["REVENUE_SHARE_YEARS", "SCENARIO_NAMES"]);
    for (const [name, value] of data) expect([name, Object.isFrozen(value)]).toEqual([name, true]);
    expect(() => (chapterModels.REVENUE_SHARE_YEARS as unknown as number[]).push(2031)).toThrow(TypeError);
  });

  /** `file` with one bit of byte `at` flipped: a double that is still a number, the length unchanged. */
  const flipped = (file: Buffer, at: number): Buffer => {
    const copy = Buffer.from(file);
    copy[at] = (copy[at] as number) ^ 1;
    return copy;
  };

  it("a damaged file is a miss, and the run is computed again: its header or summaries at once, a column when it is read", () => {
    const dir = tempDir();
    global[MODEL_RUNS] = store(dir);
    const computed = bits(runModel(chapterModels.SOVEREIGNTY, registry.reader("s"), settings));
    const [name] = readdirSync(dir);
    const file = join(dir, name as string);
    const whole = readFileSync(file);
    const summariesAt = Math.ceil((4 + whole.readUInt32LE(0)) / 8) * 8; // the first double after the header
    const atOnce = [whole.subarray(0, whole.length - 8), Buffer.from("not a run"), Buffer.alloc(0), Buffer.concat([whole, Buffer.alloc(8)]), flipped(whole, summariesAt + 3)];
    for (const damaged of [...atOnce, flipped(whole, whole.length - 1), flipped(whole, whole.length - 8 * 100)]) {
      writeFileSync(file, damaged);
      const files = store(dir);
      global[MODEL_RUNS] = files;
      expect(bits(runModel(chapterModels.SOVEREIGNTY, registry.reader("s"), settings))).toBe(computed);
      expect(files.hits).toBe(atOnce.includes(damaged) ? 0 : 1); // a damaged column: found, then not taken
      expect(files.counts()).toEqual({ kept: 0, computed: 1 });
    }
  });

  it("reads a kept run's columns only when they are asked for, and computes the run when one can no longer be read", () => {
    const dir = tempDir();
    global[MODEL_RUNS] = store(dir);
    const model = chapterModels.TRAINING_ESSAY_BOX;
    const computed = runModel(model, registry.reader("t"), settings);
    const [name] = readdirSync(dir);
    const file = join(dir, name as string);
    const whole = readFileSync(file);

    // Found and taken: the file then goes, and nothing read it since. Its summaries are the computed ones.
    let files = store(dir);
    global[MODEL_RUNS] = files;
    const kept = runModel(model, registry.reader("t"), settings);
    rmSync(file);
    expect(kept.summary).toEqual(computed.summary);
    expect(files.counts()).toEqual({ kept: 1, computed: 0 });
    // Its columns, asked for now, come from computing the run: the same numbers, counted computed.
    expect(bits(kept)).toBe(bits(computed));
    expect(files.counts()).toEqual({ kept: 0, computed: 1 });

    // Damaged in place after it was taken: seen when the column is read, not before.
    writeFileSync(file, whole);
    files = store(dir);
    global[MODEL_RUNS] = files;
    const later = runModel(model, registry.reader("t"), settings);
    writeFileSync(file, flipped(whole, whole.length - 8 * 7));
    expect(files.counts()).toEqual({ kept: 1, computed: 0 });
    expect(bits(later)).toBe(bits(computed));
    expect(files.counts()).toEqual({ kept: 0, computed: 1 });
    expect(readdirSync(dir)).toEqual([]); // removed: the next read misses and keeps it anew
  });

  it("shows a kept run as it shows the run computed (a cell's value, console.log)", () => {
    global[MODEL_RUNS] = store(tempDir());
    const model = chapterModels.SOVEREIGNTY;
    const computed = runModel(model, registry.reader("s"), settings);
    type Run = typeof computed;
    for (const show of [(run: Run) => run, (run: Run) => run.result, (run: Run) => run.samples, (run: Run) => ({ nested: { deeper: run.result.outputs } })]) {
      const kept = runModel(model, registry.reader("s"), settings);
      for (const options of [{}, { depth: 0 }, { depth: 4, breakLength: 40 }]) expect(inspect(show(kept), options)).toBe(inspect(show(computed), options));
    }
  });

  it("a kept run's columns are the reader's own arrays: a store that fills one array for every column, or views into one buffer, changes none it gave", () => {
    const dir = tempDir();
    const files = store(dir);
    global[MODEL_RUNS] = files;
    const computed = bits(runModel(chapterModels.SOVEREIGNTY, registry.reader("s"), settings));
    const read = files.read.bind(files);
    for (const misfit of [
      // The same array for every column the reader asks for.
      (allocate: (length: number) => Float64Array) => {
        let first: Float64Array | undefined;
        return (length: number) => (first ??= allocate(length)).length === length ? first : allocate(length);
      },
      // Views into one buffer, as a whole file read at once would give.
      () => {
        const whole = new Float64Array(1_000_000);
        let at = 0;
        return (length: number) => whole.subarray(at, (at += length));
      },
    ]) {
      files.hits = 0;
      files.read = (model, key, allocate) => read(model, key, misfit(allocate));
      // Every column read (bits reads them all), each after the one before: what the first gave is unchanged.
      expect(bits(runModel(chapterModels.SOVEREIGNTY, registry.reader("s"), settings))).toBe(computed);
      expect(files.hits).toBe(1);
    }
  });

  it("a folder that cannot be written only keeps nothing", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "model-runs"), "a file where the folder would be");
    global[MODEL_RUNS] = store(join(dir, "model-runs"));
    const computed = bits(runModel(chapterModels.CREDITS, registry.reader("c"), settings));
    expect(bits(runModel(chapterModels.CREDITS, registry.reader("c"), settings))).toBe(computed);
  });
});

describe("the kept-run file", () => {
  it("keeps NaN, ±Infinity and −0, and is refused under another name or key", () => {
    const odd = Float64Array.of(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 5e-324);
    const run = { inputs: { a: odd }, outputs: { out: { summary: Float64Array.of(Number.NaN, -0, 1, 2, 3, 4), samples: odd } } };
    const file = join(tempDir(), "run.bin");
    writeFileSync(file, Buffer.concat(encode(run, "m#X", "k").chunks));
    const made: Float64Array[] = [];
    const back = openRunFile(file, "m#X", "k", (length) => made[made.push(new Float64Array(length)) - 1] as Float64Array);
    expect(made).toEqual([]); // nothing read but the header and the summaries
    const a = back?.column("input", "a");
    const out = back?.column("output", "out");
    expect([...(a ?? [])].map(String)).toEqual(["NaN", "Infinity", "-Infinity", "0", "5e-324"]);
    expect(Object.is(a?.[3], -0)).toBe(true);
    expect(Object.is(back?.summaries.out?.[1], -0)).toBe(true);
    expect(back?.valuesAt([1, 3])).toEqual({ inputs: { a: [Number.POSITIVE_INFINITY, -0] }, outputs: { out: [Number.POSITIVE_INFINITY, -0] } });
    // Each column is one of the arrays the reader was given, filled in place.
    expect(made.length === 2 && made[0] === a && made[1] === out).toBe(true);
    expect(back?.column("input", "nope")).toBeUndefined();
    expect(openRunFile(file, "m#Y", "k", (length) => new Float64Array(length))).toBeUndefined();
    expect(openRunFile(file, "m#X", "other", (length) => new Float64Array(length))).toBeUndefined();
  });

  it("gives the draws a kept run is checked at from beside its summaries, reading no column", () => {
    const column = Float64Array.from({ length: 1000 }, (_, i) => i + 0.5);
    const run = { inputs: { a: column }, outputs: { out: { summary: Float64Array.of(1, 2, 3, 4, 5, 6), samples: column.map((x) => -x) } } };
    const file = join(tempDir(), "run.bin");
    const { chunks } = encode(run, "m#X", "k");
    // Every column's bytes zeroed after it was opened: the checked draws are still the kept ones; other draws read the zeros.
    writeFileSync(file, Buffer.concat(chunks));
    const back = openRunFile(file, "m#X", "k", (length) => new Float64Array(length));
    const columnsBytes = column.byteLength * 2;
    writeFileSync(file, Buffer.concat([...chunks.slice(0, -2), Buffer.alloc(columnsBytes)]));
    const draws = checkedDraws(1000);
    expect(back?.valuesAt(draws)).toEqual({ inputs: { a: draws.map((i) => i + 0.5) }, outputs: { out: draws.map((i) => -(i + 0.5)) } });
    expect(back?.valuesAt([1, 2])).toEqual({ inputs: { a: [0, 0] }, outputs: { out: [0, 0] } });
  });

  it("pruning removes the runs used longest ago, down to half the budget", () => {
    const dir = tempDir();
    const now = Date.now() / 1000;
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, `${i}.bin`), Buffer.alloc(100));
      utimesSync(join(dir, `${i}.bin`), now - 100 + i, now - 100 + i);
    }
    pruneModelRuns(dir, 1000);
    expect(readdirSync(dir)).toHaveLength(6); // 600 bytes: within the budget
    pruneModelRuns(dir, 500);
    expect(readdirSync(dir).sort()).toEqual(["4.bin", "5.bin"]); // the newest, within 250 bytes
  });

  it("pruning removes what a write killed midway left, once it is a minute old, whatever the folder's size", () => {
    const dir = tempDir();
    const stale = basename(temporarySibling(join(dir, "a.bin")));
    const fresh = basename(temporarySibling(join(dir, "b.bin")));
    for (const name of [stale, fresh, "c.bin"]) writeFileSync(join(dir, name), Buffer.alloc(10));
    const now = Date.now();
    utimesSync(join(dir, stale), (now - 120_000) / 1000, (now - 120_000) / 1000);
    utimesSync(join(dir, "c.bin"), (now - 120_000) / 1000, (now - 120_000) / 1000); // an old run, within the budget: kept
    pruneModelRuns(dir, 1000, now);
    expect(readdirSync(dir).sort()).toEqual(["c.bin", fresh].sort()); // a write under way (fresh) is left alone
  });
});
