/**
 * Type checking of Deno notebooks with Deno's own checker (`deno check`: Deno's TypeScript, its
 * `Deno` types, `npm:`/`jsr:`/`node:` resolution), with the same cell rules as tslab's check
 * (`typecheck.ts`: each cell sees the earlier cells' declarations, a later cell may redeclare a name,
 * assigning to an earlier `const` is an error). Deno's own kernel does not type-check cells; fragtax
 * does, so a type error is found before the notebook runs (a difference the README lists).
 *
 *  1. write   each cell as a module (typecheck.ts's `cellModules`, header on line 1) under
 *             `<root>/out/.cache/deno-check/<tmp>/`, mirroring its path in the project, plus one
 *             index module importing them all;
 *  2. map     an import map sends that folder's other URLs back to the project (a cell's
 *             `./lib/x.ts` is the notebook's), and `../dist/api.js` / `../dist/model.js` to their
 *             sources in src/ (as `fragtax check` types tslab notebooks);
 *  3. check   `deno check` of the index; `deno info --json` for the module graph;
 *  4. locate  each diagnostic back to notebook / cell / line / column, or to the project file (an
 *             imported local `.ts`), charged to the first cell that imports it.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as messages from "../messages/notebook";
import { outPaths } from "../config/paths";
import { PUBLIC_ENTRIES, publicEntryFiles } from "./imports";
import { cellFolder, denoMessageInProjectTerms, denoResolutionMessage, withoutUsesOfMisspeltImports } from "./deno-messages";
import { suggestModule } from "./module-suggest";
import { suggestEarlierName } from "./typecheck-rules";
import { reachable } from "./module-graph";
import { displayPath } from "../util/paths";
import type { CellModule, CheckDiagnostic, NotebookCells, NotebookTypes } from "./typecheck";
import type { NotebookChecker } from "./typecheck-run";
import { makeFolder } from "../util/folders";

export interface DenoCheck {
  /** Per notebook (absolute path): the errors that stop a cell, and the project files it read. */
  readonly types: Map<string, NotebookTypes>;
  /** Every diagnostic, in Deno's order (what `fragtax check` prints). */
  readonly diagnostics: readonly CheckDiagnostic[];
}

/** Deno's diagnostics: `TS2322 [ERROR]: message…` then the code frame, then `    at URL:line:col`. */
const TS_BLOCK = /^TS(\d+) \[ERROR\]: ([\s\S]*?)\n {4}at (\S+):(\d+):(\d+)$/gm;
/** A graph error (a module that cannot be found or resolved): `error: message\n    at URL:line:col`. */
const GRAPH_ERROR = /^error: ([\s\S]*?)\n {4}at (\S+):(\d+):(\d+)$/gm;
/** Ten minutes: far beyond a check of the largest chapter (seconds), short of a hung build. */
const CHECK_TIMEOUT_MS = 600_000;
/** TypeScript's code for "Cannot find module", for Deno's resolution errors (which have none). */
const MODULE_NOT_FOUND = 2307;
/**
 * TypeScript's codes for the syntax errors Deno's parser reports without one, as tslab shows them
 * (TS1109 "Expression expected."); any other is TypeScript's generic "'x' expected." (TS1005).
 */
const SYNTAX_CODES: Readonly<Record<string, number>> = {
  "Unterminated string constant": 1002,
  "Identifier expected": 1003,
  "Expression expected": 1109,
  "Declaration or statement expected": 1128,
};
const SYNTAX_EXPECTED = 1005;

export async function denoCheck(deno: string, notebooks: readonly NotebookCells[], root: string): Promise<DenoCheck> {
  const { cellModules } = await import("./typecheck");
  // Inside a project, under out/.cache, so that a bare import resolves from the project's node_modules
  // as it does from the notebook; a loose notebook's check never writes next to it.
  const base = existsSync(join(root, "package.json")) ? join(outPaths(root).cache, "deno-check") : tmpdir();
  await makeFolder(base);
  const dir = await mkdtemp(join(base, "fragtax-deno-check-"));
  // Every path mirrored under `mirror`: a relative import from a cell module resolves into the mirror,
  // and the import map's one prefix entry sends it back to the real file.
  const mirror = join(dir, "fs");
  try {
    // 1. write
    const cells = notebooks.flatMap((notebook) => cellModules(notebook, root).map((cell) => ({ ...cell, file: notebook.file, at: join(mirror, cell.path) })));
    await Promise.all(cells.map(async (cell) => {
      await makeFolder(dirname(cell.at));
      await writeFile(cell.at, cell.text);
    }));
    const index = join(dir, "index.ts");
    await writeFile(index, cells.map((cell) => `import ${JSON.stringify(`./${relative(dir, cell.at).split(sep).join("/")}`)};\n`).join(""));
    // 2. map
    const url = (path: string): string => pathToFileURL(path).href;
    const imports: Record<string, string> = { [`${url(mirror)}/`]: "file:///" };
    for (const cell of cells) imports[url(cell.at)] = url(cell.at);
    for (const [entry, source] of Object.entries(PUBLIC_ENTRIES)) if (existsSync(join(root, source))) imports[url(join(mirror, root, entry))] = url(join(root, source));
    const map = join(dir, "import-map.json");
    await writeFile(map, JSON.stringify({ imports }));
    // 3. check
    const flags = ["--unstable-sloppy-imports", "--import-map", map, "--no-lock"];
    const [checked, info] = await Promise.all([runDeno(deno, ["check", ...flags, index], root), runDeno(deno, ["info", "--json", ...flags, index], root)]);
    // 4. locate
    const byPath = new Map(cells.map((cell) => [cell.path, cell]));
    // Deno names a module it cannot find by its URL in the check folder: name the project's instead.
    const output = `${checked.stdout}\n${checked.stderr}`.replaceAll(`${url(mirror)}/`, "file:///").replaceAll(mirror, "");
    const diagnostics = withoutUsesOfMisspeltImports(parseDiagnostics(output, byPath, root));
    const said = checked.stderr.trim() || checked.stdout.trim();
    // A check that failed with nothing to locate, or passed saying nothing at all (Deno names each module
    // it checks): asked whether the binary is a working Deno (a broken FRAGTAX_DENO, another platform's
    // binary, `/bin/true`), and said as that, with what it wrote, not as a check that found nothing.
    if ((checked.code !== 0 && diagnostics.length === 0) || (checked.code === 0 && said === "")) {
      const version = await runDeno(deno, ["--version"], root);
      if (version.code !== 0 || !/^deno \d/m.test(version.stdout)) throw new Error(messages.denoDidNotRun(deno, `exited with ${String(checked.code)}`, said));
      if (checked.code !== 0) throw new Error(messages.denoCheckFailed(said));
    }
    const graph = moduleGraph(info.stdout);
    return { types: notebookTypes(notebooks, cells, diagnostics, graph, dir, root), diagnostics };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runDeno(deno: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // Bounded: a check that waits on the network (jsr:, an npm: package not installed) must not hang a build.
    execFile(deno, args, { cwd, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024, timeout: CHECK_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

function parseDiagnostics(output: string, cells: ReadonlyMap<string, CellModule>, root: string): CheckDiagnostic[] {
  const found: CheckDiagnostic[] = [];
  const locate = (href: string, line: number, column: number, code: number, said: string): void => {
    const message = code === MODULE_NOT_FOUND ? denoResolutionMessage(said) : said;
    if (!href.startsWith("file:")) return void found.push({ file: href, line, column, code, message });
    const path = fileURLToPath(href);
    const cell = cells.get(path);
    // Line 1 of a cell module is its header: cell line L is module line L + 1. Its message names modules
    // as the cell imports them, with the nearest module and earlier cell's name, as tslab's check does.
    if (cell) {
      const fromDir = cellFolder(cell.notebook, root);
      const diagnostic = { file: cell.notebook, cell: cell.cell, line: Math.max(1, line - 1), column: line === 1 ? 1 : column, code, message: denoMessageInProjectTerms(message, fromDir, root) };
      found.push(suggestEarlierName(suggestModule(diagnostic, fromDir, publicEntryFiles(root)), cell));
    } else found.push({ file: displayPath(path, root), line, column, code, message: denoMessageInProjectTerms(message, dirname(path), root) });
  };
  for (const match of output.matchAll(TS_BLOCK)) {
    const [, code, body, href, line, column] = match as unknown as [string, string, string, string, string, string];
    locate(href, Number(line), Number(column), Number(code), messageOf(body));
  }
  for (const match of output.matchAll(GRAPH_ERROR)) {
    const [, body, href, line, column] = match as unknown as [string, string, string, string, string];
    // Deno's own code frame is dropped: the error shows the cell's, numbered as the cell is.
    const message = body.split("\n").filter((text) => !/^\s*\d*\s*\|/.test(text)).join("\n").trim();
    const syntax = /^SyntaxError: (.*)$/s.exec(message)?.[1]?.trim();
    if (syntax === undefined) locate(href, Number(line), Number(column), MODULE_NOT_FOUND, message);
    else locate(href, Number(line), Number(column), SYNTAX_CODES[syntax.replace(/\.$/, "")] ?? SYNTAX_EXPECTED, syntax);
  }
  return found;
}

/** The message without Deno's code frame (the last two lines: the source line and its carets). */
function messageOf(body: string): string {
  const lines = body.split("\n");
  const frame = lines.length >= 3 && /^\s*[~^]+\s*$/.test(lines[lines.length - 1] ?? "") ? 2 : 0;
  return lines.slice(0, lines.length - frame).map((line) => line.trimEnd()).join("\n").trim();
}

/** Local module → the local modules it imports (code and types), from `deno info --json`. */
function moduleGraph(json: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  let parsed: { modules?: Array<{ local?: string; dependencies?: Array<{ code?: { specifier?: string }; type?: { specifier?: string } }> }> } = {};
  try {
    parsed = JSON.parse(json) as typeof parsed;
  } catch {
    return graph;
  }
  for (const module of parsed.modules ?? []) {
    if (module.local === undefined) continue;
    const targets = (module.dependencies ?? []).flatMap((d) => [d.code?.specifier, d.type?.specifier]).filter((s): s is string => s?.startsWith("file:") === true);
    graph.set(resolve(module.local), [...new Set(targets.map((s) => fileURLToPath(s)))]);
  }
  return graph;
}

/**
 * Per notebook: each cell's own errors, then errors in project files it imports that no earlier
 * cell imported. Files reached only through the public entries (src/) are Deno's to type only: as
 * for tslab (typecheck.ts), their errors belong to `fragtax check` of src/, not to a notebook.
 */
function notebookTypes(notebooks: readonly NotebookCells[], cells: ReadonlyArray<CellModule & { file: string; at: string }>, diagnostics: readonly CheckDiagnostic[], graph: ReadonlyMap<string, string[]>, dir: string, root: string): Map<string, NotebookTypes> {
  const generated = (path: string): boolean => path.startsWith(dir + sep);
  const isProjectFile = (path: string): boolean => !generated(path) && !path.split(sep).includes("node_modules") && path.startsWith(root + sep);
  const entries = new Set(Object.values(PUBLIC_ENTRIES).map((source) => join(root, source)));
  const closure = (from: string, throughEntries: boolean): string[] => reachable((file) => graph.get(file), from, (file) => isProjectFile(file) && (throughEntries || !entries.has(file)));
  const results = new Map<string, NotebookTypes>();
  for (const notebook of notebooks) {
    const errors: Array<{ cell: number; diagnostic: CheckDiagnostic }> = [];
    const files = new Set<string>();
    const charged = new Set<string>();
    for (const cell of cells.filter((c) => c.file === notebook.file)) {
      for (const diagnostic of diagnostics) if (diagnostic.cell === cell.cell && diagnostic.file === cell.notebook) errors.push({ cell: cell.cell, diagnostic });
      for (const file of closure(cell.at, true)) files.add(displayPath(file, root));
      for (const file of closure(cell.at, false).map((path) => displayPath(path, root))) {
        if (charged.has(file)) continue;
        charged.add(file);
        for (const diagnostic of diagnostics) if (diagnostic.cell === undefined && diagnostic.file === file) errors.push({ cell: cell.cell, diagnostic });
      }
    }
    results.set(notebook.file, { errors, files: [...files].sort() });
  }
  return results;
}

/** `deno check` as the checker of `fragtax run/build` (typecheck-run.ts caches its results). */
export function denoChecker(deno: string): NotebookChecker {
  return { kind: "deno", check: async (notebooks, root) => (await denoCheck(deno, notebooks, root)).types };
}
