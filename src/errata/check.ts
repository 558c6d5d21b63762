/**
 * An erratum must point at things that exist: the section and figures of the report just built
 * (`checkErrata`, by the build) and a published version (`checkErrataVersions`, by the build against
 * the versions in out/reports/, and by publish against those before the new one). Each is a located
 * error with the nearest known name. Pure; exit 2.
 */
import * as messages from "../messages/errata";
import { nearestName, typoDistance } from "../util/suggest";
import { compareVersionIds, VERSION_ID } from "../vocabulary/version-ids";
import { ErrataError } from "./errors";
import type { LocatedErratum } from "./types";

/** A figure's id and the notebook that declares it, as figures.json records them. */
export interface FigurePlace {
  readonly id: string;
  readonly notebook?: string | undefined;
}

export interface ErrataReferences {
  readonly sections: readonly string[];
  readonly figures: readonly string[];
  /** This build's figures with their notebooks, and those of the version an erratum corrects (when it can be read): a renamed figure is found by them. */
  readonly places?: readonly FigurePlace[];
  readonly publishedPlaces?: (version: string) => readonly FigurePlace[] | undefined;
}

export function checkErrata(errata: readonly LocatedErratum[], known: ErrataReferences): void {
  const sections = new Set(known.sections);
  const figures = new Set(known.figures);
  const problems: string[] = [];
  for (const e of errata) {
    const at = fieldOf(e);
    if (!sections.has(e.section)) problems.push(messages.errataUnknownSection(at("section"), e.id, e.section, nearestName(e.section, known.sections)));
    for (const figure of e.figures) {
      if (figures.has(figure)) continue;
      const renamed = renamedTo(figure, known.places, known.publishedPlaces?.(e.version));
      problems.push(renamed === undefined ? messages.errataUnknownFigure(at("figures"), e.id, figure, nearestName(figure, known.figures)) : messages.errataRenamedFigure(at("figures"), e.id, figure, renamed.id, renamed.notebook, e.version));
    }
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ErrataError([first, ...rest]);
}

/**
 * What a figure the corrected version had became, when it was renamed: of the figures its notebook
 * declares now that the version did not have, the one nearest its old id (the only one, when there is
 * one). The nearest id of the whole report was another figure (`…_trailing` → `…_forward`), and
 * following that suggestion would attach the erratum to the wrong number.
 */
function renamedTo(figure: string, places: readonly FigurePlace[] | undefined, published: readonly FigurePlace[] | undefined): { id: string; notebook: string } | undefined {
  const notebook = published?.find((place) => place.id === figure)?.notebook;
  if (places === undefined || published === undefined || notebook === undefined) return undefined;
  const before = new Set(published.map((place) => place.id));
  const added = places.filter((place) => place.notebook === notebook && !before.has(place.id)).map((place) => place.id);
  const renamed = added.length <= 1 ? added[0] : nearestName(figure, added);
  return renamed === undefined || renamed === "" ? undefined : { id: renamed, notebook };
}

/**
 * Each erratum corrects a published version: one of `published` (out/reports/'s versions, oldest
 * first), and when `publishing` is given one before it. The build checks without it: every version it
 * knows will precede the next one (publish dates a version no earlier than the newest), so report.yaml's
 * `date` does not narrow them.
 */
export function checkErrataVersions(errata: readonly LocatedErratum[], published: readonly string[], publishing?: string): void {
  const earlier = publishing === undefined ? published : published.filter((version) => compareVersionIds(version, publishing) < 0);
  const problems = errata
    .filter((e) => !earlier.includes(e.version))
    .map((e) => messages.errataUnpublishedVersion(fieldOf(e)("version"), e.id, e.version, publishing ?? null, earlier, nearestVersion(e.version, earlier)));
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ErrataError([first, ...rest]);
}

/** Where a field of the erratum is (the entry's start when the field is not there, else the file's). */
function fieldOf(e: LocatedErratum): (field: string) => { file: string; line: number; column: number } {
  return (field) => ({ file: e.at.file, ...(e.at.fields[field] ?? e.at.fields[""] ?? { line: 1, column: 1 }) });
}

/**
 * The published version a mistyped one most likely meant: the fewest edits away (a digit typed wrong:
 * `2026-11-92` → 2026-11-29), and among as few edits, the nearest in time, the later on a tie
 * (`2026-11-28` among 2026-11-26 and 2026-11-29, one edit from each: the 29th, where the first
 * listed, the older, was named). "" when there is none.
 */
export function nearestVersion(id: string, versions: readonly string[]): string {
  const day = (v: string): number => {
    const match = VERSION_ID.exec(v);
    return match?.[1] === undefined ? Number.NaN : Date.parse(`${match[1]}T00:00:00Z`) / 86_400_000 + Number(match[2] ?? 1) / 1000;
  };
  const edits = versions.map((v) => typoDistance(id, v));
  const fewest = Math.min(...edits);
  const closest = versions.filter((_, i) => edits[i] === fewest);
  const target = day(id);
  if (Number.isNaN(target)) return closest[0] ?? "";
  const distance = (v: string): number => Math.abs(day(v) - target) || 0;
  return closest.reduce<string>((best, v) => (best === "" || distance(v) < distance(best) || (distance(v) === distance(best) && compareVersionIds(v, best) > 0) ? v : best), "");
}
