/**
 * assumptions.yaml, parsed and validated once per content: the YAML parser is slow to warm up
 * (~0.1 s for the report's file, most of what a no-op rebuild spends on its inputs), so a build
 * whose file is byte-identical to the last one's takes the parsed entries from
 * `out/.cache/assumptions/parsed.json`. The key is the text, the file's name and the tool's code
 * stamp; a file with a problem is never cached (it is parsed again and reported again).
 */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { AssumptionRegistry } from "../../assumptions/registry";
import type { Assumption, Correlation } from "../../assumptions/types";
import { writeFileAtomic } from "../../util/atomic";
import { canonicalJson, sha256 } from "../../util/hash";
import { codeStamp } from "./code-stamp";

const FORMAT = 1;

interface ParsedEntry {
  readonly format: typeof FORMAT;
  readonly key: string;
  readonly assumptions: readonly Assumption[];
  readonly correlations: readonly Correlation[];
}

/**
 * The registry, and `keep` to cache it — called by the build once its inputs are accepted, so a
 * build refused for bad input (e.g. a source after the as-of date) writes nothing.
 */
export async function parseAssumptionsCached(text: string, fileName: string, cacheDir: string): Promise<{ registry: AssumptionRegistry; keep: () => Promise<void> }> {
  const file = entryFile(cacheDir);
  const key = entryKey(text, fileName);
  const cached = await readEntry(file, key);
  if (cached !== undefined) return { registry: new AssumptionRegistry(cached.assumptions, fileName, cached.correlations), keep: async () => undefined };
  // The parser (YAML and zod) is loaded only on a miss.
  const { parseAssumptions } = await import("../../assumptions");
  const registry = parseAssumptions(text, fileName); // throws, located, on a problem: nothing cached
  const entry: ParsedEntry = { format: FORMAT, key, assumptions: registry.all(), correlations: registry.correlations };
  // Unwritable: parsed again next time.
  return { registry, keep: () => writeFileAtomic(file, JSON.stringify(entry)).catch(() => undefined) };
}

/**
 * The assumptions the last build of the project at `root` parsed from `file`, while the file's text is
 * what was parsed (undefined otherwise): `fragtax run` hands them to the notebook thread, which then
 * loads neither YAML nor zod (~0.1 s of a run). The key is the build's, name relative to the root.
 */
export async function cachedAssumptions(file: string, root: string, cacheDir: string): Promise<readonly Assumption[] | undefined> {
  try {
    return (await readEntry(entryFile(cacheDir), entryKey(await readFile(file, "utf8"), relative(root, file) || ".")))?.assumptions;
  } catch {
    return undefined; // an unreadable assumptions file: the worker's loader reports it
  }
}

function entryFile(cacheDir: string): string {
  return join(cacheDir, "assumptions", "parsed.json");
}

function entryKey(text: string, fileName: string): string {
  return sha256(canonicalJson({ format: FORMAT, text, fileName, code: codeStamp() }));
}

async function readEntry(file: string, key: string): Promise<ParsedEntry | undefined> {
  try {
    const entry = JSON.parse(await readFile(file, "utf8")) as Partial<ParsedEntry>;
    if (entry.format === FORMAT && entry.key === key && Array.isArray(entry.assumptions) && Array.isArray(entry.correlations)) return entry as ParsedEntry;
  } catch {
    // missing or damaged: a miss
  }
  return undefined;
}
