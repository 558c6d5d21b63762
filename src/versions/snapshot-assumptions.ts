/**
 * Reads the assumptions of a snapshot (a published version, a git ref, a file) for the diff.
 * INTERIM: a lenient reader until the validated `parseAssumptions` of src/assumptions/ is on main;
 * then this delegates to it, so the diff sees exactly what the build sees.
 */
import { LineCounter, isMap, isSeq, parseDocument } from "yaml";
import type { Assumption, DistributionKind } from "../assumptions/types";

export function readSnapshotAssumptions(text: string, fileName: string): readonly Assumption[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) throw new Error(`${fileName}: ${document.errors[0]?.message ?? "invalid YAML"}`);
  const list = isMap(document.contents) ? document.contents.get("assumptions", true) : undefined;
  if (!isSeq(list)) throw new Error(`${fileName}: expected an "assumptions:" list`);
  return list.items.map((node) => {
    const entry = (isMap(node) ? node.toJSON() : {}) as Record<string, unknown>;
    const { line, col } = lineCounter.linePos((node as { range?: [number] }).range?.[0] ?? 0);
    const source = (entry.source ?? {}) as Record<string, unknown>;
    const range = entry.range as { low: number; high: number } | undefined;
    return {
      id: String(entry.id),
      label: String(entry.label ?? entry.id),
      unit: String(entry.unit ?? ""),
      ...(typeof entry.value === "number" ? { value: entry.value } : {}),
      ...(range ? { range: { low: Number(range.low), high: Number(range.high) } } : {}),
      ...(typeof entry.mode === "number" ? { mode: entry.mode } : {}),
      distribution: (entry.distribution ?? (range ? "lognormal" : "fixed")) as DistributionKind,
      source: {
        title: String(source.title ?? ""),
        ...(source.url ? { url: String(source.url) } : {}),
        date: source.date instanceof Date ? source.date.toISOString().slice(0, 10) : String(source.date ?? ""),
      },
      ...(entry.note !== undefined ? { note: String(entry.note) } : {}),
      position: { file: fileName, line, column: col },
    };
  });
}
