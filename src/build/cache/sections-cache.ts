/**
 * The chapters' sections and their prose fingerprints (report/sections.ts), read once per content of
 * their notebooks (parsed-inputs.ts). The prose fingerprint parses every code cell for its `nb.md`
 * templates (~15–30 ms for the report's 60 cells, on the main thread after the chapters ran): a
 * rebuild whose notebooks' text did not change (a changed assumption, a reused chapter) takes them
 * from `out/.cache/inputs/sections.json` instead. Only the cells' text is the key: outputs do not
 * make sections.
 */
import { cellText, type Notebook } from "../../notebook/nbformat";
import { notebookSections, type NotebookSections, type SectionRecord } from "../../report/sections";
import { isRecord } from "../../util/records";
import { parseCached, type Parsed } from "./parsed-inputs";

interface Stored {
  readonly sections: readonly SectionRecord[];
  /** Each cell's section id, by 1-based cell number (index 0 unused). */
  readonly cells: readonly (string | null)[];
  readonly top: string;
}

const isStored = (value: unknown): value is Stored[] =>
  Array.isArray(value) && value.every((entry) => isRecord(entry) && Array.isArray(entry.sections) && Array.isArray(entry.cells) && typeof entry.top === "string");

/** Each chapter's sections, in the order given; `keep` stores them for the next build (a no-op on a hit). */
export async function sectionsCached(cacheDir: string, chapters: readonly { readonly notebook: Notebook; readonly relativePath: string }[], code: string): Promise<Parsed<NotebookSections[]>> {
  const text = JSON.stringify(chapters.map(({ notebook, relativePath }) => [relativePath, notebook.cells.map((cell) => [cell.cell_type, cellText(cell.source)])]));
  const stored = await parseCached(cacheDir, { kind: "sections", text, fileName: "", code }, async () => chapters.map(({ notebook, relativePath }) => store(notebook, relativePath)), isStored);
  return { value: stored.value.map(rehydrate), keep: stored.keep };
}

function store(notebook: Notebook, relativePath: string): Stored {
  const found = notebookSections(notebook, relativePath);
  return { sections: found.sections, cells: [null, ...notebook.cells.map((_, index) => found.sectionOfCell(index + 1))], top: found.sectionOfCell(0) };
}

function rehydrate(stored: Stored): NotebookSections {
  return { sections: stored.sections, sectionOfCell: (cell) => stored.cells[cell] ?? stored.top };
}
