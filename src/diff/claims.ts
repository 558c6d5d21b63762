/**
 * The essay's claims between two versions: each claim whose verdict changed (consistent → understated),
 * and claims added or removed. A verdict is the report's conclusion about a sentence of the essay, so a
 * diff says when one turns, whether or not the prose around it was edited (the stale-prose guard,
 * prose-guard.ts, speaks only of prose left as it was). Pure: claims.json rows in, data out.
 */
import type { NumberFormat } from "../api/types";
import { isRecord } from "../util/records";

/** A claim as a version states and judges it. */
export interface ClaimSide {
  readonly verdict: string;
  readonly stated?: ClaimRange;
  readonly computed?: ClaimRange;
}

export interface ClaimRange {
  readonly low: number;
  readonly high: number;
}

export interface ClaimDelta {
  readonly id: string;
  /** The claim's words (the newer side's), its unit and how its numbers are written. */
  readonly claim: string;
  readonly unit: string;
  readonly format: NumberFormat;
  readonly status: "changed" | "added" | "removed";
  readonly before: ClaimSide | null;
  readonly after: ClaimSide | null;
}

export interface ClaimsDiff {
  /** Verdicts that turned, then claims added and removed; each group by id. */
  readonly changed: readonly ClaimDelta[];
  /** Claims on both sides with the same verdict (their numbers may have moved within it). */
  readonly unchanged: number;
}

interface Row extends ClaimSide {
  readonly id: string;
  readonly claim: string;
  readonly unit: string;
  readonly format: NumberFormat;
}

/** Undefined when neither side has a claim (a report that checks no essay has nothing to say here). */
export function diffClaims(before: unknown, after: unknown): ClaimsDiff | undefined {
  const [old, now] = [byId(rows(before)), byId(rows(after))];
  if (old.size + now.size === 0) return undefined;
  const changed: ClaimDelta[] = [];
  let unchanged = 0;
  for (const [id, a] of now) {
    const b = old.get(id);
    if (b === undefined) changed.push(delta(a, "added", null, a));
    else if (b.verdict !== a.verdict) changed.push(delta(a, "changed", b, a));
    else unchanged++;
  }
  for (const [id, b] of old) if (!now.has(id)) changed.push(delta(b, "removed", b, null));
  const rank = { changed: 0, added: 1, removed: 2 } as const;
  changed.sort((x, y) => rank[x.status] - rank[y.status] || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { changed, unchanged };
}

function delta(shown: Row, status: ClaimDelta["status"], before: Row | null, after: Row | null): ClaimDelta {
  return { id: shown.id, claim: shown.claim, unit: shown.unit, format: shown.format, status, before: before && side(before), after: after && side(after) };
}

function side(row: Row): ClaimSide {
  return { verdict: row.verdict, ...(row.stated && { stated: row.stated }), ...(row.computed && { computed: row.computed }) };
}

function byId(list: readonly Row[]): Map<string, Row> {
  return new Map(list.map((row) => [row.id, row]));
}

/** claims.json's rows, read leniently (a version written by an older fragtax may lack a field). */
function rows(data: unknown): Row[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((item: unknown): Row[] => {
    if (!isRecord(item) || typeof item.id !== "string" || typeof item.verdict !== "string") return [];
    const stated = range(item.stated);
    const computed = range(item.computed);
    return [
      {
        id: item.id,
        claim: typeof item.claim === "string" ? item.claim : item.id,
        unit: typeof item.unit === "string" ? item.unit : "",
        format: (typeof item.format === "string" ? item.format : "number") as NumberFormat,
        verdict: item.verdict,
        ...(stated && { stated }),
        ...(computed && { computed }),
      },
    ];
  });
}

function range(value: unknown): ClaimRange | undefined {
  if (!isRecord(value) || typeof value.low !== "number" || typeof value.high !== "number") return undefined;
  if (!Number.isFinite(value.low) || !Number.isFinite(value.high)) return undefined;
  return { low: value.low, high: value.high };
}
