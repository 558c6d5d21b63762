/**
 * The project files a notebook loads with `require` (the realm's, or one `createRequire` made): a JSON
 * file or a local module is as much an input as a file read through fs, so each is reported as read
 * (notebook-files.ts records it), with the hash of its content just before Node reads it. Node loads
 * a module, and what that module requires in turn, inside one synchronous call, through the
 * `require.extensions` handler of the file's extension: for that call each handler is wrapped to
 * report the file first, so a module's own `require("./table.json")` is an input too. Packages (a path
 * under node_modules) are not reported: package-lock.json covers them, as it covers imported ones.
 *
 * Node keeps what it loaded in its module cache, which outlives a realm: the worker thread runs the
 * next notebook, and `fragtax dev` the next build, in the same thread. A project file served from
 * there would be what an earlier notebook loaded, maybe before an edit, and would pass through no
 * handler to be reported; so each new realm first drops every project file an earlier one loaded
 * (`forgetRequiredFiles`), and Node loads it afresh.
 *
 * A relative or absolute id that names no file is reported as missing (as written, and with each
 * extension Node tries), so creating that file re-runs the notebook. What a required module itself
 * reads through fs or from process.env is not tracked: it runs with Node's own modules, not the realm's.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

type Handler = (module: NodeJS.Module, filename: string) => unknown;

/** Project files realms of this thread loaded through require, with the cache that holds them. */
const loaded = new Map<string, NodeJS.Dict<NodeJS.Module>>();

/** Drops from Node's module cache the project files earlier realms loaded, so this realm loads (and reports) them anew. */
export function forgetRequiredFiles(): void {
  for (const [file, cache] of loaded) delete cache[file];
  loaded.clear();
}

/** `require(id)` through `base` (made by `createRequire(from)`), reporting each project file it loads. */
export function requireRecording(folder: string, onFile: (file: string) => void): (base: NodeJS.Require, from: string | URL, id: string) => unknown {
  // A package is under a node_modules folder seen from the notebook's folder: a project that itself
  // lies under one (…/node_modules/proj/notebooks) still has its own files tracked.
  const inPackage = (file: string): boolean => path.relative(folder, file).split(/[\\/]/).includes("node_modules");
  let depth = 0;
  return (base, from, id) => {
    const handlers = (base.extensions ?? {}) as unknown as Record<string, Handler>;
    // Only the outermost call wraps: the handlers of a nested one would wrap the wrappers.
    const originals = depth === 0 ? Object.entries(handlers) : [];
    for (const [extension, handler] of originals) {
      handlers[extension] = function (this: unknown, module: NodeJS.Module, filename: string): unknown {
        if (!inPackage(filename)) {
          loaded.set(filename, base.cache);
          onFile(filename);
        }
        return Reflect.apply(handler, this, [module, filename]);
      };
    }
    depth++;
    try {
      return base(id);
    } catch (error) {
      if ((error as { code?: unknown }).code === "MODULE_NOT_FOUND") for (const file of missingFiles(from, id, Object.keys(handlers))) if (!inPackage(file)) onFile(file);
      throw error;
    } finally {
      depth--;
      for (const [extension, handler] of originals) handlers[extension] = handler;
    }
  };
}

/** The files a path-like id could have named (as written, then with each extension Node tries); none for a package name. */
function missingFiles(from: string | URL, id: string, extensions: readonly string[]): string[] {
  if (!(path.isAbsolute(id) || id === "." || id === ".." || /^\.\.?[\\/]/.test(id))) return [];
  const start = from instanceof URL || from.startsWith("file:") ? fileURLToPath(from) : from;
  // createRequire takes a file, or a folder when the path ends with a separator.
  const folder = /[\\/]$/.test(start) ? start : path.dirname(start);
  const file = path.resolve(folder, id);
  return [file, ...extensions.map((extension) => `${file}${extension}`)];
}
