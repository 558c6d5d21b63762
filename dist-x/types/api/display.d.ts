import type { ClaimRecord, FigureRecord } from "./types";
export declare function figureHtml(figure: FigureRecord): string;
/**
 * The model's side of a claim as readers see it, with its unit, or null for an unverifiable claim: its `computed`
 * is only the stated figure carried along (there is nothing to compute it from), and "model $2B"
 * beside "stated $2B" would read as a confirmation the report does not have.
 */
export declare function claimComputedText(claim: ClaimRecord): string | null;
/** The stated side of a claim with its unit ("4 years", "$7B–$10B/year"), as its card and the ledger show it. */
export declare function claimStatedText(claim: ClaimRecord): string;
export declare function claimHtml(claim: ClaimRecord): string;
