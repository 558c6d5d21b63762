/**
 * The part of the engine that runs inside Deno, next to a Deno notebook's cells: it gives the cells'
 * `Deno.jupyter` the run context (`notebook(Deno.jupyter)` then records figures and claims and reads
 * tracked assumptions, as `notebook(tslab)` does in the tslab worker). Bundled by esbuild with the
 * notebook's `../dist/*.js` imports (deno.ts) and evaluated by the runner. It also tracks the files the
 * cells read (`trackFiles`), with the tslab realm's wrappers (notebook-files.ts: Deno's Node compatibility
 * provides `node:fs`), the files they fetch by a file: URL, and the environment variables they read.
 */
import { RUN_CONTEXT } from "../api/context";
import { loadTrackedAssumptions } from "./assumptions";
import type { RunEvent } from "./outputs";
import { recordingContext } from "./recording";
import type { RunInputs } from "./run-context";
import { existsSync } from "node:fs";
import process from "node:process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isHashing, linkFolderRead, notebookFiles, whileHashing } from "./notebook-files";
import { contentStamp, sha256OfListing } from "../util/hash";
import type { FileRead } from "../vocabulary/file-reads";
import type { EnvReads } from "../vocabulary/env-reads";
import { envFunctions, envView, type EnvFunctions } from "./notebook-env";
export { seedMathRandom } from "../util/seeded-random";

/** Attaches the run context to `jupyter`; returns what reads the assumption ids read so far. */
export async function attachRunContext(jupyter: object, inputs: RunInputs, notebook: string, currentCell: () => number, post: (event: RunEvent) => void): Promise<() => readonly string[]> {
  const assumptions = await loadTrackedAssumptions(inputs, notebook);
  Object.defineProperty(jupyter, RUN_CONTEXT, { value: recordingContext(assumptions, inputs.montecarlo, inputs.ledgerKey, notebook, currentCell, post), enumerable: false });
  return () => assumptions.readIds();
}

/**
 * Deno's functions that make their first path anew with the notebook's own content once they succeed
 * (a write unless it appends; a removal; a folder where there was none). Copies and renames are not:
 * what they make carries an input's content.
 */
const DENO_REPLACES = ["remove", "removeSync", "mkdir", "mkdirSync", "writeFile", "writeFileSync", "writeTextFile", "writeTextFileSync"] as const;

/** Deno's functions whose result depends on a file's content or presence (`open`: unless for writing only; a copy's source). */
const DENO_READS = ["readTextFile", "readTextFileSync", "readFile", "readFileSync", "open", "openSync", "stat", "statSync", "lstat", "lstatSync", "copyFile", "copyFileSync", "realPath", "realPathSync", "readLink", "readLinkSync"] as const;

/**
 * What a Deno notebook's cells read: the cells' `node:fs` imports get notebook-files.ts's wrappers,
 * and Deno's own read functions are wrapped on `Deno` itself (they are writable), so a module the
 * notebook imports is tracked too when it reads through `Deno`. Each file is reported once, with the
 * hash of its content before the first read, and each folder listed (`Deno.readDir`) with its
 * listing's. Deno already runs in the notebook's folder, so a relative path names the same file
 * either way.
 *
 * The environment likewise: `Deno.env`, `process.env` (the global, and `node:process` imported) all
 * go through notebook-files.ts's tracked `process.env`, over `Deno.env`'s functions as they were.
 * `noColor` is NO_COLOR as fragtax had it: the runner is started with NO_COLOR=1 (so Deno's own
 * messages carry no colour codes), and the cells see, and are compared against, the build's own.
 */
export function trackFiles(folder: string, deno: object, noColor: string | null = null): { modules: ReadonlyMap<string, unknown>; reads: () => readonly FileRead[]; envReads: () => EnvReads } {
  const reads: FileRead[] = [];
  const seen = new Set<string>();
  const keyOf = (path: string, listing?: string): string => `${listing ?? "file"}:${path}`;
  const add = (read: FileRead): void => {
    if (seen.has(keyOf(read.path, read.listing))) return;
    seen.add(keyOf(read.path, read.listing));
    reads.push(read);
  };
  const runtime = deno as { env: EnvFunctions };
  const real = runtime.env;
  const original: EnvFunctions = { get: real.get.bind(real), has: real.has.bind(real), set: real.set.bind(real), delete: real.delete.bind(real), toObject: real.toObject.bind(real) };
  if (noColor === null) original.delete("NO_COLOR");
  else original.set("NO_COLOR", noColor);
  const { modules, replaced, isReplaced, process: notebookProcess, envReads } = notebookFiles(folder, add, envView(original));
  runtime.env = envFunctions(notebookProcess.env);
  process.env = notebookProcess.env;
  const here = (target: unknown): string | undefined =>
    typeof target === "string" ? resolve(folder, target) : target instanceof URL && target.protocol === "file:" ? resolve(fileURLToPath(target)) : undefined;
  /** A file's content (or absence) as an input: once, hashed before the read, unless the notebook made it. */
  const readOf = (file: string): void => {
    if (!isHashing() && !seen.has(keyOf(file)) && !isReplaced(file)) add({ path: file, sha256: whileHashing(() => contentStamp(file)) });
  };
  const functions = deno as Record<string, unknown>;
  for (const name of DENO_READS) {
    const original = functions[name];
    if (typeof original !== "function") continue;
    functions[name] = (...args: unknown[]): unknown => {
      const options = args[1] as { read?: boolean; write?: boolean; append?: boolean; create?: boolean; truncate?: boolean } | undefined;
      const writing = options !== undefined && options.read !== true && (options.write === true || options.append === true || options.create === true || options.truncate === true);
      const file = here(args[0]);
      if (file !== undefined && !(name.startsWith("open") && writing)) readOf(file);
      const linkFolder = file !== undefined && /^(realPath|readLink)/.test(name) ? dirname(file) : undefined;
      if (file !== undefined && linkFolder !== undefined && !isHashing() && !seen.has(keyOf(linkFolder, "folder")) && !isReplaced(linkFolder)) add(linkFolderRead(file));
      return Reflect.apply(original, deno, args);
    };
  }
  for (const name of ["readDir", "readDirSync"]) {
    const original = functions[name];
    if (typeof original !== "function") continue;
    functions[name] = (...args: unknown[]): unknown => {
      const folder = here(args[0]);
      if (folder !== undefined && !isHashing() && !seen.has(keyOf(folder, "folder")) && !isReplaced(folder)) add({ path: folder, sha256: whileHashing(() => sha256OfListing(folder, false)) ?? "", listing: "folder" });
      return Reflect.apply(original, deno, args);
    };
  }
  // What the notebook makes anew through Deno (as notebook-files.ts does for node:fs): later reads there are not inputs.
  for (const name of DENO_REPLACES) {
    const original = functions[name];
    if (typeof original !== "function") continue;
    functions[name] = (...args: unknown[]): unknown => {
      const options = args[2] as { append?: boolean } | undefined;
      const target = here(args[0]);
      const makes = target !== undefined && !(name.startsWith("write") && options?.append === true) && !(name.startsWith("mkdir") && whileHashing(() => existsSync(target)));
      const result: unknown = Reflect.apply(original, deno, args); // a failure throws (or rejects): nothing made
      if (!makes) return result;
      if (result instanceof Promise) return result.then((value: unknown) => (replaced(target), value));
      replaced(target);
      return result;
    };
  }
  // Deno's fetch reads a file: URL from disk (the network stays untracked): the same input as a readTextFile.
  const fetch = globalThis.fetch;
  globalThis.fetch = (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const file = fetchedFile(input);
    if (file !== undefined) readOf(file);
    return fetch(input, init);
  };
  return { modules, reads: () => [...reads], envReads };
}

/** The file a `fetch` reads, when its URL (a string, URL or Request) is a file: URL; a relative URL has no base in Deno's runner, so none. */
function fetchedFile(input: unknown): string | undefined {
  const href = typeof input === "string" ? input : input instanceof URL ? input.href : input instanceof Request ? input.url : undefined;
  if (href === undefined || !URL.canParse(href)) return undefined;
  const url = new URL(href);
  if (url.protocol !== "file:") return undefined;
  try {
    return resolve(fileURLToPath(url));
  } catch {
    return undefined; // a host other than localhost (file://server/x): Deno's fetch refuses it, reading nothing
  }
}
