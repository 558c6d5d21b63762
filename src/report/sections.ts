/**
 * A chapter's sections, heading to heading, and a fingerprint of each one's words. Figures and claims
 * are tagged with the section of the cell that declared them, so that when a figure moves between
 * versions and its section's words did not change, `publish` can point at the words to re-read
 * (stale-prose guard, src/diff/prose-guard.ts).
 *
 * Two fingerprints, both recorded in sections.json:
 *   proseV2Sha256  the section's prose: its markdown and the literal text of its `nb.md` /
 *                  `nb.mdFragment` templates (notebook/prose-calls.ts). What the guard compares.
 *   proseSha256    v1: its markdown and every string literal of its code cells. A chart colour, an id
 *                  or a path counted as "the words changed" and switched the guard off; it is still
 *                  written because versions published before v2 recorded only it, and a build compared
 *                  with one of those (whose notebooks git cannot give back) must be compared on the
 *                  same terms: v2 against v1 differs always, which read as every section rewritten.
 */
import { sha256 } from "../util/hash";
import { cellText, type Notebook } from "../notebook/nbformat";
import { proseCallText } from "../notebook/prose-calls";
import { withoutLedgerMarkers } from "../api/words";

export interface SectionRecord {
  /** "<notebook file name without .ipynb>#<heading slug>", e.g. "05-who-pays#compute-spend". */
  readonly id: string;
  readonly notebook: string;
  readonly heading: string;
  /** v1: sha256 of the markdown and every code string literal, whitespace-normalized (kept for older versions). */
  readonly proseSha256: string;
  /** v2: sha256 of the markdown and the literal text of nb.md / nb.mdFragment templates, whitespace-normalized. */
  readonly proseV2Sha256: string;
}

export interface NotebookSections {
  readonly sections: readonly SectionRecord[];
  /** The section of a 1-based cell number (cells before any heading belong to the notebook's "top"). */
  readonly sectionOfCell: (cell: number) => string;
}

const HEADING = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
/** A code fence's opening or closing marker (CommonMark: three or more backticks or tildes, indented at most 3). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function notebookSections(notebook: Notebook, relativePath: string): NotebookSections {
  const base = (relativePath.split("/").pop() ?? relativePath).replace(/\.ipynb$/, "");
  // Per section: `prose` what v2 hashes, `literals` what v1 hashes (the markdown is in both).
  const parts: { id: string; heading: string; prose: string[]; literals: string[] }[] = [];
  const used = new Set<string>();
  const open = (heading: string): void => {
    const slug = slugify(heading) || "section";
    let id = `${base}#${slug}`;
    for (let n = 2; used.has(id); n++) id = `${base}#${slug}-${n}`;
    used.add(id);
    parts.push({ id, heading, prose: [], literals: [] });
  };
  open("top");
  const cellSection: string[] = [];
  notebook.cells.forEach((cell, index) => {
    const source = cellText(cell.source);
    if (cell.cell_type === "markdown") {
      // A `# comment` in a fenced code block is code, not a heading (each cell is a document of its own).
      let fence: string | undefined;
      for (const line of source.split("\n")) {
        const marker = FENCE.exec(line)?.[1];
        if (fence === undefined && marker !== undefined) fence = marker;
        else if (fence !== undefined && marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
        const match = fence === undefined ? HEADING.exec(line) : null;
        if (match?.[2] !== undefined) open(match[2]);
        const part = parts[parts.length - 1] as { prose: string[]; literals: string[] };
        part.prose.push(line);
        part.literals.push(line);
      }
    } else if (cell.cell_type === "code") {
      const part = parts[parts.length - 1] as { prose: string[]; literals: string[] };
      part.prose.push(...proseCallText(source));
      part.literals.push(...stringLiterals(source));
    }
    cellSection[index + 1] = (parts[parts.length - 1] as { id: string }).id;
  });
  const sections = parts
    // The top (cells before any heading) is a section when it has text; judged as v1 did, so a version's
    // sections are the same ids whichever fingerprint compares them.
    .filter((part, index) => index > 0 || part.literals.some((p) => p.trim() !== ""))
    .map((part) => ({ id: part.id, notebook: relativePath, heading: part.heading, proseSha256: proseHash(part.literals), proseV2Sha256: proseHash(part.prose) }));
  return { sections, sectionOfCell: (cell) => cellSection[cell] ?? `${base}#top` };
}

function proseHash(prose: readonly string[]): string {
  const normalized = prose.map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p !== "").join("\n");
  return sha256(normalized);
}

export function slugify(text: string): string {
  return withoutLedgerMarkers(text)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * What the v1 fingerprint hashes of a code cell (kept as it was, so it reproduces older versions'
 * hashes): the static text of every string and template literal in TypeScript source (template literals: the
 * parts between `${…}`, whose expressions are scanned too), skipping comments. A tokenizer this small
 * can be fooled by a regular expression containing a quote; that only adds or drops words from a
 * hash, never a crash, and a changed hash errs on the side of "the prose changed".
 */
export function stringLiterals(source: string): string[] {
  const out: string[] = [];
  const braces: number[] = []; // per open template: brace depth when its `${` began
  let depth = 0;
  let i = 0;
  // A template's text up to its end or its next `${`, escapes as written: one slice of the source.
  const readTemplatePart = (): void => {
    const start = i;
    while (i < source.length) {
      const ch = source[i] as string;
      if (ch === "\\") {
        i += 2;
      } else if (ch === "`") {
        out.push(source.slice(start, i));
        i++;
        return;
      } else if (ch === "$" && source[i + 1] === "{") {
        out.push(source.slice(start, i));
        i += 2;
        braces.push(depth);
        depth++;
        return;
      } else {
        i++;
      }
    }
    out.push(source.slice(start, Math.min(i, source.length)));
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === "/" && source[i + 1] === "/") i = nextIndex(source.indexOf("\n", i), source.length);
    else if (ch === "/" && source[i + 1] === "*") i = nextIndex(source.indexOf("*/", i + 2), source.length) + 1;
    else if (ch === '"' || ch === "'") {
      let end = i + 1;
      while (end < source.length && source[end] !== ch && source[end] !== "\n") end += source[end] === "\\" ? 2 : 1;
      out.push(source.slice(i + 1, end));
      i = end + 1;
    } else if (ch === "`") {
      i++;
      readTemplatePart();
    } else if (ch === "{") {
      depth++;
      i++;
    } else if (ch === "}") {
      depth--;
      i++;
      if (braces.length > 0 && depth === braces[braces.length - 1]) {
        braces.pop();
        readTemplatePart();
      }
    } else i++;
  }
  return out;
}

function nextIndex(found: number, length: number): number {
  return found < 0 ? length : found + 1;
}
