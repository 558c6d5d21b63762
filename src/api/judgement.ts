/** How a judgement-led claim is labelled, the same in a chapter's verdict card and in the ledger. */
import { formatNumber } from "../format/number";
import type { ClaimRecord } from "./types";

export function judgementLedText(claim: Pick<ClaimRecord, "basis">): string {
  const share = claim.basis?.shares.judgement ?? 0;
  const main = claim.basis?.mainJudgement;
  const mainText = main === undefined ? "" : `, mostly ${main.label}`;
  return `rests on judgement (${formatNumber(share, "percent")} of the sensitivity${mainText})`;
}
