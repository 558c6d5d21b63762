/**
 * `require` for the large CommonJS files a build compiles every time it starts: TypeScript's
 * compiler (typescript.js, 9 MB, for the type check), the compiled Vega-Lite schema validator
 * (3.9 MB, minified) and Vega itself (dist/vega.cjs, 1.7 MB, charts/vega-modules.ts). V8 spends ~0.2 s parsing and compiling typescript.js alone in each fresh
 * process or thread. Node 20 has no compile cache for modules (module.enableCompileCache is Node
 * 22), but `vm.Script` takes V8's code cache: the bytecode of a previous load, kept here in the
 * install's tool cache, brings that to ~0.05 s.
 *
 * The cache file is named by the sha256 of the source, Node's version and the architecture: V8
 * itself checks only the source's length, its version and its flags, so a file edited to the same
 * length would otherwise run the old bytecode. And by V8's flags (`flavoured`): a command that sets
 * its own keeps its own caches. A cache V8 rejects all the same is written again; one that cannot be
 * written (read-only install) only costs the compile.
 *
 * The CLI's own bundle (dist/main.cjs, loaded by the bin, src/cli/boot.ts) goes through here too: its
 * top level only defines functions, and the ones a command calls are compiled later. Its cache is
 * therefore made when the process exits (`keep: "at-exit"`), holding everything that command
 * compiled, and kept per command (`variant`): a `--help`'s cache would leave a build compiling its
 * functions every time. The packages it bundles but most commands never run (dist/vendor/, see
 * scripts/bundle-cli.mjs) come through here too, when a module that imports one first runs.
 *
 * A cache made at exit holds what its process compiled, and a later process that uses it compiles the
 * rest again, lazily, every time: one made by a `fragtax build --help`, or by a no-op build, left every
 * cold build ~0.1 s slower (measured, 6 runs each way). So each such cache records how much work its
 * process had done (its CPU time: the file header below), and a process that ends having done far more
 * makes it again.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { cachedDataVersionTag } from "node:v8";
import { Script } from "node:vm";
import { abandonedTemporary, isTemporarySibling } from "./atomic";
import { sha256, sha256Bytes, sha256Stream } from "./hash";
import { toolCacheDir, writeToolCache } from "./tool-cache";

/** How the code cache served a load: used, written for next time (now or at exit), or neither (not writable). */
export type CodeCacheUse = "used" | "written" | "written at exit" | "not written";

export interface CachedModule {
  readonly exports: unknown;
  readonly cache: CodeCacheUse;
}

// The wrapper on a line of its own (lineOffset −1): stack traces keep the file's own lines and columns.
const HEAD = "(function (exports, require, module, __filename, __dirname) {\n";
const TAIL = "\n})";

// As require's own cache: each file is run once per thread, and every caller gets its exports.
const loaded = new Map<string, CachedModule>();

/** The files this thread has loaded so far (for tests of what a step loads). */
export const loadedWithCodeCache = (): readonly string[] => [...loaded.keys()];

export interface CodeCacheOptions {
  /** When the cache is made: right after the file's top level ran (default), or as the process exits. */
  readonly keep?: "after-load" | "at-exit";
  /** A separate cache of the same file, for a different use of it (a command's name). */
  readonly variant?: string;
}

/** `require(file)` of a CommonJS file through V8's code cache in `cacheDir` (default: the install's). */
export function requireWithCodeCache(file: string, cacheDir: string = join(toolCacheDir(), "v8"), options: CodeCacheOptions = {}): CachedModule {
  const known = loaded.get(file);
  if (known !== undefined) return known;
  const result = load(file, cacheDir, options);
  loaded.set(file, result);
  return result;
}

function load(file: string, cacheDir: string, options: CodeCacheOptions): CachedModule {
  const bytes = readFileSync(file);
  // Named by the file and its path (two files of one name never evict each other), keyed by content.
  const name = `${basename(file)}${options.variant === undefined ? "" : `.${options.variant}`}-${sha256(file).slice(0, 8)}`;
  const { cacheFile, cachedData: stored } = cacheEntry(cacheDir, name, bytes);
  const { cachedData, madeAfterMs } = readHeader(stored);
  // No `import()` in such a file: on Node 20 a function restored from the cache cannot run one.
  const script = new Script(`${HEAD}${bytes.toString("utf8")}${TAIL}`, { filename: file, lineOffset: -1, ...(cachedData && { cachedData }) });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  const used = cachedData !== undefined && script.cachedDataRejected !== true;
  // Made after the top-level code ran (or at exit), the cache holds the functions it compiled too.
  const keep = (): boolean => {
    const data = script.createCachedData();
    if (stored === undefined) removeOlder(cacheDir, name);
    return writeToolCache(cacheFile, withHeader(data));
  };
  if (used) {
    // Kept at exit, it is made again by a process that did far more than the one that made it.
    if (options.keep === "at-exit") keepAtExit(() => cpuMs() > madeAfterMs * GROWTH && keep());
    return { exports: module.exports, cache: "used" };
  }
  if (options.keep === "at-exit") {
    keepAtExit(keep);
    return { exports: module.exports, cache: "written at exit" };
  }
  return { exports: module.exports, cache: keep() ? "written" : "not written" };
}

// The caches to make as the process ends, on the global object: the bin and the CLI's bundle each
// have a copy of this module, and a command ending by a signal asks for both (`keepCodeCachesNow`).
const AT_EXIT = Symbol.for("fragtax.code-caches-at-exit");
type WithAtExit = typeof globalThis & { [AT_EXIT]?: Array<() => unknown> };

/** Runs `keep` as the process ends (or when a signal ends it: `keepCodeCachesNow`): for any cache made from what the process did. */
export function keepAtExit(keep: () => unknown): void {
  const global = globalThis as WithAtExit;
  if (global[AT_EXIT] === undefined) {
    global[AT_EXIT] = [];
    process.once("exit", keepCodeCachesNow);
  }
  global[AT_EXIT].push(keep);
}

/**
 * Makes now the caches kept at exit (each once): for a command that ends by the signal it caught
 * (util/signals.ts: `fragtax dev` on Ctrl-C), where no 'exit' event comes.
 */
export function keepCodeCachesNow(): void {
  for (const keep of (globalThis as WithAtExit)[AT_EXIT]?.splice(0) ?? []) keep();
}

/**
 * A file of the install's bundle (dist/), through the install's code cache; a plain `require` when
 * the install has no cache folder (no templates/ to find its root by): the command then says what
 * is wrong itself, where it needs the install, instead of Node printing this file's stack trace.
 */
export function requireBundled(file: string, options: CodeCacheOptions = {}): unknown {
  let cacheDir: string;
  try {
    cacheDir = join(toolCacheDir(), "v8");
  } catch {
    return createRequire(file)(file);
  }
  return requireWithCodeCache(file, cacheDir, options).exports;
}

/**
 * V8's code cache of a script run in a context of its own (a notebook's import bundle, in the realm's
 * context: notebook/realm.ts), kept in `cacheDir` under `name` (one entry per name: another source
 * replaces it). A notebook's bundle was compiled afresh by every run, and its models' functions again
 * as the cells first called them: ~9 ms of a chapter's ~30 ms of cells here. `compile` gives the
 * script and `keep` makes its cache once the cells ran, so it holds what they compiled. A cache that
 * cannot be read or written only costs the compile.
 */
export interface ScriptCache {
  compile(source: string, filename: string): Script;
  /** Writes the cache of the script `compile` made, unless it was taken from the cache as it is. */
  keep(): void;
}

export function scriptCache(cacheDir: string, name: string): ScriptCache {
  let pending: (() => void) | undefined;
  return {
    compile(source, filename) {
      const { cacheFile, cachedData: stored } = cacheEntry(cacheDir, name, source);
      const { cachedData } = readHeader(stored);
      const script = new Script(source, { filename, ...(cachedData && { cachedData }) });
      pending =
        cachedData !== undefined && script.cachedDataRejected !== true
          ? undefined
          : () => {
              removeOlder(cacheDir, name);
              writeToolCache(cacheFile, withHeader(script.createCachedData()));
            };
      return script;
    },
    keep() {
      pending?.();
      pending = undefined;
    },
  };
}

/**
 * What a cache file holds: a header (`ftc2`, the CPU time, in ms, of the process that made it, up to
 * then, and the sha256 of what follows), then V8's data. CPU time stands for how much code the
 * process had run, so compiled: a cold build ~3.5 s, a one-assumption rebuild ~1.2 s, a no-op ~0.4 s,
 * a help ~0.1 s. (V8's own count of the bytecode it holds walks the heap: ~12 ms a call, on the path
 * of every command's exit.)
 *
 * V8 checks a cache's version, flags and source length, not its bytes: one flipped bit in the data
 * crashed every later command (a failed V8 check, or a segmentation fault), or made a chapter fail
 * with an error its code cannot raise, until the cache was removed by hand. So the data is checked
 * against its sha256 before V8 sees it (~0.5 ms for the CLI's, ~1.6 ms for TypeScript's 2.4 MB; the
 * hash module is loaded already, where zlib's CRC-32 cost ~1–3 ms to load); a file that fails the
 * check, or has no such header (made before it was written), is not used, and is made again.
 */
const MAGIC = Buffer.from("ftc2");
const DIGEST_AT = MAGIC.length + 4;
const HEADER_BYTES = DIGEST_AT + 32;
/**
 * How much more a process must have done than the one that made a cache, to make it again: past the
 * spread of one command's CPU time from run to run (a cold build's: 3.0–4.0 s here), so the same
 * command does not make it twice, and each making raises the bar by half: a handful per install.
 */
const GROWTH = 1.5;

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1000);
}

function withHeader(data: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32LE(Math.min(cpuMs(), 0xffffffff), MAGIC.length);
  sha256Bytes(data).copy(header, DIGEST_AT);
  return Buffer.concat([header, data]);
}

/** V8's data in a cache file, when the file is whole (its header, and its data as the header's sha256 says); else none. */
function readHeader(stored: Buffer | undefined): { cachedData: Buffer | undefined; madeAfterMs: number } {
  if (stored === undefined || stored.length < HEADER_BYTES || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return { cachedData: undefined, madeAfterMs: 0 };
  const cachedData = stored.subarray(HEADER_BYTES);
  if (!sha256Bytes(cachedData).equals(stored.subarray(DIGEST_AT, HEADER_BYTES))) return { cachedData: undefined, madeAfterMs: 0 };
  return { cachedData, madeAfterMs: stored.readUInt32LE(MAGIC.length) };
}

/**
 * The cache file of `content` under `name`, keyed by it, Node's version and the architecture, and what
 * it holds (undefined: not cached yet). Hashed in parts, not joined first: the CLI's bundle is ~1 MB.
 */
function cacheEntry(cacheDir: string, name: string, content: string | Uint8Array): { cacheFile: string; cachedData: Buffer | undefined } {
  const key = sha256Stream();
  key.update(content);
  key.update(`\0${process.version}\0${process.arch}`);
  const cacheFile = join(cacheDir, `${flavoured(name)}-${key.hex().slice(0, 24)}.bin`);
  try {
    return { cacheFile, cachedData: readFileSync(cacheFile) };
  } catch {
    return { cacheFile, cachedData: undefined };
  }
}

/**
 * `name` for this process's V8 flags. V8 takes a cache only from a process with the same flags, and
 * `fragtax build` raises one of its own (cli/boot.ts): one name for both, and `fragtax run` and a
 * build would each reject, and write again, the caches the other wrote (Vega's, the YAML parser's, a
 * notebook's imports). V8's own tag for its version, flags and CPU features tells them apart, and is
 * the same in every thread of a process.
 */
function flavoured(name: string): string {
  return `${name}-${cachedDataVersionTag().toString(36)}`;
}

/**
 * The caches of earlier contents of the same file under the same flags (an upgraded package), and
 * those named before flags were (`name-<key>.bin`): never read again. Another flags' cache is kept,
 * unless nothing made it for `STALE_MS`: caches of files no longer loaded (another copy of the install,
 * a file since renamed) were never removed, and the install's folder held ~20 MB of them. A cache in
 * use but not made again for that long is made again by its next load: one compile a month.
 */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

function removeOlder(cacheDir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(cacheDir);
  } catch {
    return;
  }
  const current = `${flavoured(name)}-`;
  const unflavoured = (entry: string): boolean => entry.startsWith(`${name}-`) && /^[0-9a-f]{24}\.bin$/.test(entry.slice(name.length + 1));
  const staleBefore = Date.now() - STALE_MS;
  // A cache not made for a month, or a write's temporary file a `kill -9` left (util/atomic.ts).
  const stale = (entry: string): boolean => {
    const temporary = isTemporarySibling(entry);
    if (!temporary && !entry.endsWith(".bin")) return false;
    try {
      const made = statSync(join(cacheDir, entry)).mtimeMs;
      return temporary ? abandonedTemporary(entry, made) : made < staleBefore;
    } catch {
      return false;
    }
  };
  for (const entry of entries) {
    if (!(entry.startsWith(current) && entry.endsWith(".bin")) && !unflavoured(entry) && !stale(entry)) continue;
    try {
      rmSync(join(cacheDir, entry), { force: true });
    } catch {
      // left (read-only, or not a file): it is never read again, and the load, or the exit, goes on
    }
  }
}
