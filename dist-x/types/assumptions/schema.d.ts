/**
 * The structure of `assumptions.yaml`, as a zod schema. It drives both validation (`load.ts`) and the
 * JSON Schema editors use for autocompletion (`scripts/assumptions-schema.ts` writes
 * `notebooks/assumptions.schema.json`). Rules that relate fields to each other (low ≤ high, lognormal
 * bounds positive, triangular mode inside the range) live in `rules.ts`, because they need their own
 * messages and also apply to overrides.
 */
import { z } from "zod";
export declare const DISTRIBUTIONS: readonly ["lognormal", "normal", "uniform", "triangular", "fixed"];
export declare const KINDS: readonly ["essay", "source", "judgement"];
export declare const SNAKE_CASE_ID: RegExp;
export declare const ISO_DATE: RegExp;
export declare const SourceSchema: z.ZodObject<{
    title: z.ZodString;
    url: z.ZodOptional<z.ZodURL>;
    date: z.ZodString;
}, z.core.$strict>;
export declare const RangeSchema: z.ZodObject<{
    low: z.ZodNumber;
    high: z.ZodNumber;
}, z.core.$strict>;
export declare const SupportSchema: z.ZodObject<{
    min: z.ZodOptional<z.ZodNumber>;
    greaterThan: z.ZodOptional<z.ZodNumber>;
    max: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
export declare const AssumptionEntrySchema: z.ZodObject<{
    id: z.ZodString;
    label: z.ZodString;
    unit: z.ZodString;
    value: z.ZodOptional<z.ZodNumber>;
    range: z.ZodOptional<z.ZodObject<{
        low: z.ZodNumber;
        high: z.ZodNumber;
    }, z.core.$strict>>;
    mode: z.ZodOptional<z.ZodNumber>;
    distribution: z.ZodOptional<z.ZodEnum<{
        lognormal: "lognormal";
        normal: "normal";
        uniform: "uniform";
        triangular: "triangular";
        fixed: "fixed";
    }>>;
    kind: z.ZodEnum<{
        essay: "essay";
        source: "source";
        judgement: "judgement";
    }>;
    source: z.ZodObject<{
        title: z.ZodString;
        url: z.ZodOptional<z.ZodURL>;
        date: z.ZodString;
    }, z.core.$strict>;
    note: z.ZodOptional<z.ZodString>;
    support: z.ZodOptional<z.ZodObject<{
        min: z.ZodOptional<z.ZodNumber>;
        greaterThan: z.ZodOptional<z.ZodNumber>;
        max: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
/**
 * Versions published before `kind` existed: the same entry with `kind` optional, so `diff` and the
 * "What changed" section can still read them. Builds always use the strict schema.
 */
export declare const LegacyAssumptionEntrySchema: z.ZodObject<{
    id: z.ZodString;
    label: z.ZodString;
    unit: z.ZodString;
    value: z.ZodOptional<z.ZodNumber>;
    range: z.ZodOptional<z.ZodObject<{
        low: z.ZodNumber;
        high: z.ZodNumber;
    }, z.core.$strict>>;
    mode: z.ZodOptional<z.ZodNumber>;
    distribution: z.ZodOptional<z.ZodEnum<{
        lognormal: "lognormal";
        normal: "normal";
        uniform: "uniform";
        triangular: "triangular";
        fixed: "fixed";
    }>>;
    source: z.ZodObject<{
        title: z.ZodString;
        url: z.ZodOptional<z.ZodURL>;
        date: z.ZodString;
    }, z.core.$strict>;
    note: z.ZodOptional<z.ZodString>;
    support: z.ZodOptional<z.ZodObject<{
        min: z.ZodOptional<z.ZodNumber>;
        greaterThan: z.ZodOptional<z.ZodNumber>;
        max: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>>;
    kind: z.ZodOptional<z.ZodEnum<{
        essay: "essay";
        source: "source";
        judgement: "judgement";
    }>>;
}, z.core.$strict>;
export declare const CorrelationEntrySchema: z.ZodObject<{
    between: z.ZodTuple<[z.ZodString, z.ZodString], null>;
    rho: z.ZodNumber;
    kind: z.ZodEnum<{
        source: "source";
        judgement: "judgement";
    }>;
    source: z.ZodOptional<z.ZodObject<{
        title: z.ZodString;
        url: z.ZodOptional<z.ZodURL>;
        date: z.ZodString;
    }, z.core.$strict>>;
    note: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const TotalEntrySchema: z.ZodObject<{
    of: z.ZodArray<z.ZodString>;
    equals: z.ZodNumber;
    note: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const AssumptionsFileSchema: z.ZodObject<{
    assumptions: z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        label: z.ZodString;
        unit: z.ZodString;
        value: z.ZodOptional<z.ZodNumber>;
        range: z.ZodOptional<z.ZodObject<{
            low: z.ZodNumber;
            high: z.ZodNumber;
        }, z.core.$strict>>;
        mode: z.ZodOptional<z.ZodNumber>;
        distribution: z.ZodOptional<z.ZodEnum<{
            lognormal: "lognormal";
            normal: "normal";
            uniform: "uniform";
            triangular: "triangular";
            fixed: "fixed";
        }>>;
        kind: z.ZodEnum<{
            essay: "essay";
            source: "source";
            judgement: "judgement";
        }>;
        source: z.ZodObject<{
            title: z.ZodString;
            url: z.ZodOptional<z.ZodURL>;
            date: z.ZodString;
        }, z.core.$strict>;
        note: z.ZodOptional<z.ZodString>;
        support: z.ZodOptional<z.ZodObject<{
            min: z.ZodOptional<z.ZodNumber>;
            greaterThan: z.ZodOptional<z.ZodNumber>;
            max: z.ZodOptional<z.ZodNumber>;
        }, z.core.$strict>>;
    }, z.core.$strict>>;
    correlations: z.ZodOptional<z.ZodArray<z.ZodObject<{
        between: z.ZodTuple<[z.ZodString, z.ZodString], null>;
        rho: z.ZodNumber;
        kind: z.ZodEnum<{
            source: "source";
            judgement: "judgement";
        }>;
        source: z.ZodOptional<z.ZodObject<{
            title: z.ZodString;
            url: z.ZodOptional<z.ZodURL>;
            date: z.ZodString;
        }, z.core.$strict>>;
        note: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>>;
    totals: z.ZodOptional<z.ZodArray<z.ZodObject<{
        of: z.ZodArray<z.ZodString>;
        equals: z.ZodNumber;
        note: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>>;
}, z.core.$strict>;
export type AssumptionEntry = z.infer<typeof LegacyAssumptionEntrySchema>;
export type CorrelationEntry = z.infer<typeof CorrelationEntrySchema>;
export declare const ENTRY_FIELDS: string[];
export declare const TOP_LEVEL_KEYS: string[];
/** The JSON Schema of the file, as written to `notebooks/assumptions.schema.json`. */
export declare function assumptionsJsonSchema(): Record<string, unknown>;
