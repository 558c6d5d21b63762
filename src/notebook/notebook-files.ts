/**
 * The file system as a notebook's cells see it. Jupyter starts a kernel in the notebook's folder, so
 * `readFileSync("data.csv")` there names the file beside the notebook. A worker thread cannot change
 * the process's directory (and chapters run side by side), so the realm gets its own `fs`,
 * `fs/promises` and `path`, which resolve a relative path against the notebook's folder, and a
 * `process` whose `cwd()` is that folder: the same notebook reads the same file wherever `fragtax` was
 * started.
 *
 * Every file a cell reads through them (`readFile`, `readFileSync`, `createReadStream`, `open` for
 * reading) is reported by `onRead`, with its absolute path: the build keeps its content in the
 * notebook's fingerprint and re-runs the notebook when it changes, as it does for a chart's data file.
 * A read that failed is reported too, so creating the file later re-runs the notebook. What is not
 * tracked: directory listings, files read by a child process, and the network.
 */
// The modules themselves (default imports), not namespace objects: their properties can be copied and replaced.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** fs functions whose first argument is a path. */
const FIRST_PATH = [
  "access", "appendFile", "chmod", "chown", "createReadStream", "createWriteStream", "exists", "lchmod", "lchown", "lstat",
  "lutimes", "mkdir", "mkdtemp", "open", "openAsBlob", "opendir", "readdir", "readFile", "readlink", "realpath", "rm", "rmdir",
  "stat", "statfs", "truncate", "unlink", "utimes", "watch", "watchFile", "unwatchFile", "writeFile",
] as const;
/** fs functions whose first two arguments are paths (`symlink`'s first is the link's target: kept as written). */
const TWO_PATHS = ["copyFile", "cp", "link", "rename"] as const;
/** fs functions that read a file's content, by the path they were given. */
const READS: ReadonlySet<string> = new Set(["readFile", "readFileSync", "createReadStream", "open", "openSync"]);

export interface NotebookFiles {
  /** What `require` (and `import`) of these built-ins give the realm, by specifier. */
  readonly modules: ReadonlyMap<string, unknown>;
  /** The realm's `process`: the host's, with `cwd()` the notebook's folder. */
  readonly process: NodeJS.Process;
}

export function notebookFiles(folder: string, onRead: (file: string) => void): NotebookFiles {
  const here = (p: unknown): unknown => {
    if (typeof p === "string") return path.isAbsolute(p) ? p : path.resolve(folder, p);
    if (Buffer.isBuffer(p)) return path.isAbsolute(p.toString()) ? p : Buffer.from(path.resolve(folder, p.toString()));
    return p; // a URL (always absolute), a file descriptor or a FileHandle
  };
  const record = (name: string, args: readonly unknown[]): void => {
    if (!READS.has(name)) return;
    const flags = args[1];
    // `open` reads unless its flags say write-only ("w", "a", O_WRONLY) or start the file anew ("w+").
    const forReading = !name.startsWith("open") || flags === undefined || (typeof flags === "string" ? flags.startsWith("r") : typeof flags === "number" && (flags & 3) !== fs.constants.O_WRONLY);
    if (!forReading) return;
    const target = args[0];
    if (typeof target === "string" || Buffer.isBuffer(target)) onRead(target.toString());
    else if (target instanceof URL && target.protocol === "file:") onRead(fileURLToPath(target));
  };
  const wrapAll = (module: object, sync: boolean): Record<string, unknown> => {
    const wrapped = Object.defineProperties({}, Object.getOwnPropertyDescriptors(module)) as Record<string, unknown>;
    const wrap = (name: string, paths: number): void => {
      const original = (module as Record<string, unknown>)[name];
      if (typeof original !== "function") return;
      const replacement = function (this: unknown, ...args: unknown[]): unknown {
        for (let i = 0; i < paths && i < args.length; i++) args[i] = here(args[i]);
        record(name, args);
        return Reflect.apply(original, this, args);
      };
      // realpath.native and friends: the properties hung on the original function stay reachable.
      Object.defineProperties(replacement, Object.getOwnPropertyDescriptors(original));
      wrapped[name] = replacement;
    };
    for (const name of FIRST_PATH) {
      wrap(name, 1);
      if (sync) wrap(`${name}Sync`, 1);
    }
    for (const name of TWO_PATHS) {
      wrap(name, 2);
      if (sync) wrap(`${name}Sync`, 2);
    }
    for (const name of sync ? ["symlink", "symlinkSync"] : ["symlink"]) wrapSecond(wrapped, module, name, here);
    return wrapped;
  };
  const promises = wrapAll(fs.promises, false);
  const files = wrapAll(fs, true);
  Object.defineProperty(files, "promises", { value: promises, enumerable: true, configurable: true, writable: true });
  const paths = notebookPath(folder);
  const modules = new Map<string, unknown>([
    ["fs", files], ["node:fs", files], ["fs/promises", promises], ["node:fs/promises", promises],
    ["path", paths], ["node:path", paths], ["path/posix", paths.posix], ["node:path/posix", paths.posix],
  ]);
  const cwd = (): string => folder;
  const process = new Proxy(globalThis.process, {
    get: (target, key) => (key === "cwd" ? cwd : Reflect.get(target, key, target)),
  });
  return { modules, process };
}

/** `symlink(target, path)`: only the link's own path is resolved here. */
function wrapSecond(wrapped: Record<string, unknown>, module: object, name: string, here: (p: unknown) => unknown): void {
  const original = (module as Record<string, unknown>)[name];
  if (typeof original !== "function") return;
  wrapped[name] = function (this: unknown, ...args: unknown[]): unknown {
    if (args.length > 1) args[1] = here(args[1]);
    return Reflect.apply(original, this, args);
  };
}

/** `path`, with `resolve` and `relative` starting from the notebook's folder instead of the process's. */
function notebookPath(folder: string): typeof path {
  const resolveHere = (...segments: string[]): string => path.resolve(folder, ...segments);
  const own = { ...path, resolve: resolveHere, relative: (from: string, to: string): string => path.relative(resolveHere(from), resolveHere(to)) } as typeof path;
  // On POSIX `path.posix` is `path` itself: keep it so, for code that compares or calls through it.
  return Object.assign(own, { posix: path.posix === path ? own : path.posix, win32: path.win32 });
}
