/**
 * Valuation multiples (standard practice): price ÷ revenue run rate. Trailing uses the current
 * annualized run rate; forward uses the run rate expected a year out. The essay states Anthropic at
 * $350B on a $3–4B 2025 run rate as "100x price-to-sales".
 */
export interface Valuation {
    readonly valuationUsd: number;
    readonly trailingRunRateUsdPerYear: number;
    readonly forwardRunRateUsdPerYear?: number;
}
export declare function priceToRunRate(valuationUsd: number, runRateUsdPerYear: number): number;
export declare function valuationMultiples(v: Valuation): {
    readonly trailing: number;
    readonly forward: number;
};
