/**
 * Step 6 of the build (pipeline.ts), printing report.html to report.pdf: reused when the existing
 * PDF was printed from the same page, else printed by headless Chromium. Chromium takes ~0.7 s to
 * start, so a build that will print starts it early (`Printer`): at the beginning when there is no
 * PDF to reuse, else as soon as the page is found to have changed; it starts while the chapters run
 * or the page is rendered, not after them.
 */
import type { ReportConfig } from "../config";
import * as messages from "../messages/report";
import * as printMessages from "../messages/print";
import { ChromiumNotFoundError, ChromiumPathError, type ChromiumInfo, type LaunchedChromium } from "../report/chromium";
import type { PdfOptions, PrintedPdf } from "../report/pdf";
import { canonicalJson, sha256 } from "../util/hash";
import type { BuildEffects } from "./effects-types";
import { BUILD_LOG, printedFromPage } from "./outputs";

/**
 * "reused": the page differs from the one the existing report.pdf was printed from only by its build
 * time. "bad-chromium-path": PUPPETEER_EXECUTABLE_PATH names no executable (exit 2).
 */
export type PdfOutcome = "written" | "reused" | "skipped" | "no-chromium" | "bad-chromium-path" | "failed";

/** What the print step did, for the console and build-log.json. */
export interface PdfStep {
  readonly outcome: PdfOutcome;
  readonly chromium?: ChromiumInfo;
  readonly pages?: number;
  readonly passes?: number;
  readonly error?: string;
  /** The print settings of the report.pdf this build leaves (written or reused): build-log `pdf.settings`. */
  readonly settings?: PrintSettings;
}

/**
 * What goes into a print besides the page (pdf.ts): the paper, and what the running header and footer
 * and the PDF's metadata carry. A report.pdf is kept or reused only when its page and these are both
 * this build's: report.html does not say the paper, so after `paper: Letter` became `A4` the Letter
 * PDF was kept as "the page is unchanged". The build's start (`publishedAt`, the PDF's creation date)
 * is left out, as the build time is left out of the page.
 */
export type PrintSettings = Pick<PdfOptions, "paper" | "title" | "versionDate" | "versionId" | "author" | "subtitle" | "keywords">;

export function printSettings({ paper, title, versionDate, versionId, author, subtitle, keywords }: PdfOptions): PrintSettings {
  return { paper, title, versionDate, ...(versionId !== undefined && { versionId }), ...(author !== undefined && { author }), ...(subtitle !== undefined && { subtitle }), ...(keywords !== undefined && { keywords }) };
}

export interface PrintInput {
  readonly config: ReportConfig;
  /** The build's options (pipeline.ts `BuildOptions`): `pdf: false` is `--no-pdf`, `"keep"` dev's rebuilds. */
  readonly options: PrintOptions;
  readonly html: string;
  readonly pdfSource: string;
  readonly pdfOptions: PdfOptions;
  readonly effects: BuildEffects;
  /** The Chromium started for this build while the page was made (`Printer`), if any. */
  readonly printer: Printer;
  readonly write: (name: string, contents: Uint8Array) => Promise<void>;
  /** The page opens with "This build failed" (a failed cell, an id declared twice): it is not printed. */
  readonly failedPage?: boolean;
}

/**
 * `pdf` of pipeline.ts `BuildOptions`: false (`--no-pdf`) and "keep" (`fragtax dev`'s rebuilds) print
 * nothing, but keep the report.pdf the last build printed from the same page; they differ in what they say.
 */
export interface PrintOptions {
  readonly pdf?: boolean | "keep";
}

/** Whether this build prints a PDF at all: report.yaml asks for one and neither `--no-pdf` nor dev said not to. */
export function printRequested(config: ReportConfig, options: PrintOptions): boolean {
  return options.pdf !== false && options.pdf !== "keep" && config.outputs.pdf;
}

export async function printStep({ config, options, html, pdfSource, pdfOptions, effects, printer, write, failedPage = false }: PrintInput): Promise<PdfStep> {
  const settings = printSettings(pdfOptions);
  // A failed build's page is for finding its errors, in report.html; publish refuses it. Printing it
  // took ~2 s of every try at a fix; a report.pdf of an earlier page cannot stay beside it either. First,
  // with or without --no-pdf: "`fragtax build` prints this one" would send the user to a build that does not.
  if (failedPage) {
    effects.log(messages.buildStep("pdf", printMessages.pdfNotPrintedFailed(effects.exists(`${config.outDir}/report.pdf`))));
    return { outcome: "skipped" };
  }
  if (!printRequested(config, options)) {
    // out/build/ is replaced whole, so a rebuild that printed nothing dropped the PDF a full build had
    // printed of this very page: merely starting `fragtax dev`, or a quick `build --no-pdf`, made that
    // build one publish refuses. One of another page cannot stay beside this one: it goes, said.
    const by = !config.outputs.pdf ? "report.yaml" : options.pdf === "keep" ? "dev" : "no-pdf";
    const last = await lastPrint(config, effects);
    const kept = by === "report.yaml" ? undefined : await previousPdf(last, config, effects, pdfSource, settings);
    if (kept === undefined) {
      // Of this page but printed otherwise (another paper), or printed so but changed since: said so, or "an earlier page" would puzzle.
      const otherwise = last?.sourceSha256 === pdfSource ? settingsChanged(last.settings, settings) : undefined;
      const changed = otherwise?.length === 0 && by !== "report.yaml" ? "altered" : otherwise;
      if (effects.exists(`${config.outDir}/report.pdf`)) effects.log(messages.buildStep("pdf", printMessages.pdfDropped(by, changed)));
      return { outcome: "skipped" };
    }
    await write("report.pdf", kept);
    effects.log(messages.buildStep("pdf", printMessages.pdfKept(by === "dev" ? "dev" : "no-pdf")));
    return { outcome: "reused", settings };
  }
  // Printing is most of a no-op rebuild's time: reuse report.pdf when it was printed from this same
  // page, with the same settings, and is still the file that build recorded.
  const reusable = await previousPdf(await lastPrint(config, effects), config, effects, pdfSource, settings);
  if (reusable) {
    await write("report.pdf", reusable);
    effects.log(messages.buildStep("pdf", "reused: the page is unchanged"));
    return { outcome: "reused", settings };
  }
  try {
    const printed = await printer.print(html, pdfOptions);
    await write("report.pdf", printed.bytes);
    const { source, executablePath, version } = printed.chromium;
    effects.log(messages.buildStep("pdf", messages.pdfPrinted(config.paper, printed.pages, printed.bytes.byteLength, messages.chromiumUsed(source, executablePath, version))));
    return { outcome: "written", chromium: printed.chromium, pages: printed.pages, passes: printed.passes, settings };
  } catch (error) {
    // A print that failed or timed out may have left the browser stuck: it goes now, not at the build's end.
    await printer.close();
    const message = error instanceof Error ? error.message : String(error);
    effects.log(message);
    const outcome = error instanceof ChromiumPathError ? "bad-chromium-path" : error instanceof ChromiumNotFoundError ? "no-chromium" : "failed";
    // A print that failed leaves the previous report.pdf as it was (the reader keeps a PDF); the log
    // says the print failed, so publish refuses this build and never pairs that PDF with this page.
    const previous = `${config.outDir}/report.pdf`;
    if (outcome === "failed" && effects.exists(previous)) await write("report.pdf", await effects.readBytes(previous));
    return { outcome, error: message };
  }
}

/** What the last build's log says of its report.pdf, when it printed one from its page (else undefined). */
interface LastPrint {
  readonly sourceSha256: unknown;
  readonly sha256: unknown;
  /** Absent in the log of a build before print settings were recorded: then they are unknown, and not this build's. */
  readonly settings: unknown;
}

async function lastPrint(config: ReportConfig, effects: BuildEffects): Promise<LastPrint | undefined> {
  const [logFile, pdfFile] = [`${config.outDir}/${BUILD_LOG}`, `${config.outDir}/report.pdf`];
  if (!effects.exists(logFile) || !effects.exists(pdfFile)) return undefined;
  try {
    const log = JSON.parse(await effects.readText(logFile)) as { pdf?: { status?: unknown; sourceSha256?: unknown; settings?: unknown }; outputs?: Record<string, unknown> };
    return printedFromPage(log.pdf?.status) ? { sourceSha256: log.pdf?.sourceSha256, sha256: log.outputs?.["report.pdf"], settings: log.pdf?.settings } : undefined;
  } catch {
    return undefined; // an unreadable log only costs a print
  }
}

/** The previous build's report.pdf, when it was printed from the page `pdfSource` with `settings` and is unchanged since. */
async function previousPdf(last: LastPrint | undefined, config: ReportConfig, effects: BuildEffects, pdfSource: string, settings: PrintSettings): Promise<Uint8Array | undefined> {
  if (last === undefined || last.sourceSha256 !== pdfSource || settingsChanged(last.settings, settings).length > 0) return undefined;
  const bytes = await effects.readBytes(`${config.outDir}/report.pdf`).catch(() => undefined);
  return bytes !== undefined && sha256(bytes) === last.sha256 ? bytes : undefined;
}

/** Which of `settings` the recorded ones (a build log's JSON) differ in, as messages name them; every one when none were recorded. */
export function settingsChanged(recorded: unknown, settings: PrintSettings): printMessages.PrintSettingChange[] {
  if (recorded === null || typeof recorded !== "object") return [{ name: "unrecorded" }];
  const was = recorded as Readonly<Record<string, unknown>>;
  const now: Readonly<Record<string, unknown>> = settings;
  return [...new Set([...Object.keys(now), ...Object.keys(was)])]
    .sort()
    .filter((name) => canonicalJson(was[name]) !== canonicalJson(now[name]))
    .map((name) => (name === "paper" ? { name, was: String(was[name]), now: settings.paper } : { name }));
}

/**
 * The Chromium a build prints with, started once (`start`) as early as the build knows it will print.
 * Without `effects.launchPrinter` (builds in memory) the print launches its own. Closed by the build
 * whatever happens (`close`); a launch that failed is reported by the print, as without the early start.
 */
export class Printer {
  private launched: Promise<LaunchedChromium> | undefined;

  constructor(
    private readonly effects: BuildEffects,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    if (this.launched !== undefined || this.effects.launchPrinter === undefined) return;
    this.launched = this.effects.launchPrinter(this.log);
    this.launched.catch(() => undefined); // reported when printing
  }

  print(html: string, options: PdfOptions): Promise<PrintedPdf> {
    return this.effects.printPdf(html, options, this.launched);
  }

  /** Closes the browser (killed if it does not close in time, chromium.ts); once. */
  async close(): Promise<void> {
    const launched = this.launched;
    this.launched = undefined;
    await launched?.then((chromium) => chromium.close(), () => undefined);
  }
}

/** Whether the build will print and has no earlier report.pdf it might reuse: then its printer starts at once. */
export async function mustPrint(config: ReportConfig, options: PrintOptions, effects: BuildEffects): Promise<boolean> {
  return printRequested(config, options) && (await lastPrint(config, effects)) === undefined;
}
