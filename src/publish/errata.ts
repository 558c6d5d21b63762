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
import { ErrataError } from "../errata/errors";
import { parseErrata } from "../errata/parse";
import type { Erratum, LocatedErratum } from "../errata/types";
import * as messages from "../messages/errata";
import type { Manifest } from "./store";

export async function checkCarriedErrata(carried: readonly Erratum[], errataFile: string | null, root: string, versions: readonly Manifest[], id: string): Promise<void> {
  const declared = errataFile === null ? [] : await declaredErrata(errataFile, root);
  const located = carried.map((e): LocatedErratum => ({ ...e, at: declared.find((d) => d.id === e.id)?.at ?? { file: errataFile ?? "out/build/errata.json", fields: {} } }));
  checkErrataKept(located, versions, errataFile);
  if (carried.length > 0) checkErrataVersions(located, versions.map((v) => v.id), id);
}

/**
 * A correction is published once, by the first version that carries it, and is part of that version:
 * one edited since (its version, what was wrong, what it says now) would be listed nowhere, and one
 * removed would leave no trace but the older manifest. Its section and figures may follow the report
 * (a heading renamed, a figure replaced): the build holds them to the report as it is.
 */
function checkErrataKept(carried: readonly LocatedErratum[], versions: readonly Manifest[], file: string | null): void {
  const earliest = versions.find((version) => (version.errata ?? []).length > 0);
  if (file === null && carried.length === 0 && earliest !== undefined) {
    throw new ErrataError([messages.errataPublishedNoFile((earliest.errata ?? []).map((e) => e.id), earliest.id)]);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const version of versions) {
    for (const published of version.errata ?? []) {
      if (seen.has(published.id)) continue;
      seen.add(published.id);
      const now = carried.find((e) => e.id === published.id);
      if (now === undefined) {
        problems.push(messages.errataPublishedRemoved({ file: file ?? "out/build/errata.json", line: 1, column: 1 }, published.id, version.id));
        continue;
      }
      const field = (["version", "was", "now"] as const).find((name) => shown(now[name]) !== shown(published[name]));
      const place = field === undefined ? undefined : (now.at.fields[field] ?? now.at.fields[""]);
      if (field !== undefined) problems.push(messages.errataPublishedEdited({ file: now.at.file, ...(place ?? { line: 1, column: 1 }) }, published.id, field, version.id));
    }
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ErrataError([first, ...rest]);
}

/** A correction's text as the page shows it: a block re-folded in the file (`|` for `>`) is the same text. */
const shown = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The errata file as the build parsed it; none when it is gone or no longer parses (located in errata.json then). */
async function declaredErrata(file: string, root: string): Promise<LocatedErratum[]> {
  try {
    return parseErrata(await readFile(isAbsolute(file) ? file : join(root, file), "utf8"), file);
  } catch {
    return [];
  }
}
