/**
 * A published version is immutable, so reading one checks it: every file its manifest lists must
 * still have the sha256 recorded when it was published, the folder must hold no file its manifest
 * does not list, the manifest must list every file a version is made of and name its own folder, and
 * the version it says came before must still be published. `fragtax verify`, `diff` (for a published
 * side) and `publish` (for the previous version it compares against) all go through here.
 */
import { lstat, readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import * as messages from "../messages/versions";
import { sha256, sha256OfFile } from "../util/hash";
import { visibleInOneLine } from "../format/control";
import { isPublishWorkName, parseManifest, PUBLISH_LOCK, readManifest, reportsPath, versionFolders, type Manifest } from "./store";
import { contradictions, malformedField, manifestDigest } from "./manifest";
import { InputError } from "../util/errors";
import { isTemporarySibling } from "../util/atomic";
import { compareVersionIds, VERSION_ID, type VersionProblemKind } from "../vocabulary/version-ids";

export interface VersionProblem {
  /** The file, relative to the version folder. */
  readonly file: string;
  readonly problem: VersionProblemKind;
  /**
   * What the manifest names: the previous version ("previous version missing"), the file ("outside
   * the folder"), the field ("malformed field", "contradicted").
   */
  readonly named?: string;
  /** The published file that contradicts the field ("contradicted"). */
  readonly against?: string;
}


/** The files every version is made of (sections.json came later: versions before it lack it). */
const REQUIRED = ["report.html", "report.pdf", "figures.json", "claims.json", "assumptions.yaml"];
/** Files publish writes: one of them there but not listed means the manifest was edited, not that a file was added. */
const PUBLISHED = new Set([...REQUIRED, "sections.json"]);
/** What file browsers leave in any folder they show (Finder, Explorer): not part of a version, not an alteration. */
const OS_METADATA = new Set([".DS_Store", "Thumbs.db", "desktop.ini"]);
/** Such a file is a few kilobytes (a Thumbs.db of a large folder, a few megabytes); anything larger is something else under its name. */
const OS_METADATA_MAX_BYTES = 16 * 1024 * 1024;

/** Manifest fields publish began to write after it began to seal manifests: a manifest with one was sealed. */
const SEALED_ERA_FIELDS = ["buildSha256", "sourcesSha256", "warnings"];

/** What differs from the manifest in `out/reports/<id>/`; empty when the version is intact. */
export async function checkVersion(reportsDir: string, id: string): Promise<{ files: number; problems: VersionProblem[]; sealed: boolean }> {
  const dir = join(reportsDir, id);
  // A version is a folder of its own files: a link to one elsewhere could change under it.
  const folder = await isRegular(dir, "folder").catch(() => undefined);
  if (folder !== true) return { files: 0, problems: [folder === undefined ? { file: ".", problem: "missing" } : { file: ".", problem: "not its own folder", named: await kindOf(dir) }], sealed: false };
  const read = await readableManifest(dir);
  if (read === undefined) return { files: 0, problems: [{ file: "manifest.json", problem: "unreadable manifest" }], sealed: false };
  const { manifest, text } = read;
  const problems: VersionProblem[] = [];
  // The manifest's own fields: their shapes, then its seal (versions before the seal have none).
  const malformed = malformedField(manifest as unknown as Record<string, unknown>);
  if (malformed !== undefined) problems.push({ file: "manifest.json", problem: "malformed field", named: malformed });
  const sealed = manifest.manifestSha256 !== undefined;
  if (sealed && malformed === undefined && manifest.manifestSha256 !== manifestDigest(manifest as unknown as Record<string, unknown>)) problems.push({ file: "manifest.json", problem: "manifest edited" });
  // The seal is over the parsed fields, so the same fields reordered or respaced are the same manifest;
  // but a key given twice parses as its last value while a reader of the file may see the first.
  else if (sealed && (await keyGivenTwice(text))) problems.push({ file: "manifest.json", problem: "key given twice" });
  // Whether a manifest predates the seal is read from the manifest, so taking the seal out of every
  // version would pass as such: a field publish has written only since it seals says otherwise.
  const sealedEra = SEALED_ERA_FIELDS.filter((field) => (manifest as unknown as Record<string, unknown>)[field] !== undefined);
  if (!sealed && sealedEra.length > 0) problems.push({ file: "manifest.json", problem: "seal removed", named: sealedEra.map((field) => `"${field}"`).join(" and ") });
  // The published files read below, as text, once their sha256 holds: the fields they must bear out.
  const intact = new Map<string, string>();
  const files = manifest.files;
  const listed = (name: string): boolean => Object.hasOwn(files, name);
  // A manifest edited to drop a file (and the file deleted) would otherwise still match.
  for (const name of REQUIRED) if (!listed(name)) problems.push({ file: name, problem: "unlisted" });
  // A name publish never writes, listed and hashed: the manifest was edited to take in an added file (its seal is a plain sha256, which anyone can recompute).
  for (const name of Object.keys(files)) if (!PUBLISHED.has(name)) problems.push({ file: "manifest.json", problem: "not a published file", named: name });
  const expected: Array<[string, unknown]> = Object.entries(files);
  // The manifest names the assumptions' hash a second time; both must hold.
  if (manifest.assumptions?.file) expected.push([manifest.assumptions.file, manifest.assumptions.sha256]);
  for (const [file, hash] of expected) {
    // A name with a path in it points outside the folder; a link or a special file (a FIFO would
    // block the read for ever) is not a published file: neither is read.
    if (file !== basename(file) || file === "." || file === "..") {
      problems.push({ file: "manifest.json", problem: "outside the folder", named: file });
      continue;
    }
    let digest: string | undefined;
    try {
      if (!(await isRegular(join(dir, file), "file"))) {
        if (!problems.some((known) => known.file === file)) problems.push({ file, problem: "not a regular file", named: await kindOf(join(dir, file)) });
        continue;
      }
      // Read in chunks: a file put in place of a published one may be too large to read whole (> 2 GB).
      digest = sha256OfFile(join(dir, file));
    } catch {
      digest = undefined;
    }
    if (digest === undefined) {
      problems.push({ file, problem: "missing" });
      continue;
    }
    if (digest !== hash) {
      if (!problems.some((known) => known.file === file)) problems.push({ file, problem: "differs" });
    } else if (file === "figures.json" || file === "report.html") {
      // The text the fields are checked against, as hashed (not a file swapped in since).
      const bytes = await readFile(join(dir, file));
      if (sha256(bytes) === hash) intact.set(file, bytes.toString("utf8"));
    }
  }
  if (malformed === undefined) {
    for (const { field, file } of contradictions(manifest, id, intact.get("figures.json"), intact.get("report.html"))) {
      problems.push({ file: "manifest.json", problem: "contradicted", named: field, against: file });
    }
  }
  for (const name of (await readdir(dir)).sort()) {
    if (name === "manifest.json" || listed(name) || REQUIRED.includes(name) || (await isOsMetadata(dir, name))) continue; // a required one unlisted: said above
    // A file added beside the listed ones (a page, a script) is not part of what was published;
    // sections.json there but not listed means its line was taken out of the manifest.
    problems.push({ file: name, problem: PUBLISHED.has(name) ? "unlisted" : "not in the manifest" });
  }
  if (manifest.id !== id) {
    // Another version's manifest (a copy over this folder, two folders swapped): its history is that
    // version's, so reading it as this folder's would send the reader to remove a genuine version.
    problems.push({ file: "manifest.json", problem: "names another version" });
    return { files: Object.keys(files).length, problems, sealed };
  }
  const previous: unknown = manifest.previous;
  if (previous !== null && previous !== undefined) {
    // An earlier version that is still published: the history "What changed" sections read back through.
    const earlier = typeof previous === "string" && VERSION_ID.test(previous) && compareVersionIds(previous, id) < 0;
    if (!earlier || !(await isFolder(join(reportsDir, previous)))) problems.push({ file: "manifest.json", problem: "previous version missing", named: String(previous) });
    else problems.push(...(await chainProblems(reportsDir, manifest, previous, sealed)));
  }
  problems.push(...(await unsealedProblems(reportsDir, manifest)));
  problems.push(...(await placeProblems(reportsDir, id, manifest, sealed)));
  return { files: Object.keys(files).length, problems, sealed };
}

/** Whether JSON text gives a key twice in one object (the project's YAML parser, YAML being a superset of JSON, says so). */
async function keyGivenTwice(text: string): Promise<boolean> {
  const { parseYamlDocument } = await import("../util/yaml-syntax");
  return parseYamlDocument(text, { uniqueKeys: true }).errors.some((error) => error.code === "DUPLICATE_KEY");
}

/**
 * The manifest of the version in `dir` and its text, or undefined when the version is damaged: its
 * manifest is missing, not a plain file, not JSON, or lists no files (nothing in the folder can be checked).
 */
async function readableManifest(dir: string): Promise<{ manifest: Manifest; text: string } | undefined> {
  try {
    if (!(await isRegular(join(dir, "manifest.json"), "file"))) return undefined;
    const text = await readFile(join(dir, "manifest.json"), "utf8");
    const manifest = parseManifest(text);
    if (manifest === undefined || typeof manifest.files !== "object" || manifest.files === null || Array.isArray(manifest.files)) return undefined;
    return { manifest, text };
  } catch {
    return undefined;
  }
}

/**
 * The version folders that are damaged as `verify` judges them (see readableManifest), oldest first.
 * publish and `publish --index-only` refuse while there is one: the versions index and "What changed
 * since" read the manifests, and skipping a damaged one would publish a history without it.
 */
export async function damagedVersions(reportsDir: string): Promise<string[]> {
  const damaged: string[] = [];
  for (const id of await versionFolders(reportsDir)) if ((await readableManifest(join(reportsDir, id))) === undefined) damaged.push(id);
  return damaged;
}

/**
 * The versions index.html lists that out/reports/ no longer holds, oldest first. The seals chain each
 * version to the one before it, so a missing middle one is found by its successor; nothing follows
 * the newest, and only the index still names it. Removed, and the index rewritten from what is left,
 * it vanished without a trace and the next publish gave its id to another report.
 */
export async function removedVersions(reportsDir: string): Promise<string[]> {
  // Only a plain file is read: a FIFO in its place would block the read for ever (checkIndex says what it is).
  const path = join(reportsDir, "index.html");
  const info = await lstat(path).catch(() => undefined);
  // Nor one too large to be an index publish wrote (a sparse file of gigabytes): checkIndex says it differs.
  if (info?.isFile() !== true || info.size > 64 * 1024 * 1024) return [];
  const index = await readFile(path, "utf8").catch(() => undefined);
  if (index === undefined) return [];
  const held = new Set(await versionFolders(reportsDir));
  const listed = new Set<string>();
  for (const match of index.matchAll(/href="([^"/]+)\/manifest\.json"/g)) {
    const id = decodeURIComponentSafely(match[1] ?? "");
    if (id !== undefined && VERSION_ID.test(id)) listed.add(id);
  }
  return [...listed].filter((id) => !held.has(id)).sort(compareVersionIds);
}

const decodeURIComponentSafely = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

/**
 * The seals' chain between a version and its previous one. A sealed manifest records the digest of
 * the previous manifest as it was then: if that manifest was edited since (its seal taken out with the
 * edit, or not), this version says so, naming the previous one. A version whose previous one is
 * sealed was published with a seal too, so one without a seal has had it removed.
 */
/**
 * The manifests from before the seal that a version recorded (`unsealedManifestSha256`) and that were
 * edited since: nothing in such a manifest holds its note, commit or publish time, which the index shows.
 */
async function unsealedProblems(reportsDir: string, manifest: Manifest): Promise<VersionProblem[]> {
  const problems: VersionProblem[] = [];
  for (const [id, recorded] of Object.entries(manifest.unsealedManifestSha256 ?? {})) {
    const earlier = VERSION_ID.test(id) && (await isFolder(join(reportsDir, id))) ? await readManifest(reportsDir, id) : undefined;
    if (earlier === undefined) problems.push({ file: "manifest.json", problem: "earlier version missing", named: id });
    else if (manifestDigest(earlier as unknown as Record<string, unknown>) !== recorded) problems.push({ file: "manifest.json", problem: "earlier manifest edited", named: id });
  }
  return problems;
}

/**
 * Where a version stands among the others. Publish has sealed every manifest since it began to, names
 * the newest version as each new one's previous, and (since it began to) records every manifest from
 * before the seal in the new one. So a version without a seal after a sealed one, one without a seal
 * that the newest such record does not name, or a folder between a version and the previous one it
 * names was not published by publish: a folder copied in by hand, which its own files, re-hashed into
 * its manifest, cannot show.
 */
async function placeProblems(reportsDir: string, id: string, manifest: Manifest, sealed: boolean): Promise<VersionProblem[]> {
  const ids = await versionFolders(reportsDir);
  const problems: VersionProblem[] = [];
  if (!sealed) {
    const others = await Promise.all(ids.filter((other) => other !== id).map(async (other) => ({ other, read: await readManifest(reportsDir, other) })));
    const sealedOnes = others.filter(({ read }) => read?.manifestSha256 !== undefined);
    const sealedBefore = sealedOnes.find(({ other }) => compareVersionIds(other, id) < 0);
    const record = sealedOnes.filter(({ read }) => read?.unsealedManifestSha256 !== undefined).at(-1);
    if (sealedBefore !== undefined) problems.push({ file: "manifest.json", problem: "unsealed after sealed", named: sealedBefore.other });
    else if (record !== undefined && !Object.hasOwn(record.read?.unsealedManifestSha256 ?? {}, id)) problems.push({ file: "manifest.json", problem: "not recorded", named: record.other });
  }
  const previous: unknown = manifest.previous;
  // Said of a version whose own place holds: one publish never made names whatever previous it was given.
  if (problems.length === 0 && typeof previous === "string" && VERSION_ID.test(previous) && compareVersionIds(previous, id) < 0) {
    const between = ids.find((other) => compareVersionIds(other, previous) > 0 && compareVersionIds(other, id) < 0);
    if (between !== undefined) problems.push({ file: "manifest.json", problem: "version between", named: between });
  }
  return problems;
}

async function chainProblems(reportsDir: string, manifest: Manifest, previous: string, sealed: boolean): Promise<VersionProblem[]> {
  const before = await readManifest(reportsDir, previous);
  if (before === undefined) return []; // said when that version is verified: its manifest cannot be read
  const problems: VersionProblem[] = [];
  if (!sealed && (before.manifestSha256 !== undefined || manifest.previousManifestSha256 !== undefined)) problems.push({ file: "manifest.json", problem: "seal removed" });
  const recorded = manifest.previousManifestSha256;
  if (recorded !== undefined && recorded !== manifestDigest(before as unknown as Record<string, unknown>)) {
    problems.push({ file: "manifest.json", problem: "previous manifest edited", named: previous });
  }
  return problems;
}

/** Whether `path` is itself a plain file or folder (not a link to one, not a FIFO or device); throws if it is not there. */
async function isRegular(path: string, kind: "file" | "folder"): Promise<boolean> {
  const info = await lstat(path);
  return kind === "file" ? info.isFile() : info.isDirectory();
}

/** What stands at `path` instead of a plain file or folder, as a message names it. */
async function kindOf(path: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  if (info === undefined) return "unreadable";
  return info.isSymbolicLink() ? "a symbolic link" : info.isDirectory() ? "a folder" : info.isFile() ? "a file" : "a special file (a pipe, socket or device)";
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export class TamperedVersionError extends Error {
  readonly exitCode = 1;
}

/** A version folder without a readable manifest: nothing in it can be checked or read (exit 2). */
export class DamagedVersionError extends InputError {}

/**
 * Throws naming the first file that no longer matches the manifest of version `id`; a folder whose
 * manifest is missing or unreadable is damaged, said as such.
 */
export async function assertVersionIntact(reportsDir: string, id: string): Promise<void> {
  const { problems } = await checkVersion(reportsDir, id);
  const first = problems[0];
  if (first?.problem === "unreadable manifest") throw new DamagedVersionError(messages.versionDamaged(id, reportsPath(reportsDir, id, first.file)));
  if (first) throw new TamperedVersionError(describeProblem(reportsDir, id, first));
}

/**
 * What stands in `out/reports/` that publish never puts there: not a version's folder (checked as one),
 * the index, the publish lock, a publish's staging folder or a write's temporary file, nor what file
 * browsers leave. A static host serving the folder would serve it beside the verified versions.
 */
export async function strayEntries(reportsDir: string): Promise<string[]> {
  const names = await readdir(reportsDir).catch(() => [] as string[]);
  const stray: string[] = [];
  for (const name of names) {
    if (VERSION_ID.test(name) || name === "index.html" || isTemporarySibling(name) || (await isPublishWork(reportsDir, name)) || (await isOsMetadata(reportsDir, name))) continue;
    stray.push(name);
  }
  return stray.sort();
}

/** What file browsers leave, as they leave it: a plain file of that name, not a link, a folder or a large file under it. */
async function isOsMetadata(dir: string, name: string): Promise<boolean> {
  if (!OS_METADATA.has(name)) return false;
  const info = await lstat(join(dir, name)).catch(() => undefined);
  return info !== undefined && info.isFile() && info.size <= OS_METADATA_MAX_BYTES;
}

/** The publish lock as publish writes it (a plain file), or a publish's staging folder: a folder of the lock's name, holding a page, is not. */
async function isPublishWork(dir: string, name: string): Promise<boolean> {
  if (!isPublishWorkName(name)) return false;
  const info = await lstat(join(dir, name)).catch(() => undefined);
  return info !== undefined && (name === PUBLISH_LOCK ? info.isFile() : info.isDirectory());
}

/** The first problem `verify` finds in any published version, oldest first, as one line; undefined when every version is whole. */
export async function firstVersionProblem(reportsDir: string): Promise<string | undefined> {
  for (const id of await versionFolders(reportsDir)) {
    const first = (await checkVersion(reportsDir, id)).problems[0];
    if (first !== undefined) return describeProblem(reportsDir, id, first);
  }
  return undefined;
}

/** A problem of version `id` as one line: the names in it come from the folder and the manifest. */
export function describeProblem(reportsDir: string, id: string, problem: VersionProblem): string {
  const named = problem.named === undefined ? undefined : visibleInOneLine(problem.named);
  return messages.versionTampered(visibleInOneLine(reportsPath(reportsDir, id, problem.file)), problem.problem, id, named, problem.against);
}
