/**
 * What a claim's verdict rests on. The model tells how much each input moves the output (tornado
 * swing², normalized: `run.drivers(output)`); each input's `kind` tells whether it is the essay's
 * figure, a source's or the analysts' judgement. A verdict whose weight is mostly judgement is the
 * analysts' opinion more than a finding, and the ledger says so.
 */
import type { Assumption } from "../assumptions/types";
import type { ClaimBasis, Driver } from "./types";
/** More than this share of the weight on judgement inputs marks the claim. */
export declare const JUDGEMENT_LED_THRESHOLD = 0.5;
export declare function claimBasis(drivers: readonly (string | Driver)[], lookup: (id: string) => Assumption): ClaimBasis;
