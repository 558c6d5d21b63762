/**
 * A throwaway project root for end-to-end builds: the fixture notebooks (or the report's own) copied
 * into a temp folder, with `src` and `node_modules` linked to this checkout (the engine maps
 * ../dist/api.js to src/).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach } from "vitest";

const repo = resolve(import.meta.dirname, "..");

export interface TempProject {
  readonly root: string;
  remove(): void;
}

export function tempProject(fixture = "project"): TempProject {
  return projectOf(join(repo, "test", "fixtures", fixture, "notebooks"));
}

/** The same with the repository's own report (notebooks/): The Fragmentation Tax in a temp root. */
export function reportProject(): TempProject {
  return projectOf(join(repo, "notebooks"));
}

function projectOf(notebooks: string): TempProject {
  const root = mkdtempSync(join(tmpdir(), "fragtax-project-"));
  cpSync(notebooks, join(root, "notebooks"), { recursive: true });
  symlinkSync(join(repo, "src"), join(root, "src"), "dir");
  symlinkSync(join(repo, "node_modules"), join(root, "node_modules"), "dir");
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Appends a code cell to one of the project's notebooks; returns its 1-based cell number, as messages count cells. */
export function appendCell(root: string, notebookName: string, source: string): number {
  const file = join(root, "notebooks", notebookName);
  const notebook = JSON.parse(readFileSync(file, "utf8")) as { cells: unknown[] };
  notebook.cells.push({ id: `appended-${notebook.cells.length + 1}`, cell_type: "code", metadata: {}, execution_count: null, outputs: [], source });
  writeFileSync(file, JSON.stringify(notebook));
  return notebook.cells.length;
}

/** Appends a markdown cell (with Jupyter Book's `tags`, if given) to one of the project's notebooks; returns its 1-based cell number. */
export function appendMarkdown(root: string, notebookName: string, source: string, tags: readonly string[] = []): number {
  const file = join(root, "notebooks", notebookName);
  const notebook = JSON.parse(readFileSync(file, "utf8")) as { cells: unknown[] };
  notebook.cells.push({ id: `md-${notebook.cells.length + 1}`, cell_type: "markdown", metadata: tags.length === 0 ? {} : { tags }, source });
  writeFileSync(file, JSON.stringify(notebook));
  return notebook.cells.length;
}

/** A tslab notebook of code cells as JSON text (cell ids `${idPrefix}-N` when a prefix is given). */
export function codeNotebookJson(cells: readonly string[], idPrefix?: string): string {
  return JSON.stringify({
    cells: cells.map((source, index) => ({ ...(idPrefix === undefined ? {} : { id: `${idPrefix}-${index + 1}` }), cell_type: "code", metadata: {}, execution_count: null, outputs: [], source })),
    metadata: { kernelspec: { name: "tslab", language: "typescript", display_name: "TypeScript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

/** Temp projects and scratch folders for a test file's tests, each removed after the test that made it. */
export function tempFolders(): { project(fixture?: string): TempProject; scratch(prefix: string): string } {
  const made: (() => void)[] = [];
  afterEach(() => {
    for (const remove of made.splice(0)) remove();
  });
  return {
    project: (fixture) => {
      const project = tempProject(fixture);
      made.push(project.remove);
      return project;
    },
    scratch: (prefix) => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
  };
}
