/**
 * What a claim's verdict rests on. The model tells how much each input moves the output (tornado
 * swing², normalized: `run.drivers(output)`); each input's `kind` tells whether it is the essay's
 * figure, a source's or the analysts' judgement. A verdict whose weight is mostly judgement is the
 * analysts' opinion more than a finding, and the ledger says so.
 */
import type { Assumption } from "../assumptions/types";
import type { ClaimBasis, Driver } from "./types";

type Kind = keyof ClaimBasis["shares"];

/** More than this share of the weight on judgement inputs marks the claim. */
export const JUDGEMENT_LED_THRESHOLD = 0.5;

export function claimBasis(drivers: readonly (string | Driver)[], lookup: (id: string) => Assumption): ClaimBasis {
  const weighted = drivers.map((d) => (typeof d === "string" ? { id: d, share: 1 } : d)).filter((d) => Number.isFinite(d.share) && d.share >= 0);
  const total = weighted.reduce((sum, d) => sum + d.share, 0);
  const normalized = weighted.map((d) => ({ ...d, share: total > 0 ? d.share / total : 1 / weighted.length }));
  const shares: Partial<Record<Kind, number>> = {};
  let main: { id: string; label: string; share: number } | undefined;
  for (const { id, share } of normalized) {
    const assumption = lookup(id);
    const kind: Kind = assumption.kind ?? "unknown";
    shares[kind] = (shares[kind] ?? 0) + share;
    if (kind === "judgement" && (main === undefined || share > main.share)) main = { id, label: assumption.label, share };
  }
  const rounded = Object.fromEntries(Object.entries(shares).map(([kind, share]) => [kind, Math.round(share * 1000) / 1000]));
  return { shares: rounded, judgementLed: (shares.judgement ?? 0) > JUDGEMENT_LED_THRESHOLD, ...(main === undefined ? {} : { mainJudgement: main }) };
}
