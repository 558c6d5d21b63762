/**
 * claims.json and build-log.json (figures.json: figures-file.ts): stable, sorted, pretty JSON (two-space indent,
 * fixed key order, trailing newline) so that two builds of the same inputs diff cleanly.
 */
import type { ClaimRecord } from "../api/types";
import { at } from "../messages/location";
import { cellText, type Notebook } from "../notebook/nbformat";
import { stringLiterals } from "../notebook/string-literals";
import { jsonWithVisibleControls } from "../format/control";
import { byIdOrder } from "../util/order";

export function claimsJson(claims: readonly ClaimRecord[]): string {
  const entries = byId(claims).map((c) => ({
      id: c.id,
      claim: c.claim,
      unit: c.unit,
      format: c.format,
      stated: { low: c.stated.low, high: c.stated.high },
      // An unverifiable claim has no model figure (Appendix C): what it carries is the stated range again.
      computed: c.verdict === "unverifiable" ? null : { low: c.computed.low, high: c.computed.high, p50: c.computed.p50 },
      verdict: c.verdict,
      factor: c.factor,
      note: c.note,
      basis: c.basis,
      notebook: c.notebook,
      cell: c.cell,
      section: c.section,
    }));
  return pretty(entries);
}

function byId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort(byIdOrder);
}

/**
 * The report's headline figures: the first chapter's figures (the summary) in the order its cells
 * declared them, or the first figures of all when it declared none. The title page and the
 * published versions' index both use this rule.
 */
export function headlineFigures<T extends { readonly notebook?: string; readonly cell?: number }>(
  figures: readonly T[],
  firstChapter: string | undefined,
  count = 4,
): T[] {
  const fromSummary = figures.filter((figure) => figure.notebook === firstChapter);
  const pool = fromSummary.length > 0 ? fromSummary : [...figures];
  return [...pool].sort((a, b) => (a.cell ?? 0) - (b.cell ?? 0)).slice(0, count);
}

/**
 * The build's JSON files. JSON.stringify drops undefined members, so optional keys simply do not appear.
 * It escapes C0 controls but writes DEL, the C1 controls (U+009B is an 8-bit CSI, which `cat figures.json`
 * hands a terminal as an escape sequence), the bidi overrides and the line separators as they are: written
 * as `\uXXXX` (format/control.ts), the same JSON value, text to any reader.
 */
export function pretty(value: unknown): string {
  return `${jsonWithVisibleControls(JSON.stringify(value, null, 2))}\n`;
}

/**
 * Ids declared more than once (by two cells or two notebooks), each with the cells that declared it
 * (figures.json must be unambiguous):
 * "run_cost (notebooks/01-price.ipynb: cell 3, notebooks/02-claims.ipynb: cell 2)".
 */
export function duplicateIds(records: readonly { readonly id: string; readonly notebook?: string; readonly cell?: number }[], notebooks: ReadonlyMap<string, Notebook> = new Map()): string[] {
  const byId = new Map<string, Array<{ readonly notebook?: string; readonly cell?: number }>>();
  for (const record of records) byId.set(record.id, [...(byId.get(record.id) ?? []), record]);
  return [...byId]
    .filter(([, places]) => places.length > 1)
    .map(([id, places]) => {
      // The nth declaration in a cell is where the nth literal of the id is written there, when it is written as one.
      const seen = new Map<string, number>();
      const wheres = places.map(({ notebook, cell }) => {
        if (notebook === undefined) return "?";
        const key = `${notebook}#${cell ?? "?"}`;
        const nth = seen.get(key) ?? 0;
        seen.set(key, nth + 1);
        const source = cell === undefined ? undefined : notebooks.get(notebook)?.cells[cell - 1]?.source;
        const literals = source === undefined ? [] : stringLiterals(cellText(source), id);
        const position = literals[nth] ?? literals.at(-1);
        return at(position === undefined ? { file: notebook, cell: cell ?? "?" } : { file: notebook, cell: cell ?? "?", ...position });
      });
      return `${id} (${wheres.join(", ")})`;
    })
    .sort();
}
