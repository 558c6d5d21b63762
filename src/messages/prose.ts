/**
 * Messages of the stale-prose guard (diff/prose-guard.ts): what `diff`, `publish` and a build's end say
 * about sections whose figures moved while their words did not, and what `--reviewed` acknowledged.
 */
import { didYouMean } from "./suggestion";
import { located, type Location } from "./location";

export const proseGuardUnavailable = (previous: string, reason: "no-previous" | "no-sections"): string =>
  reason === "no-previous"
    ? "Prose to re-read: nothing to compare with (no previous version)."
    : `Prose to re-read: cannot tell — ${previous} was published before sections were recorded, so its prose cannot be compared.`;

export const proseGuardClean = (): string => "Prose to re-read: none (no figure moved materially under unchanged prose).";

export const proseToReReadHeading = (count: number, reviewed = 0): string =>
  `Prose to re-read (${count} section${count === 1 ? "" : "s"}: the figures moved by more than 10% or changed verdict, the words did not${reviewed === 0 ? "" : `; ${reviewed === count ? (count === 1 ? "it was" : "all were") : `${reviewed} of them were`} re-read and kept at publish`}):`;

/** A stale section the newer version's publish acknowledged (`--reviewed`, recorded in its manifest). */
export const proseReviewedIn = (version: string): string => `[re-read and kept when ${version} was published: --reviewed]`;

/** After a build: what publish would refuse, said while the change is fresh (publish/prose-preview.ts). */
export const buildStaleProse = (previous: string, listing: readonly string[]): string =>
  [
    `note: since version ${previous}, figures moved under prose that did not change; publish will refuse these sections until their prose is edited, or each is acknowledged with --reviewed SECTION:`,
    ...listing,
  ].join("\n");

export const publishStaleProse = (previous: string, listing: readonly string[]): string =>
  [
    `publish refused: since ${previous}, figures moved under prose that did not change. Re-read these sections; then edit the prose, or acknowledge each with --reviewed SECTION…:`,
    ...listing,
  ].join("\n");

/** `nearest`: for each unknown id, the sections it plausibly meant (util/suggest.ts), said first; the full list follows. */
export const publishUnknownReviewed = (unknown: readonly string[], valid: readonly string[], nearest: (id: string) => readonly string[] = () => []): string =>
  [
    `--reviewed names ${unknown.length === 1 ? "a section" : "sections"} the build does not have: ${unknown.map((id) => `${id}${didYouMean(nearest(id))}`).join("; ")}`,
    "Sections of this build:",
    ...valid.map((id) => `  ${id}`),
  ].join("\n");

export const publishReviewed = (sections: readonly string[]): string =>
  `prose reviewed (recorded in the manifest): ${sections.join(", ")}`;

/** A number typed into prose (report/typed-numbers.ts): in a markdown cell, or in the text of an `nb.md` template. */
export const typedNumber = (where: Location, text: string, inside: "markdown" | "nb.md"): string =>
  located(
    where,
    `${JSON.stringify(text)} is typed into the prose${inside === "nb.md" ? " (the text of an nb.md template)" : ""}: a reader takes it for the model's, and it stays as typed when an assumption moves it; ` +
      "write it from the model, e.g. nb.md`The run costs ${nb.fmt(cost, \"usd\")}.` with a figure or nb.fmt (a quotation in quotation marks, and an interval's name such as \"90% interval\", are not read)",
  );

export const moreTypedNumbers = (file: string, count: number): string =>
  `${file}: ${count} more number${count === 1 ? " is" : "s are"} typed into the prose; fix the ones above and check again to see ${count === 1 ? "it" : "them"} located`;

export const typedNumberInReportYaml = (where: Location, text: string, key: "title" | "subtitle"): string =>
  located(
    where,
    `${JSON.stringify(text)} is typed into the report's ${key}: it heads the title page and every PDF page, a reader takes it for the model's, and it stays as typed when an assumption moves it; ` +
      "say it in a chapter, where nb.md writes it from the model (a quotation in quotation marks is not read)",
  );

export const typedNumberInChart = (where: Location, text: string): string =>
  located(
    where,
    `${JSON.stringify(text)} is typed into a chart's words (a title, an axis or legend title, its description): a reader takes it for the model's, and it stays as typed when an assumption moves it; ` +
      "build the text from the model, e.g. title: `The tax, ${nb.fmt(tax, \"usd\")} a year`, or leave the number to the chart",
  );

/** A figure interpolated into nb.md carries its unit; the template wrote it again after the placeholder. */
export const mdUnitTwice = (index: number, unit: string): string =>
  `nb.md: value #${index + 1} is a figure that writes its own unit ("${unit}"), and the text after it writes the unit again, so the reader sees "… ${unit} ${unit}"; take "${unit}" out of the text after the \${…}`;
