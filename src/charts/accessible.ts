/**
 * What a chart needs beyond its SVG for phones and assistive technology. Pure.
 *
 * - `narrowSpec`: the same chart drawn for a phone column (~350 px): a narrower plot and shorter label
 *   limits, same font sizes. Scaling the desktop SVG down instead shrinks its 11 px text to 6 px.
 *   Charts the narrow drawing cannot apply to (concat, facet, repeat, or small multiples side by
 *   side through the `column` or `facet` channel) keep one SVG, which scrolls inside its own box on
 *   a phone instead (report.css).
 * - `chartText`: the title and description a screen reader announces, from the spec's `title` and
 *   `description`, else from what the chart encodes.
 * - `accessibleSvg`: the SVG as one image (`role="img"`) named by its <title> and described by its
 *   <desc>, so its hundreds of marks are not read (or tabbed through) one by one.
 */
import { escapeHtml } from "../util/html";
import { isRecord } from "../util/records";

/**
 * The phone column: a 390 px screen less the page's side padding (report.css, 1.25rem of 16 px each
 * side). A chart no wider than this fits a phone as drawn and needs no phone drawing.
 */
export const PHONE_COLUMN_PX = 350;

/** Plot width and label limit of the phone drawing: with axis labels and padding it stays near 350 px. */
const NARROW_PLOT_WIDTH = 180;
const NARROW_LABEL_LIMIT = 130;
const NARROW_TITLE_LIMIT = 330;
const NARROW_LEGEND_LABEL_LIMIT = 280;
const NARROW_LABEL_SEPARATION = 4;
/** Average width of a character of the theme's 12 px axis titles and 14 px chart titles (semibold), px. */
const AXIS_TITLE_PX_PER_CHAR = 6.5;
const TITLE_PX_PER_CHAR = 7.5;

type Json = Record<string, unknown>;

export function narrowSpec(spec: unknown): Json | null {
  if (!isRecord(spec) || ["hconcat", "vconcat", "concat", "facet", "repeat"].some((key) => key in spec)) return null;
  // Small multiples side by side (the `column` and wrapping `facet` channels) stay as many columns
  // however narrow each plot; stacked ones (`row`) narrow like a single chart.
  if (isRecord(spec.encoding) && ["column", "facet"].some((channel) => isRecord(spec.encoding) && channel in spec.encoding)) return null;
  const config = isRecord(spec.config) ? spec.config : {};
  const limit = (section: unknown, key: string, most: number): Json => {
    const own = isRecord(section) ? section : {};
    const current = typeof own[key] === "number" ? (own[key] as number) : Infinity;
    return { ...own, [key]: Math.min(current, most) };
  };
  const width = typeof spec.width === "number" ? Math.min(spec.width, NARROW_PLOT_WIDTH) : NARROW_PLOT_WIDTH;
  return {
    ...wrapXTitles(spec, Math.floor(width / AXIS_TITLE_PX_PER_CHAR)),
    ...wrapChartTitle(spec.title, Math.floor(NARROW_TITLE_LIMIT / TITLE_PX_PER_CHAR)),
    width,
    config: {
      ...config,
      // Labels must keep a gap: a log axis crowded into the narrow plot ran "10 20 30" together as
      // "10 2030" (Vega drops overlapping labels, but touching ones do not overlap at separation 0).
      axis: { labelSeparation: NARROW_LABEL_SEPARATION, ...limit(config.axis, "labelLimit", NARROW_LABEL_LIMIT) },
      // A long x-axis title is wrapped onto lines that fit the plot (wrapXTitles); the limit only
      // guards a single word longer than the plot.
      axisX: { ...(isRecord(config.axisX) ? config.axisX : {}), titleLimit: width },
      // Category labels stand upright to fit side by side (none is dropped, unlike thinning).
      axisXDiscrete: { labelAngle: -90, labelOverlap: false, ...(isRecord(config.axisXDiscrete) ? config.axisXDiscrete : {}) },
      // A horizontal legend in one row can be wider than the phone drawing: one entry per row.
      legend: { ...limit(config.legend, "labelLimit", NARROW_LEGEND_LABEL_LIMIT), columns: 1 },
      title: { ...(isRecord(config.title) ? config.title : {}), limit: NARROW_TITLE_LIMIT },
    },
  };
}

/** Words of `title` on lines of at most `perLine` characters (a word longer than that keeps its own line). */
export function wrapTitle(title: string, perLine: number): string | string[] {
  if (title.length <= perLine) return title;
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter((part) => part !== "")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 1 ? lines : title;
}

/**
 * The spec with the x axis's string title (its own and its layers') wrapped for the phone drawing. Only
 * the axis gets the lines (`axis.title`): Vega-Lite names a field in each mark's tooltip and aria-label
 * by the field's own `title`, and would join the lines there with ", " ("share of, infrastructure").
 */
function wrapXTitles(spec: Json, perLine: number): Json {
  const encoding = isRecord(spec.encoding) ? spec.encoding : null;
  const x = encoding !== null && isRecord(encoding.x) ? encoding.x : null;
  const wrapped: Json = { ...spec };
  const axis = x !== null && isRecord(x.axis) ? x.axis : {};
  const shown = x === null || x.axis === null || x.axis === false ? undefined : "title" in axis ? axis.title : x.title;
  if (encoding !== null && x !== null && typeof shown === "string") {
    wrapped.encoding = { ...encoding, x: { ...x, axis: { ...axis, title: wrapTitle(shown, perLine) } } };
  }
  if (Array.isArray(spec.layer)) wrapped.layer = spec.layer.map((layer) => (isRecord(layer) ? wrapXTitles(layer, perLine) : layer));
  return wrapped;
}

/** `{ title }` with a long string title (or `title.text`) wrapped for the phone drawing; `{}` otherwise. */
function wrapChartTitle(title: unknown, perLine: number): Json {
  if (typeof title === "string") return { title: wrapTitle(title, perLine) };
  if (isRecord(title) && typeof title.text === "string") return { title: { ...title, text: wrapTitle(title.text, perLine) } };
  return {};
}

export interface ChartText {
  readonly title: string;
  readonly description: string;
}

function titleOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((part) => typeof part === "string").join(" ") || null;
  if (isRecord(value)) return titleOf(value.text);
  return null;
}

/**
 * The channels a chart encodes, as "x: Cost (USD); y: Samples", looked for in the spec and its layers.
 * A channel is named by a title wherever a layer gives one (the axis shows that title), and by its
 * field only when no layer titles it: a shaded band drawn first (x: "lo", no title) had the
 * description read "x: lo" under an axis titled "Stack-specific share … (%)".
 */
function encodedChannels(spec: Json): string[] {
  const seen: string[] = [];
  const titled = new Map<string, string>();
  const fields = new Map<string, string>();
  const visit = (node: Json): void => {
    if (isRecord(node.encoding)) {
      for (const [channel, definition] of Object.entries(node.encoding)) {
        if (!isRecord(definition) || !["x", "y", "color"].includes(channel)) continue;
        const title = titleOf(definition.title);
        if (title !== null && !titled.has(channel)) titled.set(channel, title);
        if (typeof definition.field === "string" && !fields.has(channel)) fields.set(channel, definition.field);
        if ((titled.has(channel) || fields.has(channel)) && !seen.includes(channel)) seen.push(channel);
      }
    }
    if (Array.isArray(node.layer)) node.layer.filter(isRecord).forEach(visit);
  };
  visit(spec);
  return seen.map((channel) => `${channel}: ${titled.get(channel) ?? fields.get(channel) ?? ""}`);
}

export function chartText(spec: unknown): ChartText {
  const json = isRecord(spec) ? spec : {};
  const channels = encodedChannels(json);
  const title = titleOf(json.title) ?? (typeof json.description === "string" ? json.description : null) ?? (channels.length > 0 ? `Chart of ${channels.join("; ")}` : "Chart");
  const description = typeof json.description === "string" && json.description !== title ? json.description : channels.length > 0 ? `Encodes ${channels.join("; ")}.` : title;
  return { title, description };
}

/** The root <svg> as role="img", labelled by a <title> and described by a <desc> with ids from `id`. */
export function accessibleSvg(svg: string, id: string, text: ChartText): string {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return svg.replace(
    /^<svg([^>]*)>/,
    (_match, attributes: string) =>
      `<svg${attributes} role="img" aria-labelledby="${escapeHtml(titleId)}" aria-describedby="${escapeHtml(descId)}">` +
      `<title id="${escapeHtml(titleId)}">${escapeHtml(text.title)}</title><desc id="${escapeHtml(descId)}">${escapeHtml(text.description)}</desc>`,
  );
}
