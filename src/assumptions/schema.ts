/**
 * The structure of `assumptions.yaml`, as a zod schema. It drives both validation (`load.ts`) and the
 * JSON Schema editors use for autocompletion (`scripts/assumptions-schema.ts` writes
 * `notebooks/assumptions.schema.json`). Rules that relate fields to each other (low ≤ high, lognormal
 * bounds positive, triangular mode inside the range) live in `rules.ts`, because they need their own
 * messages and also apply to overrides.
 */
import { z } from "zod";
import { isCalendarDate } from "../util/dates";
import type { AssumptionKind, DistributionKind } from "./types";
import { notAFiniteNumber } from "../messages/assumptions";

export const DISTRIBUTIONS = ["lognormal", "normal", "uniform", "triangular", "fixed"] as const satisfies readonly DistributionKind[];
export const KINDS = ["essay", "source", "judgement"] as const satisfies readonly AssumptionKind[];

export const SNAKE_CASE_ID = /^[a-z][a-z0-9_]*$/;

/**
 * A number: YAML reads `1e309` and `.inf` as Infinity and `.nan` as NaN, which zod would call "expected
 * number, received Infinity" of what the user wrote as a number; said as what it is instead.
 */
const number = (): z.ZodNumber => z.number({ error: (issue) => notAFiniteNumber(issue.input) });
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const SourceSchema = z
  .strictObject({
    title: z.string().min(1).meta({ description: "Publication or author, e.g. \"Maverick analyst essay\"." }),
    // Only a web address: the report links it, and a javascript: or data: "source" is not one a reader can check.
    url: z
      .url({ protocol: /^https?$/, error: "expected an http(s) address, e.g. https://example.com/report" })
      .optional()
      // The pattern tells editors what the check above refuses (JSON Schema's "uri" format allows javascript:).
      .meta({ description: "Where the figure can be checked: an http(s) address.", pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" }),
    date: z
      .string()
      .regex(ISO_DATE, "expected a date YYYY-MM-DD")
      // Only a date of the right form can be a wrong day: "soon" gets one message, not two.
      .refine((date) => !ISO_DATE.test(date) || isCalendarDate(date), "not a calendar date (check the month and day)")
      .meta({ description: "As-of date, YYYY-MM-DD; must not be after report.yaml's asOf." }),
  })
  .meta({ description: "Where the figure comes from." });

export const RangeSchema = z
  .strictObject({
    low: number().meta({ description: "5th percentile (lower bound of the support for uniform and triangular)." }),
    high: number().meta({ description: "95th percentile (upper bound of the support for uniform and triangular)." }),
  })
  .meta({ description: "A 90% interval: low is the 5th and high the 95th percentile." });

export const SupportSchema = z
  .strictObject({
    min: number().optional().meta({ description: "The lowest value it can take." }),
    greaterThan: number().optional().meta({ description: "A bound it must stay above (a duration or a divisor: > 0). Instead of min." }),
    max: number().optional().meta({ description: "The highest value it can take." }),
  })
  .meta({
    description:
      "The values it can take, where its unit does not say so (a probability is already 0 to 1, a USD amount ≥ 0): e.g. a correlation the model needs non-negative. What-if values outside it are refused.",
  });

export const AssumptionEntrySchema = z
  .strictObject({
    id: z.string().regex(SNAKE_CASE_ID, "expected snake_case").meta({
      description: "Unique snake_case id, with the unit in it where it helps (h100_usd_per_gpu_hour).",
    }),
    label: z.string().min(1).meta({ description: "Human-readable name shown in the report." }),
    unit: z.string().min(1).meta({ description: "Unit as readers see it, e.g. USD/GPU-hour." }),
    value: number().optional().meta({ description: "A point value (distribution fixed). Give this or range." }),
    range: RangeSchema.optional(),
    mode: number().optional().meta({ description: "Most likely value; triangular only." }),
    distribution: z.enum(DISTRIBUTIONS).optional().meta({
      description: "Default: lognormal for a range, fixed for a value.",
    }),
    kind: z.enum(KINDS).meta({
      description:
        "essay: the essay's own figure (checked, never evidence); source: an external publication; judgement: the analysts' judgement (give the reasoning in note).",
    }),
    source: SourceSchema,
    note: z.string().optional().meta({ description: "Free text: caveats, how the range was chosen. Required for kind judgement: the reasoning." }),
    support: SupportSchema.optional(),
  })
  .meta({ description: "One sourced figure." });

/**
 * Versions published before `kind` existed: the same entry with `kind` optional, so `diff` and the
 * "What changed" section can still read them. Builds always use the strict schema.
 */
export const LegacyAssumptionEntrySchema = AssumptionEntrySchema.extend({ kind: z.enum(KINDS).optional() });

export const CorrelationEntrySchema = z
  .strictObject({
    between: z.tuple([z.string().regex(SNAKE_CASE_ID, "expected snake_case"), z.string().regex(SNAKE_CASE_ID, "expected snake_case")]).meta({
      description: "The two assumption ids, e.g. [lab_compute_usd, lab_engineering_usd].",
    }),
    rho: number().meta({ description: "Target Spearman rank correlation, between -1 and 1." }),
    kind: z.enum(["source", "judgement"]).meta({ description: "source: a publication measured it; judgement: the analysts' (give the reasoning in note)." }),
    source: SourceSchema.meta({ description: "Where the correlation comes from and its date: the publication that measured it, or for judgement the analysts' (\"fragtax analysts' assumption\") with the date of the judgement." }),
    note: z.string().optional().meta({ description: "Why the two move together. Required for kind judgement." }),
  })
  .meta({ description: "A rank correlation between two uncertain assumptions, imposed on their samples (Iman–Conover)." });

/**
 * Versions published before a correlation had to name its source: the same entry with `source`
 * optional, so `diff` and publish can still read them. Builds always use the strict schema.
 */
export const LegacyCorrelationEntrySchema = CorrelationEntrySchema.extend({ source: SourceSchema.optional() });

export const TotalEntrySchema = z
  .strictObject({
    of: z.array(z.string().regex(SNAKE_CASE_ID, "expected snake_case")).min(2, "name at least two assumptions").meta({
      description: "The assumption ids whose point values add up, e.g. the probabilities of exclusive scenarios.",
    }),
    equals: number().meta({ description: "What they must add up to, e.g. 1." }),
    note: z.string().optional().meta({ description: "Why they add up, e.g. the scenarios are exclusive and exhaustive." }),
  })
  .meta({ description: "Point values that must add up to a sum: checked in the file and on every what-if override." });

export const AssumptionsFileSchema = z
  .strictObject({
    assumptions: z.array(AssumptionEntrySchema).meta({ description: "Every figure the report depends on." }),
    correlations: z.array(CorrelationEntrySchema).optional().meta({ description: "Rank correlations between assumptions; unlisted pairs are independent." }),
    totals: z.array(TotalEntrySchema).optional().meta({ description: "Point values that must add up to a sum (scenario probabilities to 1)." }),
  })
  .meta({ title: "fragtax assumptions", description: "Sourced figures for a fragtax report." });

export type AssumptionEntry = z.infer<typeof LegacyAssumptionEntrySchema>;
export type CorrelationEntry = z.infer<typeof CorrelationEntrySchema>;


export const ENTRY_FIELDS = Object.keys(AssumptionEntrySchema.shape);
export const TOP_LEVEL_KEYS = Object.keys(AssumptionsFileSchema.shape);

/** The JSON Schema of the file, as written to `notebooks/assumptions.schema.json`. */
export function assumptionsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AssumptionsFileSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
