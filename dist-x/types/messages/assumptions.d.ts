export declare const malformedYaml: (detail: string, nearId: string | undefined) => string;
export declare const assumptionsFileTooLarge: (megabytes: number, limit: number) => string;
export declare const notAnAssumptionsFile: () => string;
export declare const unknownTopLevelKey: (key: string, known: readonly string[], meant?: string) => string;
export declare const unknownField: (id: string | undefined, key: string, nearest: string, known: readonly string[]) => string;
/** `{ low:0.06, high:0.12 }`: keys glued to their values, read as keys of their own; `entries` as they should be written. */
export declare const keyWithoutSpace: (id: string | undefined, written: string, entries: readonly string[]) => string;
export declare const missingId: () => string;
export declare const badId: (id: string) => string;
export declare const duplicateId: (id: string, firstLine: number) => string;
export declare const missingSource: (id: string | undefined) => string;
export declare const missingField: (id: string | undefined, field: string) => string;
/** A value YAML read as a number that is not a finite one (`1e309`, `.inf`, `.nan`); undefined for anything else (zod's own words then). */
export declare const notAFiniteNumber: (input: unknown) => string | undefined;
export declare const invalidField: (id: string | undefined, field: string, detail: string) => string;
export declare const unknownKind: (id: string | undefined, given: string, meant: string | undefined, known: readonly string[]) => string;
/** Text where a number belongs (`15k`, `$2.50`, `20%`). */
export declare const notANumber: (id: string | undefined, field: string, given: string) => string;
/** A range written as `--set` takes one (`0.06..0.12`) or as a list: the file's form is a mapping. */
export declare const rangeAsMapping: (id: string | undefined, low: string, high: string) => string;
/** `range: 0.08`: one figure where a range has two ends. */
export declare const rangeOneNumber: (id: string | undefined, given: string) => string;
export declare const unknownDistribution: (id: string | undefined, given: string, meant: string | undefined, known: readonly string[]) => string;
export declare const valueXorRange: (id: string | undefined) => string;
export declare const valueNeedsFixed: (id: string | undefined, distribution: string) => string;
export declare const rangeNotFixed: (id: string | undefined) => string;
export declare const lowAboveHigh: (id: string | undefined, low: number, high: number) => string;
export declare const nonPositiveLognormalBound: (id: string | undefined, low: number) => string;
export declare const triangularWithoutMode: (id: string | undefined) => string;
export declare const modeOutsideRange: (id: string | undefined, mode: number, low: number, high: number) => string;
export declare const modeWithoutTriangular: (id: string | undefined, distribution: string) => string;
export declare const unknownAssumption: (id: string, nearest: readonly string[], file: string) => string;
export declare const overrideProblem: (file: string, detail: string) => string;
export declare const cannotReadAssumptions: (file: string, reason: string) => string;
/**
 * `max`: the support's upper bound. Of a share written as a percent (20 for 20%, the commonest slip
 * with a 0–1 quantity), the hint is the fraction; of a negative value where the bounds were read from
 * the unit (`declarable`), how to declare the entry's own.
 */
export declare const outsideSupport: (id: string, value: number, because: string, support: string, declarable?: boolean, max?: number) => string;
export declare const rangeTailOutsideSupport: (id: string, distribution: string, low: number, high: number, side: "above" | "below", support: string) => string;
export declare const supportEmpty: (id: string, lower: number, max: number) => string;
export declare const supportTwoLowerBounds: (id: string) => string;
export declare const outsideDeclaredSupport: (id: string, value: number, support: string) => string;
export declare const judgementWithoutNote: (id: string | undefined) => string;
export declare const missingKind: (id: string | undefined) => string;
export declare const correlationUnknownId: (between: readonly string[], id: string, nearest: readonly string[]) => string;
export declare const correlationSelf: (between: readonly string[]) => string;
export declare const correlationOutOfRange: (between: readonly string[], rho: number) => string;
export declare const correlationFixed: (between: readonly string[], id: string) => string;
export declare const correlationDuplicate: (between: readonly string[], firstLine: number) => string;
export declare const correlationNeedsSource: (between: readonly string[]) => string;
export declare const correlationNeedsNote: (between: readonly string[]) => string;
export declare const correlationsNotPsd: (entries: readonly {
    readonly between: readonly string[];
    readonly rho: number;
    readonly line: number;
}[]) => string;
export declare const invalidCorrelation: (index: number, field: string, detail: string) => string;
/** `kind: judgment` in a correlation: the kind meant, from the ones a correlation takes. */
export declare const correlationUnknownKind: (index: number, given: string, meant: string | undefined, known: readonly string[]) => string;
export declare const sourceAfterAsOf: (id: string, date: string, asOf: string) => string;
export declare const correlationSourceAfterAsOf: (between: readonly string[], date: string, asOf: string) => string;
export declare const invalidTotal: (index: number, field: string, problem: string) => string;
export declare const totalUnknownId: (of: readonly string[], id: string, nearest: readonly string[]) => string;
export declare const totalRepeats: (of: readonly string[], id: string) => string;
export declare const totalNeedsValues: (of: readonly string[], id: string) => string;
export declare const totalMismatch: (values: readonly {
    id: string;
    value: number;
}[], sum: number, equals: number) => string;
export declare const overrideBreaksTotal: (problem: string, others: readonly string[]) => string;
