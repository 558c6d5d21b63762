/**
 * Versions published before sections were recorded have no sections.json, but their manifest names
 * the clean git commit they were built from, and their figures.json and claims.json name each
 * record's notebook and cell. The notebooks at that commit give the sections and their prose hashes
 * exactly as a build would have recorded them, so the stale-prose guard can still compare. Anything
 * missing (no commit, a dirty build, a notebook not in git) → null: the guard says it cannot tell.
 *
 * Versions published before the v2 fingerprint (prose only, report/sections.ts) have sections.json
 * with v1 alone; the same notebooks give their v2 fingerprints (`comparableProse`).
 */
import { hasProseV2, type ProseSnapshot, type SectionProse } from "../diff/prose-guard";
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

/**
 * A published version's figures, claims and sections as the guard compares them with a build or
 * another version: sections from git when it has no sections.json, v2 fingerprints from git when its
 * sections.json has v1 only; as stored when it has them, or when git cannot give them back (v1 then
 * compares it, as before v2: prose-guard.ts `sameProse`). Null sections stay null when git cannot say.
 */
export async function comparableProse(root: string, manifest: Pick<Manifest, "git">, stored: ProseSnapshot): Promise<ProseSnapshot> {
  if (stored.sections === null) return (await sectionsFromGit(root, manifest, stored)) ?? stored;
  if (hasProseV2(stored.sections)) return stored;
  return { ...stored, sections: await withProseV2FromGit(root, manifest, stored.sections) };
}

/**
 * `sections` with the v2 fingerprint of each that the notebooks at the manifest's commit give back,
 * and only where those notebooks also give back the v1 fingerprint the version recorded: then they are
 * the words that version was built from (not a later edit, nor another tool's reading of the cells).
 */
export async function withProseV2FromGit(root: string, manifest: Pick<Manifest, "git">, sections: readonly SectionProse[]): Promise<SectionProse[]> {
  const { commit, dirty } = manifest.git;
  if (commit === null || dirty !== false) return [...sections];
  const recomputed = new Map<string, SectionProse>();
  for (const path of new Set(sections.map((s) => s.notebook))) {
    const text = await fileAtCommit(root, commit, path);
    if (text === undefined) continue;
    try {
      for (const section of notebookSections(JSON.parse(text) as Notebook, path).sections) recomputed.set(section.id, section);
    } catch {
      // Not a notebook at that commit: its sections keep v1 alone.
    }
  }
  return sections.map((section) => {
    const found = recomputed.get(section.id);
    return section.proseV2Sha256 === undefined && found?.proseSha256 === section.proseSha256 && found.proseV2Sha256 !== undefined ? { ...section, proseV2Sha256: found.proseV2Sha256 } : section;
  });
}
