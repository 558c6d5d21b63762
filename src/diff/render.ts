/**
 * Three views of a DiffResult: a terminal report (colour only when asked — the caller decides from
 * TTY + NO_COLOR), stable JSON (sorted keys) for scripts, and a self-contained, escaped HTML page
 * (also used, as a fragment, for the "What changed since" section of a published report).
 */
import { diffWords } from "diff";
import * as messages from "../messages/versions";
import type { AssumptionContent } from "../assumptions/content";
import { formatAssumptionQuantity, formatDelta, formatOptional } from "../format/number";
import type { ProseGuard } from "./prose-guard";
import type { AssumptionChange, DiffResult, FigureDelta } from "./diff";
import { html, rawHtml, type Html } from "../util/html";
import { stableJson } from "../util/hash";
import { terminalSafe } from "../util/terminal";

export function diffToJson(diff: DiffResult): string {
  return stableJson(diff);
}

/** Whether to colour terminal output: only on a TTY, never with NO_COLOR set (any value). */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined;
}

interface Paint {
  readonly added: (s: string) => string;
  readonly removed: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const COLOUR: Paint = { added: ansi(32), removed: ansi(31), bold: ansi(1), dim: ansi(2) };
const PLAIN: Paint = { added: (s) => s, removed: (s) => s, bold: (s) => s, dim: (s) => s };

/** A field as text, for the terminal and HTML. */
export function fieldText(content: AssumptionContent, field: AssumptionChange["fields"][number]): string {
  switch (field) {
    case "value":
    case "range":
      return formatAssumptionQuantity(content);
    case "source":
      return [content.source.title, content.source.url, content.source.date].filter(Boolean).join(", ");
    case "correlations":
      return content.correlations === undefined || content.correlations.length === 0 ? "(none)" : content.correlations.map((c) => `${c.with} \u03c1=${c.rho}`).join(", ");
    default: {
      const value = content[field];
      return value === undefined ? "(none)" : String(value);
    }
  }
}

function figureLine(delta: FigureDelta, paint: Paint): string {
  const f = (value: number | undefined): string => formatOptional(value, delta.format);
  const range = (side: FigureDelta["before"]): string =>
    side ? `${f(side.p50)}${side.p5 !== undefined && side.p95 !== undefined ? ` (${f(side.p5)}–${f(side.p95)})` : ""}` : "–";
  const change = delta.absolute === null ? delta.status : `${formatDelta(delta.absolute, delta.format)}, ${formatDelta(delta.relative, "percent")}`;
  const painted = delta.status === "unchanged" ? paint.dim(change) : delta.absolute !== null && delta.absolute < 0 ? paint.removed(change) : paint.added(change);
  return `  ${delta.id}  ${range(delta.before)} → ${range(delta.after)}  ${painted}`;
}

export function renderDiffText(unsafe: DiffResult, colour: boolean): string {
  // Labels, notes and sources are data: their control characters are shown, never obeyed.
  const diff = terminalSafe(unsafe);
  const paint = colour ? COLOUR : PLAIN;
  const { added, removed, changed } = diff.assumptions;
  const lines = [paint.bold(messages.diffHeading(diff.from, diff.to)), ""];
  lines.push(paint.bold(messages.diffAssumptionsHeading(added.length, removed.length, changed.length)));
  for (const a of added) lines.push(paint.added(`  + ${a.id}  ${formatAssumptionQuantity(a)} ${a.unit}  (${a.label})`));
  for (const a of removed) lines.push(paint.removed(`  - ${a.id}  ${formatAssumptionQuantity(a)} ${a.unit}  (${a.label})`));
  for (const change of changed) {
    lines.push(`  ~ ${change.id}`);
    for (const field of change.fields) {
      if (field === "range" && change.fields.includes("value")) continue; // shown once as the number
      const [before, after] = [fieldText(change.before, field), fieldText(change.after, field)];
      lines.push(`      ${field}: ${paint.removed(before)} → ${paint.added(after)}`);
    }
  }
  if (added.length + removed.length + changed.length === 0) lines.push(`  ${messages.diffNoAssumptionChanges()}`);
  lines.push("");
  if (diff.asOf !== undefined) lines.push(messages.diffAsOf(diff.asOf.before, diff.asOf.after, diff.asOf.moved), "");
  if (diff.figures === null) {
    lines.push(paint.dim(messages.diffNoFigures()));
  } else {
    lines.push(paint.bold(messages.diffFiguresHeading(diff.figures.length)));
    for (const delta of diff.figures) lines.push(figureLine(delta, paint));
  }
  if (diff.prose !== undefined) lines.push("", ...proseLines(diff.prose, diff.from, paint));
  return `${lines.join("\n")}\n`;
}

/** "Prose to re-read": each stale section with the movements that make it suspect. */
export function proseLines(guard: ProseGuard, previous: string, paint: Paint = PLAIN): string[] {
  if (guard.status === "unavailable") return [paint.dim(messages.proseGuardUnavailable(previous, guard.reason))];
  if (guard.stale.length === 0) return [messages.proseGuardClean()];
  return [
    paint.bold(messages.proseToReReadHeading(guard.stale.length)),
    ...guard.stale.flatMap((s) => [`  ${s.section}  (${s.notebook}: "${s.heading}")`, ...s.movements.map((m) => `      ${m.text}`)]),
  ];
}

/** Word-level diff of two texts as HTML with <del>/<ins>; both sides escaped. */
function wordDiffHtml(before: string, after: string): Html {
  return html`${diffWords(before, after).map((part) =>
    part.added ? html`<ins>${part.value}</ins>` : part.removed ? html`<del>${part.value}</del>` : html`${part.value}`,
  )}`;
}

function figureRows(figures: readonly FigureDelta[]): Html {
  return html`${figures.map((d) => {
    const f = (v: number | undefined) => formatOptional(v, d.format);
    const side = (s: FigureDelta["before"]) => (s ? html`${f(s.p50)}${s.p5 !== undefined && s.p95 !== undefined ? html` <small>(${f(s.p5)}–${f(s.p95)})</small>` : ""}` : "–");
    const cls = d.absolute === null || d.absolute === 0 ? "same" : d.absolute > 0 ? "up" : "down";
    return html`<tr class="${cls}"><td><code>${d.id}</code><br><small>${d.label}</small></td><td>${side(d.before)}</td><td>${side(d.after)}</td><td>${d.absolute === null ? d.status : formatDelta(d.absolute, d.format)}</td><td>${formatDelta(d.relative, "percent")}</td></tr>`;
  })}`;
}

/** The body of a diff: assumptions then figures. Used by the HTML page and the "What changed" section. */
export function renderDiffFragment(diff: DiffResult): Html {
  const { added, removed, changed } = diff.assumptions;
  const row = (sign: string, a: AssumptionContent) => html`<tr><td>${sign}</td><td><code>${a.id}</code></td><td>${a.label}</td><td>${formatAssumptionQuantity(a)} ${a.unit}</td></tr>`;
  const changeRows = changed.map(
    (c) => html`<tr><td>~</td><td><code>${c.id}</code></td><td>${c.after.label}</td><td>${c.fields.map(
      (field) => html`<div><b>${field}</b>: ${field === "note" || field === "label" ? wordDiffHtml(fieldText(c.before, field), fieldText(c.after, field)) : html`<del>${fieldText(c.before, field)}</del> → <ins>${fieldText(c.after, field)}</ins>`}</div>`,
    )}</td></tr>`,
  );
  const figures =
    diff.figures === null
      ? html`<p>${messages.diffNoFigures()}</p>`
      : html`<table class="figures"><thead><tr><th>figure</th><th>${diff.from} p50 (p5–p95)</th><th>${diff.to} p50 (p5–p95)</th><th>change</th><th>relative</th></tr></thead><tbody>${figureRows(diff.figures)}</tbody></table>`;
  return html`<h3>${messages.diffAssumptionsHeading(added.length, removed.length, changed.length)}</h3>
${added.length + removed.length + changed.length === 0 ? html`<p>${messages.diffNoAssumptionChanges()}</p>` : html`<table class="assumptions"><tbody>${added.map((a) => row("+", a))}${removed.map((a) => row("−", a))}${changeRows}</tbody></table>`}
${diff.asOf === undefined ? null : html`<p class="as-of-change">${messages.diffAsOf(diff.asOf.before, diff.asOf.after, diff.asOf.moved)}</p>`}
<h3>${diff.figures === null ? "" : messages.diffFiguresHeading(diff.figures.length)}</h3>
${figures}${diff.prose === undefined ? null : html`<div class="prose-guard">${proseLines(diff.prose, diff.from).map((line) => html`<p>${line}</p>`)}</div>`}`;
}

// The standalone page sets its own font; inside a report the section inherits the report's.
export const DIFF_CSS = `body.fragtax-diff{font-family:system-ui,sans-serif;color:#111;max-width:64em;margin:2em auto;padding:0 1em}.fragtax-diff table{border-collapse:collapse;margin:.5em 0;font-family:var(--sans,system-ui,sans-serif);font-size:.88em}.fragtax-diff h3{font-size:1.05rem;margin:1.2em 0 .3em}.fragtax-diff td,.fragtax-diff th{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}.fragtax-diff ins{background:#dcfce7;text-decoration:none}.fragtax-diff del{background:#fee2e2}.fragtax-diff tr.up td:nth-child(4){color:#166534}.fragtax-diff tr.down td:nth-child(4){color:#991b1b}`;

export function renderDiffPage(diff: DiffResult): string {
  const title = messages.diffHeading(diff.from, diff.to);
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${rawHtml(DIFF_CSS)}</style></head><body class="fragtax-diff"><h1>${title}</h1>${renderDiffFragment(diff)}</body></html>\n`.value;
}

/** The "What changed since <previous>" section injected into a published report. */
export function renderChangesSection(diff: DiffResult | null, previous: string | null): Html {
  const body = diff === null || previous === null ? html`<p>${messages.firstPublishedVersion()}</p>` : renderDiffFragment(diff);
  // Laid out like the report's appendices (its own page in print, the same header), styled by DIFF_CSS.
  return html`<section class="appendix fragtax-diff fragtax-changes" id="what-changed" data-fragtax="what-changed"><style>${rawHtml(DIFF_CSS)}</style><header class="chapter-header"><p class="chapter-number">${messages.whatChangedKicker()}</p><h1>${messages.whatChangedHeading(previous)}</h1></header>${body}</section>`;
}
