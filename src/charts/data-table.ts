/**
 * A chart's data as tables, for readers who cannot see the drawing or want its numbers: one table per
 * kind of mark the chart draws, one row per mark, read from the vega View after it has run.
 *
 * Rows come from the scenegraph, not from the spec's inline rows: after aggregate, fold, calculate,
 * bin, timeUnit and a data.url (inlined before drawing), a mark's item holds the values it draws. The
 * columns and cell text are each item's `tooltip`, which Vega-Lite computes from the encoding with each
 * field's title (axis or legend title where the spec gives one) and format (the theme turns tooltips
 * on for every mark, theme.ts): the table reads as the chart and its hover tooltips read. A mark whose
 * tooltip the spec turned off or made plain text falls back to its `description` (the aria-label
 * Vega-Lite writes from the same encoding as "Title: value; Title: value"). Marks inside a facet get
 * the facet's value(s) as leading columns, or panels would repeat the same rows indistinguishably.
 *
 * Pure given the view; the text is data and is escaped where it becomes HTML (report/chart-table.ts).
 */
import type { View } from "vega";
import { isRecord } from "../util/records";
import { readableNumber, sceneRoot, type SceneItem, type SceneMark } from "./mark-text";

/** One table of a chart's marks: cell text as the chart writes it, at most MAX_TABLE_ROWS rows kept. */
export interface DataTable {
  /** What kind of mark the rows are, as Vega-Lite names it ("bar", "rule", "point"). */
  readonly marks: string;
  /** This table's place among the chart's tables of the same kind of mark, when there are several. */
  readonly ofKind?: { readonly nth: number; readonly of: number };
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** All the rows the chart draws: more than `rows.length` when the table was cut. */
  readonly total: number;
}

/**
 * Rows kept per table. A reader going through a table by ear or by eye wants the chart's points,
 * not a data dump (a 20,000-point scatter would add megabytes to the page); a rasterised chart still
 * links its whole data as a file (raster.ts).
 */
export const MAX_TABLE_ROWS = 50;

/** A facet's field and the title its header shows, from the Vega-Lite spec. */
interface FacetField {
  readonly field: string;
  readonly title: string;
}

/** The tables of the marks `view` drew (after `runAsync`), identical tables once (a line and its points). */
export function chartDataTables(view: View, vegaLiteSpec: Record<string, unknown>): DataTable[] {
  const facets = facetFields(vegaLiteSpec);
  const collected: { name: string; marks: string; columns: string[]; rows: string[][]; total: number }[] = [];
  const visit = (mark: SceneMark, facet: readonly [string, string][]): void => {
    for (const item of mark.items ?? []) {
      if (mark.marktype === "group") {
        // A facet cell's datum holds its facet values; a concat or layer group's holds none of them.
        const values = isRecord(item.datum) ? facets.filter(({ field }) => field in (item.datum as Record<string, unknown>)) : [];
        const inner: [string, string][] = values.length > 0 ? values.map(({ field, title }) => [title, cellText((item.datum as Record<string, unknown>)[field])]) : [...facet];
        for (const child of item.items ?? []) visit(child, inner);
      }
    }
    if (mark.role !== "mark" || mark.marktype === "group") return;
    const items = mark.items ?? [];
    const pairs = items.map(itemPairs);
    if (pairs.every((row) => row.length === 0)) return; // a rule at a constant: nothing encoded by data
    const kind = typeof items[0]?.ariaRoleDescription === "string" ? items[0].ariaRoleDescription : (mark.marktype ?? "mark");
    const columns = besideTheirStart([...new Set([...facet.map(([title]) => title), ...pairs.flat().map(([key]) => key)])]);
    const rows = pairs.slice(0, MAX_TABLE_ROWS).map((row) => {
      const byKey = new Map([...facet, ...row]);
      return columns.map((column) => byKey.get(column) ?? "");
    });
    // One mark of the spec is drawn once per facet panel, and a line or area once per series (colour):
    // the scenegraph has a mark of the same name for each, which are one table.
    const name = mark.name;
    const same = typeof name === "string" ? collected.find((table) => table.name === name && table.columns.join("\0") === columns.join("\0")) : undefined;
    if (same !== undefined) {
      same.rows.push(...rows.slice(0, Math.max(0, MAX_TABLE_ROWS - same.rows.length)));
      same.total += items.length;
    } else collected.push({ name: typeof name === "string" ? name : "", marks: kind, columns, rows, total: items.length });
  };
  visit(sceneRoot(view), []);
  // A line and the points on it (`point: true`) draw the same rows, series by series and point by point.
  const sameRows = (table: { columns: string[]; rows: string[][]; total: number }): string => JSON.stringify([table.columns, table.total, table.rows.map((row) => JSON.stringify(row)).sort()]);
  const distinct = collected.filter((table, index) => collected.findIndex((other) => sameRows(other) === sameRows(table)) === index);
  const counts = new Map<string, number>();
  return distinct.map((table) => {
    const nth = (counts.get(table.marks) ?? 0) + 1;
    counts.set(table.marks, nth);
    const of = distinct.filter((other) => other.marks === table.marks).length;
    return { marks: table.marks, ...(of > 1 ? { ofKind: { nth, of } } : {}), columns: table.columns, rows: table.rows, total: table.total };
  });
}

/** An item's [title, text] pairs: its tooltip object, else its "Title: value; …" description. */
function itemPairs(item: SceneItem): [string, string][] {
  if (isRecord(item.tooltip)) return Object.entries(item.tooltip).map(([key, value]) => [key, cellText(value)]);
  if (typeof item.description !== "string" || item.description === "") return [];
  return item.description.split("; ").flatMap((pair): [string, string][] => {
    const at = pair.indexOf(": ");
    return at > 0 ? [[pair.slice(0, at), pair.slice(at + 2)]] : [];
  });
}

/** Columns with each range's end ("Cost (end)") moved next to its start ("Cost"), as a reader reads a range. */
function besideTheirStart(columns: string[]): string[] {
  const ends = new Set(columns.filter((column) => column.endsWith(" (end)") && columns.includes(column.slice(0, -" (end)".length))));
  return columns.flatMap((column) => (ends.has(column) ? [] : ends.has(`${column} (end)`) ? [column, `${column} (end)`] : [column]));
}

/** GeoJSON's object types: a geoshape's tooltip holds its whole geometry. */
const GEOJSON = new Set(["Feature", "FeatureCollection", "GeometryCollection", "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "Topology"]);
/** Characters a cell shows of a value: the rest of a long text is data no reader goes through in a table. */
const MAX_CELL_CHARS = 200;

/**
 * A value as a cell shows it: text as is, an inlined image or a map shape named (its base64 or its
 * coordinates say nothing to a reader: a 52-state map's coordinates were 1.3 MB of table), nothing
 * for a missing value; a text past MAX_CELL_CHARS cut with an ellipsis.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (isRecord(value) && typeof value.type === "string" && GEOJSON.has(value.type)) return value.id === undefined ? "(shape)" : `(shape ${cellText(value.id)})`;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text.startsWith("data:")) return "(image)";
  return text.length > MAX_CELL_CHARS ? `${[...text].slice(0, MAX_CELL_CHARS).join("")}\u2026` : readableNumber(text);
}

/** The fields a spec facets by (facet operator, or the row/column/facet channels) and their header titles. */
function facetFields(spec: Record<string, unknown>): FacetField[] {
  const out: FacetField[] = [];
  const add = (definition: unknown): void => {
    if (!isRecord(definition) || typeof definition.field !== "string") return;
    const title = typeof definition.title === "string" ? definition.title : Array.isArray(definition.title) ? definition.title.join(" ") : definition.field;
    out.push({ field: definition.field, title });
  };
  const facet = spec.facet;
  if (isRecord(facet)) {
    if (typeof facet.field === "string") add(facet);
    else ["row", "column"].forEach((channel) => add(facet[channel]));
  }
  if (isRecord(spec.encoding)) ["row", "column", "facet"].forEach((channel) => add((spec.encoding as Record<string, unknown>)[channel]));
  return out;
}
