/** Messages of the pure model (`src/model/`): bad model inputs found at run time. */

const list = (items: readonly string[]): string => items.map((item) => `"${item}"`).join(", ");

/** perPercentagePointMoves given a column of draws per scenario that does not match the scenarios. */
export const scenarioColumnsMismatch = (scenarios: number, lengths: readonly number[]): string =>
  `perPercentagePointMoves takes one column of draws per scenario, all the same length: ${scenarios} scenario${scenarios === 1 ? "" : "s"}, columns of ${lengths.length === 0 ? "none" : lengths.join(", ")} draws`;

export const probabilitiesDoNotSumToOne = (names: readonly string[], probabilities: readonly number[], sum: number): string => {
  const parts = names.map((name, index) => `${name} ${probabilities[index]}`).join(" + ");
  return `scenario probabilities must sum to 1, but ${parts} = ${Number(sum.toPrecision(12))}`;
};

export const probabilityOutOfRange = (name: string, probability: number): string =>
  `scenario "${name}" has probability ${probability}; a probability must lie between 0 and 1`;

export const noScenarios = (): string => "a scenario mixture needs at least one scenario";

export const duplicateScenario = (name: string): string => `scenario "${name}" is listed twice`;

export const sampleLengthsDiffer = (name: string, length: number, expected: number): string =>
  `scenario "${name}" has ${length} samples but the first scenario has ${expected}`;

export const ambiguousOutput = (outputs: readonly string[]): string =>
  `the model returns several outputs (${list(outputs)}); name the one to analyse with { output }`;

export const unknownOutput = (output: string, outputs: readonly string[]): string =>
  `the model has no output "${output}"; it returns ${list(outputs)}`;

export const badSampleCount = (samples: number): string => `Monte Carlo samples must be a positive integer, got ${samples}`;

export const rangeReversed = (what: string, low: number, high: number): string => `${what}: low ${low} is above high ${high}`;

export const nonNumericOutput = (output: string, value: unknown): string =>
  `model output "${output}" is not a number (got ${typeof value})`;

export const nonFiniteOutput = (output: string, bad: number, samples: number, first: number, inputs: readonly (readonly [string, number])[]): string =>
  `model output "${output}" is not a finite number in ${bad.toLocaleString("en-US")} of ${samples.toLocaleString("en-US")} draws; the first is draw ${first + 1}` +
  `${inputs.length === 0 ? "" : `, where ${inputs.map(([name, value]) => `${name} = ${value}`).join(", ")}`}: ` +
  "the model's arithmetic gives no number there (a square root or logarithm of a negative, 0 ÷ 0) or an infinite one (a division by zero); fix the model, or the ranges of its inputs, so every draw has a value";

export const correlationsNotPositiveSemiDefinite = (names: readonly string[]): string =>
  `rank correlations among ${names.join(", ")} are not positive semi-definite`;

export const scoreMatrixSingular = (): string => "score matrix is singular; use more samples";
