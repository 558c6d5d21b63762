/**
 * What `fragtax diff` and a published report's "What changed" section say: the headings and lines of
 * a diff, in the terminal and on the page. (What the diff command says about its inputs and files is
 * in versions.ts.)
 */

export const diffHeading = (from: string, to: string): string => `Changes from ${from} to ${to}`;

export const diffAssumptionsHeading = (added: number, removed: number, changed: number): string =>
  `Assumptions: ${added} added, ${removed} removed, ${changed} changed`;

export const diffNoAssumptionChanges = (): string => "No assumption changed.";

export const diffFiguresHeading = (count: number): string =>
  `Figures (${count}), largest relative change first: p50 (p5–p95) before → after`;

/** What changed in what a figure is: `unit "USD" → "EUR" (another quantity: no change computed)`. */
export const diffFigureRedefined = (changes: readonly { readonly field: string; readonly before: string; readonly after: string }[], comparable: boolean): string =>
  `${changes.map((c) => `${c.field} "${c.before}" → "${c.after}"`).join(", ")}${comparable ? "" : " (another quantity: no change computed)"}`;

/** A figure's medians under the model's alternatives moved (the title page and the index show their spread). */
export const diffAlternativesMoved = (before: string, after: string): string => `under the alternatives ${before} → ${after}`;

export const diffClaimsHeading = (changed: number, unchanged: number): string =>
  `Claims of the essay: ${changed === 0 ? "no verdict changed" : `${changed} changed (a verdict turned, or a claim added or removed)`}${unchanged === 0 ? "" : `, ${unchanged} with the same verdict`}`;

/** One claim of a diff: "~ id  consistent → understated  (stated $350B; model $350B → $420B)". */
export const diffClaimLine = (status: "changed" | "added" | "removed", id: string, verdicts: string, stated: string, model: string): string =>
  `${status === "changed" ? "~" : status === "added" ? "+" : "-"} ${id}  ${verdicts}  (stated ${stated}; model ${model})${status === "added" ? "  new" : status === "removed" ? "  removed" : ""}`;

export const diffFiguresUnchanged = (count: number): string => `${count} figure${count === 1 ? "" : "s"} unchanged`;

export const diffNoFigures = (): string =>
  "Figures: not compared (a published version carries its figures; an assumptions file has none, and a git ref has them only with --figures, which builds them).";

export const diffAsOf = (before: string | null, after: string | null, moved: boolean): string => {
  const show = (date: string | null): string => date ?? "(not recorded)";
  return moved ? `As-of date moved: ${show(before)} → ${show(after)}` : `As-of date: ${show(after)} (unchanged)`;
};

/**
 * "Sections: 3 rewritten, 1 added, 0 removed; 37 with the same written text". What is compared is a
 * section's markdown and the literal text of its nb.md templates (report/sections.ts): wording a cell
 * builds in code and interpolates is not, so "the same words" would claim more than is known.
 */
export const diffSectionsHeading = (rewritten: number, added: number, removed: number, unchanged: number): string =>
  rewritten + added + removed === 0
    ? `Sections: the same written text in all ${unchanged} (markdown and nb.md templates; the numbers in them are the figures')`
    : `Sections: ${rewritten} rewritten, ${added} added, ${removed} removed${unchanged === 0 ? "" : `; ${unchanged} with the same written text`}`;

/** One section of a diff: `~ 02-captive-cloud#who-pays  (02-captive-cloud.ipynb: "Who pays")`. */
export const diffSectionLine = (sign: "~" | "+" | "-", id: string, notebook: string, heading: string): string => `${sign} ${id}  (${notebook}: "${heading}")`;

/** A commit as a diff shows it: its first 12 digits, and whether the work tree had uncommitted changes. */
const commitText = (commit: string | null, dirty: boolean | null): string =>
  `${commit === null ? "no commit" : `commit ${commit.slice(0, 12)}`}${dirty === true ? " with uncommitted changes" : ""}`;

/** "Built from: commit 109acb43d459 → ba8ccc03f2e3; the same tools (fragtax 0.1.0, node 20.20.2)". */
export const diffBuiltFrom = (
  before: { readonly commit: string | null; readonly dirty: boolean | null },
  after: { readonly commit: string | null; readonly dirty: boolean | null; readonly tools: Readonly<Record<string, string>> },
  codeChanged: boolean,
  tools: readonly { readonly name: string; readonly before: string | null; readonly after: string | null }[],
): string => {
  const code = codeChanged ? `${commitText(before.commit, before.dirty)} → ${commitText(after.commit, after.dirty)}` : `the same ${commitText(after.commit, after.dirty)}`;
  const version = (v: string | null): string => v ?? "(not recorded)";
  const kept = Object.entries(after.tools).map(([name, v]) => `${name} ${v}`).join(", ");
  const toolText = tools.length === 0 ? `the same tools${kept === "" ? "" : ` (${kept})`}` : tools.map((t) => `${t.name} ${version(t.before)} → ${version(t.after)}`).join(", ");
  return `Built from: ${code}; ${toolText}`;
};

/** One alternative whose median moved while the spread of all of them reads the same. */
export const diffAlternativeMoved = (label: string, before: string, after: string): string => `under "${label}" ${before} → ${after}`;

export const diffAlternativeRenamed = (before: string, after: string): string => `alternative "${before}" renamed "${after}"`;

export const diffAlternativeAddedOrRemoved = (label: string, value: string, added: boolean): string => `alternative "${label}" ${added ? "added" : "removed"} (${value})`;

export const diffAlternativesBelowRounding = (spread: string): string => `under the alternatives ${spread}, their medians moved by less than the rounding`;

export const diffSectionsKind = (kind: "rewritten" | "added" | "removed"): string => ({ rewritten: "Rewritten", added: "Added", removed: "Removed" })[kind];

/** A side whose build had notebooks throw: its figures from there on were never made (diff exits 1). */
export const diffFiguresNotBuiltAt = (side: string, notebooks: readonly string[]): string =>
  `incomplete at ${side}: a code cell threw in ${notebooks.join(", ")}, so the figures ${notebooks.length === 1 ? "it declares" : "they declare"} from there on were not built`;

/** A figure on one side only, the other side's build having had its notebook throw: not said added or removed. */
export const diffFigureNotBuilt = (side: string): string => `not built at ${side} (a cell failed there)`;
