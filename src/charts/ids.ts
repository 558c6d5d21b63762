/**
 * Per-chart SVG ids. vega numbers gradient and clip ids from process-wide counters, so two charts
 * rendered in different processes (one fresh, one from the chart cache) can both hold
 * `id="gradient_0"` in one page, and the second chart's legend then paints with the first one's
 * gradient. Every id of a chart's SVG is renamed `<prefix>-<n>-<name>` in order of appearance, so the
 * result depends only on the chart's own SVG and its place in the report, never on the counters.
 *
 * Only markup is rewritten: ids and references live in attributes, while a chart's text (labels,
 * titles, aria-labels) is data and may well read `id="x"` or `url(#x)`.
 */

/** A tag: vega writes `<` and `>` in text and attribute values as `&lt;` and `&gt;`, so `<` always opens one. */
const TAG = /<[^<>]+>/g;
/** An attribute of a tag (vega writes `"` in values as `&quot;`). */
const ATTRIBUTE = /(\s)([\w:.-]+)="([^"]*)"/g;
/** The attributes whose values refer to an id as `url(#id)` (paint, clipping, masks, filters, markers). */
const URL_REFERENCES = new Set(["fill", "stroke", "clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end", "style"]);

/** Renames every `id` of `svg` and each reference to it (`url(#…)`, `href="#…"`) in its tags' attributes. Pure. */
export function scopeSvgIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const tag of svg.match(TAG) ?? []) {
    for (const [, , name, id = ""] of tag.matchAll(ATTRIBUTE)) {
      if (name === "id" && !renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}-${id.replace(/_?\d+$/, "") || "id"}`);
    }
  }
  if (renamed.size === 0) return svg;
  const lookup = (id: string): string => renamed.get(id) ?? id;
  return rewriteAttributes(svg, (name, value) => {
    if (name === "id") return lookup(value);
    if ((name === "href" || name === "xlink:href") && value.startsWith("#")) return `#${lookup(value.slice(1))}`;
    return URL_REFERENCES.has(name) ? value.replace(/url\(#([^)"']+)\)/g, (_, id: string) => `url(#${lookup(id)})`) : value;
  });
}

/** `svg` with each attribute value of each tag replaced by `rewrite(name, value)`; text between tags as it is. */
function rewriteAttributes(svg: string, rewrite: (name: string, value: string) => string): string {
  return svg.replace(TAG, (tag) => tag.replace(ATTRIBUTE, (_, space: string, name: string, value: string) => `${space}${name}="${rewrite(name, value)}"`));
}

/** A prefix usable in ids and CSS selectors, from a chart's place in the report ("c3-12-o1"). */
export function idPrefix(place: string): string {
  return `v${place.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}
