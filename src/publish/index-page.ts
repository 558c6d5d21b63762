/** `out/reports/index.html`: every published version, newest first, self-contained and escaped. */
import * as messages from "../messages/versions";
import { formatNumber, formatOptional } from "../format/number";
import { html, rawHtml } from "../util/html";
import type { Manifest } from "./store";

const CSS = `body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4em .6em;text-align:left;vertical-align:top}td.figures div{white-space:nowrap}.latest{font-size:.8em;background:#dbeafe;padding:.1em .4em;border-radius:.3em}`;

export function renderIndexPage(title: string, newestFirst: readonly Manifest[]): string {
  const rows = newestFirst.map((version, index) => {
    const href = (file: string) => `${encodeURIComponent(version.id)}/${file}`;
    return html`<tr><td><a href="${href("report.html")}"><strong>${version.id}</strong></a>${index === 0 ? html` <span class="latest">latest</span>` : ""}<br><small>${version.date}${version.asOf === undefined ? "" : html`<br>data as of ${version.asOf}`}</small></td>
<td>${version.note ?? ""}</td>
<td class="figures">${version.headline.map((f) => html`<div>${f.label}: <strong>${formatNumber(f.p50, f.format)}</strong>${f.p5 !== undefined && f.p95 !== undefined ? html` <small>(${formatOptional(f.p5, f.format)}–${formatOptional(f.p95, f.format)})</small>` : ""}</div>`)}</td>
<td><a href="${href("report.html")}">HTML</a> · <a href="${href("report.pdf")}">PDF</a> · <a href="${href("manifest.json")}">manifest</a></td></tr>`;
  });
  const heading = messages.indexHeading(title);
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${heading}</title><style>${rawHtml(CSS)}</style></head>
<body><h1>${heading}</h1><p>${messages.indexLead(newestFirst.length)}</p>
<table><thead><tr><th>version</th><th>note</th><th>headline figures (p50, 90% interval)</th><th>files</th></tr></thead><tbody>${rows}</tbody></table></body></html>
`.value;
}
