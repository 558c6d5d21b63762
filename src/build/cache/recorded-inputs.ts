/**
 * What a build was made from, as its log records it (build-log.json `inputs`), and what of it has
 * changed since (for publish). The record is the union of the fingerprints the incremental build
 * checked its chapters against (notebook-cache.ts: each notebook, the project modules it imported,
 * the data files and folders it read, the lockfile, the tool), plus report.yaml, the errata file and
 * the images the page inlined; so "changed since the build" means what a build now would not reuse.
 *
 * The check hashes files, and never runs or parses a notebook: publish stays fast. The cache itself
 * is not asked: a build that stopped after running a chapter (an errata error, Ctrl-C) updated the
 * cache but not out/build/, so only the log written with the outputs says what they were made from.
 */
import { isAbsolute, join } from "node:path";
import { TOOL_VERSION } from "../../version";
import type { Change } from "../../vocabulary/changes";
import { contentStamp, FOLDER_STAMP, sha256OfListing } from "../../util/hash";
import { isRecord } from "../../util/records";
import { lockfileHash, toProjectPath } from "./dependencies";
import type { Fingerprint } from "./notebook-cache";
import { byEntryKey } from "../../util/order";

export interface BuildInputs {
  /** Project path (`/`-separated) → `contentStamp` as the build read it (a sha256; "" for nothing there). */
  readonly files: Readonly<Record<string, string>>;
  /** Folders a cell listed → `sha256OfListing` ("" for none); `trees`: listed recursively. */
  readonly listings?: Readonly<Record<string, string>>;
  readonly trees?: Readonly<Record<string, string>>;
  readonly lockfile?: string;
  readonly tool?: string;
}

/** A change publish names: a file or folder of the record, the lockfile, or fragtax itself. */
export type InputChange = Extract<Change, { readonly kind: "data" | "folder" | "lockfile" | "tool" }>;

/** One chapter's part of the record: its notebook file and what its fingerprint says it read. */
export function notebookInputs(notebook: string, fingerprint: Fingerprint): BuildInputs {
  return {
    files: { [notebook]: fingerprint.source, ...fingerprint.modules, ...fingerprint.data },
    ...(fingerprint.listings !== undefined && { listings: fingerprint.listings }),
    ...(fingerprint.trees !== undefined && { trees: fingerprint.trees }),
    lockfile: fingerprint.lockfile,
    tool: fingerprint.tool,
  };
}

/**
 * The build's record: every part merged, then `files` (paths relative to `root` or absolute) with what
 * was read of them. Of two hashes of one path the first is kept: two that differ mean the build changed
 * its own inputs while it ran, and a build now would re-run one of those chapters, so publish refusing
 * (the kept one no longer matches) is what the incremental build would say.
 */
export function mergeInputs(root: string, parts: readonly BuildInputs[], files: ReadonlyArray<readonly [string, string]>): BuildInputs {
  const merged = { files: new Map<string, string>(), listings: new Map<string, string>(), trees: new Map<string, string>() };
  const add = (into: Map<string, string>, entries: Readonly<Record<string, string>> | undefined): void => {
    for (const [path, hash] of Object.entries(entries ?? {})) if (!into.has(path)) into.set(path, hash);
  };
  for (const [path, hash] of [...files, ...parts.flatMap((part) => Object.entries(part.files))]) {
    const key = toProjectPath(root, path);
    if (!merged.files.has(key)) merged.files.set(key, hash);
  }
  for (const part of parts) {
    add(merged.listings, part.listings);
    add(merged.trees, part.trees);
  }
  const sorted = (map: Map<string, string>): Record<string, string> => Object.fromEntries([...map].sort(byEntryKey));
  const lockfile = parts.find((part) => part.lockfile !== undefined)?.lockfile;
  const tool = parts.find((part) => part.tool !== undefined)?.tool;
  return {
    files: sorted(merged.files),
    ...(merged.listings.size > 0 && { listings: sorted(merged.listings) }),
    ...(merged.trees.size > 0 && { trees: sorted(merged.trees) }),
    ...(lockfile !== undefined && { lockfile }),
    ...(tool !== undefined && { tool }),
  };
}

/**
 * The files and folders a record names, absolute (`root` joined to a project path): what `fragtax dev`
 * watches so that an edit to any of them rebuilds, wherever in the project it lies; or only those the
 * build found missing (dev counts one that appeared before it was watched as changed).
 */
export function recordedPaths(root: string, inputs: BuildInputs, only: "all" | "missing" = "all"): string[] {
  const entries = [...Object.entries(inputs.files), ...Object.entries(inputs.listings ?? {}), ...Object.entries(inputs.trees ?? {})];
  // "" is what the record keeps for a path the build found nothing at.
  const chosen = entries.filter(([, hash]) => only === "all" || hash === "").map(([path]) => path);
  return [...new Set(chosen.map((path) => (isAbsolute(path) ? path : join(root, path))))];
}

/**
 * What of a build log's `inputs` differs now, in the order of the record (files, folders, lockfile,
 * tool). Read leniently: a log from before inputs were recorded (or a field of the wrong shape) has
 * nothing to compare, and publish falls back to what such logs record (the assumptions file).
 */
export async function inputChanges(root: string, recorded: unknown): Promise<InputChange[]> {
  if (!isRecord(recorded)) return [];
  const entries = (field: unknown): [string, string][] => (isRecord(field) ? Object.entries(field).filter((entry): entry is [string, string] => typeof entry[1] === "string") : []);
  const at = (path: string): string => (isAbsolute(path) ? path : join(root, path));
  const changes: InputChange[] = [];
  for (const [path, hash] of entries(recorded.files)) {
    const now = contentStamp(at(path));
    if (now === hash) continue;
    if (now === FOLDER_STAMP || hash === FOLDER_STAMP) changes.push({ kind: "folder", path, tree: false, state: now === FOLDER_STAMP ? "appeared" : "removed" });
    else changes.push({ kind: "data", path, removed: now === "" });
  }
  for (const [tree, field] of [[false, recorded.listings], [true, recorded.trees]] as const) {
    for (const [path, hash] of entries(field)) {
      const now = sha256OfListing(at(path), tree) ?? "";
      if (now !== hash) changes.push({ kind: "folder", path, tree, state: now === "" ? "removed" : hash === "" ? "appeared" : "changed" });
    }
  }
  if (typeof recorded.lockfile === "string" && recorded.lockfile !== (await lockfileHash(root))) changes.push({ kind: "lockfile" });
  if (typeof recorded.tool === "string" && recorded.tool !== TOOL_VERSION) changes.push({ kind: "tool", before: recorded.tool, after: TOOL_VERSION });
  return changes;
}
