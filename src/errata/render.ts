/**
 * Errata as readers see them: a list in the "What changed" section and `diff --html` (escaped HTML),
 * lines on the terminal (control characters already made visible by the caller), and a line per
 * version in the index. Each names the version and section that were wrong, what they said, what the
 * report says now and the figures concerned (with their value in the newer version when known).
 */
import * as messages from "../messages/errata";
import { html, type Html } from "../util/html";
import type { Erratum } from "./types";

/** The newer version's value of a figure ("32× (22×–44×)"), when the caller knows it. */
export type FigureText = (id: string) => string | undefined;

function figureList(e: Erratum, figureText: FigureText): string {
  if (e.figures.length === 0) return messages.erratumNoFigures();
  return e.figures.map((id) => {
    const value = figureText(id);
    return value === undefined ? id : `${id} = ${value}`;
  }).join("; ");
}

/** `headings`: the heading of each section corrected (section id → heading), where the newer version records it. */
export function renderErrataHtml(errata: readonly Erratum[], figureText: FigureText = () => undefined, headings: Readonly<Record<string, string>> = {}): Html {
  if (errata.length === 0) return html``;
  return html`<h2 id="errata">${messages.errataHeading(errata.length)}</h2><p>${messages.errataLead()}</p><ol class="errata">${errata.map(
    (e) => html`<li class="erratum" id="erratum-${e.id}"><p class="erratum-where"><strong>${messages.erratumWhere(e.version, e.section, headings[e.section])}</strong></p><p><b>${messages.erratumWas()}:</b> ${e.was}</p><p><b>${messages.erratumNow()}:</b> ${e.now}</p><p><small><b>${messages.erratumFigures()}:</b> ${figureList(e, figureText)}</small></p></li>`,
  )}</ol>`;
}

export function errataLines(errata: readonly Erratum[], figureText: FigureText = () => undefined): string[] {
  if (errata.length === 0) return [];
  return [
    messages.errataHeading(errata.length),
    ...errata.flatMap((e, i) => [
      `  ${i + 1}. ${messages.erratumWhere(e.version, e.section)}  [${e.id}]`,
      `      ${messages.erratumWas()}: ${e.was}`,
      `      ${messages.erratumNow()}: ${e.now}`,
      `      ${messages.erratumFigures()}: ${figureList(e, figureText)}`,
    ]),
  ];
}

/** For the index: "Errata: 9 corrections to 2026-11-26" and each correction's "now". */
export function renderIndexErrata(errata: readonly Erratum[]): Html {
  if (errata.length === 0) return html``;
  const versions = [...new Set(errata.map((e) => e.version))];
  return html`<details class="errata"><summary>${messages.indexErrata(errata.length, versions)}</summary><ul>${errata.map((e) => html`<li><code>${e.section}</code>: ${e.now}</li>`)}</ul></details>`;
}
