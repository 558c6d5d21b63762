/** How a judgement-led claim is labelled, the same in a chapter's verdict card and in the ledger. */
import { formatNumber } from "../format/number";
import type { ClaimRecord } from "./types";

export function judgementLedText(claim: Pick<ClaimRecord, "basis">): string {
  const share = claim.basis?.shares.judgement ?? 0;
  const main = claim.basis?.mainJudgement;
  // Quoted: a label is written to stand alone ("Share of …", "OpenAI costs …"), and no rule can lower
  // its first letter mid-sentence without lowering a name it starts with.
  const mainText = main === undefined ? "" : `, mostly \u201c${main.label}\u201d`;
  return `rests on judgement (${formatNumber(share, "percent")} of the sensitivity${mainText})`;
}
