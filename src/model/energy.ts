/**
 * Energy and inference cost (standard data-centre practice, as in Epoch AI's cost model).
 *
 *   kWh = gpuHours × kwPerGpu × pue        usd = kWh × usdPerKwh
 *
 * `kwPerGpu` is average draw (e.g. H100 SXM: 700 W TDP, ~75% average), PUE the facility overhead
 * (~1.1 hyperscale AI, ~1.56 industry average).
 *
 * Inference: a GPU rented at `usdPerGpuHour` serving `tokensPerSecondPerGpu` while busy a
 * `utilizationFraction` of the time produces tokensPerSecond × 3600 × utilization tokens an hour, so
 *
 *   usdPerMillionTokens = usdPerGpuHour ÷ (tokensPerSecondPerGpu × 3600 × utilizationFraction) × 10⁶
 */
import { SECONDS_PER_HOUR } from "./training";

const TOKENS_PER_MILLION = 1_000_000;

export interface EnergyUse {
  readonly gpuHours: number;
  readonly kwPerGpu: number;
  /** Power usage effectiveness: facility power ÷ IT power, ≥ 1. */
  readonly pue: number;
  readonly usdPerKwh: number;
}

export function energyKwh(use: Omit<EnergyUse, "usdPerKwh">): number {
  return use.gpuHours * use.kwPerGpu * use.pue;
}

export function energyCostUsd(use: EnergyUse): number {
  return energyKwh(use) * use.usdPerKwh;
}

export interface InferenceServing {
  readonly usdPerGpuHour: number;
  readonly tokensPerSecondPerGpu: number;
  /** Share of rented hours spent serving, in (0, 1]. */
  readonly utilizationFraction: number;
}

export function inferenceUsdPerMillionTokens(serving: InferenceServing): number {
  const tokensPerGpuHour = serving.tokensPerSecondPerGpu * SECONDS_PER_HOUR * serving.utilizationFraction;
  return (serving.usdPerGpuHour / tokensPerGpuHour) * TOKENS_PER_MILLION;
}
