/**
 * An erratum must point at things that exist: the section and figures of the report just built
 * (`checkErrata`, by the build, a located error with the nearest known name) and a version published
 * before the one being published (`checkErrataVersions`, by publish). Pure; both exit 2.
 */
import * as messages from "../messages/errata";
import { nearestName } from "../util/suggest";
import { ErrataError } from "./parse";
import type { Erratum, LocatedErratum } from "./types";
import { compareVersionIds } from "../vocabulary/version-ids";

export interface ErrataReferences {
  readonly sections: readonly string[];
  readonly figures: readonly string[];
}

export function checkErrata(errata: readonly LocatedErratum[], known: ErrataReferences): void {
  const sections = new Set(known.sections);
  const figures = new Set(known.figures);
  const problems: string[] = [];
  for (const e of errata) {
    const at = (field: string) => ({ file: e.at.file, ...(e.at.fields[field] ?? e.at.fields[""] ?? { line: 1, column: 1 }) });
    if (!sections.has(e.section)) problems.push(messages.errataUnknownSection(at("section"), e.id, e.section, nearestName(e.section, known.sections)));
    for (const figure of e.figures) {
      if (!figures.has(figure)) problems.push(messages.errataUnknownFigure(at("figures"), e.id, figure, nearestName(figure, known.figures)));
    }
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ErrataError([first, ...rest]);
}

/** Publish's check: every erratum corrects a version published before `id` (errata.json has no positions). */
export function checkErrataVersions(errata: readonly Erratum[], published: readonly string[], id: string): void {
  const earlier = published.filter((version) => compareVersionIds(version, id) < 0);
  const problems = errata.filter((e) => !earlier.includes(e.version)).map((e) => messages.errataUnpublishedVersion(e.id, e.version, id, earlier));
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ErrataError([first, ...rest]);
}
