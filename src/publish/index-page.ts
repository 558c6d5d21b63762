/**
 * `out/reports/index.html`: every published version, newest first, self-contained and escaped, under
 * the report's Content-Security-Policy with no script allowed (a note or title that escaping missed
 * still could not run). It is
 * derived from the manifests alone, so `verify` re-renders it to check it and `publish --index-only`
 * rewrites it.
 */
import { lstat } from "node:fs/promises";
import { join } from "node:path";
import * as messages from "../messages/versions";
import { figureRange } from "../diff/figures";
import { formatAlternatives } from "../format/figure";
import { breakableText, escapeHtml, html, rawHtml, unescapeHtml, type Html } from "../util/html";
import { listVersions, type Manifest } from "./store";
import { renderIndexErrata } from "../errata/render";
import { contentSecurityPolicy } from "../report/csp";
import { readPlainText } from "../util/plain-file";

// On a phone (< 40em) each version is a block of stacked cells instead of a four-column table row,
// and long words (ids, notes) wrap, so the page never scrolls sideways. A table column is as wide as its
// longest word whatever overflow-wrap says, so a note's long words (a URL) get break points of their own.
const CSS = `body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111;overflow-wrap:break-word}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em .6em;text-align:left;vertical-align:top}td.figures div{margin-bottom:.3em}td:first-child a{white-space:nowrap}.latest{font-size:.8em;background:#dbeafe;padding:.1em .4em;border-radius:.3em}@media (max-width:40em){body{margin:1em auto}table,tbody,tr,td{display:block}thead{display:none}tr{border-bottom:1px solid #ddd;padding:.6em 0}td{border:0;padding:.15em 0}body{overflow-wrap:anywhere}}`;

/** The page's policy: no script at all. Indexes published before it was added lack only this tag. */
const INDEX_POLICY = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy({ scripts: [] }))}">`;

export function renderIndexPage(title: string, newestFirst: readonly Manifest[]): string {
  const rows = newestFirst.map((version, index) => indexRow(version, index === 0));
  const heading = messages.indexHeading(title);
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8">${rawHtml(INDEX_POLICY)}<meta name="viewport" content="width=device-width,initial-scale=1"><title>${heading}</title><style>${rawHtml(CSS)}</style></head>
<body><h1>${heading}</h1><p>${messages.indexLead(newestFirst.length)}</p>
<table><thead><tr><th>version</th><th>note</th><th>headline figures (p50, 90% interval)</th><th>files</th></tr></thead><tbody>${rows}</tbody></table></body></html>
`.value;
}

/** One version's row of the index, as its manifest says now. */
function indexRow(version: Manifest, latest: boolean): Html {
  const href = (file: string) => `${encodeURIComponent(version.id)}/${file}`;
  return html`<tr><td><a href="${href("report.html")}"><strong>${version.id}</strong></a>${latest ? html` <span class="latest">latest</span>` : ""}<br><small>${version.date}${version.asOf === undefined ? "" : html`<br>data as of ${version.asOf}`}</small></td>
<td>${breakableText(version.note ?? "")}${renderIndexErrata(version.errata ?? [])}</td>
<td class="figures">${version.headline.map((f) => {
    const { p50, interval } = figureRange(f, f);
    // Beside the interval, the figure under its structural alternatives, as on the title page.
    return html`<div>${f.label}: <strong>${p50}</strong>${interval === null ? "" : html` <small>(${interval})</small>`}${html`<small>${formatAlternatives(f)}</small>`}</div>`;
  })}</td>
<td><a href="${href("report.html")}">HTML</a> · <a href="${href("report.pdf")}">PDF</a> · <a href="${href("manifest.json")}">manifest</a></td></tr>`;
}

/** The index publish would write now, from every published version (a malformed manifest throws, naming it). */
export async function expectedIndex(reportsDir: string, title: string): Promise<{ readonly page: string; readonly versions: number }> {
  const newestFirst = (await listVersions(reportsDir)).reverse();
  return { page: renderIndexPage(title, newestFirst), versions: newestFirst.length };
}

export type IndexState =
  /** "unprotected": exactly what publish rendered before the index carried its security policy. */
  | { readonly state: "ok" | "missing" | "unprotected"; readonly versions: number }
  /**
   * Not what publish renders. `unsealed`: versions published before manifests were sealed whose row is
   * not in the index: their manifest may be what was edited (verify cannot tell), not the index.
   */
  | { readonly state: "differs"; readonly versions: number; readonly unsealed: readonly string[] }
  /** What publish renders from the versions, under the title report.yaml had when it was written. */
  | { readonly state: "retitled"; readonly versions: number; readonly title: string; readonly unprotected: boolean }
  /** What publish rendered before `newest` was placed: the publish that placed it died before writing the index. */
  | { readonly state: "behind"; readonly versions: number; readonly newest: string }
  /** A folder, a symbolic link or a special file where the index file goes: said as what it is, not as an edit. */
  | { readonly state: "not a file"; readonly versions: number; readonly kind: "a folder" | "a symbolic link" | "a special file (a pipe, socket or device)" };

/**
 * Whether `out/reports/index.html` is the index publish would write now. A report retitled since is no
 * tampering: an index that is exactly what publish renders under a title a published version bears
 * (its sealed report.html's, checked before the index) is "retitled". Any other title is an edit.
 */
export async function checkIndex(reportsDir: string, title: string): Promise<IndexState> {
  const newestFirst = (await listVersions(reportsDir)).reverse();
  const page = renderIndexPage(title, newestFirst);
  const versions = newestFirst.length;
  // A link is not the index publish wrote, whatever it points to now (git would keep only the link);
  // nor is a folder or a FIFO in its place. Each is said as what it is: read as an index, a folder
  // listed no version and read as an edit of every unsealed manifest. What a link shows is still read,
  // for the unsealed versions whose rows it lacks: then either may be the edit (below).
  const info = await lstat(join(reportsDir, "index.html")).catch(() => undefined);
  if (info !== undefined && !info.isFile() && !info.isSymbolicLink()) return { state: "not a file", versions, kind: info.isDirectory() ? "a folder" : "a special file (a pipe, socket or device)" };
  const read = await readPlainText(join(reportsDir, "index.html")).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? undefined : null));
  if (read === undefined) return { state: "missing", versions };
  const linked = info?.isSymbolicLink() === true;
  // A link to a folder, a FIFO or nothing readable: what it points to cannot be an index at all.
  if (read === null && linked) return { state: "not a file", versions, kind: "a symbolic link" };
  // Compared without the break points a note's long words get (an index an earlier fragtax wrote has none).
  const actual = withoutBreaks(read ?? "");
  if (linked) {
    const unsealed = rowsMissing(actual, newestFirst);
    return unsealed.length > 0 ? { state: "differs", versions, unsealed } : { state: "not a file", versions, kind: "a symbolic link" };
  }
  if (actual === withoutBreaks(page)) return { state: "ok", versions };
  if (actual === withoutBreaks(page.replace(INDEX_POLICY, ""))) return { state: "unprotected", versions };
  // A publish writes the index just after renaming its version into place: killed in that moment, it
  // leaves the index of the versions before it. No edit, and no cause for `git checkout`.
  const [newest] = newestFirst;
  if (newest !== undefined && actual === withoutBreaks(renderIndexPage(title, newestFirst.slice(1)))) return { state: "behind", versions, newest: newest.id };
  const stated = titleIn(actual, escapeHtml(messages.indexHeading("")));
  const differs = { state: "differs", versions, unsealed: rowsMissing(actual, newestFirst) } as const;
  if (stated === undefined || stated === title || !(await publishedTitles(reportsDir)).has(stated)) return differs;
  const retitled = withoutBreaks((await expectedIndex(reportsDir, stated)).page);
  if (actual === retitled || actual === retitled.replace(INDEX_POLICY, "")) return { state: "retitled", versions, title: stated, unprotected: actual !== retitled };
  return differs;
}

/**
 * The versions without a seal (manifestSha256) whose row, as their manifest reads now, is not in the
 * index. A sealed manifest edited fails its own check before the index is looked at; an unsealed one
 * edited by hand shows only here, and rewriting the index from it would make the edit look published.
 */
function rowsMissing(actual: string, newestFirst: readonly Manifest[]): string[] {
  return newestFirst.filter((version, index) => version.manifestSha256 === undefined && !actual.includes(withoutBreaks(indexRow(version, index === 0).value))).map((v) => v.id);
}

/** An index's text without the `<wbr>` break points notes' long words get, which nothing else in it has. */
const withoutBreaks = (html: string): string => html.replace(/<wbr>/g, "");

/** The titles the published versions' pages bear (each report.html's <title>). */
async function publishedTitles(reportsDir: string): Promise<Set<string>> {
  const titles = new Set<string>();
  for (const version of await listVersions(reportsDir)) {
    const page = await readPlainText(join(reportsDir, version.id, "report.html")).catch(() => "");
    const title = titleIn(page, "");
    if (title !== undefined) titles.add(title);
  }
  return titles;
}

/** The text of a page's <title> without `suffix` (both as escapeHtml wrote them), or undefined. */
function titleIn(page: string, suffix: string): string | undefined {
  const heading = /<title>([^<]*)<\/title>/.exec(page)?.[1];
  return heading?.endsWith(suffix) === true ? unescapeHtml(heading.slice(0, heading.length - suffix.length)) : undefined;
}
