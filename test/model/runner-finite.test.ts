/**
 * A model whose arithmetic gives no number for some draws (a square root of a negative, 0 ÷ 0) fails
 * where it is run, naming the output, how many draws and the inputs of the first, rather than as a
 * NaN percentile wherever the run is quoted.
 */
import { describe, expect, it } from "vitest";
import { AssumptionRegistry } from "../../src/assumptions/registry";
import { monteCarlo, inputsFrom } from "../../src/model/montecarlo";
import { runModel, type ReportModel } from "../../src/model/runner";
import { assumption } from "./helpers";

const registry = new AssumptionRegistry([assumption("pue", { low: 1, high: 2 }, "uniform"), assumption("kw", { low: 0.5, high: 1 }, "uniform")], "test.yaml");
const settings = { samples: 1000, seed: 20260428 };

describe("runModel and outputs that are not numbers", () => {
  it("names the output, counts its bad draws and gives the first one's inputs", () => {
    const model: ReportModel<"pue" | "kw", "energy"> = { ids: { pue: "pue", kw: "kw" }, evaluate: ({ pue, kw }) => ({ energy: kw * Math.sqrt(pue - 1.3) }) };
    // The same draws, counted apart: the inputs where pue − 1.3 is negative.
    const pue = monteCarlo((x: Readonly<Record<"pue" | "kw", number>>) => x.pue, inputsFrom(registry.reader("t"), model.ids), settings).inputs.pue;
    const bad = pue.filter((value) => value < 1.3).length;
    const first = pue.findIndex((value) => value < 1.3);
    expect(bad).toBeGreaterThan(200);
    expect(() => runModel(model, registry.reader("t"), settings)).toThrow(RangeError);
    expect(() => runModel(model, registry.reader("t"), settings)).toThrow(`model output "energy" is not a finite number in ${bad} of 1,000 draws; the first is draw ${first + 1}, where pue = ${pue[first]}, kw = `);
    expect(() => runModel(model, registry.reader("t"), settings)).toThrow(/fix the model, or the ranges of its inputs, so every draw has a value$/);
  });

  it("fails monteCarlo itself the same way (the model a new chapter starts from)", () => {
    const inputs = inputsFrom(registry.reader("t"), { pue: "pue" });
    expect(() => monteCarlo((x: Readonly<Record<"pue", number>>) => Math.log(x.pue - 1.5), inputs, settings)).toThrow(/^model output "value" is not a finite number in \d+ of 1,000 draws; the first is draw \d+, where pue = 1\.[0-4]/);
  });

  it("counts a division by zero too, and lets a model whose every draw is a number run", () => {
    const divides: ReportModel<"pue", "ratio"> = { ids: { pue: "pue" }, evaluate: ({ pue }) => ({ ratio: 1 / (pue > 1.5 ? 0 : pue) }) };
    expect(() => runModel(divides, registry.reader("t"), settings)).toThrow(/model output "ratio" is not a finite number in \d+ of 1,000 draws/);
    const fine: ReportModel<"pue", "ratio"> = { ids: { pue: "pue" }, evaluate: ({ pue }) => ({ ratio: 1 / pue }) };
    expect(runModel(fine, registry.reader("t"), settings).summary.ratio.p50).toBeGreaterThan(0.5);
  });
});
