/**
 * The contract between notebooks, the notebook engine and the report renderer.
 *
 * A notebook declares headline figures and claim checks through the notebook API (`src/api/`).
 * In `fragtax build` they are recorded into the run context the engine injects; in Jupyter they are
 * only displayed. Nothing here knows about AI economics.
 */
import type { Summary, Verdict } from "../vocabulary/results";
export type { Driver, Summary, Verdict } from "../vocabulary/results";
import type { NumberFormat } from "../format/number";
export type { NumberFormat } from "../format/number";
/** A named headline figure: lands in figures.json and can be cited by prose. */
export interface FigureRecord {
    readonly id: string;
    readonly label: string;
    /** Unit as readers see it, e.g. "USD", "USD/GPU-hour", "×", "share of revenue". */
    readonly unit: string;
    readonly format: NumberFormat;
    /** Exactly one of `value` (a deterministic figure) or `summary` (a Monte Carlo summary). */
    readonly value?: number;
    readonly summary?: Summary;
    /** Notebook file (relative to the report root) and 1-based cell that declared it; set by the engine. */
    readonly notebook?: string;
    readonly cell?: number;
    /** Heading-to-heading section of the notebook that declared it (e.g. "05-who-pays#compute-spend"); set by the build. */
    readonly section?: string;
    /**
     * The figure under structural alternatives of the model (choices the Monte Carlo interval does not
     * cover), shown beside its interval: "19% (13–27%) as modelled; 7–11% under the alternatives in chapter 8".
     */
    readonly alternatives?: readonly AlternativeValue[];
    /**
     * Where the alternatives are discussed, e.g. "chapter 8". The figure carries it into Appendix B,
     * figures.json and diffs, far from its chapter, so it names a place that reads right from anywhere:
     * "the next section" sent Appendix B's reader to the section after the appendix.
     */
    readonly alternativesWhere?: string;
}
/** One structural alternative's value of a figure (its median, and its interval when it has one). */
export interface AlternativeValue {
    readonly id: string;
    readonly label: string;
    readonly p50: number;
    readonly p5?: number;
    readonly p95?: number;
}
/** A quantitative claim from the source text, checked against the model. */
export interface ClaimRecord {
    readonly id: string;
    /** What the source says, in our words. */
    readonly claim: string;
    readonly stated: {
        readonly low: number;
        readonly high: number;
    };
    readonly computed: {
        readonly low: number;
        readonly high: number;
        readonly p50?: number;
    };
    readonly unit: string;
    readonly format: NumberFormat;
    readonly verdict: Verdict;
    /**
     * How far off, as a factor (stated midpoint ÷ computed midpoint); 1 when consistent; `null` when
     * unverifiable (there is nothing to divide by, and a made-up 1 would read as "agrees").
     */
    readonly factor: number | null;
    readonly note?: string;
    /**
     * What the verdict rests on: each kind of input's share of the model's sensitivity (tornado swing²
     * of the inputs, normalized), from the `drivers` the notebook passed. Absent when none were given.
     */
    readonly basis?: ClaimBasis;
    readonly notebook?: string;
    readonly cell?: number;
    /** Heading-to-heading section of the notebook that recorded it; set by the build. */
    readonly section?: string;
}
export interface ClaimBasis {
    /** Shares by kind of input (essay, source, judgement; "unknown" for inputs without a kind). */
    readonly shares: Readonly<Partial<Record<"essay" | "source" | "judgement" | "unknown", number>>>;
    /** True when judgement inputs carry more than half of the weight: the ledger marks it. */
    readonly judgementLed: boolean;
    /** The heaviest judgement input, when there is one. */
    readonly mainJudgement?: {
        readonly id: string;
        readonly label: string;
        readonly share: number;
    };
}
/** Mime types of the outputs the notebook API emits. */
export declare const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";
