/**
 * assumptions.yaml, parsed and validated once per content (parsed-inputs.ts): the YAML parser is
 * slow to warm up (~0.1 s for the report's file), so a build whose file is byte-identical to the
 * last one's takes the parsed entries from the cache, and `fragtax run` hands them to the notebook
 * thread.
 */
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { AssumptionRegistry } from "../../assumptions/registry";
import type { Assumption, Correlation } from "../../assumptions/types";
import { isRecord } from "../../util/records";
import { codeStamp } from "./code-stamp";
import { parseCached, readParsed, type ParseIdentity } from "./parsed-inputs";

interface ParsedAssumptions {
  readonly assumptions: readonly Assumption[];
  readonly correlations: readonly Correlation[];
}

const isParsed = (value: unknown): value is ParsedAssumptions => isRecord(value) && Array.isArray(value.assumptions) && Array.isArray(value.correlations);

const identity = (text: string, fileName: string, code: string): ParseIdentity => ({ kind: "assumptions", text, fileName, code });

/**
 * The registry, and `keep` to cache it — called by the build once its inputs are accepted, so a
 * build refused for bad input (e.g. a source after the as-of date) writes nothing. `code` is the
 * tool's code stamp (computed once per build).
 */
export async function parseAssumptionsCached(text: string, fileName: string, cacheDir: string, code: string = codeStamp()): Promise<{ registry: AssumptionRegistry; keep: () => Promise<void> }> {
  let parsed: AssumptionRegistry | undefined;
  const { value, keep } = await parseCached(
    cacheDir,
    identity(text, fileName, code),
    async () => {
      // The parser (YAML and zod) is loaded only on a miss.
      parsed = (await import("../../assumptions")).parseAssumptions(text, fileName); // throws, located, on a problem
      return { assumptions: parsed.all(), correlations: parsed.correlations };
    },
    isParsed,
  );
  return { registry: parsed ?? new AssumptionRegistry(value.assumptions, fileName, value.correlations), keep };
}

/**
 * The assumptions the last build of the project at `root` parsed from `file`, while the file's text is
 * what was parsed (undefined otherwise): `fragtax run` hands them to the notebook thread, which then
 * loads neither YAML nor zod (~0.1 s of a run). The key is the build's, name relative to the root.
 */
export async function cachedAssumptions(file: string, root: string, cacheDir: string): Promise<readonly Assumption[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined; // an unreadable assumptions file: the worker's loader reports it
  }
  return (await readParsed(cacheDir, identity(text, relative(root, file) || ".", codeStamp()), isParsed))?.assumptions;
}
