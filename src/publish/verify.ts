/**
 * A published version is immutable, so reading one checks it: every file its manifest lists must
 * still have the sha256 recorded when it was published, the folder must hold no file its manifest
 * does not list, the manifest must list every file a version is made of and name its own folder, and
 * the version it says came before must still be published. `fragtax verify`, `diff` (for a published
 * side) and `publish` (for the previous version it compares against) all go through here.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import * as messages from "../messages/versions";
import { sha256 } from "../util/hash";
import type { Manifest } from "./store";
import type { VersionProblemKind } from "../vocabulary/version-ids";

export interface VersionProblem {
  /** The file, relative to the version folder. */
  readonly file: string;
  readonly problem: VersionProblemKind;
}


/** The files every version is made of (sections.json came later: versions before it lack it). */
const REQUIRED = ["report.html", "report.pdf", "figures.json", "claims.json", "assumptions.yaml"];

/** What differs from the manifest in `out/reports/<id>/`; empty when the version is intact. */
export async function checkVersion(reportsDir: string, id: string): Promise<{ files: number; problems: VersionProblem[] }> {
  const dir = join(reportsDir, id);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
    if (typeof manifest.files !== "object" || manifest.files === null) throw new Error("no files");
  } catch {
    return { files: 0, problems: [{ file: "manifest.json", problem: "unreadable manifest" }] };
  }
  const problems: VersionProblem[] = [];
  const expected: Array<[string, unknown]> = Object.entries(manifest.files);
  // The manifest names the assumptions' hash a second time; both must hold.
  if (manifest.assumptions?.file) expected.push([manifest.assumptions.file, manifest.assumptions.sha256]);
  for (const [file, hash] of expected) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, file));
    } catch {
      problems.push({ file, problem: "missing" });
      continue;
    }
    if (sha256(bytes) !== hash && !problems.some((known) => known.file === file)) problems.push({ file, problem: "differs" });
  }
  // A file added beside the listed ones (a page, a script) is not part of what was published.
  for (const name of (await readdir(dir)).sort()) {
    if (name !== "manifest.json" && !(name in manifest.files)) problems.push({ file: name, problem: "not in the manifest" });
  }
  // A manifest edited to drop a file (and the file deleted) would otherwise still match.
  for (const name of REQUIRED) if (!(name in manifest.files)) problems.push({ file: name, problem: "unlisted" });
  if (manifest.id !== id) problems.push({ file: "manifest.json", problem: "names another version" });
  if (typeof manifest.previous === "string" && !(await isFolder(join(reportsDir, manifest.previous)))) problems.push({ file: "manifest.json", problem: "previous version missing" });
  return { files: Object.keys(manifest.files).length, problems };
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

/** Throws naming the first file that no longer matches the manifest of version `id`. */
export async function assertVersionIntact(reportsDir: string, id: string): Promise<void> {
  const { problems } = await checkVersion(reportsDir, id);
  const first = problems[0];
  if (first) throw new TamperedVersionError(messages.versionTampered(join(reportsDir, id, first.file), first.problem, id));
}
