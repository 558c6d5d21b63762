/**
 * Probability distributions of assumptions. A `range` is a 90% interval (p5, p95), as in Squiggle's
 * `a to b` and Guesstimate; `uniform` and `triangular` read it as the bounds of the support instead.
 *
 *   lognormal  ln X ~ N(μ, σ): μ = (ln low + ln high) / 2, σ = (ln high − ln low) / (2 · z95)
 *   normal     X ~ N(μ, σ):    μ = (low + high) / 2,       σ = (high − low) / (2 · z95)
 *   uniform    X ~ U(low, high)
 *   triangular X ~ Tri(low, mode, high)
 *   fixed      X = value
 *
 * Sampling is by inverse CDF (quantile of a uniform draw), vectorized over a Float64Array.
 */
import type { Assumption, DistributionKind } from "../assumptions/types";
import type { UniformStream } from "./random";
/** Standard normal 95th percentile: a 90% interval spans μ ± z95·σ. */
export declare const Z95 = 1.6448536269514722;
export interface Distribution {
    readonly kind: DistributionKind;
    /** Analytic mean. */
    readonly mean: number;
    readonly median: number;
    /** Inverse CDF at probability p in (0, 1). */
    quantile(p: number): number;
    /** Replaces each uniform draw in `values` by the quantile at it (in place) and returns `values`. */
    transform(values: Float64Array): Float64Array;
}
export declare function normalFrom90(low: number, high: number): Distribution;
export declare function lognormalFrom90(low: number, high: number): Distribution;
export declare function uniformBetween(low: number, high: number): Distribution;
export declare function triangular(low: number, mode: number, high: number): Distribution;
export declare function fixed(value: number): Distribution;
/** The distribution an assumption describes (the loader has already checked its fields fit together). */
export declare function distributionOf(a: Assumption): Distribution;
/** The assumption's median: the value used for "others at median" and for point estimates. */
export declare function median(a: Assumption): number;
export declare function quantile(a: Assumption, p: number): number;
export declare function analyticMean(a: Assumption): number;
export interface Sampler {
    readonly distribution: Distribution;
    /** One draw. */
    draw(stream: UniformStream): number;
    /** Fills `out` with draws and returns it. */
    fill(stream: UniformStream, out: Float64Array): Float64Array;
}
/** Draws from an assumption's distribution using a uniform stream (see `random.ts`). */
export declare function sampler(a: Assumption): Sampler;
/** Standard normal quantile Φ⁻¹(p) for p in (0, 1). */
export declare function normalQuantile(p: number): number;
