import { describe, expect, it } from "vitest";
import { perPercentagePointMoves, scenarioMixture } from "../../src/model";
import { checkProbabilities, mixSamples, ScenarioError } from "../../src/model/scenarios";

const essay = [
  { name: "Merchant Era", probability: 0.6, value: 1.0 },
  { name: "Balkanization", probability: 0.25, value: 1.5 },
  { name: "Winner Consolidates", probability: 0.15, value: 0.9 },
];

describe("scenario mixtures", () => {
  it("weights outcomes by probability", () => {
    const mixture = scenarioMixture(essay);
    expect(mixture.expected).toBeCloseTo(0.6 * 1 + 0.25 * 1.5 + 0.15 * 0.9, 12);
    expect(mixture.scenarios.map((s) => s.contribution)).toEqual([0.6, 0.375, 0.15 * 0.9]);
  });

  it("reports the sensitivity of the expectation to each probability", () => {
    const mixture = scenarioMixture(essay);
    const balkan = mixture.scenarios[1];
    const othersMean = (0.6 * 1 + 0.15 * 0.9) / 0.75;
    expect(balkan?.perPercentagePoint).toBeCloseTo((1.5 - othersMean) * 0.01, 12);
    // Check against a finite difference: move one point to Balkanization, others scaled down.
    const shifted = essay.map((s) => ({ ...s, probability: s.name === "Balkanization" ? 0.26 : (s.probability * 0.74) / 0.75 }));
    expect(scenarioMixture(shifted).expected - mixture.expected).toBeCloseTo(balkan?.perPercentagePoint ?? 0, 12);
  });

  it("rejects probabilities that do not sum to 1, naming them", () => {
    const bad = [
      { name: "Merchant Era", probability: 0.6, value: 1 },
      { name: "Balkanization", probability: 0.3, value: 2 },
      { name: "Winner Consolidates", probability: 0.15, value: 3 },
    ];
    expect(() => scenarioMixture(bad)).toThrow(ScenarioError);
    expect(() => scenarioMixture(bad)).toThrow(
      /scenario probabilities must sum to 1, but Merchant Era 0.6 \+ Balkanization 0.3 \+ Winner Consolidates 0.15 = 1.05/,
    );
    expect(() => checkProbabilities([{ name: "a", probability: 0.5 + 1e-12 }, { name: "b", probability: 0.5 }])).not.toThrow();
    expect(() => checkProbabilities([{ name: "a", probability: 0.5 + 1e-8 }, { name: "b", probability: 0.5 }])).toThrow(ScenarioError);
    expect(() => checkProbabilities([{ name: "a", probability: 1.2 }, { name: "b", probability: -0.2 }])).toThrow(/between 0 and 1/);
    expect(() => checkProbabilities([])).toThrow(/at least one scenario/);
    expect(() => checkProbabilities([{ name: "a", probability: 0.5 }, { name: "a", probability: 0.5 }])).toThrow(/listed twice/);
  });

  it("mixes sample sets in proportion to the probabilities, reproducibly", () => {
    const n = 100_000;
    const scenarios = essay.map((s) => ({ name: s.name, probability: s.probability, samples: new Float64Array(n).fill(s.value) }));
    const mixed = mixSamples(scenarios, { seed: 1 });
    const share = (value: number) => mixed.filter((v) => v === value).length / n;
    expect(share(1.0)).toBeCloseTo(0.6, 2);
    expect(share(1.5)).toBeCloseTo(0.25, 2);
    expect(share(0.9)).toBeCloseTo(0.15, 2);
    expect(mixSamples(scenarios, { seed: 1 })).toEqual(mixed);
    expect(() => mixSamples([{ ...scenarios[0]!, probability: 1 }, { ...scenarios[1]!, probability: 0, samples: new Float64Array(3) }])).toThrow(
      /has 3 samples but the first scenario has 100000/,
    );
  });
});

describe("perPercentagePointMoves", () => {
  it("gives, draw by draw, what scenarioMixture gives for each scenario, without a mixture per draw", () => {
    const scenarios = [
      { name: "a", probability: 0.6 },
      { name: "b", probability: 0.25 },
      { name: "c", probability: 0.15 },
    ];
    const values = [Float64Array.from([0.9, 0.8, 1.1]), Float64Array.from([1.2, 1.5, 1.0]), Float64Array.from([1.0, 0.7, 2.0])];
    const moves = perPercentagePointMoves(scenarios, values);
    for (let k = 0; k < 3; k++) {
      const mixture = scenarioMixture(scenarios.map((s, i) => ({ ...s, value: values[i]![k]! })));
      mixture.scenarios.forEach((s, i) => expect(moves[i]![k]).toBeCloseTo(s.perPercentagePoint, 12));
    }
    // A certain scenario has none to take from; mismatched columns and bad probabilities are refused.
    expect([...perPercentagePointMoves([{ name: "only", probability: 1 }], [Float64Array.from([3])])[0]!]).toEqual([0]);
    expect(() => perPercentagePointMoves(scenarios, values.slice(0, 2))).toThrow(ScenarioError);
    expect(() => perPercentagePointMoves([{ name: "a", probability: 0.5 }], [Float64Array.from([1])])).toThrow(ScenarioError);
  });
});
