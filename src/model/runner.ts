/**
 * The generic model runner: a report model names the assumptions it reads (by id) and the arithmetic
 * that turns one draw of them into outputs; `runModel(MODEL, nb.assumptions, nb.montecarlo)` runs it
 * by Monte Carlo. Every assumption's random stream is keyed by its id, so the same id gives the same
 * draws in any model, and a summary that re-runs a chapter's model quotes the same numbers. Also the
 * helpers any chapter shares: histograms, figure numbers, an assumption's interval. Nothing here
 * knows this report: its chapter models live in src/fragmentation-tax/.
 */
import type { Driver, Summary } from "../vocabulary/results";
import type { Assumption, AssumptionReader } from "../assumptions/types";
import { driversOf } from "./drivers";
import { checkFinite, inputsFrom, monteCarlo, type Model, type MonteCarloResult } from "./montecarlo";
import { keptOrComputed } from "./run-memo";
import { defineLazy } from "./lazy";

/**
 * A chapter model: input names mapped to assumption ids, and a pure per-draw evaluation. Pure means it
 * reads its inputs and constants only: the engine keeps the runs of a model a module exports and
 * serves them to later notebooks (run-memo.ts), which is right only when nothing else can move them.
 */
export interface ReportModel<K extends string, O extends string> {
  readonly ids: Readonly<Record<K, string>>;
  readonly evaluate: (x: Readonly<Record<K, number>>) => Record<O, number>;
}

export interface ModelRun<K extends string, O extends string> {
  /** p5…p95 and mean per output (without samples, ready for `nb.figure`). */
  readonly summary: Readonly<Record<O, Summary>>;
  readonly mean: Readonly<Record<O, number>>;
  readonly samples: Readonly<Record<O, Float64Array>>;
  /** The drawn inputs, one column per input name. */
  readonly inputs: Readonly<Record<K, Float64Array>>;
  readonly assumptions: Readonly<Record<K, Assumption>>;
  /**
   * The lowest and highest output over every corner of the input box (each input at its range
   * bounds, or its value if fixed): the "whole input box" reading of a stated range.
   */
  readonly corners: Readonly<Record<O, { readonly low: number; readonly high: number }>>;
  /** The raw Monte Carlo result, for `rankCorrelation`. */
  readonly result: MonteCarloResult<K, Record<O, number>>;
  /** Each assumption's weight in an output's uncertainty (drivers.ts), for `nb.claim({ drivers })`. */
  readonly drivers: (output: O) => Driver[];
}

export function runModel<K extends string, O extends string>(
  model: ReportModel<K, O>,
  reader: AssumptionReader,
  settings: { readonly samples: number; readonly seed: number },
): ModelRun<K, O> {
  const assumptions = inputsFrom(reader, model.ids);
  // A Record<O, number> is numeric by construction; the core's Model type cannot see that for a generic O.
  // The same model on the same draws in another notebook (the summary re-runs the chapters') is kept: run-memo.ts.
  const evaluate = model.evaluate as Model<K, Record<O, number>>;
  const result = keptOrComputed(model, evaluate, assumptions, settings, () => monteCarlo(evaluate, assumptions, settings));
  const summary = {} as Record<O, Summary>;
  const mean = {} as Record<O, number>;
  const samples = {} as Record<O, Float64Array>;
  for (const [name, out] of Object.entries(result.outputs) as [O, { samples: Float64Array } & Summary][]) {
    const { mean: m, p5, p25, p50, p75, p95 } = out;
    // A kept run is checked as a computed one is (montecarlo.ts): its columns are read only then.
    checkFinite(name, m, () => out.samples, result.inputs);
    summary[name] = { mean: m, p5, p25, p50, p75, p95 };
    mean[name] = m;
    // Read when asked for: a kept run's columns are read from its file then (run-memo.ts).
    defineLazy(samples, name, () => out.samples);
  }
  const drivers = (output: O): Driver[] => driversOf(model.evaluate, assumptions, output);
  // The corners cost up to 2¹² evaluations and few callers read them: computed on first read, once.
  let corners: Record<O, { low: number; high: number }> | undefined;
  const run = {
    summary, mean, samples, inputs: result.inputs, assumptions, result, drivers,
    get corners() {
      return (corners ??= cornersOf(model, assumptions));
    },
  };
  // Shown (a cell's value, console.log) with the corners' numbers, not "[Getter]".
  Object.defineProperty(run, Symbol.for("nodejs.util.inspect.custom"), {
    value: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) => inspect({ ...run }, options),
  });
  return run;
}

const MAX_CORNER_INPUTS = 12;

function cornersOf<K extends string, O extends string>(model: ReportModel<K, O>, assumptions: Readonly<Record<K, Assumption>>): Record<O, { low: number; high: number }> {
  const names = Object.keys(assumptions) as K[];
  const bounds = names.map((n) => {
    const a = assumptions[n];
    return a.range !== undefined ? [a.range.low, a.range.high] : [a.value ?? Number.NaN, a.value ?? Number.NaN];
  });
  const varying = bounds.map((b, i) => (b[0] !== b[1] ? i : -1)).filter((i) => i >= 0).slice(0, MAX_CORNER_INPUTS);
  const bitOf = names.map((_, i) => varying.indexOf(i));
  const corners = {} as Record<O, { low: number; high: number }>;
  for (let mask = 0; mask < 1 << varying.length; mask++) {
    const x = {} as Record<K, number>;
    for (let i = 0; i < names.length; i++) {
      const bit = bitOf[i] as number;
      x[names[i] as K] = (bounds[i] as number[])[bit >= 0 && mask & (1 << bit) ? 1 : 0] as number;
    }
    for (const [o, v] of Object.entries(model.evaluate(x)) as [O, number][]) {
      const c = corners[o];
      corners[o] = c === undefined ? { low: v, high: v } : { low: Math.min(c.low, v), high: Math.max(c.high, v) };
    }
  }
  return corners;
}

/** Equal-width histogram of samples, for charts (a few dozen rows instead of 10,000 points). */
export function histogramBins(samples: Float64Array, bins: number): { x0: number; x1: number; count: number }[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of samples) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const width = (hi - lo) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of samples) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  return counts.map((count, i) => ({ x0: lo + i * width, x1: lo + (i + 1) * width, count }));
}

/**
 * A Monte Carlo summary as a figure's number: `{ value }` when every draw was the same (an output
 * of fixed inputs only, e.g. Stargate's $500B ÷ 4 years), else `{ summary }`, so readers never see a
 * "90% interval $125B–$125B".
 */
export function figureNumbers(s: Summary): { readonly value: number } | { readonly summary: Summary } {
  return s.p5 === s.p95 ? { value: s.p50 } : { summary: s };
}

/** An assumption's 90% interval, or its value as a zero-width interval when it is fixed. */
export function intervalOf(a: Assumption): { readonly low: number; readonly high: number } {
  return a.range ?? { low: a.value ?? Number.NaN, high: a.value ?? Number.NaN };
}
