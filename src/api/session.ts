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
import { displayOf, type AssumptionsLoader, type NotebookHost, type RunContext, type SessionAssumptions } from "./context";
import { claimHtml, figureHtml } from "./display";
import { appendUnit, formatInterval, formatNumber, formatSummary } from "../format/number";
import { formatFigure } from "../format/figure";
import * as proseMessages from "../messages/prose";
import { checkDrivers, checkFormat, checkId, checkNumber, checkOptionalText, checkRange, checkSummary, checkText, checkUnit, checkVerdict, describe } from "./validate";
import { claimBasis } from "./basis";
import type { Range } from "../model/claims";
import { VEGA_LITE_MIME, type AlternativeValue, type ClaimRecord, type Driver, type FigureRecord, type NumberFormat, type Summary } from "./types";
import { createWords, type Words } from "./words";
import { insideHtml, markdownText } from "./markdown-text";
import { SHOWN } from "../vocabulary/shown-values";
import { aboutPlaceholder } from "../vocabulary/api-error-marks";


export type VegaLiteTopLevelSpec = TopLevelSpec;

/** A structural alternative as a notebook gives it: a label and the figure's value or summary under it. */
export interface AlternativeInput {
  readonly id: string;
  readonly label: string;
  readonly value?: number;
  readonly summary?: Summary;
}

/** A figure as a notebook declares it; the engine adds notebook and cell, the build the section. */
export type FigureInput = Omit<FigureRecord, "notebook" | "cell" | "section" | "alternatives"> & {
  /** The figure under each structural alternative (e.g. `alternativesFor(runVariants(...), "tax_share")`). */
  readonly alternatives?: readonly AlternativeInput[];
};

export type ClaimInput = Omit<ClaimRecord, "notebook" | "cell" | "section" | "basis"> & {
  /**
   * The inputs the verdict rests on, with their weights (`run.drivers("output")` from the model, or
   * plain ids for equal weights). The ledger marks a claim whose weight is mostly judgement inputs.
   */
  readonly drivers?: readonly (string | Driver)[];
};

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
  /**
   * Markdown prose; interpolated figures read "$28.8M (90% interval $20.1M–$40.2M)". Only the template's own
   * text is markdown: an interpolated string (a label, a note, a source title) is shown as text, with
   * `*`, `<`, `[` … escaped. To interpolate markdown, build it with `nb.mdFragment`; an array of values
   * becomes one line each (a list built with `.map`).
   */
  md(strings: TemplateStringsArray, ...values: readonly unknown[]): void;
  /** Markdown built like `nb.md` but not displayed: interpolate it into `nb.md` as markdown. */
  mdFragment(strings: TemplateStringsArray, ...values: readonly unknown[]): MarkdownFragment;
  /**
   * Format a number, a figure, a summary or a range `{ low, high }` the way the report does
   * everywhere; a range whose ends read the same is one number ("$2.50", not "$2.50–$2.50", when a
   * what-if fixes an input).
   */
  fmt(x: number | FigureRecord | Summary | Range, format?: NumberFormat): string;
  /** Wording chosen from the data: comparisons, verdicts, counts of the ledger so far (words.ts). */
  readonly words: Words;
}

export interface NotebookOptions {
  /** Where Jupyter mode starts looking for report.yaml; the kernel's folder by default. */
  readonly cwd?: string;
  readonly loadAssumptions?: AssumptionsLoader;
}

/** The session over a known context (the entries decide where the context comes from). */
export function createSession(host: NotebookHost, context: RunContext): NotebookSession {
  const display = displayOf(host);
  const claims: ClaimRecord[] = [];
  return {
    assumptions: context.assumptions,
    montecarlo: { samples: context.montecarlo.samples, seed: context.montecarlo.seed },
    figure(input) {
      const figure = checkedFigure(input);
      context.recordFigure(figure);
      display.html(figureHtml(figure));
      // As text, a figure reads as nb.md prints it: a figure put into a template literal nested in
      // nb.md's (`${cond ? `… ${figure} …` : …}`) was "[object Object]" in the report.
      return shownAs({ ...figure }, `figure ${figure.id}: ${formatFigure(figure)}`, () => formatFigure(figure));
    },
    claim(input) {
      const checked = checkedClaim(input);
      const { drivers, ...fields } = checked;
      const basis = drivers === undefined || drivers.length === 0 ? undefined : claimBasis(drivers, (id) => context.assumptions.get(id));
      const claim: ClaimRecord = { ...fields, ...(basis === undefined ? {} : { basis }) };
      claims.push(claim);
      context.recordClaim(claim);
      display.html(claimHtml(claim));
      return shownAs({ ...claim }, `claim ${claim.id}: ${claim.verdict}`);
    },
    chart(spec) {
      // The object itself, not JSON text: see TslabLike.
      display.raw(VEGA_LITE_MIME, spec as unknown as string);
    },
    md(strings, ...values) {
      display.markdown(interpolateMarkdown(strings, values).source);
    },
    mdFragment: (strings, ...values) => interpolateMarkdown(strings, values),
    fmt: formatAny,
    words: createWords(() => claims, context.ledgerKey),
  };
}

/**
 * A record the API has displayed, as a trailing value shows it (vocabulary/shown-values.ts): one line
 * under Node's inspect (tslab, fragtax) and Deno's, marked so the report leaves it out. Non-enumerable:
 * the record's fields, its JSON and a spread of it are unchanged.
 */
function shownAs<T extends object>(record: T, line: string, toString?: () => string): T {
  const hidden = (value: unknown): PropertyDescriptor => ({ value, enumerable: false });
  return Object.defineProperties(record, {
    [Symbol.for("nodejs.util.inspect.custom")]: hidden(() => line),
    [Symbol.for("Deno.customInspect")]: hidden(() => line),
    [SHOWN]: hidden(true),
    ...(toString === undefined ? {} : { toString: hidden(toString) }),
  });
}

function checkedFigure(input: FigureInput): FigureRecord {
  const raw = input as unknown as Record<string, unknown>;
  const id = typeof raw.id === "string" ? raw.id : "?";
  const call = `nb.figure("${id}")`;
  checkId(call, "id", raw.id);
  const label = checkText(call, "label", raw.label);
  const format = checkFormat(call, raw.format);
  const unit = checkUnit(call, raw.unit);
  const hasValue = raw.value !== undefined;
  if (hasValue === (raw.summary !== undefined)) throw new Error(messages.figureNeedsOneValue(id));
  const alternatives = input.alternatives?.map((alternative, index) => checkedAlternative(input.id, alternative, index));
  const extra = alternatives === undefined ? {} : { alternatives, ...(input.alternativesWhere === undefined ? {} : { alternativesWhere: input.alternativesWhere }) };
  return hasValue
    ? { id, label, unit, format, value: checkNumber(call, "value", raw.value), ...extra }
    : { id, label, unit, format, summary: checkSummary(call, "summary", raw.summary), ...extra };
}

function checkedClaim(input: ClaimInput): ClaimInput & { readonly factor: number | null } {
  const raw = input as unknown as Record<string, unknown>;
  const id = typeof raw.id === "string" ? raw.id : "?";
  const call = `nb.claim("${id}")`;
  checkId(call, "id", raw.id);
  checkText(call, "claim", raw.claim);
  const format = checkFormat(call, raw.format);
  // Every field the ledger, claims.json and the verdict card read is checked here, so a bad one is
  // an error naming the claim and the field, never a "Cannot read properties of undefined" later.
  checkUnit(call, raw.unit);
  const verdict = checkVerdict(call, raw.verdict);
  checkOptionalText(call, "note", raw.note);
  checkDrivers(call, raw.drivers);
  checkRange(call, "stated", raw.stated);
  const computed = checkRange(call, "computed", raw.computed);
  const p50 = (raw.computed as Record<string, unknown>).p50;
  if (p50 !== undefined) {
    const median = checkNumber(call, "computed.p50", p50);
    if (median < computed.low || median > computed.high) throw new Error(messages.apiMedianOutside(call, "computed", median, computed.low, computed.high));
  }
  // An unverifiable claim has no factor; NaN (from arithmetic on missing data) means the same.
  const unknown = verdict === "unverifiable" || input.factor === null || Number.isNaN(input.factor);
  return { ...input, format, factor: unknown ? null : checkNumber(call, "factor", input.factor) };
}

function checkedAlternative(figureId: string, alternative: AlternativeInput, index: number): AlternativeValue {
  const { id, label, value, summary } = alternative;
  checkId(`nb.figure("${figureId}")`, `alternatives[${index}].id`, id);
  const numbers = summary !== undefined ? [summary.p5, summary.p50, summary.p95] : [value ?? Number.NaN];
  if ((value === undefined) === (summary === undefined) || !numbers.every((n) => typeof n === "number" && Number.isFinite(n))) {
    throw new Error(messages.alternativeNeedsOneValue(figureId, id));
  }
  if (summary !== undefined) {
    const call = `nb.figure("${figureId}")`;
    if (summary.p5 > summary.p50) throw new Error(messages.apiSummaryDisordered(call, `alternatives.${id}.summary`, "p5", summary.p5, "p50", summary.p50));
    if (summary.p50 > summary.p95) throw new Error(messages.apiSummaryDisordered(call, `alternatives.${id}.summary`, "p50", summary.p50, "p95", summary.p95));
  }
  return summary !== undefined ? { id, label, p50: summary.p50, p5: summary.p5, p95: summary.p95 } : { id, label, p50: value ?? Number.NaN };
}

export function formatAny(x: number | FigureRecord | Summary | Range, format?: NumberFormat): string {
  const chosen = format === undefined ? undefined : checkFormat("nb.fmt", format);
  // NaN or Infinity in prose is a model mistake: refused, as nb.figure and nb.md refuse it (it read "n/a").
  if (typeof x === "number") return formatNumber(checkNumber("nb.fmt", "value", x), chosen ?? "number");
  if (isFigure(x)) return chosen === undefined ? formatFigure(x) : formatFigure({ ...x, format: chosen });
  if (isRange(x)) {
    const { low, high } = checkRange("nb.fmt", "value", x);
    return formatInterval(low, high, chosen ?? "number");
  }
  return formatSummary(checkSummary("nb.fmt", "value", x), chosen ?? "number");
}

const MARKDOWN_BRAND = Symbol.for("fragtax.markdown-fragment");

/** Markdown the author wrote (`nb.mdFragment`): interpolated into `nb.md` as markdown, not as text. */
export class MarkdownFragment {
  /** A brand rather than `instanceof`: a fragment may come from another copy of this module (dist/api.js vs src). */
  readonly [MARKDOWN_BRAND] = true;
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

/**
 * Markdown with formatted values. Interpolated values are text (markdownText); "$" is written "\$"
 * too: Jupyter reads a pair of dollar signs as a formula, and markdown-it renders "\$" as "$". A
 * value inside HTML the template writes is written with character references ("&#36;") instead.
 */
export function interpolateMarkdown(strings: TemplateStringsArray, values: readonly unknown[]): MarkdownFragment {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    try {
      const after = strings[index + 1] ?? "";
      if (isFigure(value)) unitNotRepeated(value, after, index);
      out += markdownValue(value, index, insideHtml(out)) + after;
    } catch (error) {
      throw aboutPlaceholder(error, index); // located at its `${…}` in the cell (notebook/failures.ts)
    }
  });
  return new MarkdownFragment(out);
}

/**
 * A figure's text ends with its unit ("29,300 MWh (90% interval 19,500–44,500 MWh)"): the same unit
 * written after its placeholder (`${energy} MWh`) showed "… MWh) MWh" to readers, and nothing said so.
 */
function unitNotRepeated(figure: FigureRecord, after: string, index: number): void {
  const unit = appendUnit("0", figure.unit, figure.format).slice(1).trim();
  const next = after.trimStart();
  if (unit !== "" && next.startsWith(unit) && !/[\p{L}\p{N}]/u.test(next.charAt(unit.length))) throw new Error(proseMessages.mdUnitTwice(index, unit));
}

function markdownValue(value: unknown, index: number, inHtml: boolean): string {
  if (isMarkdownFragment(value)) return value.source;
  if (Array.isArray(value)) return value.map((item: unknown) => markdownValue(item, index, inHtml)).join("\n");
  if (typeof value === "string") {
    // An object turned into text before nb.md saw it (a Monte Carlo summary in a nested template literal).
    if (value.includes("[object Object]")) throw new Error(messages.mdObjectAsText(index));
    return markdownText(value, inHtml);
  }
  if (typeof value === "number") return markdownText(formatNumber(checkNumber("nb.md", `value #${index + 1}`, value), "number"), inHtml);
  if (isFigure(value)) return markdownText(formatFigure(value), inHtml);
  if (isSummary(value)) return markdownText(formatSummary(checkSummary("nb.md", `value #${index + 1}`, value), "number"), inHtml);
  // A model run's result given whole (`${run}` for `${run.summary.cost}`): said as that, with its outputs' names.
  const summaries = typeof value === "object" && value !== null && "summary" in value && typeof value.summary === "object" && value.summary !== null ? Object.keys(value.summary) : undefined;
  throw new Error(messages.mdCannotInterpolate(index, value === undefined ? "undefined" : describe(value), summaries));
}

function isMarkdownFragment(value: unknown): value is MarkdownFragment {
  return typeof value === "object" && value !== null && (value as { [MARKDOWN_BRAND]?: unknown })[MARKDOWN_BRAND] === true && typeof (value as { source?: unknown }).source === "string";
}

function isFigure(value: unknown): value is FigureRecord {
  return typeof value === "object" && value !== null && "id" in value && "format" in value && "label" in value;
}

function isRange(value: unknown): value is Range {
  return typeof value === "object" && value !== null && !isSummary(value) && ["low", "high"].every((key) => typeof (value as Record<string, unknown>)[key] === "number");
}

function isSummary(value: unknown): value is Summary {
  return typeof value === "object" && value !== null && ["p5", "p50", "p95"].every((key) => typeof (value as Record<string, unknown>)[key] === "number");
}

