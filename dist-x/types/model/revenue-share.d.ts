/**
 * Revenue share with a total cap (the essay: OpenAI paid Microsoft ~20% of revenue; the April 2026
 * amendment keeps the share through 2030 but caps the total).
 *
 *   uncapped payment in year t = shareFraction × revenue_t
 *   capped payment in year t   = min(uncapped_t, capUsd − capped payments before t)
 *
 * The cap's value is what it moves between the parties: the payer keeps Σ (uncapped − capped), the
 * recipient forgoes the same. Present values discount year t (0 = first year) by (1 + r)^t.
 */
export interface RevenueShareTerms {
    /** Revenue of each year, first year first. */
    readonly revenueUsdByYear: readonly number[];
    readonly shareFraction: number;
    /** Cap on the sum of all payments; `Infinity` for none. */
    readonly capUsd: number;
    /** Calendar year of the first entry, for labels. */
    readonly firstYear: number;
    /** Discount rate per year for present values; default 0 (nominal). */
    readonly discountRatePerYear?: number;
}
export interface RevenueShareYear {
    readonly year: number;
    readonly revenueUsd: number;
    readonly uncappedUsd: number;
    readonly cappedUsd: number;
    readonly cumulativeCappedUsd: number;
}
export interface RevenueShareOutcome {
    readonly years: readonly RevenueShareYear[];
    readonly uncappedTotalUsd: number;
    readonly cappedTotalUsd: number;
    /** First calendar year in which the cap cuts the payment; undefined if it never binds. */
    readonly capBindsInYear: number | undefined;
    /** Present value the cap moves to the payer (≥ 0) … */
    readonly capValueToPayerUsd: number;
    /** … and to the recipient (the same amount, negative). */
    readonly capValueToRecipientUsd: number;
}
export declare function revenueSharePayments(terms: RevenueShareTerms): RevenueShareOutcome;
/** Revenue growing at a constant rate: start × (1 + growth)^t for t = 0 … years − 1. */
export declare function revenuePath(path: {
    startUsdPerYear: number;
    growthFractionPerYear: number;
    years: number;
}): number[];
