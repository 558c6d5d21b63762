/**
 * The first-page banner of a what-if build. The report renderer calls `renderWhatIfBanner` with the
 * build's `whatIf`; `markWhatIf` injects it into an already rendered page (used until then, and by dev).
 */
import type { Assumption } from "../assumptions/types";
import * as messages from "../messages/versions";
import { formatAssumptionValue } from "./fingerprint";
import { html, insertAfterBodyOpen } from "./html";
import type { RawHtml } from "./html";
import type { WhatIf } from "./whatif";

export function renderWhatIfBanner(whatIf: WhatIf, original: (id: string) => Assumption | undefined): RawHtml {
  const rows = whatIf.overrides.map((override) => {
    const before = original(override.id);
    const after = "value" in override ? { value: override.value } : { range: { low: override.low, high: override.high } };
    return html`<tr><td><code>${override.id}</code></td><td>${before?.label ?? ""}</td><td>${formatAssumptionValue(before)}</td><td><strong>${formatAssumptionValue(after)}</strong></td><td>${before?.unit ?? ""}</td></tr>`;
  });
  return html`<section class="fragtax-what-if" role="note" data-fragtax="what-if" style="border:3px solid #b45309;background:#fffbeb;color:#111;padding:1em 1.25em;margin:1em;font-family:system-ui,sans-serif;page-break-inside:avoid">
<h2 style="margin:0 0 .4em;color:#92400e">${messages.whatIfBannerTitle()}</h2>
<p style="margin:0 0 .6em">${messages.whatIfBannerLead(whatIf.sources)}</p>
<table style="border-collapse:collapse"><thead><tr><th align="left">id</th><th align="left">assumption</th><th align="left">file</th><th align="left">this build</th><th align="left">unit</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}

/** Idempotent: a page already carrying the banner is returned unchanged. */
export function markWhatIf(page: string, whatIf: WhatIf, original: (id: string) => Assumption | undefined): string {
  if (page.includes('data-fragtax="what-if"')) return page;
  return insertAfterBodyOpen(page, renderWhatIfBanner(whatIf, original).html);
}
