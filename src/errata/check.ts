/**
 * An erratum must point at things that exist: the section and figures of the report just built
 * (`checkErrata`, by the build, a located error with the nearest known name) and a version published
 * before the one being published (publish/errata.ts). Pure; both exit 2.
 */
import * as messages from "../messages/errata";
import { nearestName } from "../util/suggest";
import { ErrataError } from "./errors";
import type { LocatedErratum } from "./types";

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
