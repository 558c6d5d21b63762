/**
 * What publish reads from a finished build in `out/build/`. The build log is read leniently (only
 * the fields below matter); a missing report file is an error naming it.
 *
 * Contract with the build (`build-log.json`):
 *   { builtAt: ISO string,
 *     git: { commit: string | null, dirty: boolean },   the commit it was made from (absent in older logs)
 *     whatIf: { overrides: AssumptionOverride[], sources: string[] } | null,
 *     assumptions: { file: path relative to the root, sha256 },
 *     notebooks: [{ notebook, status: "executed" | "reused" | "failed", failedCells?: number[], reason, durationMs,
 *                   modelRuns?: { kept, computed } }],     (model runs the cells asked for; not read here)
 *     pdf: { status: "written" | "reused" | "skipped" | "no-chromium" | "failed" },
 *     duplicateIds: string[],
 *     warnings: string[],                          what the build warned about (absent in older logs)
 *     outputs: { "<file name>": sha256, … },    every other file of the build
 *     inputs: { files, listings?, trees?, lockfile?, tool? },   what it was made from (absent in
 *                                                 older logs; build/cache/recorded-inputs.ts)
 *     errataFile?: path relative to the root }     the errata file it read, when report.yaml names one
 * A copy of the assumptions file as built, `out/build/assumptions.yaml`, is preferred when present and
 * it has the sha256 the log records (else the file the log names, itself refused when it changed).
 */
import { readPlainFile, readPlainText } from "../util/plain-file";
import { isAbsolute, join } from "node:path";
import * as messages from "../messages/versions";
import * as publishMessages from "../messages/publish";
import { canonicalJson, sha256 } from "../util/hash";
import { isRecord } from "../util/records";
import { describeOverride } from "../build/whatif/overrides";
import type { WhatIf } from "../build/whatif/overrides";
import { BUILD_LOG, buildLockState, printedFromPage } from "../build/outputs";
import { parseSections, type SectionProse } from "../diff/prose-guard";
import { WorkError } from "../util/errors";
import type { Erratum } from "../errata/types";
import type { Manifest } from "./store";
import { inputChanges, type InputChange } from "../build/cache/recorded-inputs";

export interface BuildRecord {
  readonly html: string;
  readonly figures: unknown;
  /** figures.json byte for byte as verified against the log: what a version freezes. */
  readonly figuresText: string;
  readonly claims: unknown;
  readonly builtAt: string | null;
  /** The commit the build was made from, which its page names; null in a log from before it was recorded. */
  readonly git: { readonly commit: string | null; readonly dirty: boolean } | null;
  readonly whatIf: WhatIf | null;
  readonly failedNotebooks: readonly string[];
  /** Figure or claim ids declared twice ("id (notebook cell N, notebook cell M)"). */
  readonly duplicateIds: readonly string[];
  /** The first chapter run (build-log order = report.yaml order): its figures are the headline. */
  readonly firstChapter: string | undefined;
  readonly assumptionsText: string;
  /**
   * What the build was made from that changed since (the assumptions file, report.yaml, the errata
   * file, a notebook, a module or data file it read, …): out/build/ is then not a report of them.
   */
  readonly staleInputs: readonly InputChange[];
  /** The errata file the build read (relative to the root), when its log records one. */
  readonly errataFile: string | null;
  /** What the build did about the PDF (build-log `pdf.status`). */
  readonly pdfStatus: string;
  /** The built report.pdf, verified against the log; null when the build printed none. */
  readonly pdf: Uint8Array | null;
  /** report.html is missing because report.yaml asked for neither HTML nor PDF. */
  readonly htmlMissing: boolean;
  /** sections.json: each section's prose hash (null for a build from before sections were recorded). */
  readonly sections: readonly SectionProse[] | null;
  /** The build's data cut-off (build-log.json `asOf`). */
  readonly asOf: string | null;
  /** errata.json: the corrections the build validated; null when report.yaml names no errata file. */
  readonly errata: readonly Erratum[] | null;
  /** What the build warned about (e.g. a chart field not in its data: an empty chart); none in older logs. */
  readonly warnings: readonly string[];
  /** sha256 of build-log.json: this very build (every build writes its own log: its time, its outputs). */
  readonly buildSha256: string;
  /**
   * sha256 of what the build was made from (its recorded inputs, the assumptions and the as-of date):
   * equal for a rebuild of the same sources, which says what the first said. Null for a log from
   * before inputs were recorded.
   */
  readonly sourcesSha256: string | null;
}

interface BuildLogShape {
  builtAt?: unknown;
  git?: { commit?: unknown; dirty?: unknown };
  asOf?: unknown;
  whatIf?: { overrides?: unknown; sources?: unknown } | null;
  assumptions?: { file?: unknown; sha256?: unknown };
  notebooks?: Array<{ notebook?: unknown; status?: unknown; failed?: unknown; failedCells?: unknown; errors?: unknown }>;
  pdf?: { status?: unknown };
  duplicateIds?: unknown;
  warnings?: unknown;
  outputs?: unknown;
  inputs?: unknown;
  errataFile?: unknown;
}

/** Nothing is published: the message says why and what to do (exit 1). */
function refuse(message: string): never {
  throw new WorkError(message);
}

/** A plain file's text, or undefined (none there, or not a plain file: a FIFO would be waited on for ever). */
async function readOptional(path: string): Promise<string | undefined> {
  return readPlainText(path).catch(() => undefined);
}


/**
 * The newest complete build, every file checked against the sha256 its log recorded: a file changed
 * since, or left by another build, is refused by name. A build still running, or one that died before
 * it finished (its lock left behind), is refused too: its outputs are not the newest.
 */
export async function readBuildRecord(buildDir: string, root: string, defaultAssumptionsFile: string): Promise<BuildRecord> {
  const lock = await buildLockState(buildDir);
  if (lock.state === "running") refuse(messages.publishBuildRunning(lock.pid));
  if (lock.state === "interrupted") refuse(messages.publishBuildInterrupted(lock.pid));
  const logText = await readOptional(join(buildDir, BUILD_LOG));
  if (logText === undefined) refuse(messages.publishMissingBuild(join(buildDir, BUILD_LOG)));
  let log: BuildLogShape;
  try {
    log = JSON.parse(logText) as BuildLogShape;
  } catch {
    refuse(messages.publishUnverifiableBuild(join(buildDir, BUILD_LOG)));
  }
  const outputs = log.outputs;
  if (typeof outputs !== "object" || outputs === null) refuse(messages.publishUnverifiableBuild(join(buildDir, BUILD_LOG)));
  const files = new Map<string, Buffer>();
  for (const [name, hash] of Object.entries(outputs as Record<string, unknown>)) {
    const bytes = await readPlainFile(join(buildDir, name)).catch(() => undefined);
    if (bytes === undefined) refuse(messages.publishBuildFileMissing(join(buildDir, name)));
    if (sha256(bytes) !== hash) refuse(messages.publishBuildFileChanged(join(buildDir, name)));
    files.set(name, bytes);
  }
  const text = (name: string): string => {
    const bytes = files.get(name);
    if (bytes === undefined) refuse(messages.publishBuildFileMissing(join(buildDir, name)));
    return bytes.toString("utf8");
  };
  const file = typeof log.assumptions?.file === "string" ? log.assumptions.file : defaultAssumptionsFile;
  const onDisk = await readOptional(isAbsolute(file) ? file : join(root, file));
  const recorded = typeof log.assumptions?.sha256 === "string" ? log.assumptions.sha256 : undefined;
  // A copy in out/build/ (written by builds of old) is the build's only when it has the sha256 the log
  // records: a file put there by hand would otherwise be frozen as the version's assumptions.
  const copy = await readOptional(join(buildDir, "assumptions.yaml"));
  const snapshot = copy !== undefined && (recorded === undefined || sha256(copy) === recorded) ? copy : onDisk;
  if (snapshot === undefined) refuse(messages.publishMissingBuild(join(root, file)));
  const staleAssumptions: InputChange[] = recorded !== undefined && onDisk !== undefined && sha256(onDisk) !== recorded ? [{ kind: "data", path: file, removed: false }] : [];
  return {
    html: files.has("report.html") ? text("report.html") : "",
    htmlMissing: !files.has("report.html"),
    figures: JSON.parse(text("figures.json")),
    figuresText: text("figures.json"),
    claims: JSON.parse(text("claims.json")),
    builtAt: typeof log.builtAt === "string" ? log.builtAt : null,
    git: isRecord(log.git) && (typeof log.git.commit === "string" || log.git.commit === null) && typeof log.git.dirty === "boolean" ? { commit: log.git.commit, dirty: log.git.dirty } : null,
    whatIf: log.whatIf && Array.isArray(log.whatIf.overrides) && log.whatIf.overrides.length > 0 ? (log.whatIf as WhatIf) : null,
    failedNotebooks: (log.notebooks ?? []).filter(isFailed).map((entry) => String(entry.notebook)),
    duplicateIds: Array.isArray(log.duplicateIds) ? log.duplicateIds.map(String) : [],
    firstChapter: typeof log.notebooks?.[0]?.notebook === "string" ? log.notebooks[0].notebook : undefined,
    assumptionsText: snapshot,
    staleInputs: [...staleAssumptions, ...(await inputChanges(root, log.inputs))],
    errataFile: typeof log.errataFile === "string" ? log.errataFile : null,
    pdfStatus: typeof log.pdf?.status === "string" ? log.pdf.status : "unknown",
    pdf: files.get("report.pdf") ?? null,
    // The verified bytes; a build from before sections were hashed in its log has them only on disk.
    sections: parseSections(files.has("sections.json") ? text("sections.json") : await readOptional(join(buildDir, "sections.json"))),
    asOf: typeof log.asOf === "string" ? log.asOf : null,
    // Verified with the other outputs above; the build wrote it from a validated errata file.
    errata: files.has("errata.json") ? (JSON.parse(text("errata.json")) as Erratum[]) : null,
    warnings: Array.isArray(log.warnings) ? log.warnings.map(String) : [],
    buildSha256: sha256(logText),
    sourcesSha256: isRecord(log.inputs) ? sha256(canonicalJson({ inputs: log.inputs, assumptions: recorded ?? null, asOf: log.asOf ?? null })) : null,
  };
}

function isFailed(entry: NonNullable<BuildLogShape["notebooks"]>[number]): boolean {
  return (
    entry.status === "failed" ||
    entry.failed === true ||
    (Array.isArray(entry.failedCells) && entry.failedCells.length > 0) ||
    (typeof entry.errors === "number" && entry.errors > 0)
  );
}

/**
 * Why this build must not follow `newest` (the newest version): it is that version's build, or one made
 * from the same sources, so a second version would only repeat it. Only the newest: returning to an
 * older version's sources is a change from the newest. Checked under the publish lock, so two
 * publishes of one build at once publish it once.
 */
export function alreadyPublished(build: BuildRecord, newest: Manifest | null): string | null {
  if (newest === null) return null;
  if (newest.buildSha256 === build.buildSha256) return publishMessages.publishAlreadyPublished(newest.id, build.builtAt, "build");
  if (build.sourcesSha256 !== null && newest.sourcesSha256 === build.sourcesSha256) return publishMessages.publishAlreadyPublished(newest.id, build.builtAt, "sources");
  return null;
}

/** Why this build must not be published, or null. */
export function refusalReason(build: BuildRecord): string | null {
  if (build.whatIf) return messages.publishRefusedWhatIf(build.whatIf.overrides.map(describeOverride));
  if (build.failedNotebooks.length > 0) return messages.publishRefusedFailedCells(build.failedNotebooks);
  if (build.duplicateIds.length > 0) return messages.publishRefusedDuplicateIds(build.duplicateIds);
  // Before what the build lacks: a build of other sources is to be run again whatever else it lacks.
  if (build.staleInputs.length > 0) return publishMessages.publishStaleBuild(build.staleInputs);
  if (build.htmlMissing) return messages.publishMissingHtml();
  // A print that failed leaves the previous build's report.pdf in place: there is a file, but not of this page.
  if (build.pdf === null || !printedFromPage(build.pdfStatus)) return messages.publishMissingPdf(build.pdfStatus, build.pdf !== null);
  return null;
}
