/**
 * Cloud credits usable on one cloud only (the essay: Google's and Amazon's investments arrive largely
 * as TPU/Trainium capacity and credits, "vendor lock-in with extra steps").
 *
 *   usable    = min(credits, spend the holder can productively place on that cloud)
 *   stranded  = credits − usable;     strandedShare = stranded ÷ credits
 *   effective = usable ÷ max(1, priceRatio)
 *
 * `priceRatio` is the cloud's price for the work ÷ the best price available elsewhere. Cash could buy
 * on this cloud too, so a credit dollar is never worth more than a cash dollar (hence max(1, ·)).
 */
export interface CreditGrant {
    readonly creditsUsd: number;
    /** Compute spend, at this cloud's prices, the holder can use there while the credits are valid. */
    readonly usableDemandUsd: number;
    /** This cloud's price ÷ the best alternative's, for the same work. */
    readonly priceRatio: number;
}
export interface CreditValue {
    readonly usableUsd: number;
    readonly strandedUsd: number;
    readonly strandedShare: number;
    /** Cash-equivalent value of the grant. */
    readonly effectiveValueUsd: number;
    /** 1 − effective ÷ face value. */
    readonly discountToFace: number;
}
export declare function creditValue(grant: CreditGrant): CreditValue;
