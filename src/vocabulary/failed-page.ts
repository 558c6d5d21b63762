/**
 * The attribute a failed build's page carries on its banner ("This build failed"): the renderer writes
 * it, and `fragtax dev` reads it to tell a failed build's page from a report under its error overlay.
 * Text a notebook shows is escaped (`&quot;`), so no report's prose can carry it.
 */
export const FAILED_PAGE_MARK = 'data-fragtax="build-failed"';
