/**
 * Notebook outputs → HTML, one function per output kind. For rich outputs the richest mime the
 * report can show wins (Vega-Lite, HTML, SVG, PNG, JPEG, Markdown, JSON, plain text). Errors and
 * stderr are shown distinctly, never dropped. Vega-Lite becomes a static SVG (readable without
 * JavaScript and identical in print) plus its spec, embedded for the report's chart runtime.
 */
import { accessibleSvg, chartText } from "../charts/accessible";
import { idPrefix } from "../charts/ids";
import { chartDataDetails } from "./chart-table";
import { ChartError, renderChart } from "../charts/render";
import { VEGA_LITE_MIMES } from "./chart-specs";
import { shownMime } from "./chapter-cells";
import { missingFields, type Locate } from "../charts/fields";
import { chartFailed, chartMissingFieldNote } from "../messages/charts";
import { FileSystemError } from "../util/fs-errors";
import { html, rawHtml, type Html } from "../util/html";
import { jsonWithVisibleControls } from "../format/control";
import type { MarkdownRenderer } from "./markdown";
import { renderMarkdownWithImages, type InlinedFile } from "./markdown-images";
import { sanitizeOutputHtml } from "./sanitize";
import { cellText, type DataOutput, type Output, type StreamOutput } from "../notebook/nbformat";
import { errorOutputHtml, locatedMessageHtml } from "./error-box";
import { stripAnsi } from "../format/control";
import { SHOWN_METADATA } from "../vocabulary/shown-values";
import { typedNumbersInChart } from "./typed-numbers";
import { displayedHtmlImage } from "../messages/images";

export interface OutputContext {
  readonly markdown: MarkdownRenderer;
  /** "notebooks/01-x.ipynb: cell 4", for errors and for unique ids. */
  readonly where: string;
  /** The same place as parts, and the cell's code: an image the cell's markdown shows is located in it. */
  readonly file: string;
  readonly cell: number;
  readonly cellSource: string;
  readonly docId: string;
  /** The notebook's folder: relative `data.url`s in charts resolve against it, as in JupyterLab. */
  readonly baseDir: string;
  /** The project root: charts read no file outside it. */
  readonly root: string;
  /** Called for every chart rendered, so the report can count them and pass on their warnings. */
  readonly onChart?: (warnings: readonly string[]) => void;
  /** Called with the image files displayed markdown inlined (markdown-images.ts), for the page cache, and those it named but could not inline. */
  readonly onImages?: (inlined: readonly InlinedFile[], notInlined: readonly string[]) => void;
  /** Called when a chart cannot be rendered or displayed markdown shows an image the page cannot carry (the error is shown in its place; the build fails). */
  readonly onOutputError?: (message: string) => void;
  /** Where a string literal sits in the cell's code (chart-outputs.ts `literalLocator`), for chart warnings. */
  readonly locate?: Locate;
}


export async function renderOutputs(outputs: readonly Output[], context: OutputContext): Promise<Html> {
  const parts: Html[] = [];
  for (const [index, output] of outputs.entries()) {
    parts.push(await renderOutput(output, { ...context, docId: `${context.docId}-o${index + 1}` }));
  }
  return html`${parts}`;
}

async function renderOutput(output: Output, context: OutputContext): Promise<Html> {
  switch (output.output_type) {
    case "stream":
      return renderStream(output);
    case "error":
      return errorOutputHtml(output, context);
    case "display_data":
      return renderData(output, context);
    case "execute_result":
      // A record the API displayed, as the cell's trailing value: the figure said twice (vocabulary/shown-values.ts).
      return output.metadata[SHOWN_METADATA] === true ? html`` : renderData(output, context);
  }
}

function renderStream(output: StreamOutput): Html {
  const text = stripAnsi(cellText(output.text));
  if (text.trim() === "") return html``;
  // stderr (warnings, or tslab's bare error text under nbconvert) stands out from ordinary output.
  return output.name === "stderr"
    ? html`<div class="output output-stderr" role="note"><pre>${text}</pre></div>`
    : html`<pre class="output output-text">${text}</pre>`;
}


async function renderData(output: DataOutput, context: OutputContext): Promise<Html> {
  const data = output.data;
  const mime = shownMime(data);
  if (mime !== undefined && VEGA_LITE_MIMES.includes(mime)) return renderVegaLite(data[mime], context);
  switch (mime) {
    // Sanitized (sanitize.ts): an output may draw and format, never run, navigate or load anything.
    case "text/html": {
      const unplaced: string[] = [];
      const shown = sanitizeOutputHtml(cellText(data[mime]), unplaced);
      // An image it cannot carry fails the cell, as one in markdown does, said in its place.
      const problems = unplaced.map((src) => displayedHtmlImage(context.where, src));
      if (problems.length > 0) {
        context.onOutputError?.(problems.join("\n"));
        return html`<div class="output output-html">${rawHtml(shown)}</div>${problems.map(errorBox)}`;
      }
      // A figure's card (api/display.ts figureHtml) gets an id a link can open (`#figure-training_run_cost_usd`),
      // unique in the page as headings' are.
      const figure = /^<div class="fragtax-figure[^"]*" data-figure-id="([A-Za-z0-9_.-]+)"/.exec(shown)?.[1];
      return figure === undefined
        ? html`<div class="output output-html">${rawHtml(shown)}</div>`
        : html`<div class="output output-html" id="${context.markdown.uniqueId(`figure-${figure}`)}">${rawHtml(shown)}</div>`;
    }
    case "image/svg+xml":
      return html`<div class="output output-image">${rawHtml(sanitizeOutputHtml(cellText(data[mime])))}</div>`;
    case "image/png":
    case "image/jpeg":
    case "image/gif":
      return renderImage(mime, cellText(data[mime]));
    case "text/markdown":
      return renderMarkdown(cellText(data[mime]), context);
    case "application/json":
      return html`<pre class="output output-text">${JSON.stringify(data[mime], null, 2)}</pre>`;
    case "text/plain":
      return html`<pre class="output output-text">${stripAnsi(cellText(data[mime]))}</pre>`;
    default:
      return html`<p class="output output-unknown">(output of type ${Object.keys(data).join(", ")} not shown)</p>`;
  }
}

/** `nb.md` prose: the same renderer as a markdown cell, so an image in it is inlined or fails the build the same way. */
async function renderMarkdown(source: string, context: OutputContext): Promise<Html> {
  const place = { file: context.file, cell: context.cell, cellSource: context.cellSource, baseDir: context.baseDir, root: context.root };
  const { rendered, inlined, notInlined, problems } = await renderMarkdownWithImages(context.markdown, source, context.docId, place);
  context.onImages?.(inlined, notInlined);
  if (problems.length > 0) context.onOutputError?.(problems.join("\n"));
  return html`<div class="output output-markdown">${rawHtml(rendered.html)}</div>${problems.map(errorBox)}`;
}

/** A failure of the build shown where it happened (an image the page cannot carry). */
export const errorBox = (message: string): Html => html`<div class="output output-error" role="alert"><p class="output-error-title">${message}</p></div>`;

function renderImage(mime: string, base64: string): Html {
  const clean = base64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/=]*$/.test(clean)) return html`<p class="output output-unknown">(an image that is not valid base64 was left out)</p>`;
  return html`<div class="output output-image"><img alt="" src="${`data:${mime};base64,${clean}`}"></div>`;
}

async function renderVegaLite(payload: unknown, context: OutputContext): Promise<Html> {
  let chart: Awaited<ReturnType<typeof renderChart>>;
  let spec: unknown;
  try {
    // tslab may hand the spec over as JSON text or as an object.
    spec = typeof payload === "string" ? JSON.parse(payload) : payload;
    chart = await renderChart(spec, { where: context.where, baseDir: context.baseDir, root: context.root, idPrefix: idPrefix(context.docId), ...(context.locate && { locate: context.locate }) });
  } catch (error) {
    // An unwritable chart cache is the machine's problem, not this chart's: it stops the build (exit 2).
    if (error instanceof FileSystemError) throw error;
    // A chart that cannot be drawn never stops the report: its error is shown where it would be.
    const message = error instanceof ChartError ? error.message : chartFailed(context.where, error instanceof Error ? error.message : String(error));
    context.onOutputError?.(message);
    // Under the located line, the cell's code frame, as the terminal shows it: the page is where a
    // reader of a failed build looks first, and "column 211" of a one-line spec is hard to find.
    return locatedMessageHtml("output output-error chart-error", message, context);
  }
  context.onChart?.([...chart.warnings, ...typedNumbersInChart(spec, context.cellSource, { file: context.file, cell: context.cell })]);
  const description = typeof (spec as { description?: unknown }).description === "string" ? (spec as { description: string }).description : null;
  const id = `chart-${context.docId}`;
  const text = chartText(spec);
  // The phone drawing (see charts/accessible.ts), when the chart needs one.
  const small = chart.narrow;
  const wide = accessibleSvg(chart.markup, `${id}-wide`, text);
  // A field a transform reads that the data lacks (a filter's, an aggregate's) draws an empty or partial
  // chart: said under it, as well as in the build's warnings. (One a channel names fails the chart.)
  const missing = missingFields(chart.themedSpec);
  return html`<figure class="output chart${small === null ? "" : " has-narrow"}" id="${id}">${
    small === null ? rawHtml(wide) : html`<div class="chart-wide">${rawHtml(wide)}</div><div class="chart-narrow">${rawHtml(accessibleSvg(small.markup, `${id}-narrow`, text))}</div>`
  }${
    description === null ? null : html`<figcaption>${description}</figcaption>`
  }${
    missing.length === 0 ? null : html`<p class="chart-problem" role="note">${chartMissingFieldNote(missing)}</p>`
  }${chartDataDetails(chart.tables, text.title)}${rawHtml(jsonScript("application/vnd.vegalite.v5+json", chart.themedSpec))}</figure>`;
}

/**
 * JSON inside a <script> element: "<" is written \u003c so no "</script>" can end it early, and the
 * characters that reorder text as escapes, as in every JSON file fragtax writes (view-source or `cat`
 * of the page showed a right-to-left override's text reversed).
 */
export function jsonScript(type: string, value: unknown): string {
  return `<script type="${type}" class="chart-spec">${jsonWithVisibleControls(JSON.stringify(value)).replace(/</g, "\\u003c")}</script>`;
}

