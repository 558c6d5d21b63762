/**
 * What a chart's marks say in words: each mark's `description` (the aria-label a screen reader reads,
 * and the text the report's hover tooltip shows, templates/runtime.js) and its `tooltip` object (the
 * chart's data table reads it, data-table.ts). Vega-Lite writes both from the encoding, and two of its
 * defaults reach a reader as noise:
 *
 *   - a number with no format is written with d3's twelve significant digits ("7.56801804723", also
 *     each end of a prepared bin, "0.782428402425 – 1.05896851143"), and an
 *     axis format without a precision with d3's six decimals ("0.000000%" for "%"): both are cut to
 *     four significant digits, never fewer than the whole part (`readableNumber`);
 *   - a layer with no title of its own names its fields by their column names ("ratioHigh: 15.28"),
 *     while the axis they are read against is titled by another layer: the field is named by that title.
 *
 * `readableMarkText` rewrites the view's items once, before its SVG and tables are written, so the
 * aria-label, the tooltip and the data table say the same thing in the same words.
 */
import type { View } from "vega";
import { isRecord } from "../util/records";
import { maximumSignificantDigits } from "../format/number";

/** A mark of a vega View's scenegraph, as far as the marks' words and the data tables read it. */
export interface SceneMark {
  readonly marktype?: string;
  readonly role?: string;
  readonly name?: unknown;
  readonly items?: readonly SceneItem[];
}

/** One item of a mark: what it draws (`datum`) and its words, which `readableMarkText` rewrites. */
export interface SceneItem {
  readonly datum?: unknown;
  tooltip?: unknown;
  description?: unknown;
  readonly ariaRoleDescription?: unknown;
  readonly items?: readonly SceneMark[];
}

/** The root of the scenegraph `view` drew (after `runAsync`); vega's typings do not declare its shape. */
export function sceneRoot(view: View): SceneMark {
  return (view.scenegraph() as unknown as { root: SceneMark }).root;
}

/**
 * A number Vega-Lite wrote with no format (every digit of a float, "7.56801804723") or with d3's
 * default six decimals ("0.000000%" for an axis format "%"), to four significant digits and never
 * fewer than its whole part ("565.7", "0.02392", "0%"), each end of a prepared bin's "start – end" so;
 * any other text as it is (a format the spec asked for, "1.50", is kept).
 */
export function readableNumber(text: string): string {
  // A prepared bin (`bin: "binned"`) is written "start – end" (Vega-Lite's binFormatExpression): each end on its own.
  const bin = /^(\S+) \u2013 (\S+)$/.exec(text);
  if (bin !== null) return `${readableNumber(bin[1] ?? "")} \u2013 ${readableNumber(bin[2] ?? "")}`;
  const match = /^([-\u2212]?)(\d+)\.(\d+)(%?)$/.exec(text);
  if (match === null) return text;
  const [, sign = "", whole = "", fraction = "", percent = ""] = match;
  // d3's defaults: six decimals for a format without a precision, twelve significant digits for none.
  const significantDigits = `${whole}${fraction}`.replace(/^0+/, "").length;
  if (fraction.length < 6 && significantDigits < 12) return text;
  const digits = Math.min(21, Math.max(4, whole.replace(/^0+/, "").length));
  const rounded = maximumSignificantDigits(Number(`${whole}.${fraction}`), digits);
  return `${rounded === "0" ? "" : sign}${rounded}${percent}`;
}

/** d3's number formatting as the chart's Vega has it (`vega.defaultLocale().format`). */
export type NumberFormatter = (specifier: string) => (value: number) => string;

/**
 * Rewrites the tooltip and description of every mark `view` drew (after `runAsync`), in place. A field
 * named by an axis's title is also written in that axis's number format (with `format`): a band's ends
 * read against a percent axis say "20%", as its labels do, not "0.2" (Vega-Lite gives a field only its
 * own format, and an x2 or y2 none at all).
 */
export function readableMarkText(view: View, vegaLiteSpec: Record<string, unknown>, format?: NumberFormatter): void {
  const guides = axisTitles(vegaLiteSpec);
  const titles = new Map([...guides].map(([field, guide]) => [field, guide.title]));
  // One formatter per specifier: d3 parses the specifier each time one is made, and a chart has many marks.
  const formatters = new Map<string, (value: number) => string>();
  const formatterOf = (specifier: string, make: NumberFormatter): ((value: number) => string) => {
    let formatter = formatters.get(specifier);
    if (formatter === undefined) formatters.set(specifier, (formatter = make(specifier)));
    return formatter;
  };
  const valueOf = (key: string, value: unknown, datum: unknown): unknown => {
    const specifier = guides.get(key)?.format;
    const raw = isRecord(datum) ? datum[key] : undefined;
    if (format !== undefined && specifier !== undefined && typeof raw === "number" && Number.isFinite(raw)) {
      try {
        return readableNumber(formatterOf(specifier, format)(raw));
      } catch {
        // A specifier d3 does not read draws the axis with vega's own error; the value stays as written.
      }
    }
    return typeof value === "string" ? readableNumber(value) : value;
  };
  const visit = (mark: SceneMark): void => {
    for (const item of mark.items ?? []) {
      for (const child of item.items ?? []) visit(child);
      if (mark.role !== "mark" || mark.marktype === "group") continue;
      const description = typeof item.description === "string" && item.description !== "" ? item.description : undefined;
      if (isRecord(item.tooltip)) {
        const said = Object.entries(item.tooltip);
        const pairs = titled(said.map(([key, value]): [string, unknown] => [key, valueOf(key, value, item.datum)]), titles);
        item.tooltip = Object.fromEntries(pairs);
        // Vega-Lite writes the description from the same pairs (the theme's tooltip: true): rewritten from
        // them, a label's own text that looks like a pair ("a; b: 3.14159265358") is left as it is.
        if (description !== undefined && description === joined(said)) {
          item.description = joined(pairs);
          continue;
        }
      }
      if (description !== undefined) item.description = readableDescription(description, titles, (key, value) => String(valueOf(key, value, item.datum)));
    }
  };
  visit(sceneRoot(view));
}

function joined(pairs: readonly [string, unknown][]): string {
  return pairs.map(([key, value]) => `${key}: ${String(value)}`).join("; ");
}

/**
 * A "Title: value; Title: value" description with its values readable and its bare field names titled.
 * A part that is not a pair (a title holding "; ") is kept as it is, and so is the order of the parts.
 */
function readableDescription(description: string, titles: ReadonlyMap<string, string>, valueOf: (key: string, value: string) => string): string {
  const parts = description.split("; ").map((part): string | [string, string] => {
    const at = part.indexOf(": ");
    return at > 0 ? [part.slice(0, at), valueOf(part.slice(0, at), part.slice(at + 2))] : part;
  });
  const renamed = titled(parts.filter((part): part is [string, string] => typeof part !== "string"), titles);
  let next = 0;
  return parts
    .map((part) => {
      if (typeof part === "string") return part;
      const [key, value] = renamed[next++] ?? part;
      return `${key}: ${value}`;
    })
    .join("; ");
}

/**
 * The pairs with each bare field name that the chart's axis or legend titles put under that title. A
 * layer with no title of its own names its fields ("ratio", "p50"), while the axis they are read
 * against is titled by another layer ("Stated figure ÷ computed figure"): the reader sees the axis, so
 * the mark says what it says. A field that only ends a range (x2, y2) is that title's end.
 */
export function titled<V>(pairs: readonly [string, V][], titles: ReadonlyMap<string, string>): [string, V][] {
  const used = new Set<string>();
  return pairs.map(([key, value]) => {
    const title = titles.get(key);
    const column = title !== undefined && !used.has(title) && !pairs.some(([other]) => other === title) ? title : key;
    used.add(column);
    return [column, value];
  });
}

/** The guides' titles, by channel, as the first view that titles each channel gives them (as accessible.ts reads them). */
const GUIDED = ["x", "y", "color", "fill", "stroke", "shape", "size", "opacity", "strokeDash"];

/** The axis or legend title a field is read against, and that guide's number format if it has one. */
export interface FieldGuide {
  readonly title: string;
  readonly format?: string;
}

/** A quantitative channel's d3 number format: its own `format`, else its axis's or legend's. */
function numberFormatOf(definition: Record<string, unknown>): string | undefined {
  if (definition.type !== "quantitative") return undefined;
  const isNumber = (holder: Record<string, unknown>): boolean => typeof holder.format === "string" && (holder.formatType === undefined || holder.formatType === "number");
  if (isNumber(definition)) return definition.format as string;
  for (const guide of [definition.axis, definition.legend]) if (isRecord(guide) && isNumber(guide)) return guide.format as string;
  return undefined;
}

/**
 * Field name → the axis or legend title it is read against (and its number format), for fields a view
 * encodes without a title of its own. A range's end (x2, y2) is its own view's start's title "(end)"
 * when that view titles its start, else the axis's.
 */
export function axisTitles(spec: Record<string, unknown>): Map<string, FieldGuide> {
  const channelGuides = new Map<string, FieldGuide>();
  const untitled = new Map<string, Set<string>>();
  // A range end's guide from its own view's start; null once two views give the same field different ones.
  const ownEnds = new Map<string, FieldGuide | null>();
  // A channel whose views have their own scales or guides (a second y axis on the right) titles each
  // view's field by itself: there, a field is not read against the first view's title.
  const independent = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isRecord(node)) return;
    if (isRecord(node.resolve)) {
      for (const kind of Object.values(node.resolve)) {
        if (isRecord(kind)) for (const [channel, how] of Object.entries(kind)) if (how === "independent") independent.add(channel);
      }
    }
    if (isRecord(node.encoding)) {
      const encoding = node.encoding;
      for (const [channel, definition] of Object.entries(encoding)) {
        if (!isRecord(definition)) continue;
        const main = channel === "x2" ? "x" : channel === "y2" ? "y" : channel;
        if (!GUIDED.includes(main)) continue;
        const title = guideTitle(definition);
        const format = numberFormatOf(definition);
        if (title !== undefined && channel === main && !channelGuides.has(main)) channelGuides.set(main, format === undefined ? { title } : { title, format });
        // Only a plain field is named by itself in a tooltip ("Sum of v", "v (binned)" are not).
        const plain = typeof definition.field === "string" && !("title" in definition) && !("aggregate" in definition) && !("bin" in definition) && !("timeUnit" in definition);
        if (!plain) continue;
        const field = definition.field as string;
        untitled.set(field, (untitled.get(field) ?? new Set()).add(channel));
        const start = encoding[main];
        const startTitle = channel !== main && isRecord(start) ? titleText(start.title) : undefined;
        if (startTitle !== undefined && isRecord(start)) {
          const startFormat = numberFormatOf(start);
          const guide: FieldGuide = startFormat === undefined ? { title: `${startTitle} (end)` } : { title: `${startTitle} (end)`, format: startFormat };
          const earlier = ownEnds.get(field);
          ownEnds.set(field, earlier === undefined || (earlier !== null && earlier.title === guide.title && earlier.format === guide.format) ? guide : null);
        }
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== "data" && key !== "encoding" && key !== "config" && typeof value === "object") visit(value);
  };
  visit(spec);
  const out = new Map<string, FieldGuide>();
  for (const [field, channels] of untitled) {
    if (channels.size !== 1) continue; // a field on two channels could be read against either guide
    const [channel = ""] = channels;
    const main = channel === "x2" ? "x" : channel === "y2" ? "y" : channel;
    const own = ownEnds.get(field);
    if (own !== undefined && own !== null) {
      out.set(field, own);
      continue;
    }
    const guide = independent.has(main) ? undefined : channelGuides.get(main);
    if (guide !== undefined) out.set(field, channel === main ? guide : { ...guide, title: `${guide.title} (end)` });
  }
  return out;
}

/**
 * The title a reader sees on a channel's axis or legend: the guide's own title where the spec gives one
 * (`axis: { title }`, which shows in place of the field's), else the field's. A field a view leaves
 * untitled on that channel is read against this, not against another view's field title: a band
 * titled "Cost, 5th percentile" under an axis titled "Cost" leaves a median point read as "Cost".
 */
function guideTitle(definition: Record<string, unknown>): string | undefined {
  for (const guide of [definition.axis, definition.legend]) {
    const own = isRecord(guide) ? titleText(guide.title) : undefined;
    if (own !== undefined) return own;
  }
  return titleText(definition.title);
}

export function titleText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((part) => typeof part === "string")) return value.join(" ");
  return undefined;
}
