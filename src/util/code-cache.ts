/**
 * `require` for the large CommonJS files a build compiles every time it starts: TypeScript's
 * compiler (typescript.js, 9 MB, for the type check), the compiled Vega-Lite schema validator
 * (5.7 MB) and Vega itself (dist/vega.cjs, 1.7 MB, charts/vega-modules.ts). V8 spends ~0.2 s parsing and compiling typescript.js alone in each fresh
 * process or thread. Node 20 has no compile cache for modules (module.enableCompileCache is Node
 * 22), but `vm.Script` takes V8's code cache: the bytecode of a previous load, kept here in the
 * install's tool cache, brings that to ~0.05 s.
 *
 * The cache file is named by the sha256 of the source, Node's version and the architecture: V8
 * itself checks only the source's length, its version and its flags, so a file edited to the same
 * length would otherwise run the old bytecode. A cache V8 rejects (other flags) is written again;
 * one that cannot be written (read-only install) only costs the compile.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";
import { sha256 } from "./hash";
import { toolCacheDir, writeToolCache } from "./tool-cache";

/** How the code cache served a load: used, written for next time, or neither (not writable). */
export type CodeCacheUse = "used" | "written" | "not written";

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

/** `require(file)` of a CommonJS file through V8's code cache in `cacheDir` (default: the install's). */
export function requireWithCodeCache(file: string, cacheDir: string = join(toolCacheDir(), "v8")): CachedModule {
  const known = loaded.get(file);
  if (known !== undefined) return known;
  const result = load(file, cacheDir);
  loaded.set(file, result);
  return result;
}

function load(file: string, cacheDir: string): CachedModule {
  const bytes = readFileSync(file);
  // Named by the file and its path (two files of one name never evict each other), keyed by content.
  const name = `${basename(file)}-${sha256(file).slice(0, 8)}`;
  const cacheFile = join(cacheDir, `${name}-${sha256(Buffer.concat([bytes, Buffer.from(`\0${process.version}\0${process.arch}`)])).slice(0, 24)}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // not cached yet
  }
  const script = new Script(`${HEAD}${bytes.toString("utf8")}${TAIL}`, { filename: file, lineOffset: -1, ...(cachedData && { cachedData }) });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  if (cachedData !== undefined && script.cachedDataRejected !== true) return { exports: module.exports, cache: "used" };
  // Made after the top-level code ran, the cache holds the functions it compiled too.
  const data = script.createCachedData();
  if (cachedData === undefined) removeOlder(cacheDir, name);
  return { exports: module.exports, cache: writeToolCache(cacheFile, data) ? "written" : "not written" };
}

/** The caches of earlier contents of the same file (an upgraded package): never read again. */
function removeOlder(cacheDir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.startsWith(`${name}-`) && entry.endsWith(".bin")) rmSync(join(cacheDir, entry), { force: true });
  }
}
