/**
 * The file system as a notebook's cells see it. Jupyter starts a kernel in the notebook's folder, so
 * `readFileSync("data.csv")` there names the file beside the notebook. A worker thread cannot change
 * the process's directory (and chapters run side by side), so the realm gets its own `fs`,
 * `fs/promises`, `path`, `process` (whose `cwd()` is that folder) and `module` (whose `createRequire`
 * gives the same), which resolve a relative path against the notebook's folder, and a
 * `child_process` whose commands start there unless told otherwise: the same notebook reads the same
 * file wherever `fragtax` was started.
 *
 * Every file a cell reads or looks at through them (`readFile`, `createReadStream`, `open` for
 * reading, `openAsBlob`, the source of a copy, and `exists`, `access`, `stat`, `lstat`: a cell that
 * checks for an optional file depends on it too) is reported by `onRead` once, with its absolute path
 * and the sha256 of its content just before the first read ("" when there is no regular file). The
 * build keeps that hash in the notebook's fingerprint and re-runs the notebook when the file differs,
 * as it does for a chart's data file; hashing before the read errs towards one run too many, never a
 * stale one. A folder a cell lists (`readdir`, `opendir`) is reported the same way, with the hash of
 * its listing (names and kinds; recursively when the call asks so), so a file added there re-runs the
 * notebook. A folder looked at (`existsSync`, `stat`) is recorded as one (util/hash.ts `contentStamp`),
 * so its appearing re-runs the notebook. A file loaded through the realm's `require` (or one
 * `createRequire` made) is reported the same way, with what it requires in turn (required-files.ts);
 * what the cells read of `process.env` is recorded by notebook-env.ts. What is not tracked: files
 * read by a child process or by a required module itself, paths given as bytes that are not UTF-8,
 * and the network.
 */
// The modules themselves (default imports), not namespace objects: their properties can be copied and replaced.
import type * as ChildProcesses from "node:child_process";
import fs from "node:fs";
import nodeModule from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { contentStamp, FOLDER_STAMP, sha256OfListing } from "../util/hash";
import type { FileRead } from "./outputs";
import { forgetRequiredFiles, requireRecording } from "./required-files";
import { trackedEnv } from "./notebook-env";
import type { EnvReads } from "../vocabulary/env-reads";

/** fs functions whose first argument is a path. */
const FIRST_PATH = [
  "access", "appendFile", "chmod", "chown", "createReadStream", "createWriteStream", "exists", "lchmod", "lchown", "lstat",
  "lutimes", "mkdir", "mkdtemp", "open", "openAsBlob", "opendir", "readdir", "readFile", "readlink", "realpath", "rm", "rmdir",
  "stat", "statfs", "truncate", "unlink", "utimes", "watch", "watchFile", "unwatchFile", "writeFile",
] as const;
/** fs functions whose first two arguments are paths (`symlink`'s first is the link's target: kept as written). */
const TWO_PATHS = ["copyFile", "cp", "link", "rename"] as const;
/** child_process functions: each takes its options after the command (and its argument list, when given). */
const SPAWNS = ["exec", "execSync", "execFile", "execFileSync", "fork", "spawn", "spawnSync"] as const;
/**
 * fs functions (and their Sync forms) whose result depends on the first path's content or presence.
 * `realpath` and `readlink` too: a cell that reads the file a link resolves to reads it under the
 * resolved name, so the link itself is the input that says when it points elsewhere.
 */
const READS: ReadonlySet<string> = new Set(["readFile", "createReadStream", "open", "openAsBlob", "copyFile", "cp", "exists", "access", "stat", "lstat", "realpath", "readlink"]);
/**
 * fs functions (and their Sync forms) that make their first path anew with the notebook's own content
 * once they succeed: a whole write, a truncating open, a removal, a folder made where there was none
 * (`mkdtemp`: the folder it returns). A later read at or below it sees the notebook's own doing, not an
 * input. Copies, renames and links are not among them: what they make carries an input's content.
 */
const REPLACES: ReadonlySet<string> = new Set(["writeFile", "open", "rm", "rmdir", "unlink", "mkdir", "mkdtemp"]);
/** fs functions (and their Sync forms) whose result is the first path's listing. */
const LISTINGS: ReadonlySet<string> = new Set(["readdir", "opendir"]);

/**
 * What resolving a link reads besides the link's content: its folder's listing, which names each link's
 * target (util/hash.ts `sha256OfListing`). A link to a folder, or to a file of the same content,
 * re-pointed changes no content stamp, but changes that. For the Node realm here and Deno's (deno-host.ts).
 */
export function linkFolderRead(link: string): FileRead {
  const folder = path.dirname(link);
  return { path: folder, sha256: whileHashing(() => sha256OfListing(folder, false)) ?? "", listing: "folder" };
}

export interface NotebookFiles {
  /** What `require` (and `import`) of these built-ins give the realm, by specifier. */
  readonly modules: ReadonlyMap<string, unknown>;
  /** The realm's `process`: the host's, with `cwd()` the notebook's folder and its `env` reads recorded. */
  readonly process: NodeJS.Process;
  /** `require` over `base` (made by `createRequire(from)`), giving these modules for their specifiers and recording the project files it loads. */
  wrapRequire(base: NodeJS.Require, from: string | URL): NodeJS.Require;
  /** What the cells read of `process.env` so far (notebook-env.ts). */
  envReads(): EnvReads;
  /** Notes a path the notebook made anew (removed, written whole, created), once made; reads at or below it are not inputs. */
  replaced(path: string): void;
  /** Whether a read of `path` would see what the notebook itself made (see `replaced`). */
  isReplaced(path: string): boolean;
}

/**
 * Whether fragtax itself is hashing a file or listing a folder now. In Deno the hashing's own node:fs
 * calls reach `Deno`'s functions, which deno-host.ts wraps to record a notebook's reads: those are not
 * the notebook's, and recording them from inside a recording would not end.
 */
let hashing = 0;
export const isHashing = (): boolean => hashing > 0;
export function whileHashing<T>(work: () => T): T {
  hashing++;
  try {
    return work();
  } finally {
    hashing--;
  }
}

export function notebookFiles(folder: string, onRead: (read: FileRead) => void, environment: NodeJS.ProcessEnv = globalThis.process.env): NotebookFiles {
  const seen = new Set<string>();
  // Paths the notebook made anew: `rmSync("scratch"); existsSync("scratch")` reads no input, and
  // recording it would compare the folder the run left against the "missing" it saw: a re-run every build.
  const made = new Set<string>();
  const replaced = (file: string): void => void made.add(path.resolve(folder, file));
  const isReplaced = (file: string): boolean => [...made].some((root) => file === root || file.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`));
  const here = (p: unknown): unknown => {
    if (typeof p === "string") return path.isAbsolute(p) ? p : path.resolve(folder, p);
    if (Buffer.isBuffer(p)) return path.isAbsolute(p.toString()) ? p : Buffer.from(path.resolve(folder, p.toString()));
    return p; // a URL (always absolute), a file descriptor or a FileHandle
  };
  const record = (name: string, args: readonly unknown[]): void => {
    const base = name.replace(/Sync$/, "");
    // fs/promises and opendir take any truthy `recursive`, as a recursive listing.
    const listing = LISTINGS.has(base) ? (isRecordLike(args[1]) && Boolean(args[1].recursive) ? "tree" : "folder") : undefined;
    if (listing === undefined && !READS.has(base)) return;
    if (base === "open" && !opensForReading(args[1])) return;
    const named = pathOf(args[0]);
    // One spelling per path (`inbox`, `./inbox/`): the first read is what the cell saw first.
    const file = named === undefined ? undefined : path.resolve(folder, named);
    const key = `${listing ?? "file"}:${file}`;
    if (file === undefined || seen.has(key) || isReplaced(file)) return;
    seen.add(key);
    if (listing !== undefined) {
      onRead({ path: file, sha256: whileHashing(() => sha256OfListing(file, listing === "tree")) ?? "", listing });
      return;
    }
    const stamp = whileHashing(() => contentStamp(file));
    onRead({ path: file, sha256: stamp });
    const linkFolder = base === "realpath" || base === "readlink" ? path.dirname(file) : undefined;
    if (linkFolder !== undefined && !seen.has(`folder:${linkFolder}`) && !isReplaced(linkFolder)) {
      seen.add(`folder:${linkFolder}`);
      onRead(linkFolderRead(file));
    }
    // A folder copied whole (`cp(…, { recursive })`) is read whole: its tree and every file in it.
    if (base === "cp" && stamp === FOLDER_STAMP) {
      onRead({ path: file, sha256: whileHashing(() => sha256OfListing(file, true)) ?? "", listing: "tree" });
      for (const inner of whileHashing(() => filesBelow(file))) record("readFile", [inner]);
    }
  };
  const wrapAll = (module: object, sync: boolean): Record<string, unknown> => {
    const wrapped = Object.defineProperties({}, Object.getOwnPropertyDescriptors(module)) as Record<string, unknown>;
    const wrap = (name: string, paths: number): void => {
      const original = (module as Record<string, unknown>)[name];
      if (typeof original !== "function") return;
      const replacement = function (this: unknown, ...args: unknown[]): unknown {
        for (let i = 0; i < paths && i < args.length; i++) args[i] = here(args[i]);
        record(name, args);
        const makes = makesAnew(name, args);
        if (makes === undefined) return Reflect.apply(original, this, args);
        // Marked only once the call succeeded (a failed `wx` write or `rm` of a full folder made nothing).
        const done = (result: unknown): void => void (name.startsWith("mkdtemp") ? typeof result === "string" && replaced(result) : makes.forEach(replaced));
        const last = args.length - 1;
        if (!name.endsWith("Sync") && typeof args[last] === "function") {
          const callback = args[last] as (...results: unknown[]) => unknown;
          args[last] = function (this: unknown, error: unknown, ...results: unknown[]): unknown {
            if (error === null || error === undefined) done(results[0]);
            return Reflect.apply(callback, this, [error, ...results]);
          };
          return Reflect.apply(original, this, args);
        }
        const result: unknown = Reflect.apply(original, this, args);
        if (result instanceof Promise) return result.then((value: unknown) => (done(value), value));
        done(result);
        return result;
      };
      // realpath.native and friends stay reachable; `exists` keeps a promisified form, through this wrapper.
      const { [promisify.custom]: custom, ...own } = Object.getOwnPropertyDescriptors(original) as Record<string | symbol, PropertyDescriptor>;
      Object.defineProperties(replacement, own);
      // realpath.native resolves a path as realpath does: relative to the notebook's folder, and recorded.
      const native = (original as { native?: unknown }).native;
      if (typeof native === "function")
        Object.defineProperty(replacement, "native", {
          value: function (this: unknown, ...args: unknown[]): unknown {
            if (args.length > 0) args[0] = here(args[0]);
            record(name, args);
            return Reflect.apply(native, this, args);
          },
          configurable: true,
          writable: true,
        });
      if (custom !== undefined) Object.defineProperty(replacement, promisify.custom, { value: (p: unknown) => new Promise((resolve) => replacement(p, resolve)), configurable: true });
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
  // `new fs.ReadStream(path)` and `new fs.WriteStream(path)`, as createReadStream and createWriteStream.
  files.ReadStream = streamClass(fs.ReadStream, (p) => here(p), (p) => record("createReadStream", [p]));
  files.WriteStream = streamClass(fs.WriteStream, (p) => here(p), () => undefined);
  const paths = notebookPath(folder);
  const cwd = (): string => folder;
  const env = trackedEnv(environment);
  const process = new Proxy(globalThis.process, {
    get: (target, key) => (key === "cwd" ? cwd : key === "env" ? env.env : Reflect.get(target, key, target)),
  });
  let children: typeof ChildProcesses | undefined;
  const startHere = (): typeof ChildProcesses => (children ??= startingHere(folder));
  const modules = new OwnModules(
    [
      ["fs", files], ["node:fs", files], ["fs/promises", promises], ["node:fs/promises", promises],
      ["path", paths], ["node:path", paths], ["path/posix", paths.posix], ["node:path/posix", paths.posix],
      ["process", process], ["node:process", process],
    ],
    [["child_process", startHere], ["node:child_process", startHere]],
  );
  forgetRequiredFiles();
  const load = requireRecording(folder, (file) => record("readFile", [file]));
  const wrapRequire = (base: NodeJS.Require, from: string | URL): NodeJS.Require =>
    Object.assign((id: string): unknown => (modules.has(id) ? modules.get(id) : load(base, from, id)), {
      resolve: base.resolve,
      cache: base.cache,
      extensions: base.extensions,
      main: base.main,
    }) as NodeJS.Require;
  // `createRequire(...)("fs")` gives the same fs as `require("fs")`.
  const ownModule = Object.assign(Object.create(nodeModule) as typeof nodeModule, {
    createRequire: (from: string | URL): NodeJS.Require => wrapRequire(nodeModule.createRequire(from), from),
  });
  modules.set("module", ownModule);
  modules.set("node:module", ownModule);
  return { modules, process, wrapRequire, replaced, isReplaced, envReads: env.reads };
}

/**
 * The paths a call would make anew if it succeeds (see REPLACES), or undefined when it makes none:
 * not an append or an update in place, not a folder that is there already.
 */
function makesAnew(name: string, args: readonly unknown[]): string[] | undefined {
  const base = name.replace(/Sync$/, "");
  if (!REPLACES.has(base)) return undefined;
  const options = args[1];
  const flag = typeof options === "string" ? options : isRecordLike(options) ? String((options as { flag?: unknown }).flag ?? "") : "";
  if (base === "writeFile" && (flag.includes("a") || flag.startsWith("r"))) return undefined;
  if (base === "open" && !/^w/.test(typeof args[1] === "string" ? args[1] : "")) return undefined;
  if (base === "mkdtemp") return [];
  const path = pathOf(args[0]);
  if (path === undefined || (base === "mkdir" && whileHashing(() => fs.existsSync(path)))) return undefined;
  return [path];
}

/**
 * The built-ins a realm gives in place of Node's, by specifier; those in `later` are made when first
 * asked for: child_process takes a thread ~4 ms to load, at every notebook's start, and few notebooks
 * start a program.
 */
class OwnModules extends Map<string, unknown> {
  readonly #later: ReadonlyMap<string, () => unknown>;

  constructor(now: Iterable<readonly [string, unknown]>, later: Iterable<readonly [string, () => unknown]>) {
    super(now);
    this.#later = new Map(later);
  }

  override has(specifier: string): boolean {
    return super.has(specifier) || this.#later.has(specifier);
  }

  override get(specifier: string): unknown {
    const make = this.#later.get(specifier);
    if (make !== undefined && !super.has(specifier)) super.set(specifier, make());
    return super.get(specifier);
  }
}

/** child_process, with `cwd` the notebook's folder when a call gives none (as a kernel started there). */
function startingHere(folder: string): typeof ChildProcesses {
  // Required here, not imported: a thread loads it only for a notebook that asks for it (OwnModules).
  const childProcess = nodeModule.createRequire(import.meta.url)("node:child_process") as typeof ChildProcesses;
  const own = Object.defineProperties({}, Object.getOwnPropertyDescriptors(childProcess)) as Record<string, unknown>;
  // The options come after the command, and after its argument list when there is one.
  const withCwd = (args: unknown[]): unknown[] => {
    const at = Array.isArray(args[1]) ? 2 : 1;
    const options = args[at];
    if (typeof options === "object" && options !== null) {
      if ((options as { cwd?: unknown }).cwd === undefined) args[at] = { ...options, cwd: folder };
    } else if (options === undefined || options === null || typeof options === "function") {
      args.splice(at, options === undefined || options === null ? 1 : 0, { cwd: folder });
    }
    return args;
  };
  for (const name of SPAWNS) {
    const original = childProcess[name] as (...args: unknown[]) => unknown;
    const replacement = (...args: unknown[]): unknown => Reflect.apply(original, childProcess, withCwd(args));
    // exec and execFile keep their promisified forms (util.promisify.custom: { stdout, stderr }), started here too.
    const { [promisify.custom]: custom, ...descriptors } = Object.getOwnPropertyDescriptors(original) as Record<string | symbol, PropertyDescriptor>;
    Object.defineProperties(replacement, descriptors);
    const promised = custom?.value as ((...args: unknown[]) => unknown) | undefined;
    if (promised !== undefined) Object.defineProperty(replacement, promisify.custom, { value: (...args: unknown[]) => Reflect.apply(promised, childProcess, withCwd(args)), configurable: true });
    own[name] = replacement;
  }
  return own as unknown as typeof ChildProcesses;
}

/** The path an fs call names: a string, a Buffer or a file: URL (a file descriptor or handle names none). */
function pathOf(target: unknown): string | undefined {
  if (typeof target === "string" || Buffer.isBuffer(target)) return target.toString();
  return target instanceof URL && target.protocol === "file:" ? fileURLToPath(target) : undefined;
}

const isRecordLike = (value: unknown): value is { readonly recursive?: unknown } => typeof value === "object" && value !== null;

/** The regular files at any depth below `folder` (links not followed, as `cp` copies them as links). */
function filesBelow(folder: string): string[] {
  try {
    return fs.readdirSync(folder, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** `open`'s flags read unless write-only: "w", "a", "wx", "ax" (any with "r" or "+" reads) or O_WRONLY. */
function opensForReading(flags: unknown): boolean {
  if (flags === undefined || flags === null) return true;
  if (typeof flags === "string") return flags.includes("r") || flags.includes("+");
  return typeof flags !== "number" || (flags & 3) !== fs.constants.O_WRONLY;
}

/** A stream class whose constructor resolves its path here (and reports a read). */
function streamClass<T extends new (...args: never[]) => object>(Base: T, here: (p: unknown) => unknown, read: (p: unknown) => void): T {
  const Wrapped = function (this: unknown, ...args: unknown[]): object {
    if (args.length > 0) args[0] = here(args[0]);
    read(args[0]);
    return Reflect.construct(Base, args, new.target ?? Wrapped) as object;
  };
  Object.setPrototypeOf(Wrapped, Base);
  Wrapped.prototype = Base.prototype;
  return Wrapped as unknown as T;
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
