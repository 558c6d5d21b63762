/**
 * The first-page banner of a what-if build: `build()` passes it to the report renderer, which puts it
 * on the title page (the `{{notice}}` slot). Written with the report's escaping template.
 */
import type { Assumption } from "../../assumptions/types";
import * as messages from "../../messages/whatif";
import { html, type Html } from "../../util/html";
import { formatAssumptionQuantity } from "../../format/number";
import type { WhatIf } from "./overrides";

export function renderWhatIfBanner(whatIf: WhatIf, original: (id: string) => Assumption | undefined): Html {
  const rows = whatIf.overrides.map((override) => {
    const before = original(override.id);
    const after = "value" in override ? { value: override.value } : { range: { low: override.low, high: override.high } };
    const unit = before?.unit ?? "";
    const inFile = before === undefined ? "(none)" : formatAssumptionQuantity(before, { withUnit: false });
    return html`<tr><td><code>${override.id}</code></td><td>${before?.label ?? ""}</td><td>${inFile}</td><td><strong>${formatAssumptionQuantity({ ...after, unit }, { withUnit: false })}</strong></td><td>${unit}</td></tr>`;
  });
  return html`<section class="what-if" role="note" data-fragtax="what-if">
<h2>${messages.whatIfBannerTitle()}</h2>
<p>${messages.whatIfBannerLead(whatIf.sources)}</p>
<table><thead><tr><th>id</th><th>assumption</th><th>in the file</th><th>this build</th><th>unit</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}
