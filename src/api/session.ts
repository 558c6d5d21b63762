/**
 * The notebook API without a way to find its context: `createSession(tslab, context)`. The two
 * public entries add that way: `index.ts` (dist/api.js, real Jupyter) falls back to loading
 * report.yaml from disk; `engine.ts` (what `fragtax build/run` bundle for `../dist/api.js`) needs the
 * engine's run context and so loads neither YAML, zod nor the config code into every notebook.
 *
 * A chapter notebook starts with
 *
 *   import * as tslab from "tslab";
 *   import { notebook } from "../dist/api.js";
 *   const nb = notebook(tslab);
 *
 * and then reads assumptions, declares headline figures and claim checks, shows charts and writes
 * prose whose numbers come from figures (`nb.md`), never typed by hand. The same cells run in
 * `fragtax build` (figures and claims are recorded into the engine's run context) and in Jupyter
 * (they are only displayed).
 */
import type { TopLevelSpec } from "vega-lite";
import * as messages from "../messages/report";
import type { RunContext, SessionAssumptions, TslabLike } from "./context";
import { claimHtml, figureHtml } from "./display";
import { formatFigure, formatNumber, formatSummary } from "../format/number";
import type { AssumptionsLoader } from "./jupyter";
import { VEGA_LITE_MIME, type ClaimRecord, type FigureRecord, type NumberFormat, type Summary } from "./types";


export type VegaLiteTopLevelSpec = TopLevelSpec;

/** A figure as a notebook declares it; the engine adds notebook and cell. */
export type FigureInput = Omit<FigureRecord, "notebook" | "cell">;

export type ClaimInput = Omit<ClaimRecord, "notebook" | "cell">;

export interface NotebookSession {
  /** Assumption reads are tracked: the build re-runs a notebook only when what it read changes. */
  readonly assumptions: SessionAssumptions;
  readonly montecarlo: { readonly samples: number; readonly seed: number };
  /** Declare a headline figure (lands in figures.json) and display it. */
  figure(figure: FigureInput): FigureRecord;
  /** Record a checked claim (lands in claims.json and the claims ledger) and display its verdict. */
  claim(claim: ClaimInput): ClaimRecord;
  /** Show a Vega-Lite chart (rendered to SVG in the report, by JupyterLab's renderer in Jupyter). */
  chart(spec: VegaLiteTopLevelSpec): void;
  /** Markdown prose; interpolated figures read "$28.8M (90% CI $20.1M–$40.2M)". */
  md(strings: TemplateStringsArray, ...values: readonly unknown[]): void;
  /** Format a number, a figure or a summary the way the report does everywhere. */
  fmt(x: number | FigureRecord | Summary, format?: NumberFormat): string;
}

export interface NotebookOptions {
  /** Where Jupyter mode starts looking for report.yaml; the kernel's folder by default. */
  readonly cwd?: string;
  readonly loadAssumptions?: AssumptionsLoader;
}

/** The session over a known context (the entries decide where the context comes from). */
export function createSession(tslab: TslabLike, context: RunContext): NotebookSession {
  const { display } = tslab;
  return {
    assumptions: context.assumptions,
    montecarlo: { samples: context.montecarlo.samples, seed: context.montecarlo.seed },
    figure(input) {
      const figure = checkedFigure(input);
      context.recordFigure(figure);
      display.html(figureHtml(figure));
      return figure;
    },
    claim(input) {
      // An unverifiable claim has no factor; NaN (from arithmetic on missing data) means the same.
      const unknown = input.verdict === "unverifiable" || input.factor === null || Number.isNaN(input.factor);
      const claim: ClaimRecord = { ...input, factor: unknown ? null : input.factor };
      context.recordClaim(claim);
      display.html(claimHtml(claim));
      return claim;
    },
    chart(spec) {
      // The object itself, not JSON text: see TslabLike.
      display.raw(VEGA_LITE_MIME, spec as unknown as string);
    },
    md(strings, ...values) {
      display.markdown(interpolateMarkdown(strings, values));
    },
    fmt: formatAny,
  };
}

function checkedFigure(input: FigureInput): FigureRecord {
  const hasValue = input.value !== undefined;
  if (hasValue === (input.summary !== undefined)) throw new Error(messages.figureNeedsOneValue(input.id));
  const numbers = hasValue ? [input.value ?? Number.NaN] : Object.values(input.summary ?? {});
  if (!numbers.every((n) => typeof n === "number" && Number.isFinite(n))) throw new Error(messages.figureNotFinite(input.id));
  const { id, label, unit, format } = input;
  return hasValue ? { id, label, unit, format, value: input.value } : { id, label, unit, format, summary: input.summary };
}

export function formatAny(x: number | FigureRecord | Summary, format?: NumberFormat): string {
  if (typeof x === "number") return formatNumber(x, format ?? "number");
  if (isFigure(x)) return format === undefined ? formatFigure(x) : formatFigure({ ...x, format });
  return formatSummary(x, format ?? "number");
}

/**
 * Markdown with formatted values. "$" is written "\$": Jupyter reads a pair of dollar signs as a
 * formula, and markdown-it renders "\$" as a plain "$".
 */
export function interpolateMarkdown(strings: TemplateStringsArray, values: readonly unknown[]): string {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += markdownValue(value, index).replace(/\$/g, "\\$") + (strings[index + 1] ?? "");
  });
  return out;
}

function markdownValue(value: unknown, index: number): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value, "number");
  if (isFigure(value)) return formatFigure(value);
  if (isSummary(value)) return formatSummary(value, "number");
  throw new Error(messages.mdCannotInterpolate(index, value === undefined ? "undefined" : value === null ? "null" : `a ${typeof value}`));
}

function isFigure(value: unknown): value is FigureRecord {
  return typeof value === "object" && value !== null && "id" in value && "format" in value && "label" in value;
}

function isSummary(value: unknown): value is Summary {
  return typeof value === "object" && value !== null && ["p5", "p50", "p95"].every((key) => typeof (value as Record<string, unknown>)[key] === "number");
}

