/**
 * A model whose arithmetic is undefined for some draws (a square root of a negative, 0 ÷ 0) fails
 * where it is run, naming the output, how many draws and the first one's inputs, rather than as a NaN
 * percentile wherever the run is quoted. An infinite draw is a number, and runs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AssumptionRegistry } from "../../src/assumptions/registry";
import { drawColumns, evaluate, inputsFrom, monteCarlo, summarize } from "../../src/model/montecarlo";
import { runModel, type ReportModel } from "../../src/model/runner";
import { MODEL_RUNS, SUMMARY_FIELDS, type KeptRun, type ModelRunStore } from "../../src/vocabulary/kept-runs";
import { runKey } from "../../src/model/draw-memo";
import { assumption } from "./helpers";

const registry = new AssumptionRegistry([assumption("pue", { low: 1, high: 2 }, "uniform"), assumption("kw", { low: 0.5, high: 1 }, "uniform")], "test.yaml");
const settings = { samples: 1000, seed: 20260428 };
const global = globalThis as { [MODEL_RUNS]?: ModelRunStore };
afterEach(() => {
  delete global[MODEL_RUNS];
});

const ENERGY: ReportModel<"pue" | "kw", "energy"> = { ids: { pue: "pue", kw: "kw" }, evaluate: ({ pue, kw }) => ({ energy: kw * Math.sqrt(pue - 1.3) }) };

describe("runModel and outputs that are not numbers", () => {
  it("names the output, counts its NaN draws and gives the first one's inputs", () => {
    // The same draws, counted apart: the inputs where pue − 1.3 is negative.
    const pue = monteCarlo((x: Readonly<Record<"pue" | "kw", number>>) => x.pue, inputsFrom(registry.reader("t"), ENERGY.ids), settings).inputs.pue;
    const bad = pue.filter((value) => value < 1.3).length;
    const first = pue.findIndex((value) => value < 1.3);
    expect(bad).toBeGreaterThan(200);
    expect(() => runModel(ENERGY, registry.reader("t"), settings)).toThrow(RangeError);
    expect(() => runModel(ENERGY, registry.reader("t"), settings)).toThrow(`model output "energy" is not a finite number in ${bad} of 1,000 draws; the first is draw ${first + 1}, where pue = ${pue[first]}, kw = `);
    expect(() => runModel(ENERGY, registry.reader("t"), settings)).toThrow(/fix the model, or the ranges of its inputs, so every draw has a value$/);
  });

  it("fails monteCarlo itself the same way (the model a new chapter starts from), and says no inputs where there are none", () => {
    const inputs = inputsFrom(registry.reader("t"), { pue: "pue" });
    expect(() => monteCarlo((x: Readonly<Record<"pue", number>>) => Math.log(x.pue - 1.5), inputs, settings)).toThrow(/^model output "value" is not a finite number in \d+ of 1,000 draws; the first is draw \d+, where pue = 1\.[0-4]/);
    expect(() => monteCarlo(() => 0 / 0, {}, settings)).toThrow(/^model output "value" is not a finite number in 1,000 of 1,000 draws; the first is draw 1: the model's arithmetic/);
  });

  it("refuses infinite draws too (their percentiles would be NaN), but runs a sum that overflows: each draw is a number", () => {
    const divides: ReportModel<"pue", "years"> = { ids: { pue: "pue" }, evaluate: ({ pue }) => ({ years: 1 / (pue > 1.5 ? 0 : pue - 1) }) };
    expect(() => runModel(divides, registry.reader("t"), settings)).toThrow(/model output "years" is not a finite number in \d+ of 1,000 draws; the first is draw \d+, where pue = 1\.[5-9]/);
    // Why: the percentiles interpolate between draws, and between two infinite ones that is NaN.
    expect(summarize([1, Infinity, Infinity, Infinity]).p95).toBeNaN();
    const huge: ReportModel<"pue", "big"> = { ids: { pue: "pue" }, evaluate: ({ pue }) => ({ big: pue * 1e306 }) };
    const run = runModel(huge, registry.reader("t"), settings);
    expect(run.summary.big.mean).toBe(Infinity);
    expect(Number.isFinite(run.summary.big.p50)).toBe(true);
  });

  it("fails a kept run with NaN draws as it fails one computed (a run kept by an earlier version)", () => {
    const inputs = inputsFrom(registry.reader("t"), ENERGY.ids);
    const columns = drawColumns(inputs, settings.samples, settings.seed);
    const outputs = evaluate(ENERGY.evaluate, columns, settings.samples) as Record<"energy", Float64Array>;
    let reads = 0;
    const kept: KeptRun = {
      samples: settings.samples,
      inputs: ["pue", "kw"],
      outputs: ["energy"],
      summaries: { energy: Float64Array.from(SUMMARY_FIELDS, (field) => summarize(outputs.energy)[field]) },
      valuesAt: (draws) => ({ inputs: { pue: draws.map((i) => columns.pue[i] as number), kw: draws.map((i) => columns.kw[i] as number) }, outputs: { energy: draws.map((i) => outputs.energy[i] as number) } }),
      column: (kind, name) => {
        reads++;
        return Float64Array.from((kind === "input" ? columns[name as "pue" | "kw"] : outputs.energy) ?? []);
      },
      spoil: () => undefined,
    };
    global[MODEL_RUNS] = { read: (_model, key) => (key === runKey(inputs, settings.samples, settings.seed) ? kept : undefined), write: () => undefined };
    expect(() => runModel(ENERGY, registry.reader("t"), settings)).toThrow(/^model output "energy" is not a finite number in \d+ of 1,000 draws/);
    expect(reads).toBeGreaterThan(0); // the kept columns were read to count and place them: not computed again
  });
});
