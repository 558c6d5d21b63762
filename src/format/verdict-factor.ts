/**
 * A claim's factor as a reader takes it beside its verdict: "understated 2.4×" for an essay figure
 * about 2.4 times below ours. The factor is stored as stated ÷ computed (claims.json, diffs), which
 * for an understated claim is below 1: the ledger's badge read "understated 0.41×" while the prose
 * beside it said "about 2.4× as much", one gap in two directions.
 */
import type { Verdict } from "../vocabulary/results";
import { formatFactor } from "./number";

export function formatVerdictFactor(verdict: Verdict, factor: number): string {
  return formatFactor(verdict === "understated" && factor > 0 && factor < 1 ? 1 / factor : factor);
}
