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
import { type MonteCarloResult } from "./montecarlo";
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
    readonly corners: Readonly<Record<O, {
        readonly low: number;
        readonly high: number;
    }>>;
    /** The raw Monte Carlo result, for `rankCorrelation`. */
    readonly result: MonteCarloResult<K, Record<O, number>>;
    /** Each assumption's weight in an output's uncertainty (drivers.ts), for `nb.claim({ drivers })`. */
    readonly drivers: (output: O) => Driver[];
}
export declare function runModel<K extends string, O extends string>(model: ReportModel<K, O>, reader: AssumptionReader, settings: {
    readonly samples: number;
    readonly seed: number;
}): ModelRun<K, O>;
/** Equal-width histogram of samples, for charts (a few dozen rows instead of 10,000 points). */
export declare function histogramBins(samples: Float64Array, bins: number): {
    x0: number;
    x1: number;
    count: number;
}[];
/**
 * A Monte Carlo summary as a figure's number: `{ value }` when every draw was the same (an output
 * of fixed inputs only, e.g. Stargate's $500B ÷ 4 years), else `{ summary }`, so readers never see a
 * "90% CI $125B–$125B".
 */
export declare function figureNumbers(s: Summary): {
    readonly value: number;
} | {
    readonly summary: Summary;
};
/** An assumption's 90% interval, or its value as a zero-width interval when it is fixed. */
export declare function intervalOf(a: Assumption): {
    readonly low: number;
    readonly high: number;
};
