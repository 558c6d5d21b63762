/**
 * On-disk cache of compilation (not of results): compiled cells keyed by their source, and the
 * notebook's import bundle keyed by its specifiers and validated against the size and mtime of every
 * file esbuild put into it. A re-run of an unchanged notebook then skips esbuild entirely (it is not
 * even loaded). Lives in `<root>/out/.cache/engine/` and only inside a project (a folder with
 * package.json), so running a loose notebook never writes next to it. Entries are written
 * atomically; an unreadable entry is a miss.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import * as messages from "../messages/notebook";
import { locatingFileSystemErrors } from "../util/fs-errors";
import { TOOL_VERSION } from "../version";
import { ENGINE_ENTRIES, type ImportBundle } from "./imports";
import type { CompiledCell } from "./cells";
import type { NotebookTypes } from "./typecheck";
import { sha256 } from "../util/hash";
import { CACHE_WRITE, writeFileAtomic } from "../util/atomic";
import { outPaths } from "../config/paths";
import { readPlainText } from "../util/plain-file";
import { sealedJson, unsealedJson } from "../util/sealed";
import { isBundleEntry, isCompiledCell, isTypesEntry, type FileStamp } from "./compile-cache-shapes";

/** Bumped when the shape or rules of a compiled cell change (3: pragmas, boxed values, dynamic imports, decorators; 4: a trailing expression esbuild dropped; 5: no CommonJS wrapper; 6: an import's type attribute; 7: a value shown as the cell returns; 8: an import located at its specifier; 9: a dynamic import's type attribute). */
const CELL_FORMAT = "9";


export class CompileCache {
  private constructor(
    private readonly dir: string,
    private readonly root: string,
  ) {}

  /** The cache of a project root, or undefined outside a project. */
  static forRoot(root: string): CompileCache | undefined {
    return existsSync(join(root, "package.json")) ? new CompileCache(outPaths(root).engineCache, root) : undefined;
  }

  cellKey(source: string, cell: number): string {
    return hash(["cell", CELL_FORMAT, TOOL_VERSION, String(cell), source]);
  }

  async readCell(key: string): Promise<CompiledCell | undefined> {
    return this.#read(`cell-${key}`, isCompiledCell);
  }

  async writeCell(key: string, cell: CompiledCell): Promise<void> {
    await this.#write(`cell-${key}`, cell);
  }

  bundleKey(specifiers: readonly string[], notebookDir: string, root: string): string {
    // The entry aliases decide which files are bundled, so a change to them is a miss too.
    return hash(["bundle", TOOL_VERSION, JSON.stringify(ENGINE_ENTRIES), notebookDir, root, ...specifiers]);
  }

  /** The cached bundle, if every file it was built from is unchanged. */
  async readBundle(key: string): Promise<ImportBundle | undefined> {
    const entry = await this.#read(`bundle-${key}`, isBundleEntry);
    if (entry === undefined) return undefined;
    return (await unchanged(entry.stamps)) ? entry.bundle : undefined;
  }

  async writeBundle(key: string, bundle: ImportBundle): Promise<void> {
    const current = await stamps(bundle.inputs);
    if (current !== undefined) await this.#write(`bundle-${key}`, { bundle, stamps: current });
  }

  typesKey(notebookFile: string, cells: ReadonlyArray<{ cell: number; source: string }>): string {
    return hash(["types", TOOL_VERSION, notebookFile, ...cells.flatMap(({ cell, source }) => [String(cell), source])]);
  }

  /** The cached type check, if every file it depended on is unchanged (a missing file counts as changed). */
  async readTypes(key: string, root: string): Promise<NotebookTypes | undefined> {
    const entry = await this.#read(`types-${key}`, isTypesEntry);
    if (entry === undefined || entry.root !== root) return undefined;
    return (await unchanged(entry.stamps)) ? entry.types : undefined;
  }

  async writeTypes(key: string, types: NotebookTypes, files: readonly string[]): Promise<void> {
    const current = await stamps(files, true);
    if (current !== undefined) await this.#write(`types-${key}`, { types, stamps: current, root: this.root });
  }

  /** The entry, if it is there, sealed and of the shape `is` checks (compile-cache-shapes.ts); else a miss. */
  async #read<T>(name: string, is: (value: unknown) => value is T): Promise<T | undefined> {
    let value: unknown;
    try {
      const file = join(this.dir, `${name}.json`);
      value = unsealedJson(await readPlainText(file), file);
    } catch {
      return undefined; // missing, unreadable or changed since it was written (sealed.ts): compile again
    }
    return is(value) ? value : undefined;
  }

  async #write(name: string, value: unknown): Promise<void> {
    const file = join(this.dir, `${name}.json`);
    // An unwritable cache is the environment's problem, said once with its path (never a hang: execute.ts ends the worker).
    await locatingFileSystemErrors(messages.engineCacheWhat(), this.dir, () => writeFileAtomic(file, sealedJson(value, file), CACHE_WRITE));
  }
}

/** Size and mtime of each file; `missingOk`: an absent file is stamped as absent (size -1). */
async function stamps(paths: readonly string[], missingOk = false): Promise<FileStamp[] | undefined> {
  try {
    return await Promise.all(
      paths.map(async (path) => ({ path, ...pick(await stat(path).catch((error: unknown) => (missingOk ? { size: -1, mtimeMs: 0 } : Promise.reject(error)))) })),
    );
  } catch {
    return undefined; // a file is gone: the bundle must be rebuilt
  }
}

async function unchanged(recorded: readonly FileStamp[]): Promise<boolean> {
  const current = await stamps(recorded.map((s) => s.path), true);
  return current !== undefined && current.every((s, i) => s.size === recorded[i]?.size && s.mtimeMs === recorded[i]?.mtimeMs);
}

function pick(s: { size: number; mtimeMs: number }): { size: number; mtimeMs: number } {
  return { size: s.size, mtimeMs: s.mtimeMs };
}

function hash(parts: readonly string[]): string {
  return sha256(parts.join("\0")).slice(0, 32);
}
