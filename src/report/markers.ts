/**
 * Comments the renderer leaves in report.html for `fragtax publish` to fill in. A module of its own
 * so publishing does not load the renderer (and vega) just to know them.
 */

/** Where `fragtax publish` lists its "What changed since …" section in the table of contents. */
export const CHANGES_TOC_MARKER = "<!-- fragtax:what-changed-toc -->";
