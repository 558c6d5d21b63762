/**
 * assumptions.yaml, parsed and validated once per content: the YAML parser is slow to warm up
 * (~0.1 s for the report's file, most of what a no-op rebuild spends on its inputs), so a build
 * whose file is byte-identical to the last one's takes the parsed entries from
 * `out/.cache/assumptions/parsed.json`. The key is the text, the file's name and the tool's code
 * stamp; a file with a problem is never cached (it is parsed again and reported again).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseAssumptions, AssumptionRegistry } from "../../assumptions";
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
  const file = join(cacheDir, "assumptions", "parsed.json");
  const key = sha256(canonicalJson({ format: FORMAT, text, fileName, code: codeStamp() }));
  try {
    const entry = JSON.parse(await readFile(file, "utf8")) as Partial<ParsedEntry>;
    if (entry.format === FORMAT && entry.key === key && Array.isArray(entry.assumptions) && Array.isArray(entry.correlations)) {
      return { registry: new AssumptionRegistry(entry.assumptions, fileName, entry.correlations), keep: async () => undefined };
    }
  } catch {
    // missing or damaged: parsed below
  }
  const registry = parseAssumptions(text, fileName); // throws, located, on a problem: nothing cached
  const entry: ParsedEntry = { format: FORMAT, key, assumptions: registry.all(), correlations: registry.correlations };
  // Unwritable: parsed again next time.
  return { registry, keep: () => writeFileAtomic(file, JSON.stringify(entry)).catch(() => undefined) };
}
