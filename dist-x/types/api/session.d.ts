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
import { type AssumptionsLoader, type NotebookHost, type RunContext, type SessionAssumptions } from "./context";
import type { Range } from "../model/claims";
import { type ClaimRecord, type Driver, type FigureRecord, type NumberFormat, type Summary } from "./types";
import { type Words } from "./words";
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
    readonly montecarlo: {
        readonly samples: number;
        readonly seed: number;
    };
    /** Declare a headline figure (lands in figures.json) and display it. */
    figure(figure: FigureInput): FigureRecord;
    /** Record a checked claim (lands in claims.json and the claims ledger) and display its verdict. */
    claim(claim: ClaimInput): ClaimRecord;
    /** Show a Vega-Lite chart (rendered to SVG in the report, by JupyterLab's renderer in Jupyter). */
    chart(spec: VegaLiteTopLevelSpec): void;
    /**
     * Markdown prose; interpolated figures read "$28.8M (90% CI $20.1M–$40.2M)". Only the template's own
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
export declare function createSession(host: NotebookHost, context: RunContext): NotebookSession;
export declare function formatAny(x: number | FigureRecord | Summary | Range, format?: NumberFormat): string;
declare const MARKDOWN_BRAND: unique symbol;
/** Markdown the author wrote (`nb.mdFragment`): interpolated into `nb.md` as markdown, not as text. */
export declare class MarkdownFragment {
    readonly source: string;
    /** A brand rather than `instanceof`: a fragment may come from another copy of this module (dist/api.js vs src). */
    readonly [MARKDOWN_BRAND] = true;
    constructor(source: string);
    toString(): string;
}
/**
 * Markdown with formatted values. Interpolated values are text (markdownText); "$" is written "\$"
 * too: Jupyter reads a pair of dollar signs as a formula, and markdown-it renders "\$" as "$". A
 * value inside HTML the template writes is written with character references ("&#36;") instead.
 */
export declare function interpolateMarkdown(strings: TemplateStringsArray, values: readonly unknown[]): MarkdownFragment;
export {};
