/**
 * Deno notebooks (kernelspec "deno", from `deno jupyter --install`): the cells run in the real Deno
 * runtime (the `deno` npm package ships it), one `deno run` process per notebook:
 *
 *   1. the cells are compiled as for tslab (`transpile.ts`: declarations become globals, top-level
 *      await, a trailing value returned boxed), so cell semantics and located errors are the same;
 *   2. the notebook API entries (`../dist/api.js`, `../dist/model.js`, …) are bundled by esbuild from
 *      src/ as for tslab (`denoBundle`), with the engine's host module (`deno-host.ts`), which gives
 *      `Deno.jupyter` the run context: `notebook(Deno.jupyter)` records figures and claims and reads
 *      tracked assumptions (with `--set` overrides) exactly as `notebook(tslab)` does;
 *   3. `DENO_RUNNER` (below) reads the program on stdin, evaluates that bundle, imports each cell's
 *      other modules with Deno's own resolver before the cell runs (npm:, jsr:, node:, relative .ts
 *      files — not bundled), runs the cell with `node:vm` in Deno's main realm, and reports
 *      `RunEvent`s as lines on stdout;
 *   4. `Deno.jupyter` (display, md, html, svg, format, $display) exists only under `deno jupyter`, so
 *      cells see a `Deno` whose `jupyter` sends displays here; everything else is the real `Deno`.
 *
 * A trailing value is shown as Deno's kernel shows it: its `[Symbol.for("Jupyter.display")]()`
 * bundle, else `Deno.inspect`. The main thread keeps the per-cell timer (deno-watch.ts) and kills the process.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { Plugin } from "esbuild";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UNKNOWN_ASSUMPTION } from "../assumptions/errors";
import { ARGUMENT_FIELD, PLACEHOLDER_FIELD } from "../vocabulary/api-error-marks";
import * as messages from "../messages/notebook";
import { NotebookFormatError } from "./nbformat";
import { bundleSpecifiers, ENGINE_ENTRIES, firstUses, isImportFailure, type ImportBundle, type ImportFailure } from "./imports";
import type { RunJobOptions, WorkerOutcome } from "./pool";
import { findUp, type RunInputs } from "./run-context";
import { watchDeno } from "./deno-watch";
import { denoPausedAt, inspectorFlags } from "./deno-paused-at";
import type { CompiledCell } from "./cells";

/** What the Deno runner needs besides the cells: the bundle (`denoBundle`), the run inputs, the notebook's name. */
export interface DenoRun {
  readonly bundle: ImportBundle;
  readonly inputs: RunInputs;
  readonly notebook: string;
}

/** The bundle's specifier of the engine's host module (deno-host.ts). */
const HOST_SPECIFIER = "fragtax:deno-host";

/**
 * The specifiers of a Deno notebook that fragtax bundles (the public entries, as for tslab, and the
 * host module); every other import is Deno's to resolve.
 */
export function denoBundleSpecifiers(cells: readonly CompiledCell[], notebookFile: string, root: string): string[] {
  const entries = new Set(Object.keys(ENGINE_ENTRIES).map((entry) => join(root, entry)));
  return [...[...firstUses(cells).keys()].filter((specifier) => entries.has(resolve(dirname(notebookFile), specifier))), HOST_SPECIFIER];
}

export async function denoBundle(cells: readonly CompiledCell[], notebookFile: string, root: string): Promise<ImportBundle | ImportFailure> {
  const bundle = await bundleSpecifiers(denoBundleSpecifiers(cells, notebookFile, root), firstUses(cells), notebookFile, root, [hostModule()]);
  // The host module is fragtax's own: outside the project, it is no project module of the notebook.
  return isImportFailure(bundle) ? bundle : { ...bundle, projectModules: bundle.projectModules.filter((file) => !file.startsWith("../")) };
}

/** esbuild plugin: the host specifier → fragtax's own src/notebook/deno-host.ts. */
function hostModule(): Plugin {
  const packageJson = findUp(dirname(fileURLToPath(import.meta.url)), "package.json");
  const path = join(dirname(packageJson ?? "."), "src", "notebook", "deno-host.ts");
  return { name: "fragtax-deno-host", setup: (context) => context.onResolve({ filter: /^fragtax:deno-host$/ }, () => ({ path })) };
}

/** The Deno binary: `FRAGTAX_DENO`, else the platform package the `deno` npm package installed. */
export function findDeno(notebook: string, from: string): string {
  const override = process.env.FRAGTAX_DENO;
  if (override) {
    if (existsSync(override)) return override;
    throw new NotebookFormatError(messages.denoMissing(notebook, `FRAGTAX_DENO=${override} does not exist`), notebook);
  }
  // The project's node_modules first, then fragtax's own (a notebook outside any project).
  const candidates: string[] = [];
  for (const base of [join(from, "package.json"), fileURLToPath(import.meta.url)]) {
    const require = createRequire(base);
    for (const name of [`@deno/${process.platform}-${process.arch}-glibc`, `@deno/${process.platform}-${process.arch}`, "deno"]) {
      try {
        candidates.push(join(dirname(require.resolve(`${name}/package.json`)), process.platform === "win32" ? "deno.exe" : "deno"));
      } catch {
        continue;
      }
    }
  }
  const found = candidates.find((file) => existsSync(file));
  if (found === undefined) throw new NotebookFormatError(messages.denoMissing(notebook, "no deno package in node_modules"), notebook);
  return found;
}

/**
 * Deno goes when fragtax goes, however fragtax ends (kill -9, SIGTERM), even in the middle of a cell
 * that never yields: on Linux it is started through util-linux's `setpriv --pdeathsig KILL`, so the
 * kernel kills it when the thread that started it (this engine's) exits. A Deno left behind would
 * run on, a busy cell at full CPU, until someone found it.
 */
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((path) => process.platform === "linux" && existsSync(path));

function denoRunCommand(deno: string, args: readonly string[]): { readonly command: string; readonly args: readonly string[] } {
  return SETPRIV === undefined ? { command: deno, args } : { command: SETPRIV, args: ["--pdeathsig", "KILL", deno, ...args] };
}

/** Runs compiled cells in Deno; events as from a worker, outcome as from `NotebookWorker.run`. */
export async function runInDeno(deno: string, notebookFile: string, cells: readonly CompiledCell[], run: DenoRun, options: RunJobOptions): Promise<WorkerOutcome> {
  // The inspector, on a free local port whose address only the runner can read: where a cell that ran out of time was (deno-paused-at.ts).
  const { command, args } = denoRunCommand(deno, ["run", "--allow-all", "--quiet", "--no-lock", ...(await inspectorFlags()), "-"]);
  // Its own process group: what a cell starts (`new Deno.Command(…).spawn()`) is stopped with it.
  const child = spawn(command, args, { cwd: dirname(notebookFile), stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" }, detached: true });
  const stopAll = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      child.kill("SIGKILL"); // the group is gone already, or never formed
    }
  };
  const program = {
    notebookDir: pathToFileURL(`${dirname(notebookFile)}/`).href,
    notebook: run.notebook,
    inputs: run.inputs,
    bundle: run.bundle.code,
    // NO_COLOR as the build has it: the runner starts with NO_COLOR=1, then gives the cells this (deno-host.ts).
    noColor: process.env.NO_COLOR ?? null,
    // The cell's `Deno` is the runner's stand-in (line 1 of a compiled cell is all generated, so maps stay valid).
    cells: cells.map(({ cell, code, filename, imports, pragmas }) => ({ cell, filename, imports: imports.map((i) => ({ specifier: i.specifier, type: i.type ?? null })), code: pragmas.browser ? "undefined" : code.replace('(async () => { "use strict"; ', '(async () => { "use strict"; const Deno = __fragtax.deno; ') })),
  };
  const outcome = watchDeno(child, options, cells[0]?.cell ?? 0, stopAll, (inspector) => denoPausedAt(deno, inspector), deno);
  // A Deno that ends before reading its script (no working binary) closes the pipe: its exit says why, not an EPIPE.
  child.stdin.on("error", () => undefined);
  child.stdin.end(`${DENO_RUNNER}\nrun(${JSON.stringify(program)}).catch(crash);\n`);
  return outcome;
}

/** The script `deno run` executes (plain JavaScript: Deno runs it as given). */
const DENO_RUNNER = String.raw`
import vm from "node:vm";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import inspector from "node:inspector";
const encoder = new TextEncoder();
const send = (event) => Deno.stdout.writeSync(encoder.encode("\u001e" + JSON.stringify(event) + "\n"));
const $display = Symbol.for("Jupyter.display");
const plain = (value) => Deno.inspect(value, { colors: false });
const bundleOf = (value) => (value !== null && typeof value === "object" && typeof value[$display] === "function" ? value[$display]() : { "text/plain": plain(value) });
const tagged = (mime) => (strings, ...values) => ({ [$display]: () => ({ [mime]: String.raw({ raw: strings }, ...values) }) });
const jupyter = {
  $display,
  // Async, as Deno's: a cell ending in display(...); shows "Promise { undefined }" there too.
  async display(value, options = {}) { send({ type: "display", data: options.raw ? value : bundleOf(value), update: false }); },
  // Async too, as Deno's: Deno.jupyter.format(x) is a Promise of the bundle.
  async format(value) { return bundleOf(value); },
  md: tagged("text/markdown"),
  html: tagged("text/html"),
  svg: tagged("image/svg+xml"),
  broadcast: async () => undefined,
};
// console's output is the running cell's stream, indented by console.group as Deno's console does;
// console.assert's message goes to stderr, as Deno's kernel shows it (Deno's own would reach only the
// runner's stderr, which is not the cell's).
let indent = "";
const stream = (name) => (...args) => void send({ type: "stream", name, text: format(...args).replace(/^/gm, indent) + "\n" });
const group = (...label) => {
  if (label.length > 0) stream("stdout")(...label);
  indent += "  ";
};
globalThis.console = Object.assign(Object.create(console), {
  log: stream("stdout"), info: stream("stdout"), debug: stream("stdout"), error: stream("stderr"), warn: stream("stderr"),
  group, groupCollapsed: group,
  groupEnd: () => void (indent = indent.slice(2)),
  assert: (condition, ...args) => void (condition || stream("stderr")(args.length === 0 ? "Assertion failed" : "Assertion failed: " + format(...args))),
});
// The bundle's CommonJS namespaces as an import sees them (realm.ts's asNamespace, for esbuild's output).
const asNamespace = (loaded) => (loaded !== null && typeof loaded === "object" && loaded.__esModule === true ? loaded : { ...(loaded ?? {}), default: loaded });
function loadBundle(program) {
  const wrapper = new vm.Script("(function (module, exports, require) {" + program.bundle + "\n})", { filename: "fragtax-imports.js" }).runInThisContext();
  const module = { exports: {} };
  wrapper(module, module.exports, createRequire(new URL("fragtax-imports.js", program.notebookDir)));
  return module.exports;
}
async function run(program) {
  // Deno's inspector address, for fragtax alone (deno-paused-at.ts): a timeout is located with it, and without it (a Deno
  // whose node:inspector has no url()) only named by its cell.
  try {
    send({ type: "inspector", url: inspector.url() ?? "" });
  } catch {}
  const modules = new Map();
  const cellModules = new Map();
  const bundled = loadBundle(program);
  const resolveSpecifier = (s) => (s.startsWith("./") || s.startsWith("../") ? new URL(s, program.notebookDir).href : s);
  // Files the cells read (deno-host.ts): node:fs imports and Deno's read functions report them.
  let files = { modules: new Map(), reads: () => [] };
  // And the environment variables they read (Deno.env and process.env).
  let env = () => ({ values: {} });
  // type: an import's with { type } ("json"), which Deno requires of a JSON module, as deno jupyter does.
  const load = async (s, type) => {
    if (cellModules.has(s)) return cellModules.get(s);
    if (!modules.has(s)) modules.set(s, s in bundled ? asNamespace(bundled[s]()) : files.modules.has(s) ? asNamespace(files.modules.get(s)) : await import(resolveSpecifier(s), type ? { with: { type } } : undefined));
    return modules.get(s);
  };
  let current = program.cells[0]?.cell ?? 1;
  let reads = () => [];
  try {
    const host = asNamespace(bundled["${HOST_SPECIFIER}"]());
    files = host.trackFiles(fileURLToPath(program.notebookDir), Deno, program.noColor);
    host.seedMathRandom(Math, program.notebook);
    env = files.envReads;
    reads = await host.attachRunContext(jupyter, program.inputs, program.notebook, () => current, send);
  } catch (error) {
    // An assumptions file that cannot be loaded fails the first cell, as in the tslab worker.
    send({ type: "cell-start", cell: current });
    send({ type: "cell-end", cell: current, reads: [], thrown: thrown(error) });
    send({ type: "done" });
    return;
  }
  globalThis.__fragtax = {
    deno: Object.create(Deno, { jupyter: { value: jupyter, enumerable: true } }),
    declare(names) { for (const name of names) if (!(name in globalThis)) globalThis[name] = undefined; },
    set(name, value) { globalThis[name] = value; },
    // Deno's kernel shows a value once the cell has settled (Promise.all([...]) resolved): no early text.
    shown: (box) => box,
    imp(s) { return cellModules.get(s) ?? modules.get(s); },
    dynamic: (s, options) => load(s, options?.with?.type),
    define(s, getters) {
      const namespace = Object.create(null);
      for (const [name, get] of Object.entries(getters)) Object.defineProperty(namespace, name, { get, enumerable: true });
      cellModules.set(s, namespace);
    },
  };
  // Deno.exit() or process.exit() in a cell ended Deno mid-cell, read as a stalled or crashed run
  // (Deno.exit(0): "awaits a promise that can never settle"): a cell that calls either fails instead,
  // located, as worker.ts makes it fail in a tslab notebook.
  const calledExit = (name, code) => Object.assign(new Error(${JSON.stringify(messages.cellCalledExit("", ""))}.replace("", name).replace("", code === undefined ? "" : String(code))), { name: "ProcessExitError" });
  Deno.exit = (code) => { throw calledExit("Deno.exit", code); };
  globalThis.process.exit = (code) => { throw calledExit("process.exit", code); };
  // An exception a scheduled callback throws, or a rejection nothing handles, fails the running cell
  // (worker.ts does the same for tslab) rather than ending Deno with its own dump; one thrown just
  // after the last cell fails that cell.
  let late;
  let failRunning = () => undefined;
  globalThis.addEventListener("error", (event) => {
    event.preventDefault();
    failRunning(event.error);
  });
  globalThis.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    const reason = thrown(event.reason);
    failRunning(Object.assign(new Error(${JSON.stringify(messages.unhandledRejection("\u0000"))}.replace("\u0000", () => reason.evalue)), { name: reason.ename, stack: reason.stack }));
  });
  for (const [index, cell] of program.cells.entries()) {
    current = cell.cell;
    send({ type: "cell-start", cell: cell.cell });
    try {
      for (const { specifier, type } of cell.imports) await load(specifier, type);
      const box = await new Promise((resolve, reject) => {
        failRunning = (error) => {
          late ??= { error };
          reject(error);
        };
        Promise.resolve(new vm.Script(cell.code, { filename: cell.filename }).runInThisContext()).then(resolve, reject);
      });
      if (index === program.cells.length - 1) await new Promise((resolve) => setTimeout(resolve, 0));
      if (late !== undefined) throw late.error;
      const value = box === undefined ? undefined : box[0];
      const shown = value === undefined || value === null ? undefined : bundleOf(value);
      const api = value !== null && typeof value === "object" && value[Symbol.for("fragtax.shown")] === true;
      send({ type: "cell-end", cell: cell.cell, reads: reads(), files: files.reads(), env: env(), ...(shown === undefined ? {} : { value: shown["text/plain"] ?? "", bundle: shown }), ...(api ? { shown: true } : {}) });
    } catch (error) {
      send({ type: "cell-end", cell: cell.cell, reads: reads(), files: files.reads(), env: env(), thrown: thrown(error) });
      break;
    }
  }
  send({ type: "done" });
}
// A thrown value that is no Error (throw 1, throw { message: "m" }) is shown as Deno's kernel shows it:
// an Error whose message is the value as a string ("1", "null", "[object Object]").
function thrown(error) {
  const fields = error instanceof Error ? error : {};
  const ename = typeof fields.name === "string" ? fields.name : "Error";
  const evalue = error instanceof Error ? (typeof fields.message === "string" ? fields.message : "") : asString(error);
  const about = ename === ${JSON.stringify(UNKNOWN_ASSUMPTION)} && typeof fields.id === "string" ? { about: fields.id } : {};
  // The template value the API's error is about (one of nb.md's values): located there, not at the tag, as in the tslab worker.
  const placeholder = fields[${JSON.stringify(PLACEHOLDER_FIELD)}];
  const value = Number.isSafeInteger(placeholder) && placeholder >= 0 ? { placeholder } : {};
  // The field of the API's argument it is about (nb.figure's "id"): located at that property's value.
  const field = typeof fields[${JSON.stringify(ARGUMENT_FIELD)}] === "string" ? { field: fields[${JSON.stringify(ARGUMENT_FIELD)}] } : {};
  return { ename, evalue, stack: typeof fields.stack === "string" ? fields.stack : "", ...about, ...value, ...field };
}
// The run is not awaited at the top level: a cell awaiting a promise nothing can settle then lets Deno
// end with 0 once nothing is left to do, which watchDeno reads as stalled (awaited, Deno ended with 1 and
// its own "Top-level await promise never resolved" at this script's line). What escapes run() is a crash.
const exit = Deno.exit.bind(Deno);
function crash(error) {
  Deno.stderr.writeSync(encoder.encode("error: Uncaught " + (error instanceof Error ? error.stack : asString(error)) + "\n"));
  exit(1);
}
function asString(value) {
  try {
    return String(value);
  } catch {
    return plain(value); // an object without a prototype has no toString
  }
}
`;
