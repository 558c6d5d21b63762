/**
 * Step 7 of the build (pipeline.ts): `build-log.json`, what this build did and was made from. Its
 * reader is publish (publish/build-record.ts, which states the contract): it refuses a what-if, a
 * stale build or one that did not make what was asked, and verifies every other output by its sha256.
 */
import type { FailedCell } from "../report/chapters";
import type { BuildInputs } from "./cache/recorded-inputs";
import type { ChapterRun } from "./effects-types";
import { printedFromPage } from "./outputs";
import type { PdfStep } from "./print-step";
import type { WhatIf } from "./whatif/overrides";

export interface LogInput {
  readonly asOf: string;
  readonly started: Date;
  readonly now: Date;
  /** Publish reads these two (publish/build-record.ts): it refuses a what-if or a stale build. */
  readonly whatIf: WhatIf | null;
  readonly assumptions: { readonly file: string; readonly sha256: string };
  /** Everything else the build was made from; publish refuses the build when any of it changed since. */
  readonly inputs: BuildInputs;
  /**
   * The commit the build was made from, as the page's Provenance gives it: publish records it, not the
   * commit it finds when it runs (a commit made after the build was named by a version it is not in).
   */
  readonly git: { readonly commit: string | null; readonly dirty: boolean };
  /** The errata file (relative to the root): publish locates its messages about an erratum there. */
  readonly errataFile: string | null;
  readonly runs: readonly ChapterRun[];
  readonly failedCells: readonly FailedCell[];
  readonly pdf: PdfStep;
  readonly pdfMs: number;
  readonly pdfSource: string;
  readonly duplicates: readonly string[];
  readonly warnings: readonly string[];
  /** What report.yaml and the flags asked for; publish refuses a build that did not make both. */
  readonly requested: { readonly html: boolean; readonly pdf: boolean };
  /** sha256 of every other file of this build. */
  readonly outputs: Readonly<Record<string, string>>;
}

export function buildLog(input: LogInput): unknown {
  return {
    builtAt: input.started.toISOString(),
    asOf: input.asOf,
    git: input.git,
    durationMs: input.now.getTime() - input.started.getTime(),
    whatIf: input.whatIf,
    assumptions: input.assumptions,
    notebooks: input.runs.map((run) => ({
      notebook: run.chapter.relativePath,
      status: run.status,
      durationMs: Math.round(run.durationMs),
      reason: run.reason,
      ...(run.modelRuns !== undefined && { modelRuns: run.modelRuns }),
      failedCells: input.failedCells.filter((cell) => cell.chapter === run.chapter.number).map((cell) => cell.cell),
    })),
    warnings: input.warnings,
    pdf: {
      status: input.pdf.outcome,
      durationMs: input.pdf.outcome === "skipped" ? 0 : input.pdfMs,
      // What the PDF was printed from, for the next build to keep or reuse it (print-step.ts): its page and settings.
      ...(printedFromPage(input.pdf.outcome) ? { sourceSha256: input.pdfSource, ...(input.pdf.settings !== undefined && { settings: input.pdf.settings }) } : {}),
      ...(input.pdf.chromium !== undefined && { chromium: input.pdf.chromium }),
      ...(input.pdf.pages !== undefined && { pages: input.pdf.pages, passes: input.pdf.passes }),
      ...(input.pdf.error !== undefined && { error: input.pdf.error }),
    },
    duplicateIds: input.duplicates,
    requested: input.requested,
    outputs: input.outputs,
    inputs: input.inputs,
    ...(input.errataFile !== null && { errataFile: input.errataFile }),
  };
}
