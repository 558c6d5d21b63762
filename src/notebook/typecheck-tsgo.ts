/**
 * The tslab notebook check on the native TypeScript compiler (`tsgo`, from the
 * `@typescript/native-preview` package, whose platform packages ship the binary): the same cell
 * modules and rules as the TypeScript API checker (typecheck-rules.ts), about seven times less CPU —
 * the largest part of a cold build was this check.
 *
 *  1. write    each cell module under `<root>/out/.cache/tsgo-check/<tmp>/fs/`, mirroring its path,
 *              and in the mirrored project a stub for each public entry (`dist/api.ts` re-exports
 *              `src/api/engine.ts`: the engine's sources, as the API checker's host resolves them)
 *  2. config   a tsconfig.json extending the project's, with tslab's options, `rootDirs` joining the
 *              mirror to the project (a cell's `./lib/x.ts` is the notebook's) and `tslab` mapped to
 *              fragtax's declarations
 *  3. check    `tsgo -p … --pretty false --explainFiles --singleThreaded`: the errors, then why each
 *              file is in the program (which file imports it: the module graph). On one thread: the
 *              check runs while the chapters compile and run on the same cores, and its parallel
 *              parsing and checkers only added work there (measured on this report's ~570 files:
 *              ~0.7 → ~0.4 s of CPU, and less wall time even on an idle machine); the output is the same
 *  4. locate   each error back to notebook / cell / line / column (line 1 of a cell module is its
 *              header) or to the project file
 *
 * It returns undefined, and the caller uses the TypeScript API, when it cannot give the same answer:
 * no binary for this platform, a notebook outside the project or with `@module` cells (their imports
 * resolve per cell), no place to write, or a project tsconfig the native compiler rejects.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { totalmem } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { outPaths } from "../config/paths";
import { ENGINE_ENTRIES } from "./imports";
import { reachable } from "./module-graph";
import { cellPragmas } from "./pragmas";
import { findUp } from "./run-context";
import { displayPath } from "../util/paths";
import { cellModules, packageFolder, type CellModule, type CheckDiagnostic, type CheckedProgram, type NotebookCells, type ProgramOptions } from "./typecheck-rules";
import { byCodeUnits } from "../util/order";
import { makeFolderSync } from "../util/folders";

/** `path(line,col): error TS1234: message`, the first line of an error without `--pretty`. */
const ERROR_LINE = /^(.+)\((\d+),(\d+)\): error TS(\d+): (.*)$/;
/** An error without a file (`error TS5023: …`): an option the compiler rejects. */
const GLOBAL_ERROR = /^error TS(\d+): (.*)$/;
/** A message chain's next line: indented by two spaces per level (explanations use three). */
const CHAIN_LINE = /^((?: {2})+)(\S.*)$/;
/** `--explainFiles`: a file in the program, then its reasons, one of them per importing file. */
const IMPORTED_BY = /^ {3}Imported via .* from file '(.+?)'(?: with packageId .*)?$/;
/** Ten minutes: far beyond a check of the largest report (a second), short of a hung build. */
const CHECK_TIMEOUT_MS = 600_000;
/** The compiler's output, at most: `--explainFiles` names every file of the program. */
const MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * The compiler's environment: Go's garbage collector off, under a memory limit. A check is one short
 * process whose memory peaks at the same ~90 MB with or without collections (this report's), so they
 * freed nothing it needed and cost ~14% of its CPU (0.575 → 0.497 s, 6 alternating runs). A larger
 * project's check collects once it nears the limit, a quarter of the machine's memory up to 1 GiB.
 * A GOGC or GOMEMLIMIT set by the user is theirs to keep.
 */
export function checkEnvironment(env: NodeJS.ProcessEnv, memory = totalmem()): NodeJS.ProcessEnv {
  if (env.GOGC !== undefined || env.GOMEMLIMIT !== undefined) return env;
  return { ...env, GOGC: "off", GOMEMLIMIT: String(Math.floor(Math.min(memory / 4, 2 ** 30))) };
}

/** The native compiler's binary for this platform, or undefined when its package is not installed. */
export function tsgoBinary(): string | undefined {
  const require = createRequire(fileURLToPath(import.meta.url));
  const name = `@typescript/native-preview-${process.platform}-${process.arch}`;
  try {
    const binary = join(dirname(require.resolve(`${name}/package.json`)), "lib", process.platform === "win32" ? "tsgo.exe" : "tsgo");
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** What the compiler printed and how it ended: `spawnSync`'s answer, or the same gathered by `execFile`. */
interface CompilerRun {
  readonly error?: Error | undefined;
  readonly status: number | null;
  readonly stdout: string;
}

export function checkWithTsgo(notebooks: readonly NotebookCells[], options: ProgramOptions): CheckedProgram | undefined {
  const check = prepareCheck(notebooks, options);
  if (check === undefined) return undefined;
  try {
    const { binary, args, options: spawnOptions } = check.command;
    return check.read(spawnSync(binary, args, { ...spawnOptions, encoding: "utf8", maxBuffer: MAX_OUTPUT, timeout: CHECK_TIMEOUT_MS }));
  } finally {
    check.done();
  }
}

/**
 * The same check, with the compiler running while this thread goes on: a build's main thread starts
 * it and keeps compiling and running chapters. (It used to run in a thread of its own, which only
 * waited for the compiler: an isolate and Node's bootstrap, ~0.1–0.2 s of CPU, for nothing.)
 */
export async function checkWithTsgoAsync(notebooks: readonly NotebookCells[], options: ProgramOptions): Promise<CheckedProgram | undefined> {
  const check = prepareCheck(notebooks, options);
  if (check === undefined) return undefined;
  try {
    return check.read(await runInBackground(check.command));
  } finally {
    check.done();
  }
}

/** The compiler as a child process whose output is gathered while the caller's thread goes on. */
function runInBackground({ binary, args, options }: CompilerCommand): Promise<CompilerRun> {
  return new Promise((resolveRun) => {
    execFile(binary, args, { ...options, encoding: "utf8", maxBuffer: MAX_OUTPUT, timeout: CHECK_TIMEOUT_MS }, (error, stdout) => {
      // A non-zero exit is an answer (errors found: 1 or 2); anything else (not started, killed, too much output) is not.
      const code = (error as (Error & { code?: unknown }) | null)?.code;
      const exited = error === null ? 0 : typeof code === "number" ? code : null;
      resolveRun({ ...(error !== null && exited === null && { error }), status: exited, stdout });
    });
  });
}

/** The compiler's command line for the files written, and where and with what environment it runs. */
interface CompilerCommand {
  readonly binary: string;
  readonly args: readonly string[];
  readonly options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv };
}

interface PreparedCheck {
  /** The compiler to run, one way (`spawnSync`) or the other (`runInBackground`). */
  readonly command: CompilerCommand;
  /** What the run says, or undefined when the API checker must answer instead. */
  read(run: CompilerRun): CheckedProgram | undefined;
  /** Removes the check's files. */
  done(): void;
}

function prepareCheck(notebooks: readonly NotebookCells[], options: ProgramOptions): PreparedCheck | undefined {
  const binary = tsgoBinary();
  const root = resolve(options.root);
  // A project (its node_modules resolve bare imports from the mirror under out/.cache); a loose notebook's check writes nothing next to it.
  if (binary === undefined || !["package.json", "node_modules"].some((name) => existsSync(join(root, name)))) return undefined;
  if (notebooks.some((notebook) => !notebook.file.startsWith(root + sep) || notebook.cells.some((cell) => cellPragmas(cell.source).module !== undefined))) return undefined;
  let dir: string;
  try {
    const base = join(outPaths(root).cache, "tsgo-check");
    makeFolderSync(base);
    removeAbandoned(base);
    dir = mkdtempSync(join(base, "check-"));
  } catch {
    return undefined; // an unwritable cache: the API checker needs no files
  }
  const done = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const written = writeCheck(dir, notebooks, root, options.extraFiles ?? []);
    const args = ["-p", written.config, "--pretty", "false", "--explainFiles", "--singleThreaded"];
    return { command: { binary, args, options: { cwd: dir, env: checkEnvironment(process.env) } }, read: written.read, done };
  } catch (error) {
    done();
    // The disk filled up or went read-only while the cells were written: the API checker writes nothing.
    if (typeof (error as NodeJS.ErrnoException).code === "string") return undefined;
    throw error;
  }
}

/** A check takes seconds: a folder this old was left by a process killed mid-check (`kill -9`), not by a running one. */
const ABANDONED_MS = 15 * 60_000;

function removeAbandoned(base: string): void {
  const now = Date.now();
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith("check-")) continue;
    try {
      if (now - statSync(join(base, entry.name)).mtimeMs > ABANDONED_MS) rmSync(join(base, entry.name), { recursive: true, force: true });
    } catch {
      continue; // removed meanwhile by another process
    }
  }
}

/** Steps 1 and 2 (the cell modules, the stubs and the tsconfig written); `read` is steps 3's answer read and 4. */
function writeCheck(dir: string, notebooks: readonly NotebookCells[], root: string, extraFiles: readonly string[]): { readonly config: string; readonly read: (run: CompilerRun) => CheckedProgram | undefined } {
  // 1. write
  const mirror = join(dir, "fs");
  const mirrored = (path: string): string => join(mirror, path);
  const byNotebook = new Map(notebooks.map((notebook) => [notebook.file, cellModules(notebook, root)]));
  const cells = [...byNotebook.values()].flat();
  for (const cell of cells) {
    makeFolderSync(dirname(mirrored(cell.path)));
    writeFileSync(mirrored(cell.path), cell.text);
  }
  const stubs = new Map<string, string>();
  for (const [entry, source] of Object.entries(ENGINE_ENTRIES)) {
    if (!existsSync(join(root, source))) continue;
    const stub = mirrored(join(root, entry.replace(/\.js$/, ".ts")));
    makeFolderSync(dirname(stub));
    writeFileSync(stub, `export * from ${JSON.stringify(join(root, source))};\n`);
    stubs.set(stub, join(root, source));
  }
  // 2. config
  const config = join(dir, "tsconfig.json");
  const project = findUp(root, "tsconfig.json") === join(root, "tsconfig.json") ? join(root, "tsconfig.json") : undefined;
  const defaults = { strict: true, target: "ES2022", lib: ["ES2023"], types: ["node"], typeRoots: [join(packageFolder(), "node_modules", "@types")] };
  writeFileSync(config, JSON.stringify({
    ...(project !== undefined && { extends: project }),
    compilerOptions: {
      ...(project === undefined && defaults),
      module: "esnext", moduleResolution: "bundler", noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, isolatedModules: false,
      experimentalDecorators: true, jsx: "react", rootDirs: [mirrored(root), root], paths: { tslab: [join(packageFolder(), "src", "notebook", "tslab.d.ts")] },
    },
    include: [],
    files: [...extraFiles, ...cells.map((cell) => mirrored(cell.path))],
  }));
  return { config, read: (run) => readCheck(run, { dir, root, notebooks, byNotebook, cells, stubs }) };
}

/** What step 1 wrote: the check's folder, its notebooks' cell modules, and each stub with the source it stands for. */
interface WrittenCheck {
  readonly dir: string;
  readonly root: string;
  readonly notebooks: readonly NotebookCells[];
  readonly byNotebook: ReadonlyMap<string, CellModule[]>;
  readonly cells: readonly CellModule[];
  readonly stubs: ReadonlyMap<string, string>;
}

/** 3. the compiler's answer, 4. each error located in its cell or file, and the module graph. */
function readCheck(run: CompilerRun, written: WrittenCheck): CheckedProgram | undefined {
  const { dir, root, notebooks, byNotebook, cells, stubs } = written;
  const mirrored = (path: string): string => join(dir, "fs", path);
  if (run.error !== undefined || (run.status !== 0 && run.status !== 1 && run.status !== 2)) return undefined;
  const output = parseOutput(run.stdout, dir);
  // An error without a file, in a tsconfig or about an option (TS5xxx): the native compiler does not take
  // this project as the API does (TypeScript 7 dropped some options), so the API checks it.
  const configError = (error: NativeError): boolean => error.file === undefined || error.file.endsWith("tsconfig.json") || (error.code >= 5000 && error.code < 6000);
  if (output.errors.some(configError)) return undefined;
  if (run.status !== 0 && output.errors.length === 0) return undefined;
  // 4. locate
  const asLinked = linkedPaths(root);
  const cellAt = new Map(cells.map((cell) => [mirrored(cell.path), cell]));
  const located = new Map<string, CheckDiagnostic[]>();
  for (const error of output.errors) {
    const file = asLinked(error.file as string);
    const cell = cellAt.get(file);
    const key = cell?.path ?? file;
    located.set(key, [...(located.get(key) ?? []), locate(error, cell, root)]);
  }
  // The graph between real files, cells by their own path, each stub replaced by its source.
  const real = (file: string): string => cellAt.get(file)?.path ?? stubs.get(file) ?? asLinked(file);
  const imports = new Map<string, string[]>();
  for (const [importer, targets] of output.imports) {
    const from = real(importer); // a stub and its source become one node
    imports.set(from, [...new Set([...(imports.get(from) ?? []), ...targets.map(real)])].filter((to) => to !== from));
  }
  const virtual = new Set(cells.map((cell) => cell.path));
  const entryTargets = new Set(Object.values(ENGINE_ENTRIES).map((target) => join(root, target)));
  const isProjectFile = (file: string): boolean => !virtual.has(file) && !file.startsWith(dir + sep) && !file.endsWith(".d.ts") && !file.split(/[\\/]/).includes("node_modules");
  const order = new Map(notebooks.map((notebook, index) => [displayPath(notebook.file, root), index]));
  return {
    cellsOf: (file) => byNotebook.get(file) ?? [],
    errorsIn: (file) => located.get(file) ?? [],
    all: () => [...located.values()].flat().sort((a, b) => compareDiagnostics(a, b, order)),
    projectClosure: (file, throughEntries) => reachable((next) => imports.get(next), file, (next) => isProjectFile(next) && (throughEntries || !entryTargets.has(next))),
  };
}

/**
 * The native compiler names a file by its real path; the API, as it was reached. A project whose
 * folder is a symlink (`src` → a shared checkout) gets its files back under the project's name.
 */
function linkedPaths(root: string): (file: string) => string {
  const links: Array<{ target: string; linked: string }> = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isSymbolicLink()) continue;
    try {
      links.push({ target: realpathSync(join(root, entry.name)) + sep, linked: join(root, entry.name) + sep });
    } catch {
      continue; // a dangling link
    }
  }
  return (file) => {
    const link = links.find(({ target }) => file.startsWith(target));
    return link === undefined ? file : link.linked + file.slice(link.target.length);
  };
}

interface NativeError {
  /** Absolute path; undefined for an error of the options. */
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
}

/** The errors (each message chain joined as the API's `flattenDiagnosticMessageText` does) and importer → imported files. */
function parseOutput(stdout: string, cwd: string): { errors: NativeError[]; imports: Map<string, string[]> } {
  const errors: NativeError[] = [];
  const imports = new Map<string, string[]>();
  let last: { -readonly [K in keyof NativeError]: NativeError[K] } | undefined;
  let explained: string | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    const error = ERROR_LINE.exec(line);
    const global = error === null ? GLOBAL_ERROR.exec(line) : null;
    const chain = last !== undefined ? CHAIN_LINE.exec(line) : null;
    const importedBy = IMPORTED_BY.exec(line);
    if (error !== null) {
      const [, file, row, column, code, message] = error as unknown as [string, string, string, string, string, string];
      last = { file: resolve(cwd, file), line: Number(row), column: Number(column), code: Number(code), message };
      errors.push(last);
    } else if (global !== null) {
      last = { line: 0, column: 0, code: Number(global[1]), message: global[2] as string };
      errors.push(last);
    } else if (chain !== null && last !== undefined) {
      last.message += `\n${chain[1] as string}${chain[2] as string}`;
    } else if (importedBy !== null && explained !== undefined) {
      const importer = resolve(cwd, importedBy[1] as string);
      imports.set(importer, [...(imports.get(importer) ?? []), explained]);
    } else if (line.length > 0 && !line.startsWith(" ")) {
      last = undefined;
      explained = resolve(cwd, line);
    } else if (!line.startsWith(" ")) {
      last = undefined;
    }
  }
  return { errors, imports };
}

/** Line 1 of a cell module is its header: cell line L is module line L + 1 (an error in the header is at the cell's start). */
function locate(error: NativeError, cell: CellModule | undefined, root: string): CheckDiagnostic {
  const { code, message } = error;
  if (cell !== undefined) return { file: cell.notebook, cell: cell.cell, line: Math.max(1, error.line - 1), column: error.line === 1 ? 1 : error.column, code, message };
  return { file: displayPath(error.file as string, root), line: error.line, column: error.column, code, message };
}

/** Notebooks in the order given, their cells in order, then other files by path; by position within each. */
function compareDiagnostics(a: CheckDiagnostic, b: CheckDiagnostic, order: ReadonlyMap<string, number>): number {
  const rank = (d: CheckDiagnostic): number => order.get(d.file) ?? order.size;
  return rank(a) - rank(b) || (rank(a) === order.size ? byCodeUnits(a.file, b.file) : 0) || (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line || a.column - b.column;
}
