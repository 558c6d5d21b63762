/**
 * The figures of the published versions errata correct, read only for an erratum that names a figure
 * this build lacks: by them `checkErrata` tells a renamed figure from a misspelt one. A version whose
 * figures.json cannot be read gives none (the suggestion is then by spelling alone; verify says why).
 */
import { join } from "node:path";
import { readPlainText } from "../util/plain-file";
import { isRecord } from "../util/records";
import type { FigurePlace } from "./check";
import type { LocatedErratum } from "./types";

export async function publishedFigurePlaces(reportsDir: string, errata: readonly LocatedErratum[], current: ReadonlySet<string>): Promise<(version: string) => readonly FigurePlace[] | undefined> {
  const versions = [...new Set(errata.filter((e) => e.figures.some((figure) => !current.has(figure))).map((e) => e.version))];
  const read = new Map<string, readonly FigurePlace[]>();
  for (const version of versions) {
    const records: unknown = await readPlainText(join(reportsDir, version, "figures.json"))
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => undefined);
    if (Array.isArray(records)) read.set(version, records.filter(isRecord).flatMap((r) => (typeof r.id === "string" && typeof r.notebook === "string" ? [{ id: r.id, notebook: r.notebook }] : [])));
  }
  return (version) => read.get(version);
}
