/**
 * Three views of a DiffResult: a terminal report (colour only when asked — the caller decides from
 * TTY + NO_COLOR), stable JSON (sorted keys) for scripts, and a self-contained, escaped HTML page
 * (also used, as a fragment, for the "What changed since" section of a published report).
 */
import { diffArrays } from "diff";
import * as messages from "../messages/versions";
import * as diffMessages from "../messages/diff";
import * as proseMessages from "../messages/prose";
import type { AssumptionContent } from "../assumptions/content";
import { formatAssumptionQuantity, formatDelta } from "../format/number";
import { alternativesChange, claimRangeText, figureChange, figureRange } from "./figures";
import type { ClaimDelta, ClaimsDiff } from "./claims";
import type { BuiltFromDiff, SectionRef, SectionsDiff } from "./built-from";
import type { ProseGuard } from "./prose-guard";
import { beforeDefinition, incomparable, type AssumptionChange, type DiffResult, type FigureDelta } from "./diff";
import { breakableId, html, rawHtml, type Html } from "../util/html";
import { stableJson } from "../util/hash";
import { terminalSafe } from "../util/terminal";
import { visibleInOneLine } from "../format/control";
import { errataLines, renderErrataHtml, type FigureText } from "../errata/render";
import { contentSecurityPolicy } from "../report/csp";

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
    case "support": {
      const bounds = content.support;
      if (bounds === undefined) return "(none)";
      const parts = [bounds.min === undefined ? "" : `≥ ${bounds.min}`, bounds.greaterThan === undefined ? "" : `> ${bounds.greaterThan}`, bounds.max === undefined ? "" : `≤ ${bounds.max}`];
      return parts.filter((part) => part !== "").join(" and ") || "(none)";
    }
    case "correlations":
      return content.correlations === undefined || content.correlations.length === 0 ? "(none)" : content.correlations.map((c) => `${c.with} \u03c1=${c.rho}`).join(", ");
    default: {
      const value = content[field];
      return value === undefined ? "(none)" : String(value);
    }
  }
}


/** A side's numbers, in the unit and format that side gave the figure; `also`, the row's other numbers (`rowNumbers`). */
function sideText(side: FigureDelta["before"], figure: Pick<FigureDelta, "unit" | "format">, also: readonly number[] = []): string {
  if (side === null) return "–";
  const { p50, interval } = figureRange(side, figure, also);
  return interval === null ? p50 : `${p50} (${interval})`;
}

/**
 * How a figure changed: the move of its median, and what changed in what the figure is. A figure
 * whose unit or format changed has no move (its numbers measure another quantity); one whose label
 * alone changed and whose numbers did not shows only the new label.
 */
function changeText(delta: FigureDelta, withRelative: boolean): string {
  // Redefined (a label, a format) with the same numbers, interval included: nothing moved to show.
  // So with its alternatives alone moved: the change is theirs.
  const numbersKept = delta.absolute === 0 && delta.before?.p5 === delta.after?.p5 && delta.before?.p95 === delta.after?.p95;
  const move =
    delta.absolute === null ? (incomparable(delta) ? null : delta.status === "missing" ? diffMessages.diffFigureNotBuilt(delta.missingAt ?? "") : delta.status)
    : numbersKept && (delta.redefined !== undefined || delta.alternatives !== undefined) ? null
    : `${figureChange(delta.absolute, delta)}${withRelative ? `, ${formatDelta(delta.relative, "percent")}` : ""}`;
  const redefined = delta.redefined === undefined ? null : diffMessages.diffFigureRedefined(delta.redefined, !incomparable(delta));
  const alternatives = delta.alternatives === undefined ? null : alternativesChange(delta.alternatives.before, delta.alternatives.after, beforeDefinition(delta), delta);
  return [move, redefined, alternatives].filter((part) => part !== null).join("; ");
}

function figureLine(delta: FigureDelta, paint: Paint): string {
  const text = changeText(delta, true);
  // A figure not built on a side is neither an addition nor a removal: not coloured as one.
  const painted = delta.status === "missing" ? paint.dim(text) : delta.absolute !== null && delta.absolute < 0 ? paint.removed(text) : paint.added(text);
  const also = rowNumbers(delta);
  return `  ${delta.id}  ${sideText(delta.before, beforeDefinition(delta), also)} → ${sideText(delta.after, delta, also)}  ${painted}`;
}

/** Figures that moved (or appeared, or went) one per line; the unchanged ones are one count. */
function splitUnchanged(figures: readonly FigureDelta[]): { readonly moved: readonly FigureDelta[]; readonly unchanged: readonly FigureDelta[] } {
  return { moved: figures.filter((d) => d.status !== "unchanged"), unchanged: figures.filter((d) => d.status === "unchanged") };
}

export function renderDiffText(unsafe: DiffResult, colour: boolean): string {
  // Labels, notes and sources are data: their control characters are shown, never obeyed, and a line
  // break in one is shown as \x0a, so it cannot start a line of the listing ("warning: …") of its own.
  const diff = terminalSafe(unsafe, { oneLine: true });
  const paint = colour ? COLOUR : PLAIN;
  const { added, removed, changed } = diff.assumptions;
  // The sides are names (a file's may hold a line break): on one line, so none can start a line of its own.
  const lines = [paint.bold(diffMessages.diffHeading(visibleInOneLine(unsafe.from), visibleInOneLine(unsafe.to))), ""];
  lines.push(paint.bold(diffMessages.diffAssumptionsHeading(added.length, removed.length, changed.length)));
  for (const a of added) lines.push(paint.added(`  + ${a.id}  ${formatAssumptionQuantity(a)}  (${a.label})`));
  for (const a of removed) lines.push(paint.removed(`  - ${a.id}  ${formatAssumptionQuantity(a)}  (${a.label})`));
  for (const change of changed) {
    lines.push(`  ~ ${change.id}`);
    for (const field of change.fields) {
      if (field === "range" && change.fields.includes("value")) continue; // shown once as the number
      const [before, after] = [fieldText(change.before, field), fieldText(change.after, field)];
      lines.push(`      ${field}: ${paint.removed(before)} → ${paint.added(after)}`);
    }
  }
  if (added.length + removed.length + changed.length === 0) lines.push(`  ${diffMessages.diffNoAssumptionChanges()}`);
  lines.push("");
  if (diff.asOf !== undefined) lines.push(diffMessages.diffAsOf(diff.asOf.before, diff.asOf.after, diff.asOf.moved), "");
  if (diff.figures === null) {
    lines.push(paint.dim(diffMessages.diffNoFigures()));
  } else {
    lines.push(paint.bold(diffMessages.diffFiguresHeading(diff.figures.length)));
    for (const side of diff.figuresNotBuilt ?? []) lines.push(paint.removed(`  ${diffMessages.diffFiguresNotBuiltAt(side.side, side.notebooks)}`));
    const { moved, unchanged } = splitUnchanged(diff.figures);
    for (const delta of moved) lines.push(figureLine(delta, paint));
    if (unchanged.length > 0) lines.push(paint.dim(`  ${diffMessages.diffFiguresUnchanged(unchanged.length)}`));
  }
  if (diff.claims !== undefined) lines.push("", paint.bold(diffMessages.diffClaimsHeading(diff.claims.changed.length, diff.claims.unchanged)), ...diff.claims.changed.flatMap((c) => [`  ${claimLine(c)}`, `      "${c.claim}"`]));
  if (diff.sections !== undefined) lines.push("", paint.bold(sectionsHeading(diff.sections)), ...sectionEntries(diff.sections).map((line) => `  ${line}`));
  if (diff.prose !== undefined) lines.push("", ...proseLines(diff.prose, diff.from, paint));
  if (diff.errata !== undefined && diff.errata.length > 0) lines.push("", ...errataLines(diff.errata, newerFigureText(diff)).map((line, i) => (i === 0 ? paint.bold(line) : line)));
  if (diff.builtFrom !== undefined) lines.push("", builtFromText(diff.builtFrom));
  return `${lines.join("\n")}\n`;
}

/** A claim's verdicts and numbers, before → after where it has both sides. */
function claimParts(c: ClaimDelta): { readonly verdicts: string; readonly stated: string; readonly model: string } {
  const either = (c.after ?? c.before) as NonNullable<ClaimDelta["after"]>;
  const model = (side: ClaimDelta["after"]): string => claimRangeText(side?.computed, c);
  const [modelBefore, modelAfter] = [model(c.before), model(c.after)];
  return {
    verdicts: c.before !== null && c.after !== null ? `${c.before.verdict} → ${c.after.verdict}` : either.verdict,
    stated: claimRangeText(either.stated, c),
    model: c.before !== null && c.after !== null && modelBefore !== modelAfter ? `${modelBefore} → ${modelAfter}` : model(either === c.after ? c.after : c.before),
  };
}

function claimLine(c: ClaimDelta): string {
  const { verdicts, stated, model } = claimParts(c);
  return diffMessages.diffClaimLine(c.status, c.id, verdicts, stated, model);
}

const sectionsHeading = (s: SectionsDiff): string => diffMessages.diffSectionsHeading(s.rewritten.length, s.added.length, s.removed.length, s.unchanged);

/** The sections rewritten, added and removed, one line each. */
function sectionEntries(s: SectionsDiff): string[] {
  const line = (sign: "~" | "+" | "-") => (r: SectionRef) => diffMessages.diffSectionLine(sign, r.id, r.notebook, r.heading);
  return [...s.rewritten.map(line("~")), ...s.added.map(line("+")), ...s.removed.map(line("-"))];
}

/**
 * On a page, each kind in a line of the sections' headings, with their chapters: what a reader knows
 * them by (the terminal's lines give the ids, which errata and `--reviewed` take).
 */
function sectionsHtml(s: SectionsDiff): Html {
  const kinds = [
    { label: diffMessages.diffSectionsKind("rewritten"), refs: s.rewritten },
    { label: diffMessages.diffSectionsKind("added"), refs: s.added },
    { label: diffMessages.diffSectionsKind("removed"), refs: s.removed },
  ].filter((kind) => kind.refs.length > 0);
  const chapter = (r: SectionRef): string => r.notebook.replace(/^.*\//, "").replace(/\.ipynb$/, "");
  return html`<h2>${sectionsHeading(s)}</h2>${kinds.map(
    (kind) => html`<p class="sections"><b>${kind.label}:</b> ${kind.refs.map((r, i) => html`${i > 0 ? "; " : ""}“${r.heading}” <small>(${chapter(r)})</small>`)}</p>`,
  )}`;
}

const builtFromText = (b: BuiltFromDiff): string => diffMessages.diffBuiltFrom(b.before, b.after, b.codeChanged, b.tools);

function claimsHtml(claims: ClaimsDiff): Html {
  const rows = claims.changed.map((c) => {
    const { verdicts, stated, model } = claimParts(c);
    const sign = c.status === "changed" ? "~" : c.status === "added" ? "+" : "−";
    return html`<tr><td>${sign}</td><td><code>${breakableId(c.id)}</code><br><small>${c.claim}</small></td><td>${verdicts}</td><td>${stated}</td><td>${model}</td></tr>`;
  });
  return html`<h2>${diffMessages.diffClaimsHeading(claims.changed.length, claims.unchanged)}</h2>${
    rows.length === 0 ? null : html`<div class="table-wrap"><table class="claims"><thead><tr><th></th><th>claim</th><th>verdict</th><th>stated</th><th>model</th></tr></thead><tbody>${rows}</tbody></table></div>`
  }`;
}

/** "Prose to re-read": each stale section with the movements that make it suspect. */
export function proseLines(guard: ProseGuard, previous: string, paint: Paint = PLAIN): string[] {
  if (guard.status === "unavailable") return [paint.dim(proseMessages.proseGuardUnavailable(previous, guard.reason))];
  if (guard.stale.length === 0) return [proseMessages.proseGuardClean()];
  return [
    paint.bold(proseMessages.proseToReReadHeading(guard.stale.length, guard.stale.filter((s) => s.reviewedIn !== undefined).length)),
    ...guard.stale.flatMap((s) => [
      `  ${s.section}  (${s.notebook}: "${s.heading}")${s.reviewedIn === undefined ? "" : `  ${proseMessages.proseReviewedIn(s.reviewedIn)}`}`,
      ...s.movements.map((m) => `      ${m.text}`),
    ]),
  ];
}

/**
 * Word-level diff of two texts as HTML with <del>/<ins>; both sides escaped. A replaced run reads
 * "old → new", as every other changed field does: without the arrow, copied text and a screen reader
 * (which announce neither tag) read the two run together ("(essay)<script>…").
 */
function wordDiffHtml(before: string, after: string): Html {
  // Whole words, with their punctuation: `diffWords` splits at every mark, so "3.5-4.5%" → "3.50-3.75%"
  // read "3.<del>5</del> → <ins>50</ins>-<del>4</del> → <ins>3</ins>.<del>5</del> → <ins>75</ins>%".
  const parts = diffArrays(wordsOf(before), wordsOf(after)).map((part) => ({ ...part, value: part.value.join("") }));
  return html`${parts.map((part, index) =>
    part.added ? html`${parts[index - 1]?.removed === true ? " → " : ""}<ins>${part.value}</ins>` : part.removed ? html`<del>${part.value}</del>` : html`${part.value}`,
  )}`;
}

/**
 * A text as its words, each with the spaces after it (nothing lost: joined, they are the text). A space
 * is not a token of its own, or two notes with no word in common matched at their spaces and read
 * "old → new note → …".
 */
/**
 * Both sides' numbers of a figure's row, written at one precision in both columns: each side chose its
 * own, and an unchanged median of 1.135 read "1.14×" before and "1.1×" after. None when the format changed.
 */
function rowNumbers(delta: FigureDelta): number[] {
  if (beforeDefinition(delta).format !== delta.format) return [];
  return [delta.before, delta.after].flatMap((side) => (side === null ? [] : [side.p5, side.p50, side.p95].filter((x): x is number => x !== undefined)));
}

function wordsOf(text: string): string[] {
  return text.match(/\s*\S+\s*|\s+/g) ?? [];
}

function figureRows(figures: readonly FigureDelta[]): Html {
  const { moved, unchanged } = splitUnchanged(figures);
  const side = (s: FigureDelta["before"], d: Pick<FigureDelta, "unit" | "format">, also: readonly number[]) => {
    if (s === null) return "–";
    const { p50, interval } = figureRange(s, d, also);
    return html`${p50}${interval === null ? "" : html` <small>(${interval})</small>`}`;
  };
  const rows = moved.map((d) => {
    const cls = d.absolute === null || d.absolute === 0 ? "same" : d.absolute > 0 ? "up" : "down";
    // The relative change has its own column.
    const change = changeText(d, false);
    return html`<tr class="${cls}"><td><code>${breakableId(d.id)}</code><br><small>${d.label}</small></td><td>${side(d.before, beforeDefinition(d), rowNumbers(d))}</td><td>${side(d.after, d, rowNumbers(d))}</td><td>${change}</td><td>${formatDelta(d.relative, "percent")}</td></tr>`;
  });
  const rest =
    unchanged.length === 0
      ? ""
      : html`<tr class="same unchanged"><td colspan="5"><details><summary>${diffMessages.diffFiguresUnchanged(unchanged.length)}</summary>${unchanged.map((d, i) => html`${i > 0 ? ", " : ""}<code>${breakableId(d.id)}</code>`)}</details></td></tr>`;
  return html`${rows}${rest}`;
}

/** A figure's value on the newer side of a diff, for the errata that name it. */
function newerFigureText(diff: DiffResult): FigureText {
  const byId = new Map((diff.figures ?? []).map((d) => [d.id, d]));
  return (id) => {
    const delta = byId.get(id);
    return delta?.after == null ? undefined : sideText(delta.after, delta);
  };
}

/** The body of a diff: errata, assumptions then figures. Used by the HTML page and the "What changed" section. */
export function renderDiffFragment(diff: DiffResult): Html {
  const { added, removed, changed } = diff.assumptions;
  const row = (sign: string, a: AssumptionContent) => html`<tr><td>${sign}</td><td><code>${breakableId(a.id)}</code></td><td>${a.label}</td><td>${formatAssumptionQuantity(a)}</td></tr>`;
  const changeRows = changed.map(
    (c) => html`<tr><td>~</td><td><code>${breakableId(c.id)}</code></td><td>${c.after.label}</td><td>${c.fields.map(
      (field) => html`<div><b>${field}</b>: ${field === "note" || field === "label" ? wordDiffHtml(fieldText(c.before, field), fieldText(c.after, field)) : html`<del>${fieldText(c.before, field)}</del> → <ins>${fieldText(c.after, field)}</ins>`}</div>`,
    )}</td></tr>`,
  );
  const figures =
    diff.figures === null
      ? html`<p>${diffMessages.diffNoFigures()}</p>`
      : html`<div class="table-wrap"><table class="figures"><thead><tr><th>figure</th><th>${diff.from} p50 (p5–p95)</th><th>${diff.to} p50 (p5–p95)</th><th>change</th><th>relative</th></tr></thead><tbody>${figureRows(diff.figures)}</tbody></table></div>`;
  // h2: the fragment sits under the page's (or the "What changed" section's) h1, and headings do not skip levels.
  return html`${renderErrataHtml(diff.errata ?? [], newerFigureText(diff), diff.errataHeadings)}<h2>${diffMessages.diffAssumptionsHeading(added.length, removed.length, changed.length)}</h2>
${added.length + removed.length + changed.length === 0 ? html`<p>${diffMessages.diffNoAssumptionChanges()}</p>` : html`<div class="table-wrap"><table class="assumptions"><tbody>${added.map((a) => row("+", a))}${removed.map((a) => row("−", a))}${changeRows}</tbody></table></div>`}
${diff.asOf === undefined ? null : html`<p class="as-of-change">${diffMessages.diffAsOf(diff.asOf.before, diff.asOf.after, diff.asOf.moved)}</p>`}
${diff.figures === null ? "" : html`<h2>${diffMessages.diffFiguresHeading(diff.figures.length)}</h2>${(diff.figuresNotBuilt ?? []).map((side) => html`<p class="figures-not-built" role="note">${diffMessages.diffFiguresNotBuiltAt(side.side, side.notebooks)}</p>`)}`}
${figures}${diff.claims === undefined ? null : claimsHtml(diff.claims)}${
    diff.sections === undefined ? null : sectionsHtml(diff.sections)
  }${diff.prose === undefined ? null : html`<div class="prose-guard">${proseLines(diff.prose, diff.from).map((line) => html`<p>${line}</p>`)}</div>`}${
    diff.builtFrom === undefined ? null : html`<p class="built-from">${builtFromText(diff.builtFrom)}</p>`
  }`;
}

/**
 * How a diff page ends its head and opens its body: `diff --html` replaces an existing file only when
 * it is a page (`<!doctype html>` first) holding this (cli/out-file.ts); the body's class alone, in a
 * comment of a page of the user's, let that page be replaced.
 */
export const DIFF_PAGE_MARKER = '</head><body class="fragtax-diff">';

// The standalone page sets its own font; inside a report the section inherits the report's. An id
// wraps after its underscores (breakableId), not anywhere: the report's `td code` breaks all.
export const DIFF_CSS = `body.fragtax-diff{font-family:system-ui,sans-serif;color:#111;max-width:64em;margin:2em auto;padding:0 1em}.fragtax-diff table{border-collapse:collapse;margin:.5em 0;font-family:var(--sans,system-ui,sans-serif);font-size:.88em}.fragtax-diff h2{font-size:1.05rem;margin:1.2em 0 .3em}.fragtax-diff .table-wrap{overflow-x:auto}.fragtax-diff td,.fragtax-diff th{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}.fragtax-diff ins{background:#dcfce7;text-decoration:none}.fragtax-diff del{background:#fee2e2}.fragtax-diff tr.up td:nth-child(4){color:#166534}.fragtax-diff tr.down td:nth-child(4){color:#991b1b}.fragtax-diff td code{word-break:normal;overflow-wrap:break-word}`;

export function renderDiffPage(diff: DiffResult): string {
  const title = diffMessages.diffHeading(diff.from, diff.to);
  // The report's policy without its scripts: the page runs none, loads nothing, and escaping is not its only guard.
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ scripts: [] })}"><title>${title}</title><style>${rawHtml(DIFF_CSS)}</style>${rawHtml(DIFF_PAGE_MARKER)}<h1>${title}</h1>${renderDiffFragment(diff)}</body></html>\n`.value;
}

/** The "What changed since <previous>" section injected into a published report. */
export function renderChangesSection(diff: DiffResult | null, previous: string | null): Html {
  const body = diff === null || previous === null ? html`<p>${messages.firstPublishedVersion()}</p>` : renderDiffFragment(diff);
  // Laid out like the report's appendices (its own page in print, the same header), styled by DIFF_CSS.
  return html`<section class="appendix fragtax-diff fragtax-changes" id="what-changed" data-fragtax="what-changed"><style>${rawHtml(DIFF_CSS)}</style><header class="chapter-header"><p class="chapter-number">${messages.whatChangedKicker()}</p><h1>${messages.whatChangedHeading(previous)}</h1></header>${body}</section>`;
}
