/** Messages of the errata area: a bad errata file, an erratum naming what does not exist, their display. */
import { located } from "./assumptions";

export interface Where {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const at = (where: Where, text: string): string => located(where.file, where.line, where.column, text);

export function errataSyntax(where: Where, detail: string): string {
  return at(where, `errata file is not valid YAML: ${detail}`);
}

export function errataNotAList(where: Where): string {
  return at(where, `expected "errata:" followed by a list of corrections (id, version, section, figures, was, now)`);
}

export function errataBadField(where: Where, id: string | undefined, field: string, detail: string): string {
  return at(where, `erratum ${id === undefined ? "" : `"${id}" `}${field === "" ? "" : `field "${field}" `}${detail}`);
}

export function errataDuplicateId(where: Where, id: string, firstLine: number): string {
  return at(where, `erratum "${id}" is declared twice (first on line ${firstLine}); give each correction its own id`);
}

export function errataUnknownSection(where: Where, id: string, section: string, suggestion: string): string {
  const hint = suggestion === "" ? "" : ` Did you mean "${suggestion}"?`;
  return at(where, `erratum "${id}": section "${section}" is not a section of this report (sections are "<notebook>#<heading slug>", listed in out/build/sections.json, or an appendix: appendix-methods …).${hint}`);
}

export function errataUnknownFigure(where: Where, id: string, figure: string, suggestion: string): string {
  const hint = suggestion === "" ? "" : ` Did you mean "${suggestion}"?`;
  return at(where, `erratum "${id}": figure "${figure}" is not a figure of this report (see out/build/figures.json).${hint}`);
}

export function errataUnpublishedVersion(id: string, version: string, publishing: string, earlier: readonly string[]): string {
  const list = earlier.length === 0 ? "none is published yet" : `published before it: ${earlier.join(", ")}`;
  return `errata file: erratum "${id}" corrects version "${version}", which is not a version published before ${publishing} (${list}); an erratum corrects a version readers have seen. Fix its "version" and build again.`;
}

export function errataFileMissing(where: Where, name: string, path: string): string {
  return at(where, `errata file "${name}" not found (looked for ${path}); create it or remove the "errata" key`);
}

// ── display ──────────────────────────────────────────────────────────────────────────────────────

export function errataHeading(count: number): string {
  return `Errata: ${count} correction${count === 1 ? "" : "s"} to earlier versions`;
}

export function errataLead(): string {
  return "Each entry names the published version and section that were wrong, what they said, what this version says instead, and the figures concerned.";
}

export function errataNone(): string {
  return "No errata: nothing published earlier was found wrong.";
}

export function erratumWas(): string {
  return "Was";
}

export function erratumNow(): string {
  return "Now";
}

export function erratumFigures(): string {
  return "Figures";
}

export function erratumNoFigures(): string {
  return "none (wording only)";
}

/** "2026-11-26, 05-who-pays#compute-spend" */
export function erratumWhere(version: string, section: string): string {
  return `${version}, ${section}`;
}

export function indexErrata(count: number, versions: readonly string[]): string {
  return `Errata: ${count} correction${count === 1 ? "" : "s"} to ${versions.join(", ")}`;
}

/** publish's progress line: what its "What changed" section lists as errata. */
export function publishErrataListed(count: number, carried: number): string {
  if (carried === 0) return "errata: none declared";
  return count === 0 ? `errata: all ${carried} were published with earlier versions; none listed again` : `errata: ${count} correction${count === 1 ? "" : "s"} listed in "What changed" and the manifest`;
}
