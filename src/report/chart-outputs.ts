/**
 * What a notebook's charts need checked or read, without loading the chart renderer (a no-op rebuild
 * needs the files a chart reads, not the chart): the files they read, and fields missing from their data.
 */
import { chartFiles, missingDataFiles, resolveChartData } from "../charts/data";
import { locateMissing, missingFields, missingFieldWarning, type Locate } from "../charts/fields";
import { floatingBars } from "../charts/floating-bars";
import { textOnQuantities, textOnQuantityWarning } from "../charts/text-quantities";
import { drawsNoRows } from "../charts/rows";
import { chartDataUnreadable, chartFailed, chartFloatingBars, chartNoRows } from "../messages/charts";
import { displayPath } from "../util/paths";
import { cellText, type Notebook } from "../notebook/nbformat";
import { lineColumn } from "../util/text-position";
import { at } from "../messages/location";
import { chartSpecs } from "./chart-specs";
import { typedNumbersInChart } from "./typed-numbers";

/** The local files (data, images) a notebook's charts read, resolved against its folder: only those inside `root` the chart may read. */
export function notebookChartFiles(notebook: Notebook, folder: string, root: string): string[] {
  return notebook.cells.flatMap((cell) => (cell.cell_type === "code" ? chartSpecs(cell.outputs).flatMap((spec) => chartFiles(spec, folder, root)) : []));
}

/**
 * What the build will say of one executed notebook's charts without drawing them, so `fragtax run`
 * shows a wrong chart before the build does: as errors, the fields a channel names that the chart's
 * data lacks (the build fails such a chart); as warnings, a field only a transform reads, words on a
 * quantitative scale, bars drawn as dashes (charts/floating-bars.ts). Data a chart reads from a file in
 * the project (`data.url`, resolved against `folder`) is read as the build reads it, so a field its
 * CSV header lacks fails here too (a run passed such a chart the build then failed); a file that cannot
 * be read is `chartDataErrors`'s to say.
 */
export async function chartSpecProblems(notebook: Notebook, name: string, folder: string, root: string): Promise<{ errors: string[]; warnings: string[] }> {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [index, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const locate = literalLocator(name, index + 1, cellText(cell.source));
    const inCell = at({ file: name, cell: index + 1 });
    for (const spec of chartSpecs(cell.outputs)) {
      if (typeof spec !== "object" || spec === null || Array.isArray(spec)) continue;
      const view = await withLocalData(spec as Record<string, unknown>, folder, root);
      for (const field of missingFields(view)) (field.channel === true ? errors : warnings).push(missingFieldWarning(locateMissing(locate, field) ?? inCell, field));
      warnings.push(
        ...textOnQuantities(view).map((text) => textOnQuantityWarning(locate(text.field) ?? inCell, text)),
        ...floatingBars(view).map((bars) => chartFloatingBars(locate(`${bars.span}2`, { key: true }) ?? inCell, bars.path, bars.span, bars.value)),
        ...(drawsNoRows(view) ? [chartNoRows(inCell)] : []),
        ...typedNumbersInChart(spec, cellText(cell.source), { file: name, cell: index + 1 }),
      );
    }
  }
  return { errors, warnings };
}

/** `spec` with the project files it reads inlined, as the build draws it; as it is when it reads none, or one that cannot be read. */
async function withLocalData(spec: Record<string, unknown>, folder: string, root: string): Promise<Record<string, unknown>> {
  if (chartFiles(spec, folder, root).length === 0) return spec;
  try {
    return (await resolveChartData(spec, folder, root)).spec;
  } catch {
    return spec;
  }
}

/**
 * Each chart spec against vega-lite's schema, as the build checks it (charts/spec-check.ts), so a run
 * shows what the type check cannot see, a spec built in a variable or typed `as any`: a sure
 * misspelling (`feild`) as an error, the build fails that chart; another problem as a warning. A spec
 * the project's chart cache remembers as valid (the last build's) loads no validator.
 */
export async function chartSchemaProblems(notebook: Notebook, name: string, chartCache: string): Promise<{ errors: string[]; warnings: string[] }> {
  const [{ checkSpec }, { useChartCache }] = await Promise.all([import("../charts/spec-check"), import("../charts/cache")]);
  useChartCache(chartCache);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [index, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const locate = literalLocator(name, index + 1, cellText(cell.source));
    for (const spec of chartSpecs(cell.outputs)) {
      if (typeof spec !== "object" || spec === null || Array.isArray(spec)) continue;
      const checked = await checkSpec(spec, at({ file: name, cell: index + 1 }), locate);
      if (checked.text !== "") (checked.fatal ? errors : warnings).push(checked.text);
    }
  }
  return { errors, warnings };
}

/**
 * The charts of an executed notebook that the build would fail for a data file that is not there,
 * worded as the build words them and located at the URL in the cell: `fragtax run` reports them.
 */
export function chartDataErrors(notebook: Notebook, name: string, folder: string, root: string): string[] {
  return notebook.cells.flatMap((cell, index) => {
    if (cell.cell_type !== "code") return [];
    const locate = literalLocator(name, index + 1, cellText(cell.source));
    const inCell = at({ file: name, cell: index + 1 });
    return chartSpecs(cell.outputs).flatMap((spec) =>
      missingDataFiles(spec, folder, root).map(({ url, path }) => chartFailed(locate(url) ?? inCell, chartDataUnreadable(url, displayPath(path, root), "ENOENT"))),
    );
  });
}

/**
 * Where a string literal (`"costs"`, `'costs'` or `` `costs` ``) sits in a cell, as `file: cell N,
 * line L, column C`, when it occurs there exactly once (else undefined: the cell alone is the place).
 * A chart's field names are written as such literals, so a field missing from the data is located
 * at the name to fix. With `key`, an unquoted object key (`colr: …`) counts too: a misspelled key of
 * a chart spec is located at the key. With `datum`, so does `datum.name` in an expression string: a
 * field a `calculate` or `filter` reads is located at its name there.
 */
export function literalLocator(file: string, cell: number, source: string): Locate {
  return (literal, options = {}) => {
    const found: number[] = [];
    for (const quote of ['"', "'", "`"]) {
      const needle = `${quote}${literal}${quote}`;
      for (let index = source.indexOf(needle); index !== -1; index = source.indexOf(needle, index + 1)) found.push(index);
    }
    if (options.key === true && /^[A-Za-z_$][\w$]*$/.test(literal)) {
      for (const match of source.matchAll(new RegExp(`(?<![\\w$."'\`])${literal.replace(/\$/g, "\\$")}(?=\\s*:)`, "g"))) found.push(match.index ?? 0);
    }
    if (options.datum === true) {
      // In an expression string: `datum.name`, or `datum['name']` (found above when its quote differs from the string's).
      const name = literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      for (const match of source.matchAll(new RegExp(`\\bdatum\\s*\\.\\s*(${name})(?![\\w$])|\\bdatum\\s*\\[\\s*(\\\\?["'])(${name})\\2\\s*\\]`, "g"))) {
        const start = (match.index ?? 0) + match[0].lastIndexOf(literal);
        if (!found.includes(start - 1)) found.push(start);
      }
    }
    const [only] = found;
    return found.length === 1 && only !== undefined ? at({ file, cell, ...lineColumn(source, only) }) : undefined;
  };
}
