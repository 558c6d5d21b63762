/**
 * An erratum must point at things that exist: the section and figures of the report just built, and
 * a version published before this one. Pure; the build passes what it knows, and every unknown name
 * is a located error (exit 2) with the nearest known name.
 */
import * as messages from "../messages/errata";
import { nearestName } from "../util/suggest";
import { ErrataError } from "./parse";
import type { LocatedErratum } from "./types";

export interface ErrataReferences {
  readonly sections: readonly string[];
  readonly figures: readonly string[];
  /** True for a version published before the one being built (an erratum corrects what readers saw). */
  readonly isEarlierVersion: (version: string) => boolean;
}

export function checkErrata(errata: readonly LocatedErratum[], known: ErrataReferences): void {
  const sections = new Set(known.sections);
  const figures = new Set(known.figures);
  const problems: string[] = [];
  for (const e of errata) {
    const at = (field: string) => ({ file: e.at.file, ...(e.at.fields[field] ?? e.at.fields[""] ?? { line: 1, column: 1 }) });
    if (!known.isEarlierVersion(e.version)) problems.push(messages.errataUnknownVersion(at("version"), e.id, e.version));
    if (!sections.has(e.section)) problems.push(messages.errataUnknownSection(at("section"), e.id, e.section, nearestName(e.section, known.sections)));
    for (const figure of e.figures) {
      if (!figures.has(figure)) problems.push(messages.errataUnknownFigure(at("figures"), e.id, figure, nearestName(figure, known.figures)));
    }
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ErrataError([first, ...rest]);
}
