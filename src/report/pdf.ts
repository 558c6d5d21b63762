/**
 * report.html → report.pdf with headless Chromium. The page is loaded from the HTML text (no file
 * or network access), printed with the paper size from report.yaml, a running header (title) and
 * footer (version date, page x of y). The caller writes the bytes atomically (util/atomic.ts),
 * so a failed print never leaves half a PDF.
 */
import type { Paper } from "../config";
import { pdfFailed } from "../messages/report";
import { escapeHtml } from "../util/html";
import { launchChromium, type LaunchedChromium } from "./chromium";

export interface PdfOptions {
  readonly title: string;
  readonly versionDate: string;
  readonly paper: Paper;
}

const SMALL = "font-family: Helvetica, Arial, 'DejaVu Sans', sans-serif; font-size: 7.5pt; color: #777; width: 100%; padding: 0 18mm;";

export function headerTemplate(options: PdfOptions): string {
  return `<div style="${SMALL} display: flex; justify-content: space-between;"><span>${escapeHtml(options.title)}</span><span>${escapeHtml(options.versionDate)}</span></div>`;
}

export function footerTemplate(options: PdfOptions): string {
  return `<div style="${SMALL} text-align: center;">Version of ${escapeHtml(options.versionDate)} &middot; page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
}

/** Print `html` to PDF bytes. `chromium` may be shared (tests, watch); otherwise one is launched and closed. */
export async function printPdf(html: string, options: PdfOptions, chromium?: LaunchedChromium): Promise<Uint8Array> {
  const owned = chromium === undefined ? await launchChromium() : undefined;
  const browser = (chromium ?? owned)?.browser;
  if (browser === undefined) throw new Error(pdfFailed("no browser"));
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMediaType("print");
    return await page.pdf({
      format: options.paper,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate(options),
      footerTemplate: footerTemplate(options),
      margin: { top: "20mm", bottom: "20mm", left: "18mm", right: "18mm" },
      preferCSSPageSize: false,
      outline: true,
      tagged: true,
    });
  } catch (error) {
    throw new Error(pdfFailed(error instanceof Error ? error.message : String(error)));
  } finally {
    await page.close();
    await owned?.close();
  }
}

