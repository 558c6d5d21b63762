/**
 * Publish's side of the stale-prose guard (the comparison itself is src/diff/prose-guard.ts): the
 * build's figures, claims and sections against the previous version's. A stale section blocks the
 * publish until its prose changes or `--reviewed SECTION` acknowledges it; what was acknowledged goes
 * into the manifest. A previous version without sections.json is compared through its notebooks at
 * the git commit its manifest names (legacy-sections.ts); without those it cannot be compared, and
 * publish says so and goes on. One whose sections.json predates the v2 fingerprint (prose only) gets
 * it from the same notebooks; where they cannot give it, v1 compares that section (prose-guard.ts).
 */
import { join } from "node:path";
import type { NumberFormat } from "../api/types";
import { formatNumber } from "../format/number";
import { staleProse, type ProseGuard, type SectionProse } from "../diff/prose-guard";
import { proseLines } from "../diff/render";
import * as messages from "../messages/prose";
import { InputError } from "../util/errors";
import type { BuildRecord } from "./build-record";
import { comparableProse } from "./legacy-sections";
import { readVersionProse, type Manifest } from "./store";
import { nearestNames } from "../util/suggest";

/** `--reviewed` names a section the build does not have: bad usage (exit 2). */
export class ReviewedSectionError extends InputError {}

/** Exit 2 before anything is locked or written when `--reviewed` names a section this build does not have. */
export function checkReviewedSections(build: Pick<BuildRecord, "sections">, reviewed: readonly string[]): void {
  const valid = (build.sections ?? []).map((s) => s.id);
  const unknown = reviewed.filter((id) => !valid.includes(id));
  if (unknown.length > 0) throw new ReviewedSectionError(messages.publishUnknownReviewed(unknown, valid, (id) => nearestNames(id, valid, { orClosest: false })));
}

export async function proseCheck(
  build: Pick<BuildRecord, "figures" | "claims" | "sections">,
  previous: Manifest | null,
  reportsDir: string,
  /** The project root, to read a previous version's notebooks from git when it has no sections.json. */
  root: string,
  reviewed: readonly string[],
  refuse: (message: string) => Error,
  progress: (line: string) => void,
): Promise<NonNullable<Manifest["prose"]>> {
  const stored = previous === null ? null : await readVersionProse(join(reportsDir, previous.id));
  const before = previous === null || stored === null ? stored : await comparableProse(root, previous, stored);
  const guard: ProseGuard = staleProse(before, { figures: build.figures, claims: build.claims, sections: build.sections }, (value, format) => formatNumber(value, format as NumberFormat));
  const lines = proseLines(guard, previous?.id ?? "");
  const unreviewed = guard.stale.filter((s) => !reviewed.includes(s.section));
  if (unreviewed.length > 0) {
    throw refuse(messages.publishStaleProse(previous?.id ?? "", proseLines({ status: "checked", stale: unreviewed }, previous?.id ?? "").slice(1)));
  }
  for (const line of lines) progress(line);
  if (reviewed.length > 0) progress(messages.publishReviewed(reviewed));
  const sections = new Map<string, SectionProse>((build.sections ?? []).map((s) => [s.id, s]));
  return {
    guard: guard.status,
    reviewed: reviewed.map((id) => ({
      section: id,
      heading: sections.get(id)?.heading ?? id,
      movements: (guard.stale.find((s) => s.section === id)?.movements ?? []).map((m) => m.text),
    })),
  };
}
