/**
 * Structural alternatives: choices of the model's form (where pooling applies, whether two pools'
 * demand is correlated) that no input's interval covers. A variant is the same report model with a
 * different structure; running each gives the headline under every alternative, shown beside its
 * Monte Carlo interval (`nb.figure({ …, alternatives: alternativesFor(runs, "output") })`).
 */
import type { Summary } from "../vocabulary/results";
import type { AssumptionReader } from "../assumptions/types";
import { type ModelRun, type ReportModel } from "./runner";
export interface ModelVariant<K extends string, O extends string> {
    /** Stable id (snake_case), recorded in figures.json. */
    readonly id: string;
    /** How readers see it: "pooling on inference only". */
    readonly label: string;
    readonly model: ReportModel<K, O>;
}
export interface VariantRun<K extends string, O extends string> {
    readonly id: string;
    readonly label: string;
    readonly run: ModelRun<K, O>;
}
/** Runs every variant with the same assumptions and Monte Carlo settings (same seed: comparable draws). */
export declare function runVariants<K extends string, O extends string>(variants: readonly ModelVariant<K, O>[], reader: AssumptionReader, settings: {
    readonly samples: number;
    readonly seed: number;
}): VariantRun<K, O>[];
/** One output under each variant, as `nb.figure`'s `alternatives`. */
export declare function alternativesFor<K extends string, O extends string>(runs: readonly VariantRun<K, O>[], output: O): {
    id: string;
    label: string;
    summary: Summary;
}[];
