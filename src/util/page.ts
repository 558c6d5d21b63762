/**
 * Splicing a fragment into a finished page (the "What changed" section into a published report, the
 * live-reload script and error overlay into a served one). Fragments are built with the report's
 * escaping template (src/util/html.ts).
 */

/** Inserts `fragment` before `</body>` (or appends it). */
export function insertBeforeBodyClose(page: string, fragment: string): string {
  const at = page.toLowerCase().lastIndexOf("</body>");
  return at < 0 ? page + fragment : page.slice(0, at) + fragment + page.slice(at);
}

/**
 * `page` with the first `marker` replaced by `fragment`, taken literally. Never `String.replace` with
 * a string replacement here: its `$&`, `` $` `` and `$'` patterns would paste parts of the page into
 * it when the fragment carries a user's note.
 */
export function replaceMarker(page: string, marker: string, fragment: string): string {
  const at = page.indexOf(marker);
  return at < 0 ? page : page.slice(0, at) + fragment + page.slice(at + marker.length);
}
