/**
 * What the print step (build/print-step.ts) says of a report.pdf it does not print: one kept or
 * reused from the last build, one removed because it is of another page or was printed otherwise, a
 * failed build's page left unprinted.
 */

/** `fragtax dev`'s rebuild, or `--no-pdf`, which print nothing, kept the last build's PDF of the same page and print settings. */
export const pdfKept = (by: "dev" | "no-pdf"): string =>
  `kept report.pdf: the page is unchanged (${by === "dev" ? "dev does not print" : "--no-pdf prints nothing"}; \`fragtax build\` prints a changed page)`;

/** A print setting (build/print-step.ts `PrintSettings`) in which a report.pdf differs from this build's; "unrecorded": printed by a fragtax that did not record them. */
export type PrintSettingChange = { readonly name: "paper"; readonly was: string; readonly now: string } | { readonly name: string };

/** Why a report.pdf is not of this build: another page, this page printed otherwise (`changed`), or not the file that was printed ("altered"). */
const notThisPrint = (changed: readonly PrintSettingChange[] | "altered"): string =>
  changed === "altered"
    ? "it is not the file the last build printed of this page (its sha256 differs from the one build-log.json records: edited or damaged since)"
    : changed.length === 0
    ? "it was printed from an earlier page"
    : changed.some((change) => change.name === "unrecorded")
      ? "it was printed from this page, by an earlier fragtax that did not record its print settings (paper, title, author, subtitle)"
      : `it was printed from this page but with other print settings: ${changed.map((change) => ("was" in change ? `paper ${change.was}, now ${change.now}` : `${change.name} changed`)).join("; ")}`;

/**
 * A build that prints nothing, over a report.pdf of another page, or of this page printed with other
 * settings (`changed`: another paper): the file goes, said, as it cannot stay beside this page. Said as
 * what this build does, not as done: a build that fails later leaves out/build/, PDF and all, as it was.
 */
export const pdfDropped = (by: "dev" | "no-pdf" | "report.yaml", changed: readonly PrintSettingChange[] | "altered" = []): string =>
  `report.pdf is not kept with this build: ${notThisPrint(changed)} (${by === "report.yaml" ? "report.yaml's outputs.pdf is false" : by === "dev" ? "dev does not print" : "--no-pdf prints nothing"}); \`fragtax build\` prints this one`;

/**
 * A build whose page shows it failed: not printed (`removed`: the report.pdf of an earlier page leaves
 * out/build/; the build that printed it, if it did not fail, is kept in out/last-good/, said after the swap).
 */
export const pdfNotPrintedFailed = (removed: boolean): string =>
  `not printed: the page shows a failed build, whose errors report.html shows in place${removed ? " (report.pdf of an earlier page is not kept beside it)" : ""}; fix them and build again to print`;
