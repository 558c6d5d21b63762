/**
 * The change a bench's one-assumption rebuild makes, shared by report.bench.ts and versions.bench.ts:
 * the first assumption's range widened (its `high` ×1.1) or its value scaled, in the file's own text,
 * so the notebooks that read it run again and nothing else changes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

/** Changes the first assumption of `file` in place; returns its id. */
export function changeOneAssumption(file: string): string {
  const data = parse(readFileSync(file, "utf8")) as { assumptions: Array<{ id: string }> };
  const id = data.assumptions[0]?.id;
  if (id === undefined) throw new Error(`${file} has no assumptions`);
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(`id: ${id}`);
  const next = text.indexOf("- id:", at + 1);
  const entry = text.slice(at, next < 0 ? undefined : next);
  const scaled = (_match: string, key: string, n: string): string => `${key}${Number(n) * 1.1}`;
  writeFileSync(file, text.replace(entry, entry.replace(/(high:\s*)([\d.e+-]+)/, scaled).replace(/(value:\s*)([\d.e+-]+)/, scaled)));
  return id;
}
