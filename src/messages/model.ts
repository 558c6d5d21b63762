/** Messages of the pure model (`src/model/`): bad model inputs found at run time. */

const list = (items: readonly string[]): string => items.map((item) => `"${item}"`).join(", ");

export function probabilitiesDoNotSumToOne(names: readonly string[], probabilities: readonly number[], sum: number): string {
  const parts = names.map((name, index) => `${name} ${probabilities[index]}`).join(" + ");
  return `scenario probabilities must sum to 1, but ${parts} = ${Number(sum.toPrecision(12))}`;
}

export function probabilityOutOfRange(name: string, probability: number): string {
  return `scenario "${name}" has probability ${probability}; a probability must lie between 0 and 1`;
}

export function noScenarios(): string {
  return "a scenario mixture needs at least one scenario";
}

export function duplicateScenario(name: string): string {
  return `scenario "${name}" is listed twice`;
}

export function sampleLengthsDiffer(name: string, length: number, expected: number): string {
  return `scenario "${name}" has ${length} samples but the first scenario has ${expected}`;
}

export function ambiguousOutput(outputs: readonly string[]): string {
  return `the model returns several outputs (${list(outputs)}); name the one to analyse with { output }`;
}

export function unknownOutput(output: string, outputs: readonly string[]): string {
  return `the model has no output "${output}"; it returns ${list(outputs)}`;
}

export function badSampleCount(samples: number): string {
  return `Monte Carlo samples must be a positive integer, got ${samples}`;
}

export function rangeReversed(what: string, low: number, high: number): string {
  return `${what}: low ${low} is above high ${high}`;
}

export function nonNumericOutput(output: string, value: unknown): string {
  return `model output "${output}" is not a number (got ${typeof value})`;
}

export const correlationsNotPositiveSemiDefinite = (names: readonly string[]): string =>
  `rank correlations among ${names.join(", ")} are not positive semi-definite`;

export const scoreMatrixSingular = (): string => "score matrix is singular; use more samples";
