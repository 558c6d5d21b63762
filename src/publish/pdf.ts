/**
 * The published report.pdf: re-printed from the published HTML, so it carries the "What changed
 * since" section the build's PDF could not have. Without a Chromium the build's PDF is copied and
 * the publisher is told the section is only in the HTML.
 */
import { readFile } from "node:fs/promises";
import type { Paper } from "../config";
import * as messages from "../messages/versions";
import { ChromiumNotFoundError } from "../report/chromium";
import { printPdf } from "../report/pdf";
import { writeFileAtomic } from "../util/atomic";

export interface ReprintOptions {
  readonly title: string;
  readonly paper: Paper;
  readonly author?: string;
  readonly subtitle?: string;
  readonly progress: (line: string) => void;
}

export function reprintPdf(options: ReprintOptions): (htmlFile: string, pdfFile: string, version: { readonly id: string; readonly date: string }, builtPdf: Uint8Array) => Promise<void> {
  return async (htmlFile, pdfFile, version, builtPdf) => {
    try {
      const { progress, ...metadata } = options;
      const printed = await printPdf(await readFile(htmlFile, "utf8"), { ...metadata, versionDate: version.date, versionId: version.id, log: progress });
      await writeFileAtomic(pdfFile, printed.bytes);
    } catch (error) {
      if (!(error instanceof ChromiumNotFoundError)) throw error;
      await writeFileAtomic(pdfFile, builtPdf);
      options.progress(messages.publishPdfCopied(error.message));
    }
  };
}
