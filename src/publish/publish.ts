/**
 * `fragtax publish`: turns the last build (`out/build/`) into an immutable, dated version.
 *
 *   1. read     the build's files and log; refuse a what-if build, a failed cell, or a stale snapshot
 *   2. lock     `out/reports/.publish.lock` (O_EXCL + pid; a dead owner's lock is taken over)
 *   3. name     `<date>` or `<date>-N`, never an existing id; the newest version is the previous one,
 *               and a build it was published from (or one of the same sources) is refused
 *   4. stage    everything in `out/reports/.staging-<pid>-<rand>/` (same filesystem), the report
 *               with its "What changed since <previous>" section, and a manifest with every sha256
 *   5. commit   render index.html from every manifest (a malformed one stops here, naming it), rename
 *               the staging folder to `out/reports/<id>/` (atomic), then write the index via temp +
 *               rename. A kill or a failure before the rename leaves no version and the old index.
 */
import { randomBytes } from "node:crypto";
import { readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Assumption } from "../assumptions/types";
import * as messages from "../messages/versions";
import * as publishMessages from "../messages/publish";
import * as errataMessages from "../messages/errata";
import { syncPath, writeFileAtomic, writerOfTemporary } from "../util/atomic";
import { diffSnapshots } from "../diff/diff";
import { hasProseV2, parseSections, type SectionProse } from "../diff/prose-guard";
import type { BuiltFrom } from "../diff/built-from";
import { renderChangesSection } from "../diff/render";
import { figureValues, normalizeFigures, readFiguresJson } from "../report/figures-file";
import { sha256, stableJson } from "../util/hash";
import { escapeHtml, html } from "../util/html";
import { CHANGES_TOC_MARKER } from "../report/markers";
import { headlineFigures } from "../report/records";
import { insertBeforeBodyClose, replaceMarker } from "../util/page";
import { checkIndex, expectedIndex, renderIndexPage } from "./index-page";
import { manifestDigest, sealManifest } from "./manifest";
import { acquireLock, isProcessAlive } from "../util/lock";
import type { Manifest } from "./store";
import { abandonedStaging, builtFrom, PUBLISH_LOCK, stagingName, isValidDate, listVersions, nextVersionId, publishedErrata, versionFolders } from "./store";
import type { Erratum } from "../errata/types";
import { checkCarriedErrata } from "./errata";
import { MAX_YEAR, MIN_YEAR } from "../util/limits";
import { latestToday } from "../util/dates";
import { alreadyPublished, readBuildRecord, refusalReason } from "./build-record";
import { assertVersionIntact, damagedVersions, DamagedVersionError, firstVersionProblem, removedVersions } from "./verify";
import { checkReviewedSections, proseCheck } from "./prose-check";
import { withProseV2FromGit } from "./legacy-sections";
import { InputError, WorkError } from "../util/errors";
import { fileSystemRefusal, isFileSystemProblem } from "../util/fs-errors";
import { makeFolder } from "../util/folders";

export interface PublishOptions {
  readonly root: string;
  readonly buildDir: string;
  readonly reportsDir: string;
  /** Default: today (UTC). Never after today (util/dates.ts `latestToday`). */
  readonly date?: string;
  readonly note?: string;
  /** Report title, for the index page. */
  readonly title: string;
  /** Assumptions file used when the build did not name one (relative to root). */
  readonly defaultAssumptionsFile: string;
  readonly tools: Readonly<Record<string, string>>;
  /** Sections whose prose was re-read and stands although their figures moved (`--reviewed`). */
  readonly reviewed?: readonly string[];
  /** Publish a build that logged warnings (`--accept-warnings`); the manifest records them. */
  readonly acceptWarnings?: boolean;
}

export interface PublishEffects {
  parseAssumptions(text: string, fileName: string): readonly Assumption[];
  git(root: string): Promise<{ commit: string | null; dirty: boolean | null }>;
  /** Re-prints the PDF from the published HTML (with its "What changed" section); else the built PDF (verified) is written. */
  renderPdf?: (htmlFile: string, pdfFile: string, version: { readonly id: string; readonly date: string }, builtPdf: Uint8Array) => Promise<void>;
  progress(message: string): void;
  now(): Date;
  /** Test hook: runs after staging, before the rename. */
  afterStaging?: (stagingDir: string) => Promise<void>;
  /** Test hook: runs once the index lists the new version (`listed`), before publish returns. */
  afterListing?: (id: string) => Promise<void>;
  /** The version is in place under its id (its index line is written next). */
  placed?: (id: string) => void;
  /** The index lists the version now: nothing of the publish is left to do. */
  listed?: (id: string) => void;
}

/** Where the report's "What changed" section goes; a template may place this marker, else before </body>. */
export const CHANGES_MARKER = "<!-- fragtax:what-changed -->";

export class PublishRefused extends WorkError {}

export async function publish(options: PublishOptions, effects: PublishEffects): Promise<Manifest> {
  const now = effects.now();
  const date = options.date ?? now.toISOString().slice(0, 10);
  // The default is the UTC date, the user's today the local one: neither is refused as in the future.
  const latest = latestToday(now);
  if (!isValidDate(date)) throw new InputError(publishMessages.publishBadDate(date, { min: MIN_YEAR, max: MAX_YEAR }));
  // Versions are dated in publishing order, so one dated in the future (a mistyped year) would refuse
  // every later publish until that day, and it cannot be taken back: a version is immutable.
  if (date > latest) throw new InputError(publishMessages.publishDateAfterToday(date, latest));
  // A damaged version stops every publish whatever the build (README lists it first): said before
  // "build again", which would only lead to it. Checked again under the lock, below.
  await refuseDamaged(options.reportsDir, options.root, publishMessages.publishDamagedVersions);
  const build = await readBuildRecord(options.buildDir, options.root, options.defaultAssumptionsFile);
  const reviewed = [...new Set(options.reviewed ?? [])];
  // A mistyped --reviewed is bad usage whatever else is wrong with the build (exit 2 before exit 1);
  // a build that recorded no sections (a failed page) is refused for that below instead.
  if (build.sections !== null && build.sections.length > 0) checkReviewedSections(build, reviewed);
  // Bad input before failed work (exit 2 before 1, whatever other flags are given): a version cannot
  // predate the data it was built from (dates are YYYY-MM-DD: text order is date order), nor be dated
  // after today: data dated later cannot be published, whatever --date says.
  if (build.asOf !== null && build.asOf > latest) throw new InputError(publishMessages.publishAsOfAfterToday(build.asOf, latest));
  if (build.asOf !== null && date < build.asOf) throw new InputError(messages.publishDateBeforeAsOf(date, options.date !== undefined, build.asOf));
  const refusal = refusalReason(build);
  if (refusal) throw new PublishRefused(refusal);
  // A warning can mean a wrong page (a chart's filter on a field its data lacks draws an empty chart), which
  // `build` lets through unless --strict: publishing it is a decision, said and recorded.
  if (build.warnings.length > 0 && options.acceptWarnings !== true) throw new PublishRefused(publishMessages.publishRefusedWarnings(build.warnings));
  if (build.warnings.length > 0) effects.progress(publishMessages.publishingWithWarnings(build.warnings.length));
  checkReviewedSections(build, reviewed);

  // Its folder and lock said of out/reports/ too: a read-only folder was "fragtax: cannot use …/.publish.lock".
  const release = await inReportsFolder(options.reportsDir, async () => {
    await makeFolder(options.reportsDir);
    return acquireLock(join(options.reportsDir, PUBLISH_LOCK), {
      timeoutMs: 120_000,
      pollMs: 50,
      onWait: (pid) => effects.progress(messages.publishWaiting(pid)),
      onTakeOver: (pid, reused) => effects.progress(messages.publishLockTakenOver(pid, reused)),
    });
  });
  try {
    await removeAbandoned(options.reportsDir);
    await refuseDamaged(options.reportsDir, options.root, publishMessages.publishDamagedVersions);
    const existing = await versionFolders(options.reportsDir);
    const versions = await listVersions(options.reportsDir);
    const previous = versions.at(-1) ?? null;
    // Versions are dated in the order they were published: "What changed since" reads forward in time.
    if (previous !== null && date < previous.date) throw new InputError(messages.publishDateBeforePrevious(date, options.date !== undefined, previous.id, previous.date));
    // The same build twice (one after the other, or at once: both wait for the lock) is one version.
    const duplicate = alreadyPublished(build, previous);
    if (duplicate !== null) {
      // Placed by a publish stopped before it wrote the index: that is what is left to do, and said so.
      const behind = previous !== null && (await checkIndex(options.reportsDir, options.title)).state === "behind" ? previous.id : undefined;
      throw new PublishRefused(behind === undefined ? duplicate : `${duplicate}\n${publishMessages.publishIndexBehind(behind)}`);
    }
    const id = nextVersionId(date, existing);
    // An erratum is published once, by the first version that carries it.
    const published = publishedErrata(versions);
    const errata = { published, carried: build.errata ?? [] };
    await checkCarriedErrata(errata.carried, build.errataFile, options.root, versions, id);
    // The version compared against must be the one published, before anything of it is read: the prose
    // check reads its figures, claims and sections, and "What changed" its assumptions (a damaged
    // figures.json was a raw JSON error naming no file; a missing sections.json read as "none kept").
    if (previous !== null) await assertVersionIntact(options.reportsDir, previous.id);
    // So must each version this one records from before the seal: recording a folder made by hand would seal it into the history.
    for (const earlier of versions) if (earlier.manifestSha256 === undefined) await assertVersionIntact(options.reportsDir, earlier.id);
    const prose = await proseCheck(build, previous, options.reportsDir, options.root, reviewed, (message) => new PublishRefused(message), effects.progress);
    const staging = join(options.reportsDir, stagingName(randomBytes(4).toString("hex")));
    try {
      // A write that fails midway (a full or read-only disk) carries no path: out/reports/ is what to free or fix.
      const manifest = await inReportsFolder(options.reportsDir, async () => {
        const staged = await stage(staging, { id, date, previous, unsealed: versions.filter((v) => v.manifestSha256 === undefined), build, options, effects, prose, errata });
        // On the disk before the version is moved into place: after a power cut an immutable version
        // must not be listed with empty files (the PDF is Chromium's write, so each file is flushed here).
        for (const name of await readdir(staging)) await syncPath(join(staging, name));
        await syncPath(staging);
        return staged;
      });
      // Everything that can fail happens before the version is moved into place: the index is rendered
      // from every manifest (each checked by listVersions above) and the new one now, written after.
      const index = renderIndexPage(options.title, [...versions, manifest].reverse());
      effects.progress(messages.publishStaged(id));
      await effects.afterStaging?.(staging);
      await inReportsFolder(options.reportsDir, () => rename(staging, join(options.reportsDir, id)));
      // The rename lasts through a power cut once out/reports/ is flushed; the version is in place either way.
      await syncPath(options.reportsDir).catch(() => undefined);
      effects.placed?.(id);
      const indexFile = join(options.reportsDir, "index.html");
      try {
        await writeFileAtomic(indexFile, index);
      } catch (error) {
        // The version is published and stays: say so, and how to list it, rather than report a failure
        // that a second publish would "fix" with a duplicate version.
        const cause = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
        throw new WorkError(messages.publishedWithoutIndex(id, relative(options.root, join(options.reportsDir, id)), relative(options.root, indexFile), cause));
      }
      effects.listed?.(id);
      await effects.afterListing?.(id);
      effects.progress(messages.published(id, relative(options.root, join(options.reportsDir, id)), previous?.id ?? null));
      return manifest;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } finally {
    await release();
  }
}

interface StageInputs {
  readonly id: string;
  readonly date: string;
  readonly previous: Manifest | null;
  /** The versions published before manifests were sealed: this one records their digests (verify.ts `unsealedProblems`). */
  readonly unsealed: readonly Manifest[];
  readonly build: Awaited<ReturnType<typeof readBuildRecord>>;
  readonly prose: NonNullable<Manifest["prose"]>;
  /** Errata earlier versions published, and those this build carries (the new ones are the difference). */
  readonly errata: { readonly published: readonly Erratum[]; readonly carried: readonly Erratum[] };
  readonly options: PublishOptions;
  readonly effects: PublishEffects;
}

async function stage(dir: string, inputs: StageInputs): Promise<Manifest> {
  const { build, options, effects, previous } = inputs;
  await makeFolder(dir);
  const entries = readFiguresJson(build.figures);
  const figures = figureValues(entries);
  // The commit the build was made from (its page names it); the repository's now only for a log from before it was recorded.
  const git = build.git ?? (await effects.git(options.root));
  if (git.dirty === true && git.commit !== null) effects.progress(publishMessages.publishFromDirtyTree(git.commit));
  const changes = previous ? await changesSince(options, previous, build, figures, inputs.id, effects, inputs.errata, builtFrom({ git, tools: options.tools })) : null;
  const newErrata = changes?.errata ?? [];
  if (build.errata !== null) effects.progress(errataMessages.publishErrataListed(newErrata.length, build.errata.length));
  const section = renderChangesSection(changes, previous?.id ?? null).value;
  const stamped = stampVersion(build.html, inputs.id, inputs.date);
  const withToc = replaceMarker(stamped, CHANGES_TOC_MARKER, html`<li><a href="#what-changed">${messages.whatChangedHeading(previous?.id ?? null)}</a></li>`.value);
  const page = withToc.includes(CHANGES_MARKER) ? replaceMarker(withToc, CHANGES_MARKER, section) : insertBeforeBodyClose(withToc, section);
  await writeFile(join(dir, "report.html"), page);
  // The build's bytes as read and verified against its log (build-record.ts), never re-read from out/build.
  const builtPdf = build.pdf ?? new Uint8Array();
  if (effects.renderPdf) await effects.renderPdf(join(dir, "report.html"), join(dir, "report.pdf"), { id: inputs.id, date: inputs.date }, builtPdf);
  else await writeFile(join(dir, "report.pdf"), builtPdf);
  await writeFile(join(dir, "assumptions.yaml"), build.assumptionsText);
  // The build's figures.json as written (figures-file.ts is its one writer), byte for byte: the bytes
  // verified against the build's log, not a second read of out/build, which a build started since could
  // have replaced while the PDF printed.
  await writeFile(join(dir, "figures.json"), build.figuresText);
  await writeFile(join(dir, "claims.json"), stableJson(build.claims));
  if (build.sections !== null) await writeFile(join(dir, "sections.json"), stableJson(build.sections));

  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = sha256(await readFile(join(dir, name)));
  const manifest: Manifest = {
    id: inputs.id,
    date: inputs.date,
    note: options.note ?? null,
    publishedAt: effects.now().toISOString(),
    builtAt: build.builtAt,
    buildSha256: build.buildSha256,
    ...(build.sourcesSha256 === null ? {} : { sourcesSha256: build.sourcesSha256 }),
    previous: previous?.id ?? null,
    // The chain: a later edit of the previous manifest, or its seal removed, shows in this version.
    ...(previous === null ? {} : { previousManifestSha256: manifestDigest(previous as unknown as Readonly<Record<string, unknown>>) }),
    // And the manifests from before the seal, which nothing else holds: an edited note or commit of one showed in the index unseen.
    ...(inputs.unsealed.length === 0 ? {} : { unsealedManifestSha256: Object.fromEntries(inputs.unsealed.map((v) => [v.id, manifestDigest(v as unknown as Readonly<Record<string, unknown>>)])) }),
    git,
    tools: options.tools,
    assumptions: { file: "assumptions.yaml", sha256: sha256(build.assumptionsText) },
    ...(build.asOf === null ? {} : { asOf: build.asOf }),
    warnings: build.warnings,
    prose: inputs.prose,
    ...(build.errata === null ? {} : { errata: newErrata }),
    headline: figureValues(headlineFigures(entries, build.firstChapter)),
    files,
  };
  // Sealed: verify recomputes the sha256 of its fields, so an edited as-of date, note or erratum shows.
  const sealed = sealManifest(manifest);
  await writeFile(join(dir, "manifest.json"), stableJson(sealed));
  return sealed;
}

/**
 * The build dated the page with its build date; a published version shows its own id and date (the
 * title page's kicker and the date meta the PDF footer and tools read). Pages without them are kept.
 */
export function stampVersion(page: string, id: string, date: string): string {
  return page
    .replace(/(<p class="kicker">)Version of [^<]*(<\/p>)/, (_match, open: string, close: string) => `${open}${escapeHtml(messages.publishedKicker(id, date))}${close}`)
    .replace(/(<meta name="fragtax-version-date" content=")[^"]*(")/, (_match, open: string, close: string) => `${open}${escapeHtml(date)}${close}`);
}

async function changesSince(
  { reportsDir, root }: Pick<PublishOptions, "reportsDir" | "root">,
  previous: Manifest,
  build: StageInputs["build"],
  figures: ReturnType<typeof normalizeFigures>,
  id: string,
  effects: PublishEffects,
  errata: StageInputs["errata"],
  built: BuiltFrom,
) {
  // The previous version was checked against its manifest before the prose check read it (`publish`).
  const folder = join(reportsDir, previous.id);
  const before = {
    label: previous.id,
    assumptions: effects.parseAssumptions(await readFile(join(folder, "assumptions.yaml"), "utf8"), join(folder, "assumptions.yaml")),
    figures: normalizeFigures(JSON.parse(await readFile(join(folder, "figures.json"), "utf8"))),
    errata: errata.published,
    // A version published before claims.json has none to compare: its claims read as none.
    claims: await readFile(join(folder, "claims.json"), "utf8").then((text): unknown => JSON.parse(text), () => []),
    // Both sides are versions: null where one did not record its cut-off (diff.ts says when it moved, as `diff` does).
    asOf: previous.asOf ?? null,
    // What a reader's "What changed" lists besides the numbers: the sections rewritten, the commit moved.
    // v1-only sections (published before v2) with v2 from git, as the prose check compared them: a
    // section it asked to re-read is not listed as rewritten on the page it let through.
    sections: await withV2(root, previous, parseSections(await readFile(join(folder, "sections.json"), "utf8").catch(() => undefined))),
    builtFrom: builtFrom(previous),
  };
  const after = {
    label: id,
    assumptions: effects.parseAssumptions(build.assumptionsText, "assumptions.yaml"),
    figures,
    errata: errata.carried,
    asOf: build.asOf,
    claims: build.claims,
    sections: build.sections,
    builtFrom: built,
  };
  return diffSnapshots(before, after);
}

/** A previous version's sections, with v2 fingerprints from git when it recorded v1 only (legacy-sections.ts). */
async function withV2(root: string, previous: Manifest, sections: SectionProse[] | null): Promise<SectionProse[] | null> {
  return sections === null || hasProseV2(sections) ? sections : withProseV2FromGit(root, previous, sections);
}

/**
 * Stops (exit 2, naming each) while a version folder is damaged (verify.ts `damagedVersions`): the
 * index and "What changed since" would silently skip it, and the new version follow the wrong one.
 */
async function refuseDamaged(reportsDir: string, root: string, message: (damaged: { id: string; manifest: string }[]) => string, doing: "publish" | "index" = "publish"): Promise<void> {
  const damaged = await damagedVersions(reportsDir);
  if (damaged.length > 0) throw new DamagedVersionError(message(damaged.map((id) => ({ id, manifest: relative(root, join(reportsDir, id, "manifest.json")) }))));
  // A version the index lists and the folder lost: publishing would give its id to another report, and an index rewritten without it would hide it.
  const removed = await removedVersions(reportsDir);
  if (removed.length > 0) throw new DamagedVersionError(publishMessages.versionsRemoved(removed, doing));
}

/**
 * `action`, its file-system failures said of out/reports/ (never of the staging folder, nor of the
 * folder fragtax was started in), located as util/fs-errors.ts locates every other: a file in the way
 * above it (out/ a file) is named itself, and Node's own codes are the system's.
 */
async function inReportsFolder<T>(reportsDir: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!isFileSystemProblem(error)) throw error;
    throw fileSystemRefusal(publishMessages.publishStoreWhat(), reportsDir, error.code);
  }
}

/**
 * Staging folders and temporary files (index.html's, written last) of publishes that died (their pid
 * is gone) are garbage; remove them. Called under the publish lock: no live publish writes here then.
 */
async function removeAbandoned(reportsDir: string): Promise<void> {
  for (const { name } of await abandonedStaging(reportsDir)) await rm(join(reportsDir, name), { recursive: true, force: true });
  for (const name of await readdir(reportsDir)) {
    const writer = writerOfTemporary(name);
    if (writer !== undefined && !isProcessAlive(Number(writer))) await rm(join(reportsDir, name), { force: true });
  }
}

/**
 * `publish --index-only`: rewrites index.html from the published versions (after an edit, a new
 * report title or a new fragtax), under the publish lock; publishes nothing. Returns how many it lists.
 */
export async function rewriteIndex(options: Pick<PublishOptions, "root" | "reportsDir" | "title">, progress: (message: string) => void): Promise<number> {
  const release = await inReportsFolder(options.reportsDir, async () => {
    await makeFolder(options.reportsDir);
    return acquireLock(join(options.reportsDir, PUBLISH_LOCK), {
      timeoutMs: 120_000,
      pollMs: 50,
      onWait: (pid) => progress(messages.publishWaiting(pid)),
      onTakeOver: (pid, reused) => progress(messages.publishLockTakenOver(pid, reused)),
    });
  });
  try {
    await removeAbandoned(options.reportsDir);
    // An index without a damaged version would pass for the whole history: it is restored first.
    await refuseDamaged(options.reportsDir, options.root, publishMessages.indexDamagedVersions, "index");
    // Nor from a version verify finds altered: the index shows readers its manifest's note and figures.
    const altered = await firstVersionProblem(options.reportsDir);
    if (altered !== undefined) throw new DamagedVersionError(publishMessages.indexAlteredVersion(altered));
    const { page, versions } = await expectedIndex(options.reportsDir, options.title);
    await writeFileAtomic(join(options.reportsDir, "index.html"), page);
    return versions;
  } finally {
    await release();
  }
}
