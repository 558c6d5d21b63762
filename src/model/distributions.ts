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
export const Z95 = 1.6448536269514722;

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

export function normalFrom90(low: number, high: number): Distribution {
  const mu = (low + high) / 2;
  const sigma = (high - low) / (2 * Z95);
  return {
    kind: "normal",
    mean: mu,
    median: mu,
    quantile: (p) => mu + sigma * normalQuantile(p),
    transform(values) {
      for (let i = 0; i < values.length; i++) values[i] = mu + sigma * normalQuantile(values[i] as number);
      return values;
    },
  };
}

export function lognormalFrom90(low: number, high: number): Distribution {
  const mu = (Math.log(low) + Math.log(high)) / 2;
  const sigma = (Math.log(high) - Math.log(low)) / (2 * Z95);
  return {
    kind: "lognormal",
    mean: Math.exp(mu + (sigma * sigma) / 2),
    median: Math.exp(mu),
    quantile: (p) => Math.exp(mu + sigma * normalQuantile(p)),
    transform(values) {
      for (let i = 0; i < values.length; i++) values[i] = Math.exp(mu + sigma * normalQuantile(values[i] as number));
      return values;
    },
  };
}

export function uniformBetween(low: number, high: number): Distribution {
  const width = high - low;
  return {
    kind: "uniform",
    mean: low + width / 2,
    median: low + width / 2,
    quantile: (p) => low + width * p,
    transform(values) {
      for (let i = 0; i < values.length; i++) values[i] = low + width * (values[i] as number);
      return values;
    },
  };
}

export function triangular(low: number, mode: number, high: number): Distribution {
  const width = high - low;
  const modeCdf = width === 0 ? 0.5 : (mode - low) / width;
  const quantile = (p: number): number =>
    p < modeCdf ? low + Math.sqrt(p * width * (mode - low)) : high - Math.sqrt((1 - p) * width * (high - mode));
  return {
    kind: "triangular",
    mean: (low + mode + high) / 3,
    median: quantile(0.5),
    quantile,
    transform(values) {
      for (let i = 0; i < values.length; i++) values[i] = quantile(values[i] as number);
      return values;
    },
  };
}

export function fixed(value: number): Distribution {
  return {
    kind: "fixed",
    mean: value,
    median: value,
    quantile: () => value,
    transform: (values) => values.fill(value),
  };
}

/** The distribution an assumption describes (the loader has already checked its fields fit together). */
export function distributionOf(a: Assumption): Distribution {
  if (a.range === undefined) return fixed(a.value ?? Number.NaN);
  const { low, high } = a.range;
  switch (a.distribution) {
    case "lognormal":
      return lognormalFrom90(low, high);
    case "normal":
      return normalFrom90(low, high);
    case "uniform":
      return uniformBetween(low, high);
    case "triangular":
      return triangular(low, a.mode ?? (low + high) / 2, high);
    case "fixed":
      return fixed((low + high) / 2);
  }
}

/** The assumption's median: the value used for "others at median" and for point estimates. */
export function median(a: Assumption): number {
  return distributionOf(a).median;
}

export function quantile(a: Assumption, p: number): number {
  return distributionOf(a).quantile(p);
}

export function analyticMean(a: Assumption): number {
  return distributionOf(a).mean;
}

export interface Sampler {
  readonly distribution: Distribution;
  /** One draw. */
  draw(stream: UniformStream): number;
  /** Fills `out` with draws and returns it. */
  fill(stream: UniformStream, out: Float64Array): Float64Array;
}

/** Draws from an assumption's distribution using a uniform stream (see `random.ts`). */
export function sampler(a: Assumption): Sampler {
  const distribution = distributionOf(a);
  return {
    distribution,
    draw: (stream) => distribution.quantile(stream.next()),
    fill: (stream, out) => distribution.transform(stream.fill(out)),
  };
}

// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
const [d0, d1, d2, d3] = D as [number, number, number, number];
const P_LOW = 0.02425;

/** Standard normal quantile Φ⁻¹(p) for p in (0, 1). */
export function normalQuantile(p: number): number {
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

function tail(q: number): number {
  return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
}
