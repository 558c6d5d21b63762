/**
 * A chart's data as HTML tables under its drawing (charts/data-table.ts reads them from the view): a
 * closed <details> whose <summary> is a keyboard stop, so a screen-reader user can read the values a
 * chart draws (the drawing itself is one image to them) and anyone can read exact numbers. Every cell
 * is data: it goes through the escaping template (a "<script>" or "$&" in a label stays text, an ESC
 * shows as \x1b). No script is involved: details opens by itself. Print hides it (print.css).
 */
import type { DataTable } from "../charts/data-table";
import { chartDataTableLeftOut, chartDataTableMarks, chartDataTableSummary } from "../messages/charts";
import { breakableText, html, type Html } from "../util/html";

/** The data tables of one chart (null when it draws nothing from data), named for the chart `title`. */
export function chartDataDetails(tables: readonly DataTable[], title: string): Html | null {
  if (tables.length === 0) return null;
  const rows = tables.reduce((sum, table) => sum + table.total, 0);
  // The summary names its chart to a screen reader, who may hear a list of "Data table" controls out of context.
  return html`<details class="chart-data-table"><summary>${chartDataTableSummary(rows)}<span class="visually-hidden">: ${title}</span></summary>${tables.map((table) =>
    tableHtml(table, tables.length > 1),
  )}</details>`;
}

/** A cell that reads as a number ("7.568", "$3.00", "−12%", "2.1×"), or an empty one. */
const NUMBER = /^(?:[-\u2212+]?[$€£]?[\d.,]+\s*[%×A-Za-z]*)?$/;

function tableHtml(table: DataTable, captioned: boolean): Html {
  // A column whose every cell reads as a number is set right-aligned, as the appendices set theirs.
  // Columns of names come first (Vega-Lite lists x before y, so a bar chart's table began "7.568"),
  // and the first of them heads its row: a screen reader names each value by the row's "Run cost".
  const numeric = table.columns.map((_, index) => table.rows.length > 0 && table.rows.every((row) => NUMBER.test((row[index] ?? "").trim())));
  const order = [...table.columns.keys()].sort((a, b) => Number(numeric[a]) - Number(numeric[b]));
  const rowHeader = numeric[order[0] ?? 0] === false;
  const cellHtml = (cell: string, index: number, position: number): Html =>
    position === 0 && rowHeader ? html`<th scope="row">${breakableText(cell)}</th>` : html`<td${numeric[index] === true ? html` class="num"` : null}>${breakableText(cell)}</td>`;
  const head = order.map((index) => html`<th scope="col"${numeric[index] === true ? html` class="num"` : null}>${breakableText(table.columns[index] ?? "")}</th>`);
  const body = table.rows.map((row) => html`<tr>${order.map((index, position) => cellHtml(row[index] ?? "", index, position))}</tr>`);
  const leftOut = table.total - table.rows.length;
  return html`<div class="table-wrap"><table class="data-table">${captioned ? html`<caption>${chartDataTableMarks(table.marks, table.total, table.ofKind)}</caption>` : null}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${
    leftOut > 0 ? html`<p class="note">${chartDataTableLeftOut(table.rows.length, table.total)}</p>` : null
  }`;
}
