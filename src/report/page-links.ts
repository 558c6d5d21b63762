/**
 * Links within the page that go nowhere. A notebook links a figure or a heading by its fragment
 * (`[the run's cost](#figure-run_cost)`, `<a href="#scenarios">`); a mistyped id is valid markdown and
 * valid HTML, so nothing else notices it, and the reader's click does nothing. The rendered page is the
 * one place that knows every id (headings are numbered there, figures and charts get theirs), so the
 * check reads the page: each `href="#…"` whose target no `id` (or `<a name>`) has is a warning, located
 * in the cell that wrote it (its markdown, or the code cell whose `nb.md` output holds it), with the
 * nearest id. Publish adds a few ids of its own ("What changed", the errata); links to them are not
 * broken. Pure: the page and the notebooks in, warning lines out.
 *
 * Linear in the page: each notebook's links are read once, and only the first MAX_NAMED targets get a
 * located warning with a suggestion (a suggestion compares the target with every id, and a page of
 * thousands of broken links took minutes, the event loop blocked); the rest are counted in one line.
 */
import type { Notebook } from "../notebook/nbformat";
import { unescapeHtml } from "../util/html";
import { plausibleName } from "../util/suggest";
import { lineIndex } from "../util/text-position";
import { shownMarkdown } from "./chapter-cells";
import * as messages from "../messages/links";
import type { CellLocation, Location } from "../messages/location";

/** A fragment that needs no element: the top of the page (HTML's own rule for "" and "top"). */
const TOP = new Set(["", "top"]);
/** Ids publish gives its own sections (publish/changes.ts, the errata): a link to them works once published. */
const PUBLISHED_IDS = /^(what-changed|errata|erratum-.+)$/;
/** Broken targets warned about one by one; past this, one line says how many more. */
export const MAX_NAMED = 20;

interface ChapterNotebook {
  readonly notebook: Notebook;
  readonly relativePath: string;
}

/** Both checks below on one read of the page's tags (a page with its charts drawn twice holds tens of thousands). */
export function pageLinkWarnings(page: string, chapters: readonly ChapterNotebook[]): string[] {
  const tags = pageTags(page);
  return [...brokenLinks(tags, chapters), ...duplicateIds(tags, chapters)];
}

export const brokenLinkWarnings = (page: string, chapters: readonly ChapterNotebook[]): string[] => brokenLinks(pageTags(page), chapters);

function brokenLinks(tags: PageTags, chapters: readonly ChapterNotebook[]): string[] {
  const ids = new Set([...tags.ids, ...tags.names]);
  const targets = new Set(tags.hrefs.map(fragment));
  const broken = [...targets].filter((target) => !ids.has(target) && !TOP.has(target.toLowerCase()) && !PUBLISHED_IDS.test(target)).sort();
  if (broken.length === 0) return [];
  const named = broken.slice(0, MAX_NAMED);
  const places = writtenPlaces(chapters, new Set(named), WRITTEN_FRAGMENT);
  const known = [...ids];
  const warnings = inReadingOrder(
    chapters,
    named.flatMap((target) => {
      const where = places.get(target) ?? [];
      const nearest = plausibleName(target, known);
      return where.length === 0 ? [{ text: messages.pageLinkGoesNowhere(target) }] : where.map((at) => ({ at, text: messages.linkGoesNowhere(at, target, nearest) }));
    }),
  );
  return broken.length > named.length ? [...warnings, messages.moreLinksGoNowhere(broken.length - named.length)] : warnings;
}

/**
 * Located warnings in the order a reader meets them (chapter, cell, line, column), those of the page's
 * own making last: sorted by target, two broken links on one line were said right to left.
 */
function inReadingOrder(chapters: readonly ChapterNotebook[], warnings: readonly { readonly at?: Location | CellLocation; readonly text: string }[]): string[] {
  const chapterOf = new Map(chapters.map((chapter, index) => [chapter.relativePath, index]));
  const key = (at: Location | CellLocation | undefined): number[] =>
    at === undefined ? [Number.MAX_SAFE_INTEGER] : [chapterOf.get(at.file ?? "") ?? Number.MAX_SAFE_INTEGER, Number(at.cell ?? 0), "line" in at ? at.line : 0, "line" in at ? at.column : 0];
  const order = (a: number[], b: number[]): number => a.reduce((found, x, i) => found || x - (b[i] ?? 0), 0);
  return [...warnings].sort((a, b) => order(key(a.at), key(b.at))).map((warning) => warning.text);
}

interface PageTags {
  /** Every `id`, `name` and in-page `href="#…"` (its fragment) in the page's tags, unescaped. */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly hrefs: readonly string[];
}

/**
 * The attributes the checks read, in one pass over the page's tags, unescaped: only in a tag, since a
 * code span showing `<div id="x">` holds the same words as text (escaped `<`, quotes as they are) and
 * counted as an id.
 */
function pageTags(page: string): PageTags {
  const tags = { ids: [] as string[], names: [] as string[], hrefs: [] as string[] };
  for (const [tag] of page.matchAll(/<[a-zA-Z][^<>]*>/g)) {
    if (!tag.includes('="')) continue;
    for (const [, name, value] of tag.matchAll(/\s(id|name|href)="([^"]*)"/g)) {
      if (name === "href") {
        if (value?.startsWith("#") === true) tags.hrefs.push(unescapeHtml(value.slice(1)));
      } else (name === "id" ? tags.ids : tags.names).push(unescapeHtml(value ?? ""));
    }
  }
  return tags;
}

/** A fragment as the id it names: percent-escapes undone (markdown-it escapes "é" in a link), else as written. */
function fragment(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/**
 * Ids given to more than one element. A notebook's HTML may set any id (`<div id="appendix-assumptions">`,
 * `<a id="figure-run_cost">`), and a link to it, the table of contents' or a figure card's, then reaches
 * whichever comes first in the page: the report's own sections taken over without a word. Each id is
 * located where a notebook writes it; one no notebook writes is fragtax's own, said as such.
 */
export const duplicateIdWarnings = (page: string, chapters: readonly ChapterNotebook[]): string[] => duplicateIds(pageTags(page), chapters);

function duplicateIds(tags: PageTags, chapters: readonly ChapterNotebook[]): string[] {
  const counts = new Map<string, number>();
  for (const key of tags.ids) {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // An id publish gives its own section ("What changed", the errata) is taken once published, if a notebook writes it.
  const twice = [...counts].filter(([id, count]) => count > 1 || PUBLISHED_IDS.test(id)).map(([id]) => id).sort();
  if (twice.length === 0) return [];
  const places = writtenPlaces(chapters, new Set(twice), WRITTEN_ID);
  const located = twice.filter((id) => (places.get(id) ?? []).length > 0 || (counts.get(id) ?? 0) > 1);
  const named = located.slice(0, MAX_NAMED);
  const warnings = inReadingOrder(
    chapters,
    named.flatMap((id) => {
      const where = places.get(id) ?? [];
      return where.length === 0 ? [{ text: messages.pageIdTwice(id) }] : where.map((at) => ({ at, text: messages.idTwice(at, id) }));
    }),
  );
  return located.length > named.length ? [...warnings, messages.moreIdsTwice(located.length - named.length)] : warnings;
}

/** A `#…` in markdown or HTML source, up to what ends a link target there. */
const WRITTEN_FRAGMENT = /#([^\s()"'<>\]]*)/g;
/** An `id` attribute in HTML source, quoted or not. */
const WRITTEN_ID = /\bid\s*=\s*["']?([^\s"'<>]+)/g;

/**
 * Where each of `targets` is written in the notebooks (`pattern`'s first group: a link's fragment, an
 * id), read once per cell: a markdown cell's line and column, or the code cell whose output holds it (at
 * the line and column where its code spells it out, if it does). Compared decoded, however it was escaped.
 */
function writtenPlaces(chapters: readonly ChapterNotebook[], targets: ReadonlySet<string>, pattern: RegExp): Map<string, (Location | CellLocation)[]> {
  const places = new Map<string, (Location | CellLocation)[]>();
  const add = (target: string, where: Location | CellLocation): void => {
    const list = places.get(target) ?? [];
    if (!list.some((other) => JSON.stringify(other) === JSON.stringify(where))) list.push(where);
    places.set(target, list);
  };
  for (const { notebook, relativePath: file } of chapters) {
    // An output's HTML (`tslab.display.html`) is written by its cell as much as its markdown is.
    for (const { cell, source, lineOffset, cellSource } of shownMarkdown(notebook, file, true, ["text/markdown", "text/html"])) {
      for (const match of source.matchAll(pattern)) {
        const target = fragment(unescapeHtml(match[1] ?? ""));
        if (!targets.has(target)) continue;
        if (lineOffset !== undefined) {
          const { line, column } = lineIndex(source)(match.index ?? 0);
          add(target, { file, cell, line: line + lineOffset, column });
          continue;
        }
        // An output's markdown: located in its code cell where the cell's code spells the link out, else the cell.
        const inCode = cellSource.indexOf(match[0]);
        add(target, inCode < 0 ? { file, cell } : { file, cell, ...lineIndex(cellSource)(inCode) });
      }
    }
  }
  return places;
}
