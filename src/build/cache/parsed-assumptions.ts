/**
 * assumptions.yaml, parsed and validated once per content (parsed-inputs.ts): the YAML parser is
 * slow to warm up (~0.1 s for the report's file), so a build whose file is byte-identical to the
 * last one's takes the parsed entries from the cache (and `fragtax run` hands them to the notebook
 * thread: run-inputs.ts).
 */
import { relative } from "node:path";
import { AssumptionRegistry } from "../../assumptions/registry";
import type { Assumption } from "../../assumptions/types";
import { readInputText } from "../../util/plain-file";
import { codeStamp } from "./code-stamp";
import { parseCached } from "./parsed-inputs";
import { assumptionsIdentity, cachedAssumptions, isParsedAssumptions } from "./run-inputs";

/**
 * The registry, and `keep` to cache it — called by the build once its inputs are accepted, so a
 * build refused for bad input (e.g. a source after the as-of date) writes nothing. `code` is the
 * tool's code stamp (computed once per build).
 */
export async function parseAssumptionsCached(text: string, fileName: string, cacheDir: string, code: string = codeStamp()): Promise<{ registry: AssumptionRegistry; keep: () => Promise<void> }> {
  let parsed: AssumptionRegistry | undefined;
  const { value, keep } = await parseCached(
    cacheDir,
    assumptionsIdentity(text, fileName, code),
    async () => {
      // The parser (YAML and zod) is loaded only on a miss.
      parsed = (await import("../../assumptions")).parseAssumptions(text, fileName); // throws, located, on a problem
      return { assumptions: parsed.all(), correlations: parsed.correlations, totals: parsed.totals };
    },
    isParsedAssumptions,
  );
  return { registry: parsed ?? new AssumptionRegistry(value.assumptions, fileName, value.correlations, value.totals), keep };
}

/**
 * The assumptions a `fragtax run` hands its notebook thread: those the last build or run parsed while
 * the file is unchanged; else parsed here, on the main thread, while the notebook thread is still
 * starting, and kept for the next run (as a build keeps them). Before, a run with no build since the
 * file (or the tool) changed had its thread parse the file after starting, ~0.1 s on the run's
 * longest path, again at every run. A file with a problem gives undefined: the notebook thread loads
 * it, and the run reports the problem, located, as before.
 */
export async function assumptionsForRun(file: string, root: string, cacheDir: string): Promise<readonly Assumption[] | undefined> {
  let text: string;
  try {
    text = await readInputText(file); // read once: looked up by its text, and parsed from it on a miss
  } catch {
    return undefined; // an unreadable assumptions file: the notebook thread's loader reports it
  }
  const fileName = relative(root, file) || ".";
  const cached = await cachedAssumptions(text, fileName, cacheDir);
  if (cached !== undefined) return cached;
  try {
    const { registry, keep } = await parseAssumptionsCached(text, fileName, cacheDir);
    // A cache that cannot be written costs the next run the parse; this run has what it needs.
    await keep().catch(() => undefined);
    return registry.all();
  } catch {
    return undefined;
  }
}
