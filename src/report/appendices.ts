/**
 * The generated appendices: Assumptions, Headline figures, Claims ledger, Methods, Provenance.
 * Everything here comes from data (assumptions.yaml, notebook records, the build), so every value
 * goes through the escaping `html` template; a "<script>" in a note shows as text.
 */
import { formatAssumptionQuantity, formatNumber } from "../format/number";
import { formatFigure } from "../format/figure";
import { formatVerdictFactor } from "../format/factor";
import { countAsProse } from "../format/count-words";
import type { ClaimRecord, FigureRecord, Verdict } from "../api/types";
import { claimComputedText, claimStatedText } from "../api/display";
import { judgementLedText } from "../api/judgement";
import type { Assumption, AssumptionSource, Correlation } from "../assumptions/types";
import { breakableId, breakableText, escapeHtml, html, type Html } from "../util/html";
import { byEntryKey, byIdOrder } from "../util/order";

export interface Provenance {
  /** ISO timestamp of the build. */
  readonly builtAt: string;
  readonly git: { readonly commit: string | null; readonly dirty: boolean };
  /** Tool name → version, e.g. fragtax, node, vega, vega-lite, chromium. */
  readonly tools: Readonly<Record<string, string>>;
  /** sha256 of the assumptions file's bytes: what `sha256sum` and the published manifest show. */
  readonly assumptionsSha256: string;
  /** sha256 of the canonical content the build used (ignores order, comments and layout; includes what-if overrides). */
  readonly assumptionsContentSha256: string;
}

export interface AppendixInput {
  readonly assumptions: readonly Assumption[];
  readonly assumptionsFile: string;
  readonly correlations?: readonly Correlation[];
  readonly figures: readonly FigureRecord[];
  readonly claims: readonly ClaimRecord[];
  readonly montecarlo: { readonly samples: number; readonly seed: number };
  readonly provenance: Provenance;
}

export interface Appendix {
  readonly id: string;
  readonly title: string;
  readonly html: Html;
}

const APPENDICES: readonly { readonly id: string; readonly title: string; readonly body: (input: AppendixInput) => Html }[] = [
  { id: "appendix-assumptions", title: "Assumptions", body: assumptionsTable },
  { id: "appendix-figures", title: "Headline figures", body: (input) => figuresTable(input.figures) },
  { id: "appendix-claims", title: "Claims ledger", body: (input) => claimsTable(input.claims) },
  { id: "appendix-methods", title: "Methods", body: methods },
  { id: "appendix-provenance", title: "Provenance", body: (input) => provenance(input.provenance, input.assumptionsFile) },
];

/** The generated appendices' ids: sections of the report too (an erratum may correct one). */
export const APPENDIX_IDS: readonly string[] = APPENDICES.map((a) => a.id);

/** Each appendix's heading as the page gives it ("Appendix A. Assumptions"), by id: an erratum names the one it corrects so. */
export const APPENDIX_HEADINGS: Readonly<Record<string, string>> = Object.fromEntries(APPENDICES.map((a, index) => [a.id, `Appendix ${String.fromCharCode(65 + index)}. ${a.title}`]));

export function renderAppendices(input: AppendixInput): Appendix[] {
  const appendices = APPENDICES.map(({ id, title, body }) => ({ id, title, body: body(input) }));
  return appendices.map(({ id, title, body }, index) => {
    const letter = String.fromCharCode(65 + index);
    return {
      id,
      title: `Appendix ${letter}. ${title}`,
      html: html`<section class="appendix" id="${id}"><header class="chapter-header"><p class="chapter-number">Appendix ${letter}</p><h1>${title}</h1></header>${body}</section>`,
    };
  });
}

function assumptionsTable(input: AppendixInput): Html {
  const rows = [...input.assumptions]
    .sort(byIdOrder)
    .map(
      (a) => html`<tr role="row" id="${`assumption-${a.id}`}">
<td role="cell"><span class="assumption-label">${breakableText(a.label)}</span><code class="assumption-id">${breakableId(a.id)}</code>${a.note === undefined ? null : html`<div class="note">${breakableText(a.note)}</div>`}</td>
<td role="cell" class="num" data-label="Value or range">${assumptionValue(a)}</td><td role="cell" data-label="Unit">${breakableText(a.unit)}</td><td role="cell" data-label="Distribution">${a.distribution}</td><td role="cell" data-label="Kind">${a.kind ?? "\u2014"}</td><td role="cell" class="wide" data-label="Source">${sourceCell(a.source)}</td></tr>`,
    );
  return html`<p>Every input of the model, as read from <code>${input.assumptionsFile}</code>. A range is read by its distribution: for lognormal and normal inputs its ends are the 5th and 95th percentiles, a 90% interval; for uniform and triangular inputs they are the bounds of the support, the lowest and highest possible values. Kind says what an input rests on: the essay’s own figure (which the report checks and never uses as evidence for itself), an external source, or the analysts’ judgement (the note gives the reasoning).</p>
${stackedOnPhone("data-table assumptions-table", ["Assumption", "Value or range", "Unit", "Distribution", "Kind", "Source"], [1], rows)}${correlationsTable(input.correlations ?? [])}`;
}

function correlationsTable(correlations: readonly Correlation[]): Html | null {
  if (correlations.length === 0) return null;
  const rows = correlations.map(
    (c) => html`<tr><td><code class="pair-id">${breakableId(c.between[0])}</code> · <code class="pair-id">${breakableId(c.between[1])}</code>${c.note === undefined ? null : html`<div class="note">${breakableText(c.note)}</div>`}</td><td class="num">${formatNumber(c.rho, "number")}</td><td>${c.kind}</td><td>${c.source === undefined ? "\u2014" : sourceCell(c.source)}</td></tr>`,
  );
  return html`<h2>Correlated inputs</h2><p>These pairs are sampled with the rank correlation given (Spearman ρ, imposed by the Iman–Conover method, which keeps each input’s own distribution exactly); all other inputs are drawn independently.</p>
<div class="table-wrap"><table class="data-table"><thead><tr><th>Inputs</th><th class="num">ρ</th><th>Kind</th><th>Source</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Money reads like the chapters ("$5B", "$2–$3"), not as "5,000,000,000"; other units as plain numbers. */
function assumptionValue(a: Assumption): string {
  return formatAssumptionQuantity(a, { withUnit: false });
}

/** An assumption's or a correlation's source: its title, linked when it has a web address, and its date. */
function sourceCell(source: AssumptionSource): Html {
  const url = safeUrl(source.url);
  const title = url === null ? breakableText(source.title) : html`<a href="${url}">${breakableText(source.title)}</a>`;
  return html`${title}<div class="note">as of <span class="date">${source.date}</span></div>`;
}

/** Only http(s) links become hrefs; anything else (javascript:, data:) is shown as text. */
function safeUrl(url: string | undefined): string | null {
  return url !== undefined && /^https?:\/\//i.test(url) ? url : null;
}

function figuresTable(figures: readonly FigureRecord[]): Html {
  if (figures.length === 0) return html`<p>No headline figures were declared.</p>`;
  const rows = [...figures]
    .sort(byIdOrder)
    // On a phone each row is a card, as the ledger's and the inputs' are: a value with its interval and
    // alternatives wrapped to five lines in a third of a 350 px column.
    .map((f) => html`<tr role="row"><td role="cell"><span class="assumption-label">${breakableText(f.label)}</span><code class="assumption-id">${breakableId(f.id)}</code></td><td role="cell" class="num wide" data-label="Value">${breakableText(formatFigure(f))}</td><td role="cell" class="wide" data-label="Declared in">${where(f)}</td></tr>`);
  return html`<p>Each figure the chapters cite, as declared by the notebooks (also in <code>figures.json</code>). Monte Carlo figures show the median and the 90% interval.</p>
${stackedOnPhone("data-table figures-table", ["Figure", "Value", "Declared in"], [1], rows)}`;
}

function claimsTable(claims: readonly ClaimRecord[]): Html {
  if (claims.length === 0) return html`<p>No claims were checked.</p>`;
  const rows = claims.map(
    // The judgement mark goes under the claim, in the widest column: in the Verdict column it was a tall, narrow box.
    (c) => html`<tr role="row"><td role="cell">${breakableText(c.claim)}${c.note === undefined ? null : html`<div class="note">${breakableText(c.note)}</div>`}${c.basis?.judgementLed === true ? html`<div class="judgement-badge">${judgementLedText(c)}</div>` : null}</td>
<td role="cell" class="num" data-label="Stated">${breakableText(claimStatedText(c))}</td>
<td role="cell" class="num" data-label="Checked against">${breakableText(modelCell(c))}</td>
<td role="cell" data-label="Verdict">${verdictBadge(c.verdict, null)}</td><td role="cell" class="num" data-label="Factor">${factorCell(c.factor, c.verdict)}</td><td role="cell" class="wide" data-label="Checked in">${where(c)}</td></tr>`,
  );
  return html`<p>Quantitative claims from the source text, each checked against the model’s 90% interval, or, for a claim checked against one input, against that input’s range as Appendix A gives it (for a uniform input, its whole support: the wider, more lenient test). A claim is <em>consistent</em> when its stated range overlaps the model’s; otherwise the factor says how far its midpoint is from the model’s, the way its verdict reads: the stated midpoint over the model’s for an overstated claim, the model’s over the stated one for an understated claim (each range’s geometric midpoint √(low × high) where both are positive, else its middle; 1× when consistent; <code>claims.json</code> keeps stated ÷ model). An <em>unverifiable</em> claim has no independent figure to check against, so its “Checked against” and its factor are both —; a factor is — too where the model’s midpoint is zero, as no ratio to it exists. A verdict marked <em>rests on judgement</em> depends mostly (more than half of the model’s sensitivity) on inputs that are the analysts’ judgement rather than a source: it is an informed opinion, not a finding.</p>
${stackedOnPhone("data-table claims-table", ["Claim", "Stated", "Checked against", "Verdict", "Factor", "Checked in"], [1, 2, 4], rows)}`;
}

/**
 * A table whose rows become cards on a phone (report.css `.stacked-on-phone`). Its rows' cells carry
 * `data-label`s and explicit roles: a table laid out as blocks and grids can lose its table semantics
 * in some browsers, and the roles keep header and cell announced together there too.
 */
function stackedOnPhone(className: string, headers: readonly string[], numeric: readonly number[], rows: readonly Html[]): Html {
  const head = headers.map((header, index) => html`<th role="columnheader"${numeric.includes(index) ? html` class="num"` : null}>${header}</th>`);
  return html`<div class="table-wrap"><table role="table" class="${`${className} stacked-on-phone`}"><thead role="rowgroup"><tr role="row">${head}</tr></thead><tbody role="rowgroup">${rows}</tbody></table></div>`;
}

export function verdictBadge(verdict: Verdict, factor: number | null): Html {
  const off = factor !== null && (verdict === "overstated" || verdict === "understated") ? ` ${formatVerdictFactor(verdict, factor)}` : "";
  return html`<span class="${`verdict-badge verdict-${verdict}`}">${verdict}${off}</span>`;
}

/** The model's interval with its unit, or "—" for an unverifiable claim (nothing computed it: see claimComputedText). */
function modelCell(c: ClaimRecord): string {
  return claimComputedText(c) ?? "\u2014";
}

/**
 * "11×", or "—" when there is no factor (an unverifiable claim): never a made-up 1 or "n/a". The way
 * round the verdict beside it reads: an understated claim's 0.41 (stated ÷ computed) is "2.4×".
 */
export function factorCell(factor: number | null, verdict: Verdict = "overstated"): string {
  return factor === null ? "\u2014" : formatVerdictFactor(verdict, factor);
}

/**
 * "notebooks/05-who-pays.ipynb, cell 8", able to break after its folders and before its extension
 * only: the narrow last column otherwise broke it inside a word on a phone ("notebooks/0" /
 * "5-who-pays"), or at a hyphen of the name ("notebooks/05-" / "who-pays"). A name is kept whole,
 * unless it is as long as the words `breakableText` breaks.
 */
function where(record: { readonly notebook?: string; readonly cell?: number }): Html | string {
  if (record.notebook === undefined) return "";
  const path = record.notebook.split(/(?<=\/)|(?=\.ipynb$)/).map((part, i) => {
    // A name long enough to widen the column past the page (the table sized to it, Chromium shrank the
    // whole PDF to fit) breaks as any long word in a table does.
    const broken = breakableText(part);
    const text = broken.value !== escapeHtml(part) ? broken : part.includes("-") ? html`<span class="path-name">${part}</span>` : html`${part}`;
    return i === 0 ? text : html`<wbr>${text}`;
  });
  // "cell" and its number stay on one line (a no-break space): "cell" / "4" read as two things.
  return record.cell === undefined ? html`${path}` : html`${path}, cell\u00a0${String(record.cell)}`;
}

function methods(input: AppendixInput): Html {
  const { samples, seed } = input.montecarlo;
  const kinds = kindCounts(input.assumptions);
  const correlated = (input.correlations ?? []).length;
  return html`<p>The model has <strong>${String(input.assumptions.length)}</strong> inputs: ${kinds}.</p>
<p>Uncertain inputs are given as ranges. A lognormal or normal input’s range is its 90% interval, from its 5th to its 95th percentile; a uniform or triangular input’s range is its whole support, from its lowest to its highest possible value (wider than its 90% interval); point values are fixed. ${
    correlated === 0
      ? "Inputs are drawn independently of each other."
      : `Inputs are drawn independently except ${correlated === 1 ? "one declared pair" : `${countAsProse(correlated)} declared pairs`}, whose rank correlation is imposed (Iman–Conover) without changing either input’s distribution.`
  }</p>
<p>Every uncertain figure is computed by Monte Carlo simulation: <strong>${formatNumber(samples, "count")}</strong> joint samples of the inputs, drawn from a seeded pseudo-random generator (seed <code>${String(seed)}</code>), so the same assumptions always give the same figures. A figure is reported as its median with the 90% interval (5th to 95th percentile) of the samples.</p>
<p>The intervals cover the uncertainty of the inputs only. They exclude structural uncertainty: the choice of the model’s form (which costs a mechanism applies to, which inputs move together) is not sampled, so an interval can be narrower than what is really known. Where the report tried other forms, a figure shows its value under those alternatives beside its interval.</p>
<p>Claims are checked by comparing the stated range with the model’s 90% interval, or, for a claim checked against one input, with that input’s range (Appendix C). Two sensitivity measures rank the inputs: a tornado chart by how much the output moves when one input goes from its 5th to its 95th percentile with the others held at their medians, and a rank-correlation chart by Spearman’s ρ between each input’s draws and the output’s, with every input varying at once (and the declared correlations in force). Where inputs interact or move together, the two orders can differ; a chapter says which one it ranks by.</p>`;
}

/** "17 are the essay's own figures, 21 come from external sources and 23 are the analysts' judgement". */
function kindCounts(assumptions: readonly Assumption[]): string {
  const count = (kind: Assumption["kind"]): number => assumptions.filter((a) => a.kind === kind).length;
  const [essay, source, judgement, undeclared] = [count("essay"), count("source"), count("judgement"), count(undefined)];
  const parts = [
    `${String(essay)} ${essay === 1 ? "is the essay’s own figure" : "are the essay’s own figures"}`,
    `${String(source)} ${source === 1 ? "comes from an external source" : "come from external sources"}`,
    `${String(judgement)} ${judgement === 1 ? "is" : "are"} the analysts’ judgement`,
  ];
  if (undeclared > 0) parts.push(`${String(undeclared)} ${undeclared === 1 ? "declares" : "declare"} no kind`);
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}`;
}

function provenance(p: Provenance, assumptionsFile: string): Html {
  const tools = Object.entries(p.tools)
    .sort(byEntryKey)
    .map(([name, version]) => html`<tr><td>${name}</td><td><code>${version}</code></td></tr>`);
  const commit = p.git.commit === null ? "not a git checkout" : `${p.git.commit}${p.git.dirty ? " (with uncommitted changes)" : ""}`;
  return html`<dl class="provenance">
<dt>Built</dt><dd>${p.builtAt}</dd>
<dt>Source commit</dt><dd><code>${commit}</code></dd>
<dt>Assumptions</dt><dd><code>${assumptionsFile}</code>, SHA-256 of the file (as <code>sha256sum</code> prints it) <code class="hash">${p.assumptionsSha256}</code></dd>
<dt>Assumptions content</dt><dd>canonical SHA-256 of the values used (ignores order, comments and layout) <code class="hash">${p.assumptionsContentSha256}</code></dd>
</dl>
<div class="table-wrap"><table class="data-table tools-table"><thead><tr><th>Tool</th><th>Version</th></tr></thead><tbody>${tools}</tbody></table></div>`;
}
