/**
 * The execution cache (Quarto's "freeze", keyed by what a notebook actually depended on).
 *
 * A notebook's cache entry records, next to its executed result, the fingerprint of everything the
 * run depended on: its source, the content of every project module it imported (transitively), the
 * content of every assumption it READ, the lockfile, the tool version and the build settings (Monte
 * Carlo samples and seed). Which assumptions a notebook reads is only known after it ran, so a check
 * compares the recorded ids against their current content, not the whole assumptions file.
 *
 *   1. load    read `out/.cache/<notebook>/entry.json`; unreadable, partial or tampered → ignored (warned)
 *   2. decide  compare the recorded fingerprint with the current state → reuse, or the list of changes
 *   3. store   after a run, write the new entry atomically (temp + rename)
 */
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CACHE_WRITE, writeFileAtomic } from "../../util/atomic";
import type { AssumptionContent, AssumptionInfoContent } from "../../assumptions/content";
import { aboutId } from "../../assumptions/types";
import { canonicalJson, FOLDER_STAMP, sha256, sortKeys, stableJson } from "../../util/hash";
import { locatingFileSystemErrors } from "../../util/fs-errors";
import type { CellChange, Change } from "../../vocabulary/changes";
import * as messages from "../../messages/versions";
import { isRecord } from "../../util/records";
import { readPlainText } from "../../util/plain-file";
import { byEntryKey } from "../../util/order";
import { cacheWhat } from "../../messages/caches";

/**
 * 2: the checksum is over the entry's JSON as the file holds it (the fingerprint's keys sorted, the
 * result's in their own order). 1 checksummed canonical JSON, every key of the result sorted first:
 * ~2 ms an entry, ~15 ms of a no-op rebuild of the report's nine. Entries of format 1 are still read.
 */
export const CACHE_FORMAT = 2;
type EntryFormat = 1 | typeof CACHE_FORMAT;

/** Everything a notebook's run depended on, as content hashes and contents. */
export interface Fingerprint {
  /** sha256 of the notebook file. */
  readonly source: string;
  /** sha256 of each cell's type and source, in order: to say which cells changed (not compared for reuse). */
  readonly cells?: readonly string[];
  /** Project module (path relative to the root, `/`-separated) → sha256 of its content. */
  readonly modules: Readonly<Record<string, string>>;
  /**
   * Assumption id → its content (everything but position) at run time; `about:id` (a `catalog()` read)
   * → its content without the numbers; null: read but not defined.
   */
  readonly assumptions: Readonly<Record<string, AssumptionContent | AssumptionInfoContent | null>>;
  /** sha256 of package-lock.json ("" when there is none). */
  readonly lockfile: string;
  readonly tool: string;
  /** Build settings that change results, e.g. `{ samples, seed }`. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Data files its charts or cells read (`data.url`, images, `fs` reads; project path → sha256, "" if missing), tracked like modules. */
  readonly data?: Readonly<Record<string, string>>;
  /**
   * Folders its cells listed (project path) → sha256 of the listing (util/hash.ts `sha256OfListing`;
   * "" if there was no folder, or it could not be listed); `trees`: those listed recursively.
   */
  readonly listings?: Readonly<Record<string, string>>;
  readonly trees?: Readonly<Record<string, string>>;
  /** Every assumption id in file order, when the notebook read the list (`nb.assumptions.all()`). */
  readonly assumptionIds?: readonly string[];
  /** Environment variables its cells read → util/hash.ts `envStamp` of the value ("" if not set). */
  readonly env?: Readonly<Record<string, string>>;
  /** Every environment variable's name, sorted, when its cells listed them. */
  readonly envNames?: readonly string[];
  /**
   * The ids among `assumptions` whose value a what-if gave (`--set`, `--assumptions`), sorted: not
   * compared (the values are), only said, so the next build's reason does not read as a file edit.
   */
  readonly whatIf?: readonly string[];
}

export interface CacheEntry<Result> {
  readonly format: EntryFormat;
  readonly notebook: string;
  readonly fingerprint: Fingerprint;
  readonly result: Result;
  /** sha256 of `[notebook, fingerprint, result]` as JSON (`entryChecksum`): detects partial or edited entries. */
  readonly checksum: string;
  readonly storedAt: string;
}

/** The current state of the world, queried only for what a stored entry recorded. */
export interface CurrentState {
  readonly source: string;
  /** The notebook's cell hashes now (as `Fingerprint.cells`); undefined when it cannot be read as a notebook. */
  cells(): readonly string[] | undefined;
  moduleHash(path: string): string | undefined;
  /** A data file's `contentStamp` now (sha256, FOLDER_STAMP or ""). */
  dataStamp(path: string): string;
  /** A folder's listing hash now, recursive with `tree` (undefined: no folder there, or not listable). */
  listingHash(path: string, tree: boolean): string | undefined;
  /** The content of a read as `Fingerprint.assumptions` keys it (an id, or `about:id`). */
  assumption(read: string): AssumptionContent | AssumptionInfoContent | undefined;
  /** `canonicalJson` of `assumption(read)` (of null when there is none), as the check compares it. */
  assumptionJson(read: string): string;
  /** Every id the assumptions file defines now, in file order. */
  assumptionIds(): readonly string[];
  /** Whether assumption `id`'s value now is a what-if's. */
  whatIf(id: string): boolean;
  /** An environment variable's `envStamp` now. */
  envStamp(name: string): string;
  /** Every environment variable's name now, sorted. */
  envNames(): readonly string[];
  readonly lockfile: string;
  readonly tool: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

export type CacheDecision<Result> =
  | { readonly reuse: true; readonly entry: CacheEntry<Result> }
  | { readonly reuse: false; readonly changes: readonly Change[] };

/** Pure: reuse the entry only if nothing it recorded has changed. Lists every change, in a fixed order. */
export function decide<Result>(entry: CacheEntry<Result> | undefined, current: CurrentState): CacheDecision<Result> {
  if (!entry) return { reuse: false, changes: [{ kind: "first-run" }] };
  const changes = fingerprintChanges(entry.fingerprint, current);
  return changes.length === 0 ? { reuse: true, entry } : { reuse: false, changes };
}

export function fingerprintChanges(recorded: Fingerprint, current: CurrentState): Change[] {
  const changes: Change[] = [];
  if (recorded.source !== current.source) {
    const now = recorded.cells === undefined ? undefined : current.cells();
    changes.push({ kind: "source", ...(recorded.cells !== undefined && now !== undefined && { cells: cellChange(recorded.cells, now) }) });
  }
  if (recorded.assumptionIds !== undefined) {
    const [before, after] = [recorded.assumptionIds, current.assumptionIds()];
    if (before.join("\n") !== after.join("\n")) {
      changes.push({ kind: "assumption-list", added: after.filter((id) => !before.includes(id)), removed: before.filter((id) => !after.includes(id)) });
    }
  }
  for (const [read, before] of Object.entries(recorded.assumptions).sort(byEntryKey)) {
    if (current.assumptionJson(read) === canonicalJson(before)) continue;
    const whatIf = { before: recorded.whatIf?.includes(read) === true, after: current.whatIf(read) };
    changes.push({ kind: "assumption", id: aboutId(read) ?? read, before, after: current.assumption(read), ...((whatIf.before || whatIf.after) && { whatIf }) });
  }
  for (const [path, hash] of Object.entries(recorded.modules).sort(byEntryKey)) {
    const now = current.moduleHash(path);
    if (now !== hash) changes.push({ kind: "module", path, removed: now === undefined });
  }
  for (const [path, hash] of Object.entries(recorded.data ?? {}).sort(byEntryKey)) {
    // "" records a file that was missing (or not a regular file) at run time: still missing is no change.
    const now = current.dataStamp(path);
    if (now === hash) continue;
    if (now === FOLDER_STAMP || hash === FOLDER_STAMP) changes.push({ kind: "folder", path, tree: false, state: now === FOLDER_STAMP ? "appeared" : "removed" });
    else changes.push({ kind: "data", path, removed: now === "" });
  }
  for (const [tree, listings] of [[false, recorded.listings], [true, recorded.trees]] as const) {
    for (const [path, hash] of Object.entries(listings ?? {}).sort(byEntryKey)) {
      const now = current.listingHash(path, tree) ?? "";
      if (now !== hash) changes.push({ kind: "folder", path, tree, state: now === "" ? "removed" : hash === "" ? "appeared" : "changed" });
    }
  }
  if (recorded.envNames !== undefined) {
    const [before, after] = [recorded.envNames, current.envNames()];
    if (before.join("\n") !== after.join("\n")) changes.push({ kind: "env-list", added: after.filter((name) => !before.includes(name)), removed: before.filter((name) => !after.includes(name)) });
  }
  for (const [name, stamp] of Object.entries(recorded.env ?? {}).sort(byEntryKey)) {
    const now = current.envStamp(name);
    if (now !== stamp) changes.push({ kind: "env", name, state: now === "" ? "unset" : stamp === "" ? "set" : "changed" });
  }
  if (recorded.lockfile !== current.lockfile) changes.push({ kind: "lockfile" });
  if (recorded.tool !== current.tool) changes.push({ kind: "tool", before: recorded.tool, after: current.tool });
  const settingKeys = [...new Set([...Object.keys(recorded.settings), ...Object.keys(current.settings)])].sort();
  for (const key of settingKeys) {
    const [before, after] = [recorded.settings[key], current.settings[key]];
    if (canonicalJson(before ?? null) !== canonicalJson(after ?? null)) changes.push({ kind: "setting", key, before, after });
  }
  return changes;
}

/** Which cells differ: the stretch between the longest common start and end of the two lists. */
export function cellChange(before: readonly string[], after: readonly string[]): CellChange {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let [endBefore, endAfter] = [before.length, after.length];
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) [endBefore, endAfter] = [endBefore - 1, endAfter - 1];
  if (endBefore === start && endAfter === start) return { kind: "none" };
  if (endBefore - start === endAfter - start) {
    const cells = [];
    for (let i = start; i < endAfter; i++) if (before[i] !== after[i]) cells.push(i + 1);
    return { kind: "changed", cells };
  }
  if (endBefore === start) return { kind: "added", first: start + 1, last: endAfter };
  if (endAfter === start) return { kind: "removed", first: start + 1, last: endBefore };
  return { kind: "replaced", first: start + 1, last: Math.max(endAfter, start + 1) };
}

export function makeEntry<Result>(notebook: string, fingerprint: Fingerprint, result: Result, storedAt: Date): CacheEntry<Result> {
  // As the file holds it (`store`: the fingerprint written with its keys sorted), so the entry read back checks the same.
  const sorted = sortKeys(fingerprint) as Fingerprint;
  return { format: CACHE_FORMAT, notebook, fingerprint: sorted, result, checksum: entryChecksum(CACHE_FORMAT, notebook, sorted, result), storedAt: storedAt.toISOString() };
}

function entryChecksum(format: EntryFormat, notebook: string, fingerprint: Fingerprint, result: unknown): string {
  return sha256(format === 1 ? canonicalJson({ notebook, fingerprint, result }) : JSON.stringify([notebook, fingerprint, result]));
}

export type EntryLoad<Result> =
  | { readonly status: "missing" }
  | { readonly status: "ok"; readonly entry: CacheEntry<Result> }
  | { readonly status: "unreadable"; readonly detail: string };

/**
 * Pure: parses and verifies an entry's text. Anything short of a complete, self-consistent entry for
 * this notebook is "unreadable" — the caller re-runs, so a damaged cache can cost time, never correctness.
 */
export function parseEntry<Result>(text: string, notebook: string, validate: (result: unknown) => Result): EntryLoad<Result> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { status: "unreadable", detail: messages.cacheEntryNotJson((error as Error).message) };
  }
  if (!isRecord(data) || (data.format !== 1 && data.format !== CACHE_FORMAT)) return { status: "unreadable", detail: messages.cacheEntryUnknownFormat() };
  if (data.notebook !== notebook) return { status: "unreadable", detail: messages.cacheEntryForOther(String(data.notebook)) };
  if (!isFingerprint(data.fingerprint)) return { status: "unreadable", detail: messages.cacheEntryIncomplete() };
  if (typeof data.checksum !== "string" || data.checksum !== entryChecksum(data.format, notebook, data.fingerprint, data.result)) {
    return { status: "unreadable", detail: messages.cacheEntryChecksum() };
  }
  try {
    const result = validate(data.result);
    const entry: CacheEntry<Result> = { ...(data as unknown as CacheEntry<Result>), result };
    return { status: "ok", entry };
  } catch (error) {
    return { status: "unreadable", detail: messages.cacheEntryInvalid((error as Error).message) };
  }
}

function isFingerprint(value: unknown): value is Fingerprint {
  return (
    isRecord(value) &&
    typeof value.source === "string" &&
    isRecord(value.modules) &&
    isRecord(value.assumptions) &&
    typeof value.lockfile === "string" &&
    typeof value.tool === "string" &&
    isRecord(value.settings) &&
    (value.data === undefined || isRecord(value.data)) &&
    (value.listings === undefined || isRecord(value.listings)) &&
    (value.trees === undefined || isRecord(value.trees)) &&
    (value.cells === undefined || (Array.isArray(value.cells) && value.cells.every((hash) => typeof hash === "string"))) &&
    (value.assumptionIds === undefined || (Array.isArray(value.assumptionIds) && value.assumptionIds.every((id) => typeof id === "string"))) &&
    (value.env === undefined || (isRecord(value.env) && Object.values(value.env).every((stamp) => typeof stamp === "string"))) &&
    (value.envNames === undefined || (Array.isArray(value.envNames) && value.envNames.every((name) => typeof name === "string"))) &&
    (value.whatIf === undefined || (Array.isArray(value.whatIf) && value.whatIf.every((id) => typeof id === "string")))
  );
}

/** Where a notebook's entry lives: `out/.cache/<notebook path>/entry.json`. */
export function entryPath(cacheDir: string, notebook: string): string {
  const safe = notebook.replace(/\\/g, "/").split("/").filter((part) => part !== ".." && part !== "." && part !== "");
  return join(cacheDir, ...safe, "entry.json");
}

function failurePath(cacheDir: string, notebook: string): string {
  return join(dirname(entryPath(cacheDir, notebook)), "failed.json");
}

/** The disk edge of the cache. */
export class NotebookCache<Result> {
  constructor(
    private readonly cacheDir: string,
    private readonly validate: (result: unknown) => Result,
    private readonly warn: (message: string) => void,
  ) {}

  async load(notebook: string): Promise<EntryLoad<Result>> {
    let text: string;
    try {
      text = await readPlainText(entryPath(this.cacheDir, notebook));
    } catch (error) {
      // ENOTDIR: a file where the cache folder must be holds no entry; the write that follows names it.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return { status: "missing" };
      return { status: "unreadable", detail: (error as Error).message };
    }
    return parseEntry(text, notebook, this.validate);
  }

  /**
   * Load + decide; an unreadable entry is warned about and treated as a change. `loading`: the entry's
   * load, when the caller started it already (a build reads every notebook's entry at once).
   */
  async check(notebook: string, current: CurrentState, onUnreadable: (detail: string) => string, loading: Promise<EntryLoad<Result>> = this.load(notebook)): Promise<CacheDecision<Result>> {
    const loaded = await loading;
    if (loaded.status === "unreadable") {
      this.warn(onUnreadable(loaded.detail));
      return { reuse: false, changes: [{ kind: "unreadable", detail: loaded.detail }] };
    }
    return decide(loaded.status === "ok" ? loaded.entry : undefined, current);
  }

  /**
   * What the notebook's last failed run depended on (`failed.json` beside its entry), so the next
   * build can say what changed since, or that nothing did; undefined when there is none or it is damaged.
   */
  async loadFailure(notebook: string): Promise<{ readonly fingerprint: Fingerprint; readonly failure: string } | undefined> {
    try {
      const data = JSON.parse(await readPlainText(failurePath(this.cacheDir, notebook))) as unknown;
      if (!isRecord(data) || data.notebook !== notebook || !isFingerprint(data.fingerprint) || typeof data.failure !== "string") return undefined;
      return { fingerprint: data.fingerprint, failure: data.failure };
    } catch {
      return undefined;
    }
  }

  /**
   * Records a failed run (failed runs are not cached: the next build runs it again). Best effort: it
   * only words the next build's reason, so a cache that cannot be written loses nothing else.
   */
  async storeFailure(notebook: string, fingerprint: Fingerprint, failure: string): Promise<void> {
    const text = stableJson({ format: CACHE_FORMAT, notebook, fingerprint, failure });
    await writeFileAtomic(failurePath(this.cacheDir, notebook), text, CACHE_WRITE).catch(() => undefined);
  }

  /** Forgets a failure once a good run is the latest again (best effort, as `storeFailure`). */
  async clearFailure(notebook: string): Promise<void> {
    await rm(failurePath(this.cacheDir, notebook), { force: true }).catch(() => undefined);
  }

  async store(notebook: string, fingerprint: Fingerprint, result: Result, now = new Date()): Promise<void> {
    // The result keeps its own key order (a reused notebook must render byte-for-byte like a fresh
    // one, e.g. a chart spec embedded in the page), and the checksum is over the JSON in that order.
    const { result: stored, ...rest } = makeEntry(notebook, fingerprint, result, now);
    const head = stableJson(rest).trimEnd().replace(/\n}$/, "");
    const text = `${head},\n  "result": ${JSON.stringify(stored, null, 2).replace(/\n/g, "\n  ")}\n}\n`;
    await locatingFileSystemErrors(cacheWhat("notebooks"), this.cacheDir, () => writeFileAtomic(entryPath(this.cacheDir, notebook), text, CACHE_WRITE));
  }
}
