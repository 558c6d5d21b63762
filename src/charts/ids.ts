/**
 * Per-chart SVG ids. vega numbers gradient and clip ids from process-wide counters, so two charts
 * rendered in different processes (one fresh, one from the chart cache) can both hold
 * `id="gradient_0"` in one page, and the second chart's legend then paints with the first one's
 * gradient. Every id of a chart's SVG is renamed `<prefix>-<n>-<name>` in order of appearance, so the
 * result depends only on the chart's own SVG and its place in the report, never on the counters.
 */

const ID = /\bid="([^"]+)"/g;

/** Renames every `id` of `svg` and each reference to it (`url(#…)`, `href="#…"`). Pure. */
export function scopeSvgIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(ID)) {
    const id = match[1] ?? "";
    if (!renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}-${id.replace(/_?\d+$/, "") || "id"}`);
  }
  if (renamed.size === 0) return svg;
  const lookup = (id: string): string => renamed.get(id) ?? id;
  return svg
    .replace(ID, (_, id: string) => `id="${lookup(id)}"`)
    .replace(/url\(#([^)"']+)\)/g, (_, id: string) => `url(#${lookup(id)})`)
    .replace(/\b((?:xlink:)?href)="#([^"]+)"/g, (_, attribute: string, id: string) => `${attribute}="#${lookup(id)}"`);
}

/** A prefix usable in ids and CSS selectors, from a chart's place in the report ("c3-12-o1"). */
export function idPrefix(place: string): string {
  return `v${place.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}
