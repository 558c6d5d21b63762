/**
 * What a single `fragtax run` reads of its project before the first cell, from the parsed-input cache
 * (parsed-inputs.ts) while the files are unchanged: report.yaml's few fields the engine needs, and
 * the assumptions the last build parsed. A run then loads neither the YAML parser nor zod, in the main
 * thread or the notebook's (~0.02 s and ~0.1 s of a run that takes ~0.2 s). This module is on that
 * path, so it imports nothing heavy: the parsers are loaded only on a miss.
 */
import { readInputText } from "../../util/plain-file";
import type { Assumption, Correlation, Total } from "../../assumptions/types";
import type { ReportFields } from "../../config/lenient";
import { isRecord } from "../../util/records";
import { codeStamp } from "./code-stamp";
import { parseCached, readParsed, type ParseIdentity } from "./parsed-inputs";

export interface ParsedAssumptions {
  readonly assumptions: readonly Assumption[];
  readonly correlations: readonly Correlation[];
  readonly totals: readonly Total[];
}

export const isParsedAssumptions = (value: unknown): value is ParsedAssumptions =>
  isRecord(value) && Array.isArray(value.assumptions) && Array.isArray(value.correlations) && Array.isArray(value.totals);

/** The key a build files its parsed assumptions under (parsed-assumptions.ts), and a run looks them up by. */
export const assumptionsIdentity = (text: string, fileName: string, code: string): ParseIdentity => ({ kind: "assumptions", text, fileName, code });

/**
 * The assumptions the last build (or run) parsed from a file named `fileName` (relative to the root)
 * whose text was `text`, or undefined: `fragtax run` hands them to the notebook thread, which then
 * loads neither YAML nor zod (~0.1 s of a run). The key is the build's.
 */
export async function cachedAssumptions(text: string, fileName: string, cacheDir: string): Promise<readonly Assumption[] | undefined> {
  return (await readParsed(cacheDir, assumptionsIdentity(text, fileName, codeStamp()), isParsedAssumptions))?.assumptions;
}

const isReportFields = (value: unknown): value is ReportFields =>
  isRecord(value) &&
  typeof value.assumptions === "string" &&
  isRecord(value.montecarlo) &&
  typeof value.montecarlo.samples === "number" &&
  typeof value.montecarlo.seed === "number" &&
  (value.chapters === undefined || Array.isArray(value.chapters)) &&
  (value.unreadable === undefined || typeof value.unreadable === "string") &&
  (value.ignored === undefined || (Array.isArray(value.ignored) && value.ignored.every((item) => typeof item === "string")));

/**
 * report.yaml's fields for a run (config/lenient.ts), parsed once per content and stored for the next
 * run. The fields hold absolute paths resolved from the file's folder, so the key names the file by
 * its absolute path. The lenient reading never fails; an unreadable file throws as before.
 */
export async function reportFieldsCached(file: string, cacheDir: string): Promise<ReportFields> {
  const text = await readInputText(file);
  const parse = async (): Promise<ReportFields> => (await import("../../config/lenient")).reportFieldsLeniently(text, file);
  const { value, keep } = await parseCached(cacheDir, { kind: "report-fields", text, fileName: file, code: codeStamp() }, parse, isReportFields);
  await keep();
  return value;
}
