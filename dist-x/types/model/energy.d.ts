export interface EnergyUse {
    readonly gpuHours: number;
    readonly kwPerGpu: number;
    /** Power usage effectiveness: facility power ÷ IT power, ≥ 1. */
    readonly pue: number;
    readonly usdPerKwh: number;
}
export declare function energyKwh(use: Omit<EnergyUse, "usdPerKwh">): number;
export declare function energyCostUsd(use: EnergyUse): number;
export interface InferenceServing {
    readonly usdPerGpuHour: number;
    readonly tokensPerSecondPerGpu: number;
    /** Share of rented hours spent serving, in (0, 1]. */
    readonly utilizationFraction: number;
}
export declare function inferenceUsdPerMillionTokens(serving: InferenceServing): number;
