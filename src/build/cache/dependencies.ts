/**
 * Gathers a notebook's fingerprint from disk: content hashes of files (memoized per build, so a
 * no-op rebuild hashes each module once) and the transitive project-module closure of its imports.
 */
import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import { aboutId, EVERY_ASSUMPTION, type Assumption } from "../../assumptions/types";
import type { CurrentState, Fingerprint } from "./notebook-cache";
import type { AssumptionContent } from "../../assumptions/content";
import { assumptionContent, assumptionInfoContent, type AssumptionInfoContent } from "../../assumptions/content";
import { canonicalJson, contentStamp, envStamp, sha256, sha256OfFile, sha256OfListing } from "../../util/hash";
import type { FileRead } from "../../vocabulary/file-reads";
import type { EnvReads } from "../../vocabulary/env-reads";
import { cellText } from "../../notebook/nbformat";
import { isRecord } from "../../util/records";
import { byEntryKey } from "../../util/order";

/**
 * Hashes files under `root` by relative path; missing files hash to `undefined`, and so does anything
 * but a regular file: a recorded chart data file swapped for a FIFO would block the read forever.
 * Memoized.
 */
export class FileHasher {
  private readonly memo = new Map<string, string | undefined>();
  private readonly notebooks = new Map<string, { readonly source: string | undefined; readonly cells: string[] | undefined }>();
  private readonly stamps = new Map<string, string>();
  /** Module closures by their entry list: chapters importing the same modules share one esbuild pass. */
  private readonly closures = new Map<string, Promise<string[]>>();
  constructor(private readonly root: string) {}

  /** `transitiveModules` of these entries, once per distinct list in this build. */
  closure(modules: readonly string[]): Promise<string[]> {
    const key = JSON.stringify([...modules].sort());
    let found = this.closures.get(key);
    if (found === undefined) {
      found = transitiveModules(this.root, modules);
      this.closures.set(key, found);
    }
    return found;
  }

  /**
   * The notebook at `path` as a fingerprint records it, from one read: the file's sha256 and each cell's
   * hash (type and source, in order; undefined when it is no notebook), so the two always agree.
   */
  notebook(path: string): { readonly source: string | undefined; readonly cells: string[] | undefined } {
    const key = toProjectPath(this.root, path);
    let found = this.notebooks.get(key);
    if (found === undefined) {
      let bytes: Buffer | undefined;
      try {
        // Only a regular file is read: a FIFO swapped in would block (as util/hash.ts sha256OfFile avoids).
        bytes = statSync(join(this.root, key)).isFile() ? readFileSync(join(this.root, key)) : undefined;
      } catch {
        bytes = undefined; // missing or unreadable: the run reports it
      }
      found = { source: bytes === undefined ? undefined : sha256(bytes), cells: bytes === undefined ? undefined : cellHashes(bytes.toString("utf8")) };
      this.notebooks.set(key, found);
    }
    return found;
  }

  /** `contentStamp` of a data file (a file's sha256, a folder's stamp, "" for nothing), once per build. */
  stamp(path: string): string {
    const key = toProjectPath(this.root, path);
    if (!this.stamps.has(key)) this.stamps.set(key, contentStamp(join(this.root, key)));
    return this.stamps.get(key) ?? "";
  }

  hash(path: string): string | undefined {
    const key = toProjectPath(this.root, path);
    if (!this.memo.has(key)) this.memo.set(key, sha256OfFile(join(this.root, key)));
    return this.memo.get(key);
  }
}

/** Each cell's hash (its type and source); undefined when the text is no notebook. */
function cellHashes(text: string): string[] | undefined {
  try {
    const data: unknown = JSON.parse(text);
    const cells = isRecord(data) && Array.isArray(data.cells) ? data.cells : undefined;
    return cells?.map((cell) => (isRecord(cell) ? sha256(`${String(cell.cell_type)}\n${cellText(cell.source)}`) : ""));
  } catch {
    return undefined; // not JSON: the run reports it
  }
}

/** `/`-separated path relative to the project root: how fingerprints name files on every OS. */
export function toProjectPath(root: string, path: string): string {
  const relativePath = isAbsolute(path) ? relative(root, path) : path;
  return relativePath.split(sep).join("/");
}

/**
 * Every project file reachable from `modules` through imports (esbuild's resolver, so it agrees with
 * how the engine bundles cells). node_modules are excluded: the lockfile hash covers them.
 */
export async function transitiveModules(root: string, modules: readonly string[]): Promise<string[]> {
  const entries = modules.map((path) => join(root, toProjectPath(root, path)));
  if (entries.length === 0) return [];
  const { build } = await import("esbuild"); // only after a run: a no-op rebuild does not load it
  const result = await build({
    entryPoints: entries,
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
    outdir: join(root, ".fragtax-unused-outdir"),
  });
  return Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules/") && !input.includes(":"))
    .map((input) => toProjectPath(root, input))
    .sort();
}

export async function lockfileHash(root: string): Promise<string> {
  try {
    return sha256(await readFile(join(root, "package-lock.json")));
  } catch {
    return "";
  }
}

export interface FingerprintInputs {
  readonly root: string;
  readonly notebook: string;
  /** Project modules the notebook imported (direct is enough; the closure is computed here unless `modulesClosed`). */
  readonly modules: readonly string[];
  /** `modules` is the whole closure already (incremental.ts's `ExecutedNotebook.modulesClosed`). */
  readonly modulesClosed?: boolean;
  /** Ids the notebook read, in any order (`EVERY_ASSUMPTION` among them when it read the list). */
  readonly reads: readonly string[];
  /** Data files its charts read (relative to root or absolute), hashed now. */
  readonly files?: readonly string[];
  /** Files its cells read, each with the hash taken when it was read (which wins over `files`). */
  readonly readFiles?: readonly FileRead[];
  /** What its cells read of the environment, as they read it. */
  readonly env?: EnvReads;
  readonly assumption: (id: string) => Assumption | undefined;
  /** Every id the assumptions file defines, in file order. */
  readonly assumptionIds: () => readonly string[];
  /** The ids whose value a what-if gave this build (`--set`, `--assumptions`). */
  readonly whatIf?: ReadonlySet<string>;
  readonly lockfile: string;
  readonly tool: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly hasher: FileHasher;
}

/** The fingerprint to store after a run. */
export async function fingerprintAfterRun(inputs: FingerprintInputs): Promise<Fingerprint> {
  const modules: Record<string, string> = {};
  const closure = inputs.modulesClosed === true ? [...new Set(inputs.modules.map((path) => toProjectPath(inputs.root, path)))].sort() : await inputs.hasher.closure(inputs.modules);
  for (const path of closure) {
    const hash = inputs.hasher.hash(path);
    if (hash !== undefined) modules[path] = hash;
  }
  const assumptions: Record<string, AssumptionContent | AssumptionInfoContent | null> = {};
  const reads = new Set(inputs.reads);
  for (const read of [...reads].filter((r) => r !== EVERY_ASSUMPTION).sort()) {
    const about = aboutId(read);
    if (about !== undefined && reads.has(about)) continue; // the whole assumption is recorded
    const assumption = inputs.assumption(about ?? read);
    // A read of an undefined id is recorded too: defining it later must re-run the notebook.
    assumptions[read] = assumption === undefined ? null : about === undefined ? assumptionContent(assumption) : assumptionInfoContent(assumption);
  }
  const found = new Map<string, string>();
  for (const file of inputs.files ?? []) {
    const path = toProjectPath(inputs.root, file);
    // A missing file is recorded too ("" never matches a hash): creating it must re-run the notebook.
    found.set(path, inputs.hasher.stamp(path));
  }
  // What a cell read is recorded as it was then: hashed now, an edit made while it ran would pass for what
  // it saw. Of two reads of one path the first is kept: a later one may follow the cell's own write.
  const fromCells = new Set<string>();
  const listed = { folder: new Map<string, string>(), tree: new Map<string, string>() };
  for (const read of inputs.readFiles ?? []) {
    const path = toProjectPath(inputs.root, read.path);
    if (read.listing !== undefined) {
      if (!listed[read.listing].has(path)) listed[read.listing].set(path, read.sha256);
    } else if (!fromCells.has(path)) {
      fromCells.add(path);
      found.set(path, read.sha256);
    }
  }
  // An `about:` read (a catalog's) records the assumption's kind, which a what-if can change too (a range for a fixed value).
  const whatIf = Object.keys(assumptions).filter((read) => inputs.whatIf?.has(aboutId(read) ?? read) === true);
  const data = Object.fromEntries([...found].sort(byEntryKey));
  const listings = Object.fromEntries([...listed.folder].sort(byEntryKey));
  const trees = Object.fromEntries([...listed.tree].sort(byEntryKey));
  const { source, cells } = inputs.hasher.notebook(inputs.notebook);
  return {
    source: source ?? "",
    ...(cells !== undefined && { cells }),
    modules,
    assumptions,
    lockfile: inputs.lockfile,
    tool: inputs.tool,
    settings: inputs.settings,
    ...(Object.keys(data).length > 0 && { data }),
    ...(Object.keys(listings).length > 0 && { listings }),
    ...(Object.keys(trees).length > 0 && { trees }),
    ...(inputs.reads.includes(EVERY_ASSUMPTION) && { assumptionIds: [...inputs.assumptionIds()] }),
    ...(inputs.env !== undefined && Object.keys(inputs.env.values).length > 0 && { env: inputs.env.values }),
    ...(inputs.env?.names !== undefined && { envNames: inputs.env.names }),
    ...(whatIf.length > 0 && { whatIf }),
  };
}

/**
 * The canonical JSON of each assumption's content (and of its `about:` info), once per assumption of
 * this process: every notebook's check compares the assumptions it read, and a summary reads most of
 * them; sorting their keys again for each notebook was ~10 ms of a no-op rebuild. Keyed by the
 * registry's frozen object, so a new registry (an edited file, a what-if) is new entries.
 */
const contentJson = new WeakMap<Assumption, { content?: string; info?: string }>();

function assumptionJson(assumption: Assumption, info: boolean): string {
  let known = contentJson.get(assumption);
  if (known === undefined) contentJson.set(assumption, (known = {}));
  if (info) return (known.info ??= canonicalJson(assumptionInfoContent(assumption)));
  return (known.content ??= canonicalJson(assumptionContent(assumption)));
}

/** The current state a stored fingerprint is checked against. */
export function currentState(inputs: Omit<FingerprintInputs, "modules" | "reads" | "files" | "env">): CurrentState {
  return {
    source: inputs.hasher.notebook(inputs.notebook).source ?? "",
    cells: () => inputs.hasher.notebook(inputs.notebook).cells,
    moduleHash: (path) => inputs.hasher.hash(path),
    dataStamp: (path) => inputs.hasher.stamp(path),
    listingHash: (path, tree) => sha256OfListing(isAbsolute(path) ? path : join(inputs.root, path), tree),
    assumption: (read) => {
      const about = aboutId(read);
      const assumption = inputs.assumption(about ?? read);
      return assumption === undefined ? undefined : about === undefined ? assumptionContent(assumption) : assumptionInfoContent(assumption);
    },
    assumptionJson: (read) => {
      const about = aboutId(read);
      const assumption = inputs.assumption(about ?? read);
      return assumption === undefined ? canonicalJson(null) : assumptionJson(assumption, about !== undefined);
    },
    assumptionIds: inputs.assumptionIds,
    whatIf: (read) => inputs.whatIf?.has(aboutId(read) ?? read) === true,
    // This process's environment: the notebook threads it starts are given the same (pool.ts).
    envStamp: (name) => envStamp(process.env[name]),
    envNames: () => Object.keys(process.env).sort(),
    lockfile: inputs.lockfile,
    tool: inputs.tool,
    settings: inputs.settings,
  };
}
