/**
 * report.yaml and the errata file, parsed and validated once per content (parsed-inputs.ts): a
 * no-op rebuild then loads neither the YAML parser nor zod for them.
 */
import { resolve } from "node:path";
import { configRoot, outPaths, type ReportConfig } from "../../config";
import type { LocatedErratum } from "../../errata/types";
import { isRecord } from "../../util/records";
import { linkedOutside, realPathSoFar } from "../../util/paths";
import { parseCached, type Parsed } from "./parsed-inputs";

const isConfig = (value: unknown): value is ReportConfig =>
  isRecord(value) && typeof value.file === "string" && typeof value.root === "string" && Array.isArray(value.chapters) && typeof value.assumptions === "string" && isRecord(value.paths);

const isErrata = (value: unknown): value is LocatedErratum[] => Array.isArray(value) && value.every((entry) => isRecord(entry) && isRecord(entry.at));

/**
 * report.yaml's text as `normalizeConfig` (config/parse.ts) resolves it. The files it names must still
 * exist on a hit, and lead to no file outside the project; when one does not, the text is parsed again
 * and the error points at its line.
 */
export async function normalizeConfigCached(text: string, fileName: string, options: { readonly root?: string; readonly exists: (path: string) => boolean; readonly code: string }): Promise<Parsed<ReportConfig>> {
  const file = resolve(fileName);
  const root = configRoot(file, options.root);
  const named = (config: ReportConfig): string[] => [...config.chapters.map((chapter) => chapter.file), config.assumptions, ...(config.errata === undefined ? [] : [config.errata])];
  return parseCached(
    outPaths(root).cache,
    { kind: "report", text, fileName: file, code: options.code, extra: { root } },
    async () => (await import("../../config/parse")).normalizeConfig(text, file, { ...(options.root !== undefined && { root: options.root }), exists: options.exists }),
    isConfig,
    // A file swapped since for a link out of the project is refused by the parse, as on a miss.
    (config) =>
      named(config).every((path) => options.exists(path) && linkedOutside(path, config.root) === undefined) &&
      // A chapter made a link to another since: refused by the parse, as two lines naming one notebook.
      new Set(config.chapters.map((chapter) => realPathSoFar(chapter.file))).size === config.chapters.length,
  );
}

/** The errata file's entries as `parseErrata` (errata/parse.ts) reads them, `fileName` as its errors name it. */
export async function parseErrataCached(text: string, fileName: string, cacheDir: string, code: string): Promise<Parsed<LocatedErratum[]>> {
  return parseCached(cacheDir, { kind: "errata", text, fileName, code }, async () => (await import("../../errata/parse")).parseErrata(text, fileName), isErrata);
}
