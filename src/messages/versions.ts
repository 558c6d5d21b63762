/** Messages of the versions area: cache explanations, publish, diff, verify (what-if: whatif.ts; the stale-prose guard: prose.ts; the dev server: dev.ts). */
import type { CellChange, Change } from "../vocabulary/changes";
import { VERSION_ID, type VersionProblemKind } from "../vocabulary/version-ids";
import { formatAssumptionValue } from "../format/number";
import { lockOwnerGone } from "./fs";

// ── cache ────────────────────────────────────────────────────────────────────────────────────────

export const reusedNothingChanged = (): string => "reused: nothing it depends on changed";

const whatIfMark = (given: boolean | undefined): string => (given === true ? " (a what-if)" : "");

/** One line saying why a notebook re-ran, e.g. `re-ran: h100_usd_per_gpu_hour changed $2–$3/GPU-hour → $2.50–$3.50/GPU-hour`. */
export const reranBecause = (changes: readonly Change[]): string => {
  if (changes.some((change) => change.kind === "first-run")) return "first run";
  const shown = changes.slice(0, 3).map(describeChange);
  const more = changes.length > 3 ? ` (+${changes.length - 3} more)` : "";
  return `re-ran: ${shown.join("; ")}${more}`;
};

/** Which cells changed, in words: "cell 8", "cells 3, 8", "cell 9 added", "cells 4–5 removed", … */
const cellsChanged = (change: CellChange): string => {
  const span = (first: number, last: number): string => (first === last ? `cell ${first}` : `cells ${first}–${last}`);
  switch (change.kind) {
    case "none":
      return "its outputs or metadata, no cell";
    case "changed":
      return `${change.cells.length === 1 ? "cell" : "cells"} ${listed(change.cells.map(String))}`;
    case "added":
    case "removed":
      return `${span(change.first, change.last)} ${change.kind}`;
    case "replaced":
      return `${span(change.first, change.last)} replaced`;
  }
};

const describeChange = (change: Change): string => {
  switch (change.kind) {
    case "first-run":
      return "first run";
    case "unreadable":
      return `cache entry was unreadable (${change.detail})`;
    case "source":
      return change.cells === undefined ? "notebook changed" : `notebook changed (${cellsChanged(change.cells)})`;
    case "module":
      return change.removed ? `${change.path} was removed` : `${change.path} changed`;
    case "data":
      return change.removed ? `data file ${change.path} was removed` : `data file ${change.path} changed`;
    case "folder": {
      const folder = change.path === "" ? "the project folder" : `folder ${change.path}`;
      if (change.state === "appeared") return `${folder} appeared`;
      if (change.state === "removed") return `${folder} was removed or cannot be listed`;
      return `the files in ${folder}${change.tree ? " or below it" : ""} changed`;
    }
    case "assumption": {
      if (!change.after) return `${change.id} was removed`;
      if (!change.before) return `${change.id} was added`;
      const [before, after] = [formatAssumptionValue(change.before), formatAssumptionValue(change.after)];
      // A value a what-if gave is marked: the file may not have changed at all (a build after a what-if).
      if (before !== after) return `${change.id} changed ${before}${whatIfMark(change.whatIf?.before)} → ${after}${whatIfMark(change.whatIf?.after)}`;
      const fields = changedFields(change.before, change.after);
      // A what-if gives a replaced input's source its own title: said as the what-if, not as an edit of the file.
      const side = change.whatIf !== undefined && change.whatIf.before !== change.whatIf.after ? (change.whatIf.after ? " (a what-if replaced it)" : " (the file's again, after a what-if)") : "";
      return `${change.id} ${fields.join(", ")} changed${side}`;
    }
    case "assumption-list": {
      const parts = [...(change.added.length > 0 ? [`added ${listed(change.added)}`] : []), ...(change.removed.length > 0 ? [`removed ${listed(change.removed)}`] : [])];
      return parts.length > 0 ? `the list of assumptions changed (${parts.join("; ")})` : "the order of the assumptions changed";
    }
    case "env":
      return `environment variable ${change.name} ${change.state === "changed" ? "changed" : change.state === "set" ? "was set" : "was unset"}`;
    case "env-list": {
      const parts = [...(change.added.length > 0 ? [`added ${listed(change.added)}`] : []), ...(change.removed.length > 0 ? [`removed ${listed(change.removed)}`] : [])];
      return `the list of environment variables changed (${parts.join("; ")})`;
    }
    case "lockfile":
      return "package-lock.json changed";
    case "tool":
      return `fragtax ${change.before} → ${change.after}`;
    case "setting":
      return `${change.key} changed ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`;
  }
};

/** Up to three ids, then how many more. */
const listed = (ids: readonly string[]): string => (ids.length > 3 ? `${ids.slice(0, 3).join(", ")} +${ids.length - 3} more` : ids.join(", "));

const changedFields = (before: object, after: object): string[] => {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const differs = (key: string): boolean =>
    JSON.stringify((before as Record<string, unknown>)[key]) !== JSON.stringify((after as Record<string, unknown>)[key]);
  return keys.filter(differs);
};

// Why a cache entry was ignored (the detail of `unreadableCacheEntry`).
export const cacheEntryNotJson = (detail: string): string => `not valid JSON (${detail})`;
export const cacheEntryUnknownFormat = (): string => "unknown entry format";
export const cacheEntryForOther = (notebook: string): string => `entry is for ${notebook}`;
export const cacheEntryIncomplete = (): string => "fingerprint is incomplete";
export const cacheEntryChecksum = (): string => "checksum does not match its content";
export const cacheEntryInvalid = (detail: string): string => `result does not validate (${detail})`;
export const cacheEntryNotChapterRun = (): string => "not a cached chapter run";

export const unreadableCacheEntry = (notebook: string, detail: string): string =>
  `warning: ignoring the cache entry of ${notebook} (${detail}); re-running it`;

// ── diff ─────────────────────────────────────────────────────────────────────────────────────────

export const whatChangedKicker = (): string => "Changes";

/** The title page's kicker of a published report: its version id and date. */
export const publishedKicker = (id: string, date: string): string =>
  id === date ? `Version of ${date}` : `Version ${id} of ${date}`;

export const whatChangedHeading = (previous: string | null): string =>
  previous === null ? "What changed" : `What changed since ${previous}`;

export const firstPublishedVersion = (): string => "This is the first published version.";

/** A diff side that is a published version's id, whose manifest is in a folder of another name (a renamed folder). */
export const diffVersionInOtherFolder = (spec: string, folder: string): string =>
  `"${spec}" is the id in the manifest of out/reports/${folder}/, a folder of another name: a published version's folder is not renamed. Name the folder ${spec} again, and \`fragtax verify\` checks the versions`;

export const unknownDiffSide = (spec: string, published: readonly string[]): string => {
  const known = published.length === 0 ? "no version is published yet (`fragtax publish`)" : `published versions: ${published.join(", ")}`;
  // A path (a folder in it, or a YAML name) is most likely a file that is not there: said first.
  const path = /[\\/]|\.ya?ml$/i.test(spec) ? `there is no file "${spec}", and it ` : `"${spec}" `;
  return `${path}is not a published version (out/reports/<id>), a git ref, or an assumptions file; ${known}`;
};

export const diffRefWithoutAssumptions = (ref: string, file: string): string =>
  `git ref "${ref}" has no ${file} (the assumptions file report.yaml names); name a commit that has it, a published version or an assumptions file`;

// ── publish ──────────────────────────────────────────────────────────────────────────────────────

export const indexHeading = (title: string): string => `${title} — published versions`;

export const indexLead = (count: number): string =>
  `${count} version${count === 1 ? "" : "s"}, newest first. Each is immutable: see its manifest for file hashes and provenance.`;

export const publishRefusedWhatIf = (overrides: readonly string[]): string =>
  `refusing to publish a what-if build (overrides: ${overrides.join(", ")}); rebuild without --set/--assumptions first`;

export const publishRefusedFailedCells = (notebooks: readonly string[]): string =>
  `refusing to publish: a cell failed in ${notebooks.join(", ")}; fix it and rebuild`;

export const publishMissingPdf = (status: string, olderPdfThere = false): string => {
  const why =
    status === "skipped" ? "it was built with --no-pdf or report.yaml's outputs.pdf: false, or by `fragtax dev` after the page changed (dev does not print)"
    : status === "no-chromium" ? "no Chromium was found"
    : status === "bad-chromium-path" ? "PUPPETEER_EXECUTABLE_PATH names no executable"
    : status === "failed" ? "printing it failed"
    : "its build log records no PDF";
  const older = olderPdfThere ? "; the report.pdf beside it is an earlier build's" : "";
  return `refusing to publish an incomplete build: it printed no report.pdf (${why}${older}); run \`fragtax build\` with outputs: { html: true, pdf: true } and a Chromium first`;
};

export const publishMissingHtml = (): string =>
  "refusing to publish an incomplete build: it wrote no report.html (report.yaml's outputs: { html: false, pdf: false }); set outputs: { html: true, pdf: true } and run `fragtax build`";

export const publishRefusedDuplicateIds = (ids: readonly string[]): string =>
  `refusing to publish: the build declared some ids twice (${ids.join("; ")}); give each figure and claim its own id and run \`fragtax build\``;

export const publishBuildRunning = (pid: number): string =>
  `refusing to publish while a build is running (pid ${pid}, out/.build.lock): wait for it to finish, then publish`;

export const publishBuildInterrupted = (pid: number | undefined): string =>
  `refusing to publish: the last build${pid === undefined ? "" : ` (pid ${pid})`} was interrupted before it finished (out/.build.lock is left behind), so out/build/ is not the newest build; run \`fragtax build\` again`;

export const publishUnverifiableBuild = (log: string): string =>
  `refusing to publish: ${log} records no hash of the files it built (an interrupted build, or one made by an older fragtax); run \`fragtax build\` again`;

export const publishBuildFileMissing = (file: string): string =>
  `refusing to publish: ${file} is missing, or is not a plain file, though the build log lists it; run \`fragtax build\` again`;

export const publishBuildFileChanged = (file: string): string =>
  `refusing to publish: ${file} is not the file the build wrote (its sha256 differs from build-log.json: edited since, or left by another build); run \`fragtax build\` again`;

export const publishMissingBuild = (file: string): string =>
  `nothing to publish: ${file} is missing; run \`fragtax build\` first`;

/** The version date as the user gave it: `--date X`, or today's when none was given. */
const versionDate = (date: string, given: boolean): string => (given ? `--date ${date}` : `today's date (${date}, UTC; no --date given)`);

export const publishDateBeforeAsOf = (date: string, given: boolean, asOf: string): string =>
  `${versionDate(date, given)} is before this build's data cut-off (as of ${asOf}): a version cannot be dated before its data; give --date ${asOf} or later`;

export const publishDateBeforePrevious = (date: string, given: boolean, previousId: string, previousDate: string): string =>
  `${versionDate(date, given)} is before the newest published version, ${previousId} (dated ${previousDate}): versions are dated in the order they are published; give --date ${previousDate} or later`;

export const publishWaiting = (pid: number): string => `waiting for another publish (pid ${pid}) to finish…`;

export const verifyAbandonedStaging = (folder: string, pid: number): string =>
  `note: ${folder} holds what a publish that was stopped midway (pid ${pid}) staged; it is no version, and the next publish removes it`;

export const verifyStrayEntry = (path: string): string =>
  `${path} is not a published version, nor anything publish writes there: a host serving out/reports/ would serve it beside the verified versions; remove it, or move it out of out/reports/`;

export const verifyWaitsForPublish = (pid: number): string => `a publish is under way (pid ${pid}): verify waits for it to finish…`;
/** The publish lock left by a publish that died holding it: what it staged goes, and this publish writes the index anew. */
export const publishLockTakenOver = (pid: number | undefined, reused = false): string =>
  `out/reports/.publish.lock was left by ${pid === undefined ? "a publish" : `pid ${pid}`}, ${lockOwnerGone(reused)}: taking it over; anything it staged without publishing is removed`;


export const publishStaged = (id: string): string => `staged version ${id}`;

/** The version is in place; only the index that lists it could not be written. */
export const publishedWithoutIndex = (id: string, dir: string, index: string, cause: string): string =>
  `published ${id} → ${dir}, but ${index} could not be written (${cause}), so it does not list ${id} yet: fix that, then run \`fragtax publish --index-only\` (publishing again would make a second version of the same build)`;

export const published = (id: string, dir: string, previous: string | null): string =>
  `published ${id} → ${dir}${previous ? ` (previous: ${previous})` : " (first version)"}`;

export const reranForced = (): string => "re-ran: --force";

/** A notebook whose last run failed, with nothing it depends on changed since (failed runs are never reused). */
export const reranAfterFailure = (where: string): string => `re-ran: its last run failed${where === "" ? "" : ` (${where})`} and nothing it depends on changed since`;

export const diffBuildingAt = (ref: string): string => `building figures at ${ref} in a temporary worktree…`;

export const diffFiguresAgainstFile = (file: string): string =>
  `--figures: no figures are built, as ${file} is an assumptions file and has none to compare them with`;

export const diffFailedCellsAt = (ref: string, count: number): string =>
  `warning: at ${ref}, ${count} cell${count === 1 ? "" : "s"} failed; figures from those notebooks are missing`;

export const publishPdfCopied = (reason: string): string =>
  `warning: the published report.pdf is the build's, without the "What changed" section (that is in report.html only): ${reason}`;

// ── verify ───────────────────────────────────────────────────────────────────────────────────────

export const versionTampered = (file: string, problem: VersionProblemKind, id: string, named?: string, against?: string): string => {
  const what = {
    missing: "is missing",
    differs: "differs from the sha256 in its manifest",
    "unreadable manifest": "cannot be read",
    "not in the manifest": "is not listed in its manifest (a file added after publishing)",
    unlisted: "is not listed in its manifest (the manifest was edited)",
    "not a published file": `lists "${named ?? ""}", a file publish never writes (the manifest was edited to take in a file added after publishing)`,
    "names another version": "names another version than its folder",
    "previous version missing": `names as its previous version "${named ?? ""}", which is not an earlier published version`,
    "not a regular file": `is ${named ?? "not a plain file"} where a published file should be`,
    "not its own folder": `is ${named ?? "not a folder"}, not a folder of its own`,
    "outside the folder": `lists "${named ?? ""}", a path outside its folder: a version lists only its own files`,
    "malformed field": `has a malformed field "${named ?? ""}" (not what publish writes: the manifest was edited)`,
    "manifest edited": "differs from the sha256 it was published with (manifestSha256): a field was edited after publishing",
    "key given twice": "gives a key twice in one object (JSON reads the last, a reader of the file may see the first): it was edited after publishing",
    "seal removed": `has no sha256 of its own (manifestSha256), though it was published with one (${named === undefined ? "its previous version has one, or it records that version's" : `it has ${named}, which publish has written only beside one`}): it was removed, with whatever edit it would have shown`,
    "previous manifest edited": `records the manifest of its previous version "${named ?? ""}" with a sha256 that no longer matches: that manifest was edited after this version was published`,
    "earlier manifest edited": `records the manifest of version "${named ?? ""}", published before manifests were sealed, with a sha256 that no longer matches: that manifest was edited after this version was published`,
    "earlier version missing": `records the manifest of version "${named ?? ""}", published before manifests were sealed, which is no longer published`,
    "unsealed after sealed": `has no sha256 of its own (manifestSha256), though version "${named ?? ""}" before it has one and publish has sealed every manifest since: this folder was not published by publish`,
    "not recorded": `has no sha256 of its own (manifestSha256), and version "${named ?? ""}", which records every manifest published before the seal, does not record it: this folder was not published by publish`,
    "version between": `names a previous version before "${named ?? ""}", yet that folder lies between them: publish names the newest version as the previous one, so "${named ?? ""}" was not published in this history`,
    "contradicted": `gives ${named ?? ""} otherwise than ${against === "manifest.json" || against === undefined ? "the version's id" : `its ${against}`} (the manifest was edited)`,
  }[problem];
  // What to bring back: the version, or the earlier one its history needs.
  const restore = (problem === "previous version missing" || problem === "previous manifest edited" || problem === "earlier manifest edited" || problem === "earlier version missing") && named !== undefined && VERSION_ID.test(named) ? named : id;
  // A folder publish never made: the remedy is to take it out, not to restore it.
  const notPublished = problem === "version between" && named !== undefined ? named : problem === "unsealed after sealed" || problem === "not recorded" ? id : undefined;
  const remedy = problem === "not in the manifest" ? "remove it" : notPublished !== undefined ? `remove the folder out/reports/${notPublished} (see \`git log -- out/reports/${notPublished}\` for where it came from)` : `restore the version as published (e.g. \`git checkout -- out/reports/${restore}\` once it is committed)`;
  return `published version ${id} was altered: ${file} ${what}; published versions are immutable — ${remedy} and run \`fragtax verify ${id}\``;
};

export const versionDamaged = (id: string, manifest: string): string =>
  `published version ${id} is damaged: ${manifest} is missing or cannot be read, so nothing in it can be checked; run \`fragtax verify ${id}\` and restore the version as published (e.g. \`git checkout -- out/reports/${id}\` once it is committed)`;

export const manifestMalformed = (file: string, field: string, id: string): string =>
  `${file}: field "${field}" is malformed (not what publish writes: the manifest was edited); restore the version as published (e.g. \`git checkout -- out/reports/${id}\` once it is committed) and run \`fragtax verify ${id}\``;

export const versionVerified = (id: string, files: number, sealed: boolean): string =>
  `ok ${id} (${files} files match its manifest${sealed ? "" : "; its manifest predates its own sha256, so its fields are checked only against its files and its id"})`;

export const indexVerified = (versions: number): string => `ok index.html (lists the ${versions} version${versions === 1 ? "" : "s"} as publish renders them)`;

export const indexVerifiedRetitled = (versions: number, was: string, now: string): string =>
  `${indexVerified(versions)}, under the title "${was}" of an earlier version; report.yaml now says "${now}": \`fragtax publish --index-only\` retitles it`;

export const indexVerifiedUnprotected = (versions: number): string =>
  `${indexVerified(versions)}, as an earlier fragtax rendered it, without the policy that stops any script on the page: \`fragtax publish --index-only\` adds it`;

/** After indexVerifiedRetitled, for an index an earlier fragtax wrote without its policy. */
export const indexAlsoUnprotected = (): string => "; it also lacks the policy that stops any script on the page, which the same command adds";

export const indexNotRendered = (file: string, missing: boolean, versions: number): string =>
  `${file} ${missing ? "is missing" : `is not the index publish renders from the ${versions} published version${versions === 1 ? "" : "s"} (edited, or written by another fragtax)`}; restore it (e.g. \`git checkout -- out/reports/index.html\` once it is committed) or rewrite it from the versions with \`fragtax publish --index-only\``;

export const noteTooLong = (length: number, max: number): string =>
  `--note has ${length} characters, more than the ${max} a note may have: a note is a version's line in the index and its manifest, frozen when published; shorten it, and put the longer text in the report or an erratum`;

export const indexNotAFile = (file: string, kind: string): string =>
  `${file} is ${kind}, not the index file publish writes; remove it, then restore the file (e.g. \`git checkout -- out/reports/index.html\` once it is committed) or rewrite it from the versions with \`fragtax publish --index-only\``;

/** The index disagrees with the manifests of versions published before the seal: either may be the edit. */
export const indexOrUnsealedEdited = (file: string, versions: readonly string[]): string => {
  const [one] = versions;
  const names = versions.length === 1 && one !== undefined ? `version ${one}` : `versions ${versions.join(", ")}`;
  const manifests = versions.map((id) => `out/reports/${id}/manifest.json`).join(" ");
  return `${file} does not list ${names} as ${versions.length === 1 ? "its manifest says" : "their manifests say"}; ${versions.length === 1 ? "it was" : "they were"} published before manifests were sealed, so either the index or ${versions.length === 1 ? "that manifest" : "those manifests"} was edited (or another fragtax wrote the index) and verify cannot tell which. Compare both with what was committed (\`git diff -- out/reports\`) and restore the edited file (\`git checkout -- out/reports/index.html ${manifests}\`); \`fragtax publish --index-only\` would rewrite the index from the manifests as they are now, an edited one included`;
};

/** The index of the versions before `newest`: the publish that placed it was killed before it wrote the index. */
export const indexBehind = (file: string, newest: string): string =>
  `${file} does not list ${newest} yet, the newest version: the publish that placed it was stopped before it wrote the index (killed, or a power cut), and ${newest} itself is whole; list it with \`fragtax publish --index-only\``;

export const diffWroteHtml = (file: string): string => `wrote ${file} (the diff as a page)`;

export const indexRewritten = (versions: number): string => `rewrote out/reports/index.html from ${versions} published version${versions === 1 ? "" : "s"}`;

export const publishIndexOnlyAlone = (): string => "--index-only publishes nothing, so it takes no --date, --note, --reviewed or --accept-warnings; run it on its own";

export const verifyUnknownVersion = (id: string, known: readonly string[]): string =>
  `no published version "${id}" under out/reports/ (published: ${known.length > 0 ? known.join(", ") : "none"})`;

export const verifyNothingPublished = (): string => "nothing to verify: no published version under out/reports/";

export const diffHtmlNotHtml = (out: string): string =>
  `--html ${out}: the diff page is written as an .html file; give a path ending in .html`;

export const diffHtmlFolder = (out: string): string => `--html ${out}: that is a folder; give the path of the page, e.g. ${out.replace(/[\\/]+$/, "")}/diff.html`;

export const diffHtmlReadOnly = (out: string): string => `--html ${out}: that file is read-only, so it is kept; make it writable to replace it (chmod u+w), or write the diff page elsewhere`;

export const diffHtmlInPublished = (out: string): string =>
  `--html ${out}: that is inside out/reports/, where published versions are kept unchanged; write the diff page elsewhere`;
export const diffRemovedAbandonedWorktree = (worktree: string, pid: number): string =>
  `removed ${worktree}, the worktree of an earlier diff --figures that ended without removing it (pid ${pid})`;

export const diffHtmlNotADiffPage = (out: string): string =>
  `--html ${out}: that file exists and is not a diff page fragtax wrote (a template or a page of your own would be lost); give a new file name, or remove it first`;

export const diffHtmlInBuild = (out: string): string =>
  `--html ${out}: that is inside out/build/, which each build replaces whole, so the next build would delete it; write the diff page elsewhere`;

export const diffSideEmpty = (): string => "diff: one side is empty; give a published version id (out/reports/<id>), an assumptions file or a git ref";

export const diffSideIsFolder = (spec: string): string =>
  `diff: ${spec} is a folder; give a published version id (out/reports/<id>), an assumptions file or a git ref`;

/** A file named as a side whose extension says it is not YAML (README.md): read as assumptions, it failed as malformed YAML. */
export const diffSideNotYaml = (spec: string): string =>
  `diff: ${spec} is not an assumptions file (those are YAML: .yaml or .yml); give a published version id (out/reports/<id>), an assumptions file such as notebooks/assumptions.yaml, or a git ref`;

export const diffSideNotAFile = (spec: string): string =>
  `diff: ${spec} is a device, not a file; give a published version id (out/reports/<id>), an assumptions file or a git ref`;
