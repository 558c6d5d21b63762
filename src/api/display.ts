/**
 * The one-line displays of figures and claims. They are HTML (escaped; the class names let the report
 * style them as figure and verdict cards) and carry `tex2jax_ignore` so Jupyter's MathJax does not read
 * "$20M … $40M" as a formula.
 */
import { escapeHtml } from "../util/html";
import { formatIntervalWithUnit } from "../format/number";
import { formatFigure } from "../format/figure";
import { formatVerdictFactor } from "../format/factor";
import { judgementLedText } from "./judgement";
import type { ClaimRecord, FigureRecord } from "./types";

export function figureHtml(figure: FigureRecord): string {
  return (
    `<div class="fragtax-figure tex2jax_ignore" data-figure-id="${escapeHtml(figure.id)}">` +
    `<span class="fragtax-figure-label">${escapeHtml(figure.label)}</span> ` +
    `<strong class="fragtax-figure-value">${escapeHtml(formatFigure(figure))}</strong></div>`
  );
}

/**
 * The model's side of a claim as readers see it, with its unit, or null for an unverifiable claim: its `computed`
 * is only the stated figure carried along (there is nothing to compute it from), and "model $2B"
 * beside "stated $2B" would read as a confirmation the report does not have.
 */
export function claimComputedText(claim: ClaimRecord): string | null {
  return claim.verdict === "unverifiable" ? null : formatIntervalWithUnit(claim.computed.low, claim.computed.high, claim.format, claim.unit);
}

/** The stated side of a claim with its unit ("4 years", "$7B–$10B/year"), as its card and the ledger show it. */
export function claimStatedText(claim: ClaimRecord): string {
  return formatIntervalWithUnit(claim.stated.low, claim.stated.high, claim.format, claim.unit);
}

export function claimHtml(claim: ClaimRecord): string {
  // With the unit, as the ledger shows them: "stated 4; model 6.77" left the reader to guess "years".
  const stated = claimStatedText(claim);
  const computed = claimComputedText(claim);
  // As the ledger's badge: the way round the verdict reads, and a factor that would read "1×" gets its third digit.
  const off = claim.factor === null || claim.verdict === "consistent" ? "" : ` ${formatVerdictFactor(claim.verdict, claim.factor)}`;
  const judgement = claim.basis?.judgementLed === true ? `<span class="judgement-badge">${escapeHtml(judgementLedText(claim))}</span>` : "";
  return (
    `<div class="fragtax-claim verdict-${escapeHtml(claim.verdict)} tex2jax_ignore" data-claim-id="${escapeHtml(claim.id)}">` +
    `<span class="verdict-badge">${escapeHtml(claim.verdict + off)}</span> ` +
    `<span class="fragtax-claim-text">${escapeHtml(claim.claim)}</span> ` +
    `<span class="fragtax-claim-numbers">stated ${escapeHtml(stated)}; ${computed === null ? "no independent figure" : `model ${escapeHtml(computed)}`}</span>` +
    // Last, on a line of its own: between the verdict and the claim, the long mark pushed the claim's words apart.
    judgement +
    `</div>`
  );
}
