/**
 * Messages about the claims a chapter's text counted (`nb.words.countedClaims`) against the whole
 * report's ledger: text decided on another list than the one the report shows would contradict its
 * own appendix, silently.
 */
import { located, type CellLocation } from "./location";

const listed = (ids: readonly string[]): string => (ids.length > 5 ? `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more` : ids.join(", "));

/** `recordedAt`: where the report's ledger got a claim (its notebook and cell), said beside one recorded but not counted. */
export const countedClaimsDiffer = (where: CellLocation, uncounted: readonly string[], unrecorded: readonly string[], recordedAt: (id: string) => string | undefined = () => undefined): string =>
  located(
    where,
    `this text counts and words the essay's claims from its own list, which differs from the report's ledger (Appendix C): ` +
      [
        ...(uncounted.length > 0 ? [`${listed(uncounted.map((id) => { const at = recordedAt(id); return at === undefined ? id : `${id} (recorded at ${at})`; }))} ${uncounted.length === 1 ? "is" : "are"} recorded but not counted`] : []),
        ...(unrecorded.length > 0 ? [`${listed(unrecorded)} ${unrecorded.length === 1 ? "is" : "are"} counted but recorded by no chapter`] : []),
      ].join("; ") +
      ". Add each claim to the list the text counts (for The Fragmentation Tax, src/fragmentation-tax/ledger.ts), or count with nb.words.ledger()",
  );

/** A record's text holding `nb.words.ledger()` or `countedClaims()` output, which only nb.md text has filled in. */
export const markerInRecord = (call: string, field: string): string =>
  `${call}: "${field}" holds the text of nb.words.ledger() or nb.words.countedClaims(), which the report fills in only where nb.md wrote it; ` +
  "a figure's or claim's text is kept as the cell made it (figures.json, the appendices, diff). Write it without them, or count this notebook's claims with nb.words.countsText()";

/** `nb.words.countedClaims` given something other than a list of ids. */
export const countedClaimsNotAList = (got: string): string =>
  `nb.words.countedClaims: its argument is ${got}; give the list of claim ids the text counts, e.g. nb.words.countedClaims(entries.map((e) => e.id))`;
