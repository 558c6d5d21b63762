/**
 * Custom-silicon design cost (NRE) amortization (the essay: TPU 8i development reportedly over $2B;
 * about six hardware ecosystems competing for the same workloads).
 *
 * A total market of `totalChips` split evenly across N ecosystems leaves each design totalChips ÷ N
 * chips to carry its NRE:
 *
 *   nrePerChip     = nreUsd ÷ (totalChips ÷ N)        (N times the single-ecosystem figure)
 *   nrePerChipHour = nrePerChip ÷ (lifetimeHours × utilizationFraction)
 *   breakEvenChips = nreUsd ÷ savingUsdPerChip       (volume at which per-chip savings repay the NRE)
 */
export interface ChipProgram {
    readonly nreUsd: number;
    /** Chips the whole market deploys over the design's life. */
    readonly totalChips: number;
    readonly ecosystems: number;
    readonly lifetimeHours: number;
    /** Share of lifetime hours a chip does paid work, in (0, 1]. */
    readonly utilizationFraction: number;
}
export interface NreShare {
    readonly chipsPerEcosystem: number;
    readonly nreUsdPerChip: number;
    readonly nreUsdPerChipHour: number;
    /** nreUsdPerChip ÷ the same with one ecosystem (= ecosystems). */
    readonly multiplierVsOneEcosystem: number;
}
export declare function nreAmortization(program: ChipProgram): NreShare;
export declare function breakEvenChips(design: {
    nreUsd: number;
    savingUsdPerChip: number;
}): number;
/** How many ecosystems an even split of the market can carry, each at least at break-even volume. */
export declare function ecosystemsSupported(market: {
    totalChips: number;
    breakEvenChips: number;
}): number;
