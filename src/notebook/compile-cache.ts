/**
 * On-disk cache of compilation (not of results): compiled cells keyed by their source, and the
 * notebook's import bundle keyed by its specifiers and validated against the size and mtime of every
 * file esbuild put into it. A re-run of an unchanged notebook then skips esbuild entirely (it is not
 * even loaded). Lives in `<root>/out/.cache/engine/` and only inside a project (a folder with
 * package.json), so running a loose notebook never writes next to it. Entries are written
 * atomically; an unreadable entry is a miss.
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import * as messages from "../messages/notebook";
import { locatingFileSystemErrors } from "../util/fs-errors";
import { TOOL_VERSION } from "../version";
import { ENGINE_ENTRIES, type ImportBundle } from "./imports";
import type { CompiledCell } from "./transpile";
import { sha256 } from "../util/hash";
import { writeFileAtomic } from "../util/atomic";

interface FileStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export class CompileCache {
  private constructor(private readonly dir: string) {}

  /** The cache of a project root, or undefined outside a project. */
  static forRoot(root: string): CompileCache | undefined {
    return existsSync(join(root, "package.json")) ? new CompileCache(join(root, "out", ".cache", "engine")) : undefined;
  }

  cellKey(source: string, cell: number): string {
    return hash(["cell", TOOL_VERSION, String(cell), source]);
  }

  async readCell(key: string): Promise<CompiledCell | undefined> {
    return this.#read<CompiledCell>(`cell-${key}`);
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
    const entry = await this.#read<{ bundle: ImportBundle; stamps: FileStamp[] }>(`bundle-${key}`);
    if (entry === undefined) return undefined;
    const current = await stamps(entry.stamps.map((s) => s.path));
    const unchanged = current !== undefined && current.every((s, i) => s.size === entry.stamps[i]?.size && s.mtimeMs === entry.stamps[i]?.mtimeMs);
    return unchanged ? entry.bundle : undefined;
  }

  async writeBundle(key: string, bundle: ImportBundle): Promise<void> {
    const current = await stamps(bundle.inputs);
    if (current !== undefined) await this.#write(`bundle-${key}`, { bundle, stamps: current });
  }

  async #read<T>(name: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(join(this.dir, `${name}.json`), "utf8")) as T;
    } catch {
      return undefined; // missing or unreadable: compile again
    }
  }

  async #write(name: string, value: unknown): Promise<void> {
    const file = join(this.dir, `${name}.json`);
    // An unwritable cache is the environment's problem, said once with its path (never a hang: execute.ts ends the worker).
    await locatingFileSystemErrors(messages.engineCacheWhat, this.dir, () => writeFileAtomic(file, JSON.stringify(value), { durable: false }));
  }
}

async function stamps(paths: readonly string[]): Promise<FileStamp[] | undefined> {
  try {
    return await Promise.all(paths.map(async (path) => ({ path, ...pick(await stat(path)) })));
  } catch {
    return undefined; // a file is gone: the bundle must be rebuilt
  }
}

function pick(s: { size: number; mtimeMs: number }): { size: number; mtimeMs: number } {
  return { size: s.size, mtimeMs: s.mtimeMs };
}

function hash(parts: readonly string[]): string {
  return sha256(parts.join("\0")).slice(0, 32);
}
