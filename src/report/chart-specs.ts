/**
 * Which outputs of a notebook are charts. Its own module with no dependencies beyond the notebook
 * format, so `fragtax run` can tell whether there is a chart to check before loading the checks.
 */
import { VEGA_LITE_MIME } from "../api/types";
import type { Notebook, Output } from "../notebook/nbformat";

export const VEGA_LITE_MIMES = [VEGA_LITE_MIME, "application/vnd.vegalite.v6+json", "application/vnd.vegalite.v4+json"];

/** The Vega-Lite specs among a notebook's outputs (for the rebuild cache: which files they read). */
export function chartSpecs(outputs: readonly Output[]): unknown[] {
  return outputs.flatMap((output) => {
    if (output.output_type !== "display_data" && output.output_type !== "execute_result") return [];
    const mime = VEGA_LITE_MIMES.find((candidate) => candidate in output.data);
    if (mime === undefined) return [];
    const payload = output.data[mime];
    try {
      return [typeof payload === "string" ? JSON.parse(payload) : payload];
    } catch {
      return [];
    }
  });
}

/** Whether any output of the notebook is a Vega-Lite chart. */
export function hasCharts(notebook: Notebook): boolean {
  return notebook.cells.some((cell) => cell.cell_type === "code" && chartSpecs(cell.outputs).length > 0);
}
