/**
 * assumptions.yaml, parsed and validated once per content (parsed-inputs.ts): the YAML parser is
 * slow to warm up (~0.1 s for the report's file), so a build whose file is byte-identical to the
 * last one's takes the parsed entries from the cache (and `fragtax run` hands them to the notebook
 * thread: run-inputs.ts).
 */
import { AssumptionRegistry } from "../../assumptions/registry";
import { codeStamp } from "./code-stamp";
import { parseCached } from "./parsed-inputs";
import { assumptionsIdentity, isParsedAssumptions } from "./run-inputs";

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

