/**
 * Publish's check of the errata a build carries: each corrects a version published before the new one
 * (errata/check.ts, the build's own check, held to the versions before this id). errata.json has no
 * positions, so each erratum is located in the errata file the build read, which publish has already
 * found unchanged since (build-record.ts `staleInputs`); a build whose log names no errata file (one
 * from before it was recorded) is located in errata.json itself. Exit 2, nothing written.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { checkErrataVersions } from "../errata/check";
import { parseErrata } from "../errata/parse";
import type { Erratum, LocatedErratum } from "../errata/types";

export async function checkCarriedErrata(carried: readonly Erratum[], errataFile: string | null, root: string, published: readonly string[], id: string): Promise<void> {
  if (carried.length === 0) return;
  const declared = errataFile === null ? [] : await declaredErrata(errataFile, root);
  const located = carried.map((e): LocatedErratum => ({ ...e, at: declared.find((d) => d.id === e.id)?.at ?? { file: "out/build/errata.json", fields: {} } }));
  checkErrataVersions(located, published, id);
}

/** The errata file as the build parsed it; none when it is gone or no longer parses (located in errata.json then). */
async function declaredErrata(file: string, root: string): Promise<LocatedErratum[]> {
  try {
    return parseErrata(await readFile(isAbsolute(file) ? file : join(root, file), "utf8"), file);
  } catch {
    return [];
  }
}
