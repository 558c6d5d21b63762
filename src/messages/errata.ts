/** Messages of the errata area: a bad errata file, an erratum naming what does not exist, their display. */
import { located, type Location } from "./location";
import { quote } from "./quote";
import { didYouMean } from "./suggestion";

export const errataSyntax = (where: Location, detail: string): string => located(where, `errata file is not valid YAML: ${detail}`);

export const errataNotAList = (where: Location): string =>
  located(where, `expected "errata:" followed by a list of corrections (id, version, section, figures, was, now)`);

export const errataBadField = (where: Location, id: string | undefined, field: string, detail: string): string =>
  located(where, `erratum ${id === undefined ? "" : `${quote(id)} `}${field === "" ? "" : `field ${quote(field)} `}${detail}`);

export const errataDuplicateId = (where: Location, id: string, firstLine: number): string =>
  located(where, `erratum ${quote(id)} is declared twice (first on line ${firstLine}); give each correction its own id`);

export const errataUnknownSection = (where: Location, id: string, section: string, suggestion: string): string =>
  located(
    where,
    `erratum ${quote(id)}: section ${quote(section)} is not a section of this report (sections are "<notebook>#<heading slug>", listed in out/build/sections.json, or an appendix: appendix-methods …).${suggestion === "" ? "" : ` Did you mean ${quote(suggestion)}?`}`,
  );

export const errataUnknownFigure = (where: Location, id: string, figure: string, suggestion: string): string =>
  located(where, `erratum ${quote(id)}: figure ${quote(figure)} is not a figure of this report (see out/build/figures.json).${suggestion === "" ? "" : ` Did you mean ${quote(suggestion)}?`}`);

export const errataRenamedFigure = (where: Location, id: string, figure: string, renamed: string, notebook: string, version: string): string =>
  located(where, `erratum ${quote(id)}: figure ${quote(figure)} is not a figure of this report: ${notebook} declared it in ${version}, and declares ${quote(renamed)} now, which ${version} did not have. If it was renamed, write ${quote(renamed)}.`);

/** By the build (`publishing` null: against every version in out/reports/) and by publish (those before the new one). */
export const errataUnpublishedVersion = (where: Location, id: string, version: string, publishing: string | null, earlier: readonly string[], suggestion: string): string => {
  const which = publishing === null ? "a published version" : `a version published before ${publishing}`;
  const known = earlier.length === 0 ? "none is published yet" : `${publishing === null ? "out/reports/ holds" : "published before it:"} ${earlier.join(", ")}`;
  return located(
    where,
    `erratum ${quote(id)} corrects version ${quote(version)}, which is not ${which} (${known}); an erratum corrects a version readers have seen.${suggestion === "" ? "" : ` Did you mean ${quote(suggestion)}?`} Fix its "version" and build again.`,
  );
};

/** Publish: a correction a version published, since edited in the errata file (its version, was or now). */
export const errataPublishedEdited = (where: Location, id: string, field: string, published: string): string =>
  located(where, `erratum ${quote(id)} changes its ${quote(field)} from what version ${published} published: a published correction is not rewritten. Restore it as published, and declare a further correction as a new erratum with an id of its own`);

/** Publish: a correction a version published, since removed from the errata file. */
export const errataPublishedRemoved = (where: Location, id: string, published: string): string =>
  located(where, `erratum ${quote(id)}, which version ${published} published, is no longer declared: a published correction stays in the errata file (its section and figures may follow the report). Restore it as published`);

/** Publish: versions published corrections, and the build read no errata file (report.yaml's `errata:` key gone). */
export const errataPublishedNoFile = (ids: readonly string[], published: string): string =>
  `version ${published} published ${ids.length === 1 ? `the correction "${ids[0] ?? ""}"` : `${ids.length} corrections ("${ids.join('", "')}")`}, and this build read no errata file: published corrections stay declared. Restore report.yaml's "errata:" key and its file, and build again`;

export const errataFileMissing = (where: Location, name: string, path: string): string =>
  located(where, `errata file ${quote(name)} not found (looked for ${path}); create it or remove the "errata" key`);

// ── display ──────────────────────────────────────────────────────────────────────────────────────

export const errataHeading = (count: number): string => `Errata: ${count} correction${count === 1 ? "" : "s"} to earlier versions`;

export const errataLead = (): string =>
  "Each entry names the published version and section that were wrong, what they said, what this version says instead, and the figures concerned.";

export const erratumWas = (): string => "Was";

export const erratumNow = (): string => "Now";

export const erratumFigures = (): string => "Figures";

export const erratumNoFigures = (): string => "none (wording only)";

/** "2026-11-26, 05-who-pays#compute-spend" */
/** "2026-12-06-2, “A second route: …” (01-training-run)" with the section's heading; its id alone without one. */
export const erratumWhere = (version: string, section: string, heading?: string): string =>
  heading === undefined ? `${version}, ${section}` : section.includes("#") ? `${version}, \u201c${heading}\u201d (${section.split("#")[0] ?? section})` : `${version}, ${heading}`;

export const indexErrata = (count: number, versions: readonly string[]): string => `Errata: ${count} correction${count === 1 ? "" : "s"} to ${versions.join(", ")}`;

/** publish's progress line: what its "What changed" section lists as errata. */
export const publishErrataListed = (count: number, carried: number): string => {
  if (carried === 0) return "errata: none declared";
  return count === 0 ? `errata: all ${carried} were published with earlier versions; none listed again` : `errata: ${count} correction${count === 1 ? "" : "s"} listed in "What changed" and the manifest`;
};

/** A key an erratum does not have (`versoin`), with the field it likely meant, as report.yaml's and the assumptions' keys are. */
export const errataNotAField = (fields: readonly string[], nearest: string | undefined): string =>
  `is not a field of an erratum (fields: ${fields.join(", ")})${didYouMean(nearest)}`;
