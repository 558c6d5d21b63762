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
