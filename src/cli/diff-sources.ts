/**
 * Resolves each side of `fragtax diff A B` to a Snapshot. A side is, in this order: a published
 * version id whose folder exists (`out/reports/<id>/`, checked: a damaged one stops the diff), an existing assumptions file, or a git ref (the assumptions file
 * at that ref via `git show`; figures, when wanted, built in a temporary `git worktree`).
 * It sits with the commands because it joins three concepts: the published store, git and the build
 * (src/diff itself stays pure: compare two snapshots, render the result).
 */
import { execFile } from "node:child_process";
import { existsSync, lstatSync, statSync } from "node:fs";
import { cp, readFile, symlink } from "node:fs/promises";
import { InputPastLimitError, inputText, readNamedInput } from "../util/plain-file";
import { extname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import type { Assumption } from "../assumptions/types";
import { build, FileBuildEffects } from "../build/pipeline";
import { inWorktree } from "./diff-worktree";
import * as messages from "../messages/versions";
import type { Snapshot } from "../diff/diff";
import type { FigureValues } from "../report/figures-file";
import { normalizeFigures, readFiguresJson } from "../report/figures-file";
import { comparableProse } from "../publish/legacy-sections";
import { builtFrom, listVersions, publishedErrata, readManifest, readVersionProse, VERSION_ID, versionFolders } from "../publish/store";
import { compareVersionIds } from "../vocabulary/version-ids";
import { assertVersionIntact } from "../publish/verify";
import { InputError } from "../util/errors";
import { outPaths } from "../config";
import { MAX_ASSUMPTIONS_FILE_MB } from "../util/limits";
import { located } from "../messages/location";
import { assumptionsFileTooLarge } from "../messages/assumptions";

const run = promisify(execFile);

export interface SnapshotContext {
  readonly root: string;
  readonly reportsDir: string;
  /** Relative to root. */
  readonly assumptionsFile: string;
  readonly parseAssumptions: (text: string, fileName: string) => readonly Assumption[];
  /** Build figures for a git ref (in a temporary worktree); absent → refs carry no figures. */
  readonly buildFiguresAt?: (ref: string) => Promise<BuiltFigures>;
}

export class DiffSourceError extends InputError {}

/**
 * What a side names, in the order resolveSnapshot decides it:
 *   version    a published version's folder, intact or damaged: it decides (never a git ref or a file
 *              of the same name, which would silently compare something else)
 *   empty      no name at all (`resolve("")` is the current folder)
 *   folder, device, not-yaml   a path resolveSnapshot refuses: a device (/dev/zero) would be read until
 *              memory ran out; a file whose name says it is something else is named as such (read as
 *              YAML, README.md was "malformed YAML" at its line 3)
 *   file       an assumptions file (one without an extension, `<(git show …)` or /dev/fd/63, is read as YAML)
 *   ref        anything else: a git ref, or nothing
 */
type SideKind = "version" | "empty" | "folder" | "device" | "not-yaml" | "file" | "ref";

function sideKind(spec: string, reportsDir: string): SideKind {
  if (VERSION_ID.test(spec) && entryExists(join(reportsDir, spec))) return "version";
  if (spec.trim() === "") return "empty";
  const path = resolve(spec);
  if (!existsSync(path)) return "ref";
  const info = statSync(path);
  if (info.isDirectory()) return "folder";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "device";
  return /^(?:\.ya?ml|\.json)?$/i.test(extname(path)) ? "file" : "not-yaml";
}

/** Whether `spec` names an assumptions file resolveSnapshot reads: a side that carries no figures, built or not. */
export const isFileSide = (spec: string, reportsDir: string): boolean => sideKind(spec, reportsDir) === "file";

export async function resolveSnapshot(spec: string, context: SnapshotContext): Promise<Snapshot> {
  const versionDir = join(context.reportsDir, spec);
  const kind = sideKind(spec, context.reportsDir);
  if (kind === "version") {
    await assertVersionIntact(context.reportsDir, spec);
    const file = join(versionDir, "assumptions.yaml");
    const stored = await readVersionProse(versionDir);
    const manifest = await readManifest(context.reportsDir, spec);
    const versions = await listVersions(context.reportsDir);
    const versionsUpTo = versions.filter((m) => compareVersionIds(m.id, spec) <= 0);
    // Versions from before sections.json, or before its v2 fingerprint: those from the notebooks at the manifest's commit.
    const prose = manifest !== undefined ? await comparableProse(context.root, manifest, stored) : stored;
    return {
      label: spec,
      assumptions: context.parseAssumptions(await readFile(file, "utf8"), file),
      figures: normalizeFigures(stored.figures),
      figureNotebooks: figureNotebooks(stored.figures),
      asOf: manifest?.asOf ?? null, // null: published before versions recorded it
      prose,
      claims: stored.claims,
      sections: prose.sections,
      ...(manifest === undefined ? {} : { builtFrom: builtFrom(manifest) }),
      // Every review published up to this version, oldest first: a diff marks those after its older side.
      reviewed: versionsUpTo.flatMap((m) => (m.prose?.reviewed ?? []).map((entry) => ({ section: entry.section, version: m.id }))),
      // Every correction published up to this version: a diff lists those the newer side adds.
      errata: publishedErrata(versions, spec),
    };
  }
  if (kind === "empty") throw new DiffSourceError(messages.diffSideEmpty());
  if (kind === "folder") throw new DiffSourceError(messages.diffSideIsFolder(spec));
  // A pipe (`<(…)`, /dev/stdin) is ordinary input; a device is not.
  if (kind === "device") throw new DiffSourceError(messages.diffSideNotAFile(spec));
  if (kind === "not-yaml") throw new DiffSourceError(messages.diffSideNotYaml(spec));
  if (kind === "file") return { label: spec, assumptions: context.parseAssumptions(await readFileSide(spec), spec) };
  const text = await assumptionsAtRef(context.root, spec, context.assumptionsFile);
  if (text === undefined) {
    const versions = await listVersions(context.reportsDir);
    // Listed by its manifest's id, yet not found by it: its folder was renamed (verify says so too).
    const misplaced = versions.find((manifest) => manifest.id === spec);
    if (misplaced !== undefined) throw new DiffSourceError(messages.diffVersionInOtherFolder(spec, await folderOf(context.reportsDir, spec)));
    throw new DiffSourceError(messages.unknownDiffSide(spec, versions.map((manifest) => manifest.id)));
  }
  const built = context.buildFiguresAt ? await context.buildFiguresAt(spec) : undefined;
  return {
    label: spec,
    assumptions: context.parseAssumptions(text, `${spec}:${context.assumptionsFile}`),
    ...(built ? { figures: built.figures, figureNotebooks: built.notebooks, ...(built.threw.length > 0 && { notBuiltIn: built.threw }) } : {}),
  };
}

/** The folder of out/reports/ whose manifest names version `id` (one not named `id`, when the lookup by folder missed it). */
async function folderOf(reportsDir: string, id: string): Promise<string> {
  for (const folder of await versionFolders(reportsDir)) if ((await readManifest(reportsDir, folder))?.id === id) return folder;
  return id;
}

/**
 * A side that is an assumptions file: a pipe (`<(git show …)`) is read no further than such a file
 * may be long, and refused as a plain file that long is (parseAssumptions, reading it all first).
 */
async function readFileSide(spec: string): Promise<string> {
  const path = resolve(spec);
  try {
    return inputText(path, await readNamedInput(path, MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024));
  } catch (error) {
    if (!(error instanceof InputPastLimitError)) throw error;
    throw new DiffSourceError(located({ file: spec, line: 1, column: 1 }, assumptionsFileTooLarge(error.bytes / (1024 * 1024), MAX_ASSUMPTIONS_FILE_MB, error.whole)));
  }
}

/** Whether anything is at `path` (a dangling link too). */
function entryExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The assumptions file's text at `ref`, or undefined when `ref` is not a commit. */
export async function assumptionsAtRef(root: string, ref: string, assumptionsFile: string): Promise<string | undefined> {
  if (ref.startsWith("-")) return undefined; // never let a side be read as a git option
  try {
    await run("git", ["-C", root, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
  const { stdout: top } = await run("git", ["-C", root, "rev-parse", "--show-toplevel"]);
  const inRepo = relative(top.trim(), join(root, assumptionsFile)).split("\\").join("/");
  let bytes: number;
  try {
    bytes = Number((await run("git", ["-C", root, "cat-file", "-s", `${ref}:${inRepo}`])).stdout.trim());
  } catch {
    // A commit from before the file (or one that moved it): said, not git's failed command.
    throw new DiffSourceError(messages.diffRefWithoutAssumptions(ref, assumptionsFile));
  }
  // Not read whole when it is larger than an assumptions file may be: the parser refuses it, saying so.
  const limit = MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024;
  if (bytes > limit) throw new DiffSourceError(located({ file: `${ref}:${assumptionsFile}`, line: 1, column: 1 }, assumptionsFileTooLarge(bytes / (1024 * 1024), MAX_ASSUMPTIONS_FILE_MB)));
  const { stdout } = await run("git", ["-C", root, "show", `${ref}:${inRepo}`], { maxBuffer: limit + 1024 });
  return stdout;
}

/** A ref's figures as its build made them, each one's notebook, and the notebooks where a code cell threw (their later figures are missing). */
export interface BuiltFigures {
  readonly figures: FigureValues[];
  readonly notebooks: ReadonlyMap<string, string>;
  readonly threw: readonly string[];
}

/** Each figure's notebook, as a figures.json records it. */
function figureNotebooks(data: unknown): Map<string, string> {
  return new Map(readFiguresJson(data).flatMap((entry) => (entry.notebook === undefined ? [] : [[entry.id, entry.notebook] as const])));
}

/**
 * Figures at a ref: checks the ref out into a temporary worktree (sharing node_modules by symlink,
 * starting from a copy of this checkout's notebook cache so unchanged notebooks are reused), runs
 * `build()` there in this process without the PDF, reads its figures.json; the worktree is removed
 * whatever ends the diff (diff-worktree.ts).
 */
export async function buildFiguresInWorktree(root: string, ref: string, progress: (line: string) => void = () => undefined): Promise<BuiltFigures> {
  const { stdout: top } = await run("git", ["-C", root, "rev-parse", "--show-toplevel"]);
  return inWorktree(root, ref, progress, async (worktree) => {
    const projectRoot = join(worktree, relative(top.trim(), root));
    if (existsSync(join(root, "node_modules")) && !existsSync(join(worktree, "node_modules"))) await symlink(join(root, "node_modules"), join(worktree, "node_modules"), "dir");
    const cache = outPaths(root).cache;
    if (existsSync(cache)) await cp(cache, outPaths(projectRoot).cache, { recursive: true });
    progress(messages.diffBuildingAt(ref));
    const result = await build({ root: projectRoot, pdf: false }, new FileBuildEffects(() => undefined));
    if (result.failedCells.length > 0) progress(messages.diffFailedCellsAt(ref, result.failedCells.length));
    const data = JSON.parse(await readFile(join(outPaths(projectRoot).build, "figures.json"), "utf8")) as unknown;
    return { figures: normalizeFigures(data), notebooks: figureNotebooks(data), threw: result.threw };
  });
}
