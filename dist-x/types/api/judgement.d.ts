import type { ClaimRecord } from "./types";
export declare function judgementLedText(claim: Pick<ClaimRecord, "basis">): string;
