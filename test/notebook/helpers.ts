// Test helpers: real notebook files in a temporary folder (removed by `cleanup`).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "notebooks");
export const REPOSITORY = join(import.meta.dirname, "..", "..");

/** Every notebook in the repository's own folders (not node_modules, outputs or test scratch). */
function repositoryNotebooks(dir = REPOSITORY): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return ["node_modules", "out", ".tmp", ".git"].includes(entry.name) ? [] : repositoryNotebooks(join(dir, entry.name));
    return entry.name.endsWith(".ipynb") ? [join(dir, entry.name)] : [];
  });
}

/** Every code cell of every notebook in the repository: its source, its number among the notebook's code cells, and where it is (for a failure's message). */
export function repositoryCodeCells(): Array<{ readonly where: string; readonly cell: number; readonly source: string }> {
  return repositoryNotebooks().flatMap((file) => {
    const notebook = JSON.parse(readFileSync(file, "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
    const sources = notebook.cells.filter((cell) => cell.cell_type === "code").map((cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source));
    return sources.map((source, index) => ({ where: `${relative(REPOSITORY, file)}, code cell ${index + 1}`, cell: index + 1, source }));
  });
}

export interface NotebookSpec {
  readonly cells: ReadonlyArray<string | { readonly markdown: string }>;
  readonly kernel?: { name: string; language: string } | null;
  readonly nbformat?: number;
}

export function notebookJson(spec: NotebookSpec): string {
  const kernel = spec.kernel === undefined ? { name: "tslab", language: "typescript" } : spec.kernel;
  return JSON.stringify(
    {
      nbformat: spec.nbformat ?? 4,
      nbformat_minor: 5,
      metadata: kernel === null ? {} : { kernelspec: { ...kernel, display_name: kernel.name } },
      cells: spec.cells.map((cell) =>
        typeof cell === "string"
          ? { cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: cell }
          : { cell_type: "markdown", metadata: {}, source: cell.markdown },
      ),
    },
    null,
    1,
  );
}

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), "fragtax-nb-"));

  write(name: string, text: string): string {
    const file = join(this.path, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  notebook(name: string, spec: NotebookSpec): string {
    return this.write(name, notebookJson(spec));
  }

  cleanup(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}
