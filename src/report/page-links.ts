/**
 * Links within the page that go nowhere. A notebook links a figure or a heading by its fragment
 * (`[the run's cost](#figure-run_cost)`, `<a href="#scenarios">`); a mistyped id is valid markdown and
 * valid HTML, so nothing else notices it, and the reader's click does nothing. The rendered page is the
 * one place that knows every id (headings are numbered there, figures and charts get theirs), so the
 * check reads the page: each `href="#…"` whose target no `id` has is a warning, located in the cell
 * that wrote it (its markdown, or the code cell whose `nb.md` output holds it), with the nearest id.
 * Pure: the page and the notebooks in, warning lines out.
 */
import type { Notebook } from "../notebook/nbformat";
import { unescapeHtml } from "../util/html";
import { plausibleName } from "../util/suggest";
import { lineIndex } from "../util/text-position";
import { shownMarkdown } from "./chapter-cells";
import * as messages from "../messages/links";

/** A fragment that needs no element: the top of the page (HTML's own rule for "" and "top"). */
const TOP = new Set(["", "top"]);

export function brokenLinkWarnings(page: string, chapters: readonly { readonly notebook: Notebook; readonly relativePath: string }[]): string[] {
  const ids = new Set([...page.matchAll(/\sid="([^"]*)"/g)].map(([, id]) => unescapeHtml(id ?? "")));
  const targets = new Set([...page.matchAll(/\shref="#([^"]*)"/g)].map(([, href]) => fragment(unescapeHtml(href ?? ""))));
  const broken = [...targets].filter((target) => !ids.has(target) && !TOP.has(target.toLowerCase())).sort();
  if (broken.length === 0) return [];
  const known = [...ids];
  return broken.flatMap((target) => {
    const nearest = plausibleName(target, known);
    const places = placesOf(target, chapters);
    return places.length === 0 ? [messages.pageLinkGoesNowhere(target)] : places.map((where) => messages.linkGoesNowhere(where, target, nearest));
  });
}

/** A fragment as the id it names: percent-escapes undone (markdown-it escapes "é" in a link), else as written. */
function fragment(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** Where the notebooks write `#target`: a markdown cell's line and column, or the code cell whose output holds it. */
function placesOf(target: string, chapters: readonly { readonly notebook: Notebook; readonly relativePath: string }[]) {
  const written = [`#${target}`, `#${encodeURI(target)}`];
  return chapters.flatMap(({ notebook, relativePath: file }) =>
    shownMarkdown(notebook, file, true).flatMap(({ cell, source, lineOffset, cellSource }) => {
      const at = Math.max(...written.map((text) => source.indexOf(text)));
      if (at < 0) return [];
      if (lineOffset !== undefined) return [{ file, cell, ...shift(lineIndex(source)(at), lineOffset) }];
      // An output's markdown: located in its code cell where the cell's code spells the link out, else the cell.
      const inCode = Math.max(...written.map((text) => cellSource.indexOf(text)));
      return [inCode < 0 ? { file, cell } : { file, cell, ...lineIndex(cellSource)(inCode) }];
    }),
  ).filter((where, index, all) => all.findIndex((other) => JSON.stringify(other) === JSON.stringify(where)) === index);
}

const shift = (where: { readonly line: number; readonly column: number }, lines: number) => ({ line: where.line + lines, column: where.column });
