/**
 * Versions published before sections were recorded have no sections.json, but their manifest names
 * the clean git commit they were built from, and their figures.json and claims.json name each
 * record's notebook and cell. The notebooks at that commit give the sections and their prose hashes
 * exactly as a build would have recorded them, so the stale-prose guard can still compare. Anything
 * missing (no commit, a dirty build, a notebook not in git) → null: the guard says it cannot tell.
 */
import type { ProseSnapshot, SectionProse } from "../diff/prose-guard";
import type { Notebook } from "../notebook/nbformat";
import { notebookSections } from "../report/sections";
import { fileAtCommit } from "../util/git";
import type { Manifest } from "./store";

export async function sectionsFromGit(root: string, manifest: Pick<Manifest, "git">, prose: ProseSnapshot): Promise<ProseSnapshot | null> {
  const { commit, dirty } = manifest.git;
  if (commit === null || dirty !== false) return null;
  const records = (data: unknown): Array<Record<string, unknown>> => (Array.isArray(data) ? data.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null) : []);
  const [figures, claims] = [records(prose.figures), records(prose.claims)];
  const notebooks = [...new Set([...figures, ...claims].map((r) => r.notebook).filter((n): n is string => typeof n === "string"))];
  if (notebooks.length === 0) return null;
  const sections: SectionProse[] = [];
  const sectionOf = new Map<string, (cell: number) => string>();
  for (const path of notebooks) {
    const text = await fileAtCommit(root, commit, path);
    if (text === undefined) return null;
    try {
      const found = notebookSections(JSON.parse(text) as Notebook, path);
      sections.push(...found.sections);
      sectionOf.set(path, found.sectionOfCell);
    } catch {
      return null;
    }
  }
  const tag = (r: Record<string, unknown>): Record<string, unknown> => {
    const of = typeof r.notebook === "string" ? sectionOf.get(r.notebook) : undefined;
    return of !== undefined && typeof r.cell === "number" ? { ...r, section: of(r.cell) } : r;
  };
  return { figures: figures.map(tag), claims: claims.map(tag), sections };
}
