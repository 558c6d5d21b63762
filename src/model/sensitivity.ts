/**
 * Which inputs drive an output.
 *
 * Tornado (one-at-a-time): every uncertain input in turn swings from its p5 to its p95 while all the
 * others sit at their medians; rows sort by the size of the output's swing.
 *
 * Rank correlation (global, from the Monte Carlo samples): Spearman's ρ between each input's draws
 * and the output, i.e. Pearson correlation of ranks (ties share their average rank). Unlike the
 * tornado it sees interactions and the inputs' whole distributions.
 */
import * as msg from "../messages/model";
import { distributionOf } from "./distributions";
import { medians } from "./montecarlo";
import type { InputSpec, Model, ModelOutput, MonteCarloResult, OutputName } from "./montecarlo";
import { ascendingOrder, hasNaN } from "./order";
import { derivedFromRun } from "./run-memo";

export interface TornadoRow<K extends string> {
  readonly input: K;
  readonly inputLow: number;
  readonly inputHigh: number;
  /** Output with this input at its p5 (others at median) … */
  readonly outputAtLow: number;
  /** … and at its p95. */
  readonly outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  readonly swing: number;
}

export interface Tornado<K extends string> {
  /** Output with every input at its median. */
  readonly base: number;
  /** Uncertain inputs only (constants and fixed assumptions do not swing), largest swing first. */
  readonly rows: readonly TornadoRow<K>[];
}

export interface OutputChoice<O> {
  /** Which output to analyse when the model returns several. */
  readonly output?: OutputName<O>;
}

export function tornado<K extends string, O extends ModelOutput>(
  model: Model<K, O>,
  inputs: Readonly<Record<K, InputSpec>>,
  options: OutputChoice<O> & { readonly lowP?: number; readonly highP?: number } = {},
): Tornado<K> {
  const { lowP = 0.05, highP = 0.95 } = options;
  const center = medians(inputs);
  const run = (values: Record<K, number>): number => pickOutput(model(values), options.output);
  const rows: TornadoRow<K>[] = [];
  for (const input of Object.keys(inputs) as K[]) {
    const spec = inputs[input];
    if (typeof spec === "number" || spec.distribution === "fixed") continue;
    const distribution = distributionOf(spec);
    const inputLow = distribution.quantile(lowP);
    const inputHigh = distribution.quantile(highP);
    const outputAtLow = run({ ...center, [input]: inputLow });
    const outputAtHigh = run({ ...center, [input]: inputHigh });
    rows.push({ input, inputLow, inputHigh, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) });
  }
  rows.sort((a, b) => b.swing - a.swing);
  return { base: run(center), rows };
}

export interface RankCorrelationRow<K extends string> {
  readonly input: K;
  readonly rho: number;
}

/** Spearman's ρ of the chosen output on every input that varied, strongest |ρ| first. */
export function rankCorrelation<K extends string, O extends ModelOutput>(
  result: MonteCarloResult<K, O>,
  options: OutputChoice<O> = {},
): readonly RankCorrelationRow<K>[] {
  const name = chooseOutputName(Object.keys(result.outputs), options.output);
  return rankCorrelations(result, [name as keyof O & string])[name as keyof O & string] ?? [];
}

/**
 * `rankCorrelation` for several outputs of one run, each input ranked once (ranking is most of the
 * work: a chapter asking for two outputs ranked every input twice). Of a kept run, the rows are kept
 * beside it (run-memo.ts `derivedFromRun`): the summary and chapter 8 ask for the same run's.
 */
export function rankCorrelations<K extends string, O extends ModelOutput, N extends keyof O & string>(
  result: MonteCarloResult<K, O>,
  outputNames: readonly N[],
): Readonly<Record<N, readonly RankCorrelationRow<K>[]>> {
  const inputs = new Set(Object.keys(result.inputs));
  const isRows = (value: unknown): value is Readonly<Record<N, readonly RankCorrelationRow<K>[]>> =>
    typeof value === "object" &&
    value !== null &&
    Object.keys(value).length === new Set(outputNames).size &&
    outputNames.every((name) => {
      const rows = (value as Record<string, unknown>)[name];
      return Array.isArray(rows) && rows.every((row: unknown) => isRow(row, inputs));
    });
  return derivedFromRun(result as MonteCarloResult<string, ModelOutput>, `rank-correlations ${JSON.stringify(outputNames)}`, outputNames, () => computeRankCorrelations(result, outputNames), isRows);
}

function isRow(row: unknown, inputs: ReadonlySet<string>): boolean {
  if (typeof row !== "object" || row === null) return false;
  const { input, rho } = row as { input?: unknown; rho?: unknown };
  return Object.keys(row).length === 2 && typeof input === "string" && inputs.has(input) && typeof rho === "number";
}

function computeRankCorrelations<K extends string, O extends ModelOutput, N extends keyof O & string>(
  result: MonteCarloResult<K, O>,
  outputNames: readonly N[],
): Readonly<Record<N, readonly RankCorrelationRow<K>[]>> {
  const outputs = result.outputs as Readonly<Record<string, { samples: Float64Array }>>;
  const varied = (Object.keys(result.inputs) as K[]).filter((input) => !isConstant(result.inputs[input]));
  const inputRanks = new Map<K, Float64Array>();
  const rankedInput = (input: K): Float64Array => inputRanks.get(input) ?? (inputRanks.set(input, ranks(result.inputs[input])).get(input) as Float64Array);
  const rows = {} as Record<N, readonly RankCorrelationRow<K>[]>;
  for (const name of outputNames) {
    const output = outputs[chooseOutputName(Object.keys(outputs), name)];
    if (output === undefined) {
      rows[name] = [];
      continue;
    }
    const outputRanks = ranks(output.samples);
    rows[name] = varied.map((input) => ({ input, rho: pearson(rankedInput(input), outputRanks) })).sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho));
  }
  return rows;
}

/** Spearman's rank correlation of two equally long sample sets. */
export function spearman(x: Float64Array, y: Float64Array): number {
  return pearson(ranks(x), ranks(y));
}

/** 1-based ranks; tied values share the average of their ranks. */
export function ranks(values: Float64Array): Float64Array {
  const result = new Float64Array(values.length);
  if (hasNaN(values)) return result.fill(Number.NaN); // no order to rank by
  const order = ascendingOrder(values);
  // A run of equal values at positions start…end−1 of the order: the average of their 1-based ranks.
  for (let start = 0; start < order.length; ) {
    const value = values[order[start] as number];
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === value) end++;
    const rank = (start + end + 1) / 2;
    for (let position = start; position < end; position++) result[order[position] as number] = rank;
    start = end;
  }
  return result;
}

export function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i] as number;
    meanY += y[i] as number;
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function isConstant(values: Float64Array): boolean {
  return values.every((value) => value === values[0]);
}

/** The number a model returned for the chosen output. */
export function pickOutput(result: ModelOutput, output: string | undefined): number {
  if (typeof result === "number") return result;
  // Object outputs are records of numbers (see `NumericOutput`).
  const record = result as Readonly<Record<string, number>>;
  return record[chooseOutputName(Object.keys(record), output)] as number;
}

function chooseOutputName(names: readonly string[], output: string | undefined): string {
  if (output !== undefined) {
    if (!names.includes(output)) throw new Error(msg.unknownOutput(output, names));
    return output;
  }
  if (names.length !== 1) throw new Error(msg.ambiguousOutput(names));
  return names[0] as string;
}
