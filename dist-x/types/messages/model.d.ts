/** Messages of the pure model (`src/model/`): bad model inputs found at run time. */
export declare const probabilitiesDoNotSumToOne: (names: readonly string[], probabilities: readonly number[], sum: number) => string;
export declare const probabilityOutOfRange: (name: string, probability: number) => string;
export declare const noScenarios: () => string;
export declare const duplicateScenario: (name: string) => string;
export declare const sampleLengthsDiffer: (name: string, length: number, expected: number) => string;
export declare const ambiguousOutput: (outputs: readonly string[]) => string;
export declare const unknownOutput: (output: string, outputs: readonly string[]) => string;
export declare const badSampleCount: (samples: number) => string;
export declare const rangeReversed: (what: string, low: number, high: number) => string;
export declare const nonNumericOutput: (output: string, value: unknown) => string;
export declare const correlationsNotPositiveSemiDefinite: (names: readonly string[]) => string;
export declare const scoreMatrixSingular: () => string;
