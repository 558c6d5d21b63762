/**
 * One `vm` context per notebook: the notebook's shared scope is this realm's global object, so
 * nothing a notebook declares, imports or mutates is visible to another notebook. The host passes in
 * only what a Node notebook expects to find (console bound to the output streams, timers, Buffer,
 * URL, TextEncoder, fetch, process, and `require` for Node built-ins; fs, path and `process.cwd()`
 * as in the notebook's folder: notebook-files.ts) and the helper object the
 * rewritten cells call (`__fragtax`, see `transpile.ts`).
 */
import { Console } from "node:console";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Writable } from "node:stream";
import vm from "node:vm";
import { RUNTIME_GLOBAL } from "./cells";
import { BUNDLE_WRAPPER_PREFIX, ENTRY_NAME } from "./imports";
import { moduleNotBundled } from "../messages/notebook";
import { notebookFiles } from "./notebook-files";
import { inspectValue, type FileRead } from "./outputs";
import type { EnvReads } from "../vocabulary/env-reads";
import { MODEL_RUNS } from "../vocabulary/kept-runs";
import type { ModelRunFiles } from "./model-runs";
import type { ScriptCache } from "../util/code-cache";
import { seedMathRandom } from "../util/seeded-random";

export interface RealmOptions {
  /** Absolute path of the notebook: `require` of built-ins resolves from it. */
  readonly notebookFile: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** What `import … from "tslab"` gives. */
  readonly tslab: object;
  /** Each file a cell reads through `fs` (absolute path and content hash; see notebook-files.ts). */
  readonly onFileRead: (read: FileRead) => void;
}

/** A cell's trailing value, boxed; with its text when that was taken as the cell returned (`shown`). */
export type CellValue = readonly [unknown] | readonly [unknown, string | undefined];

export interface Realm {
  /**
   * Evaluates the notebook's import bundle (`imports.ts`) inside the realm; with `modelRuns`, the
   * models its modules export are kept between notebooks (model-runs.ts); with `compiled`, the bundle
   * comes from its V8 code cache (util/code-cache.ts `scriptCache`), when the project keeps one.
   */
  loadImports(bundleCode: string, modelRuns?: ModelRunFiles, compiled?: ScriptCache): void;
  /**
   * Runs one compiled cell; resolves to its trailing expression's value in a box (`[value]`), so that
   * a Promise value is shown rather than awaited; undefined when the cell ends in a statement.
   */
  runCell(code: string, filename: string): Promise<CellValue | undefined>;
  /** What the cells (and the project modules they import) read of `process.env` so far (notebook-env.ts). */
  envReads(): EnvReads;
}

const HOST_GLOBALS = [
  "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask",
  "structuredClone", "Buffer", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "AbortController", "AbortSignal",
  "fetch", "Headers", "Request", "Response", "performance", "atob", "btoa", "crypto", "Blob",
] as const;

export function createRealm(options: RealmOptions): Realm {
  // fs, path and process as in a kernel started in the notebook's folder, with file reads reported.
  const files = notebookFiles(dirname(options.notebookFile), options.onFileRead);
  const hostRequire = files.wrapRequire(createRequire(options.notebookFile), options.notebookFile);
  const loaders = new Map<string, () => unknown>();
  const modules = new Map<string, unknown>();
  /** Modules defined by `@module` cells; re-running such a cell replaces its module. */
  const cellModules = new Map<string, object>();
  let keptRuns: ModelRunFiles | undefined;
  const runtime = {
    /** `import("m")`: the same namespace a static import gets, as a promise. */
    dynamic(specifier: string): Promise<unknown> {
      return new Promise((resolve) => resolve(runtime.imp(specifier)));
    },
    define(specifier: string, getters: Record<string, () => unknown>): void {
      const namespace = Object.create(null) as object;
      for (const [name, get] of Object.entries(getters)) Object.defineProperty(namespace, name, { get, enumerable: true });
      Object.defineProperty(namespace, Symbol.toStringTag, { value: "Module" });
      cellModules.set(specifier, namespace);
    },
    declare(names: readonly string[]): void {
      for (const name of names) if (!Object.prototype.hasOwnProperty.call(sandbox, name)) sandbox[name] = undefined;
    },
    set(name: string, value: unknown): void {
      sandbox[name] = value;
    },
    /** A cell's boxed value with its text as it is now (transpile.ts: a cell without top-level await). */
    shown(box: readonly [unknown]): readonly [unknown, string | undefined] {
      return [box[0], inspectValue(box[0])];
    },
    imp(specifier: string): unknown {
      if (specifier === "tslab") return options.tslab;
      const defined = cellModules.get(specifier);
      if (defined !== undefined) return defined;
      if (!modules.has(specifier)) {
        const load = loaders.get(specifier);
        if (load === undefined) throw new Error(moduleNotBundled(specifier));
        const namespace = asNamespace(load());
        modules.set(specifier, namespace);
        keptRuns?.register(specifier, namespace);
      }
      return modules.get(specifier);
    },
  };
  const context = newContext(options.notebookFile);
  const sandbox = context as Record<string, unknown>;
  sandbox.console = new Console({ stdout: sinkStream(options.stdout), stderr: sinkStream(options.stderr) });
  sandbox.require = hostRequire;
  sandbox.process = files.process;
  sandbox[RUNTIME_GLOBAL] = runtime;
  for (const name of HOST_GLOBALS) lazyGlobal(sandbox, name);
  seedMathRandom(sandbox.Math as Math, options.notebookFile);

  return {
    loadImports(bundleCode, modelRuns, compiled) {
      keptRuns = modelRuns;
      if (modelRuns !== undefined) Object.defineProperty(sandbox, MODEL_RUNS, { value: modelRuns });
      const source = `${BUNDLE_WRAPPER_PREFIX}${bundleCode}\n})`;
      const script = compiled === undefined ? new vm.Script(source, { filename: ENTRY_NAME }) : compiled.compile(source, ENTRY_NAME);
      const wrapper = script.runInContext(context) as (
        module: { exports: unknown },
        exports: unknown,
        require: NodeJS.Require,
      ) => void;
      const module = { exports: {} as unknown };
      wrapper(module, module.exports, hostRequire);
      for (const [specifier, load] of Object.entries(module.exports as Record<string, () => unknown>)) loaders.set(specifier, load);
    },
    runCell(code, filename) {
      return Promise.resolve(new vm.Script(code, { filename }).runInContext(context) as Promise<CellValue | undefined>);
    },
    envReads: files.envReads,
  };
}

/**
 * The realm's global object. A classic contextified sandbox puts V8 interceptors in front of every
 * global lookup, so model code that reads `Math` or `Float64Array` in a hot loop ran ~1.8× slower
 * than in plain Node (a Math.exp loop: 17×). `DONT_CONTEXTIFY` (Node ≥ 20.18) gives the new context
 * an ordinary global object instead: globals are plain properties, as fast as in the main realm.
 */
function newContext(name: string): vm.Context {
  const dontContextify = (vm.constants as unknown as { DONT_CONTEXTIFY?: unknown } | undefined)?.DONT_CONTEXTIFY;
  return dontContextify === undefined ? vm.createContext({}, { name }) : vm.createContext(dontContextify as unknown as vm.Context, { name });
}

/**
 * The host's global `name`, read on first use: several of Node's globals load their implementation
 * when first read (fetch and its classes load undici, ~20 ms per notebook that never fetches). The
 * first read or write turns the accessor into a plain data property, as an eager copy would have been.
 */
function lazyGlobal(sandbox: Record<string, unknown>, name: string): void {
  const settle = (value: unknown): unknown => {
    Object.defineProperty(sandbox, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(sandbox, name, {
    enumerable: true,
    configurable: true,
    get: () => settle((globalThis as Record<string, unknown>)[name]),
    set: settle,
  });
}

/**
 * ES namespace as an `import` sees it: ES modules as they are; CommonJS gets `default` =
 * module.exports and its properties as named exports — also when module.exports is a function
 * (`import { strict } from "assert"`), as Node's own ESM loader does.
 */
function asNamespace(loaded: unknown): unknown {
  const isObject = (typeof loaded === "object" || typeof loaded === "function") && loaded !== null;
  if (isObject && (loaded as { __esModule?: unknown }).__esModule === true) return loaded;
  const named = isObject ? (loaded as Record<string, unknown>) : {};
  return { ...named, default: loaded };
}

function sinkStream(write: (text: string) => void): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: unknown, _encoding, callback) {
      write(typeof chunk === "string" ? chunk : String(chunk));
      callback();
    },
  });
}
