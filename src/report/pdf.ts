/**
 * report.html → report.pdf with headless Chromium. The page is loaded from the HTML text (no file
 * or network access) and printed with the paper size from report.yaml, a running header (title) and
 * footer (version date, page x of y). Printing takes two passes: the first tells on which page each
 * chapter and section landed (pdf-document.ts reads Chromium's named destinations), the second
 * prints the contents page with those numbers. Then the metadata and bookmarks are written.
 *
 * The whole print runs under a time limit that grows with the page; past it a browser of its own is
 * killed and its profile removed, and a browser it was given (a build's, started early) loses its
 * page, which its owner then closes the same way. The caller writes the bytes atomically
 * (util/atomic.ts), so a failed print never touches the previous report.pdf.
 */
import type { Page } from "puppeteer-core";
import type { Paper } from "../config";
import { chromiumDidNotStart, chromiumKind, packagedChromiumFallback, packagedChromiumForeignFallback, pdfFailed, pdfTimedOut } from "../messages/report";
import { TOOL_VERSION } from "../version";
import { publishedKicker } from "../messages/versions";
import { escapeHtml } from "../util/html";
import { ChromiumNotFoundError, describe, findChromium, launchChromium, PackagedChromiumBroken, PackagedChromiumForeign, systemChromium, type ChromiumChoice, type ChromiumInfo, type LaunchedChromium, type LaunchOptions } from "./chromium";
import { finishPdf, readPrinted, type OutlineEntry } from "./pdf-document";
import { WorkError } from "../util/errors";

export interface PdfOptions {
  readonly title: string;
  readonly versionDate: string;
  /**
   * A published version's id (`2026-12-06-3`), which the running header and footer name with its date:
   * three editions of one day printed the same "Version of 2026-12-06" on every page. A build has none.
   */
  readonly versionId?: string;
  readonly paper: Paper;
  readonly author?: string;
  readonly subtitle?: string;
  /** The PDF's keywords; the chapter titles from the page's contents when absent. */
  readonly keywords?: readonly string[];
  /** When this PDF is made (a build's start, a publication); now when absent. */
  readonly publishedAt?: Date;
  /** Overrides the time limit computed from the page's size (tests). */
  readonly timeoutMs?: number;
  /** Overrides how long a started Chromium may take to answer (LAUNCH_ANSWER_MS; tests). */
  readonly launchTimeoutMs?: number;
  /** Progress lines (unpacking the packaged Chromium). */
  readonly log?: (line: string) => void;
}

export interface PrintedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** 1 when the page has no contents to number, else 2 (3 when numbering moved a page break). */
  readonly passes: number;
  readonly chromium: ChromiumInfo;
}

/** A print that failed or timed out: exit 1, the previous report.pdf untouched. */
export class PdfError extends WorkError {}

/**
 * Chromium draws the running header and footer apart from the page, without its inlined fonts (and
 * a template carrying its own data: font prints blank), so they use DejaVu Sans, which the printing
 * Chromium always has and has alone (fonts.ts, chromiumFontConfig).
 */
const SMALL = `font-family: "DejaVu Sans", sans-serif; font-size: 7pt; color: #777; width: 100%; padding: 0 18mm;`;

export function headerTemplate(options: PdfOptions): string {
  // The title on one line, cut with an ellipsis, and the date never wrapped: a 120-character title ran to
  // three lines in the margin and broke the date into "2026-" and "12-07".
  return `<div style='${SMALL} display: flex; justify-content: space-between; gap: 2em; width: 100%; box-sizing: border-box;'><span style='flex: 1 1 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0;'>${escapeHtml(options.title)}</span><span style='white-space: nowrap; flex: none;'>${escapeHtml(options.versionId ?? options.versionDate)}</span></div>`;
}

export function footerTemplate(options: PdfOptions): string {
  return `<div style='${SMALL} text-align: center;'>${escapeHtml(publishedKicker(options.versionId ?? options.versionDate, options.versionDate))} &middot; page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;
}

const PAGE_CLOSE_MS = 3000;

/** 30 s plus 60 s per MB of HTML: a 0.6 MB report gets 66 s, about ten times what it needs on a busy machine. */
export function printTimeoutMs(htmlBytes: number): number {
  return Math.round(30_000 + (60_000 * htmlBytes) / 1_000_000);
}

/** Print `html` to PDF bytes. `chromium` may be shared (tests, watch); otherwise one is launched and closed. */
export async function printPdf(html: string, options: PdfOptions, chromium?: LaunchedChromium): Promise<PrintedPdf> {
  const limitMs = options.timeoutMs ?? printTimeoutMs(Buffer.byteLength(html));
  const owned = chromium === undefined ? await launchForPrint(options) : undefined;
  const browser = (chromium ?? owned) as LaunchedChromium;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new PdfError(pdfFailed(pdfTimedOut(Math.round(limitMs / 1000), Math.round(Buffer.byteLength(html) / 1024))))), limitMs);
  });
  let page: Page | undefined;
  try {
    return await Promise.race([
      (async () => {
        page = await browser.browser.newPage();
        return await printTwice(page, html, options, browser.info, limitMs);
      })(),
      timedOut,
    ]);
  } catch (error) {
    throw error instanceof PdfError ? error : new PdfError(pdfFailed(describe(error)));
  } finally {
    clearTimeout(timer);
    // An owned browser is closed (killed if it hangs) with its profile; a shared one only loses the
    // page, waited for no longer than a close is (a hung browser is its owner's to kill).
    if (owned !== undefined) await owned.close();
    else await Promise.race([(page as Page | undefined)?.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, PAGE_CLOSE_MS).unref())]);
  }
}

/**
 * A browser for a print; one that will not start is a print failure that says which binary. The
 * packaged browser comes first where it runs (chromium.ts); if it will not start even freshly
 * unpacked, an installed one prints instead, and the build says so.
 */
export async function launchForPrint(options: Pick<PdfOptions, "log" | "launchTimeoutMs"> & Pick<LaunchOptions, "packaged">): Promise<LaunchedChromium> {
  const launchOptions = { ...(options.log !== undefined && { log: options.log }), ...(options.launchTimeoutMs !== undefined && { answerWithinMs: options.launchTimeoutMs }), ...(options.packaged !== undefined && { packaged: options.packaged }) };
  const launchOrFail = async (choice: ChromiumChoice): Promise<LaunchedChromium> => {
    try {
      return await launchChromium(choice, launchOptions);
    } catch (error) {
      if (error instanceof ChromiumNotFoundError) throw error;
      throw new PdfError(pdfFailed(chromiumDidNotStart(choice.executablePath ?? choice.source, describe(error))));
    }
  };
  const choice = findChromium();
  try {
    return await launchOrFail(choice);
  } catch (error) {
    const installed = error instanceof PackagedChromiumBroken ? systemChromium() : undefined;
    if (installed === undefined) throw error;
    const broken = error as PackagedChromiumBroken;
    options.log?.(error instanceof PackagedChromiumForeign ? packagedChromiumForeignFallback(broken.detail, installed.executablePath ?? "") : packagedChromiumFallback(broken.folder, broken.detail, installed.executablePath ?? ""));
    return launchOrFail(installed);
  }
}

async function printTwice(page: Page, html: string, options: PdfOptions, chromium: ChromiumInfo, limitMs: number): Promise<PrintedPdf> {
  await page.setContent(html, { waitUntil: "load", timeout: limitMs });
  await page.emulateMediaType("print");
  await page.evaluate("document.fonts.ready.then(() => true)");
  const outline = (await page.evaluate(PREPARE_CONTENTS)) as OutlineEntry[];
  const settings = {
    format: options.paper,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(options),
    footerTemplate: footerTemplate(options),
    margin: { top: "20mm", bottom: "20mm", left: "18mm", right: "18mm" },
    preferCSSPageSize: false,
    outline: false,
    tagged: true,
    timeout: limitMs,
  } as const;
  // With a contents page the first print is read for its page numbers only: untagged, it lays out the
  // same pages ~0.4 s faster (Chromium skips the structure tree, pdf-lib reads a third of the bytes);
  // without the running header and footer, which sit in the margins and move nothing, ~0.1 s more
  // (each is a small page of its own, laid out for every page). The PDF kept is always a later, tagged
  // print with both; the loop below checks its numbers against itself.
  const numbersOnly = { ...settings, tagged: false, displayHeaderFooter: false };
  let printed = await readPrinted(await page.pdf(outline.length > 0 ? numbersOnly : settings));
  let passes = 1;
  // Numbers take the placeholders' width, so the second pass normally lands every heading where
  // the first did; if a break moved, a third pass prints the moved numbers.
  while (outline.length > 0 && passes < 3) {
    const pages = printed.destinations;
    await page.evaluate(`(${FILL_CONTENTS})(${JSON.stringify(Object.fromEntries(pages))})`);
    printed = await readPrinted(await page.pdf(settings));
    passes += 1;
    if (sameNumbers(pages, printed.destinations)) break;
  }
  const finished = await finishPdf(printed, {
    title: options.title,
    ...(options.author !== undefined && { author: options.author }),
    ...(options.subtitle !== undefined && { subject: options.subtitle }),
    keywords: options.keywords ?? ((await page.evaluate(CHAPTER_TITLES)) as string[]),
    asOf: options.versionDate,
    published: options.publishedAt ?? new Date(),
    creator: `fragtax ${TOOL_VERSION}`,
    producer: `fragtax ${TOOL_VERSION}; ${chromiumKind(chromium.source, chromium.version)}; pdf-lib`,
  }, outline);
  return { ...finished, passes, chromium };
}

function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}

/**
 * In the page, before the first print: every contents link gets a leader and a page-number slot
 * ("00" until the numbers are known, so the second print lays out the same), and the contents'
 * structure is returned for the bookmarks. Plain JS: it runs in Chromium, not in Node.
 */
const PREPARE_CONTENTS = `(() => {
  const entry = (li) => {
    const link = li.querySelector(":scope > a[href^='#']");
    if (!link) return null;
    const title = link.textContent.replace(/\\s+/g, " ").trim();
    const leader = document.createElement("span");
    leader.className = "toc-leader";
    const number = document.createElement("span");
    number.className = "toc-page";
    number.textContent = "00";
    link.append(leader, number);
    const children = [...li.querySelectorAll(":scope > ol > li")].map(entry).filter(Boolean);
    return { id: decodeURIComponent(link.getAttribute("href").slice(1)), title, children };
  };
  return [...document.querySelectorAll(".toc > ol > li")].map(entry).filter(Boolean);
})()`;

/** The chapters' titles as the contents lists them, without their numbers. */
const CHAPTER_TITLES = `[...document.querySelectorAll(".toc-chapters > li > a")].map((link) => {
  const copy = link.cloneNode(true);
  for (const extra of copy.querySelectorAll(".toc-number, .toc-leader, .toc-page")) extra.remove();
  return copy.textContent.replace(/\\s+/g, " ").trim();
})`;

const FILL_CONTENTS = `(pages) => {
  for (const link of document.querySelectorAll(".toc a[href^='#']")) {
    const slot = link.querySelector(".toc-page");
    const page = pages[decodeURIComponent(link.getAttribute("href").slice(1))];
    if (slot) slot.textContent = page === undefined ? "" : String(page);
  }
}`;
