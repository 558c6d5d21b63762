/**
 * Scenario mixtures (the essay's three futures: Merchant Era 60%, Balkanization 25%, Winner
 * Consolidates 15%). Scenario probabilities are ordinary assumptions; here they must each lie in
 * [0, 1] and sum to 1 within 1e-9.
 *
 *   expected = Σ pᵢ · vᵢ
 *
 * Sensitivity to a probability: raise pᵢ and scale the other probabilities down proportionally so
 * they still sum to 1. Then expected = pᵢ·vᵢ + (1 − pᵢ)·v̄₋ᵢ, with v̄₋ᵢ the probability-weighted mean
 * of the other scenarios, and
 *
 *   ∂expected/∂pᵢ = vᵢ − v̄₋ᵢ      (reported per percentage point: × 0.01)
 *
 * `mixSamples` mixes Monte Carlo outputs: sample k comes from scenario i with probability pᵢ.
 */
import * as msg from "../messages/model";
import { DEFAULT_SEED } from "./defaults";
import { uniformStream } from "./random";

export const PROBABILITY_TOLERANCE = 1e-9;

export interface Scenario {
  readonly name: string;
  readonly probability: number;
}

export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
}

/** Throws a `ScenarioError` unless the scenarios are distinct, each in [0, 1], and sum to 1. */
export function checkProbabilities(scenarios: readonly Scenario[]): void {
  if (scenarios.length === 0) throw new ScenarioError(msg.noScenarios());
  const seen = new Set<string>();
  for (const { name, probability } of scenarios) {
    if (seen.has(name)) throw new ScenarioError(msg.duplicateScenario(name));
    seen.add(name);
    if (!(probability >= 0 && probability <= 1)) throw new ScenarioError(msg.probabilityOutOfRange(name, probability));
  }
  const sum = scenarios.reduce((total, s) => total + s.probability, 0);
  if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
    throw new ScenarioError(msg.probabilitiesDoNotSumToOne(scenarios.map((s) => s.name), scenarios.map((s) => s.probability), sum));
  }
}

/** Scenario-name lists already found distinct (a model passes the same constant list on every draw). */
const distinctNames = new WeakSet<readonly string[]>();

/**
 * `scenarioMixture(…).expected` for a model that mixes once per Monte Carlo draw: the same checks
 * (any failure throws `checkProbabilities`' error) and the same sum, in the same order, without
 * building the outcome objects: in a 10,000-draw run those allocations were most of the model's time.
 */
export function mixtureExpected(names: readonly string[], probabilities: readonly number[], values: readonly number[]): number {
  let total = 0;
  let expected = 0;
  let inRange = names.length > 0 && probabilities.length === names.length && values.length === names.length;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    if (!(p >= 0 && p <= 1)) inRange = false;
    total += p;
    expected += p * (values[i] as number);
  }
  if (!distinctNames.has(names) && new Set(names).size === names.length) distinctNames.add(names);
  if (!inRange || !distinctNames.has(names) || Math.abs(total - 1) > PROBABILITY_TOLERANCE) {
    checkProbabilities(names.map((name, i) => ({ name, probability: probabilities[i] as number })));
  }
  return expected;
}

export interface ScenarioOutcome extends Scenario {
  readonly value: number;
}

export interface ScenarioMixture {
  readonly expected: number;
  readonly scenarios: ReadonlyArray<
    ScenarioOutcome & {
      /** pᵢ · vᵢ. */
      readonly contribution: number;
      /** Change in `expected` when pᵢ rises one percentage point (others scaled down). */
      readonly perPercentagePoint: number;
    }
  >;
}

export function scenarioMixture(outcomes: readonly ScenarioOutcome[]): ScenarioMixture {
  checkProbabilities(outcomes);
  const expected = outcomes.reduce((sum, s) => sum + s.probability * s.value, 0);
  return {
    expected,
    scenarios: outcomes.map((s) => {
      const rest = 1 - s.probability;
      const othersMean = rest === 0 ? s.value : (expected - s.probability * s.value) / rest;
      return { ...s, contribution: s.probability * s.value, perPercentagePoint: (s.value - othersMean) * 0.01 };
    }),
  };
}

/**
 * `scenarioMixture(…).scenarios[i].perPercentagePoint` draw by draw, for every scenario at once: how far
 * one more percentage point of scenario i's probability moves the weighted value in each Monte Carlo
 * draw, `values[i][k]` being scenario i's value in draw k. Algebraically (vᵢ − v̄₋ᵢ) · 0.01 =
 * (vᵢ − expected) / (1 − pᵢ) · 0.01, computed in place: 30,000 mixtures of objects for 10,000 draws took
 * a chapter's cell ~0.13 s. The probabilities are checked once, as scenarioMixture checks them.
 */
export function perPercentagePointMoves(scenarios: readonly Scenario[], values: readonly Float64Array[]): Float64Array[] {
  checkProbabilities(scenarios);
  const draws = values[0]?.length ?? 0;
  if (values.length !== scenarios.length || values.some((column) => column.length !== draws)) throw new ScenarioError(msg.scenarioColumnsMismatch(scenarios.length, values.map((column) => column.length)));
  const moves = scenarios.map(() => new Float64Array(draws));
  for (let k = 0; k < draws; k++) {
    let expected = 0;
    for (let i = 0; i < scenarios.length; i++) expected += (scenarios[i] as Scenario).probability * (values[i] as Float64Array)[k]!;
    for (let i = 0; i < scenarios.length; i++) {
      const p = (scenarios[i] as Scenario).probability;
      const v = (values[i] as Float64Array)[k]!;
      // A certain scenario (pᵢ = 1) has no others to take from: no move, as scenarioMixture gives.
      (moves[i] as Float64Array)[k] = p === 1 ? 0 : ((v - expected) / (1 - p)) * 0.01;
    }
  }
  return moves;
}

/** A mixture of per-scenario sample sets (all the same length): each sample picks a scenario at random. */
export function mixSamples(
  scenarios: ReadonlyArray<Scenario & { readonly samples: Float64Array }>,
  options: { readonly seed?: number } = {},
): Float64Array {
  checkProbabilities(scenarios);
  const length = scenarios[0]?.samples.length ?? 0;
  for (const s of scenarios) {
    if (s.samples.length !== length) throw new ScenarioError(msg.sampleLengthsDiffer(s.name, s.samples.length, length));
  }
  const picks = uniformStream(options.seed ?? DEFAULT_SEED, "scenario-mixture").fill(new Float64Array(length));
  const mixed = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    let cumulative = 0;
    let chosen = scenarios[scenarios.length - 1] as (typeof scenarios)[number];
    for (const s of scenarios) {
      cumulative += s.probability;
      if ((picks[k] as number) < cumulative) {
        chosen = s;
        break;
      }
    }
    mixed[k] = chosen.samples[k] as number;
  }
  return mixed;
}
