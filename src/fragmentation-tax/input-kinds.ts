/**
 * Where this report's inputs come from: the essay under review, an external source, or the analysts'
 * judgement (how much a verdict rests on judgement is the tool's rule, src/api/basis.ts). The fallback reads the
 * source-title conventions of notebooks/assumptions.yaml ("Maverick analyst essay…", "fragtax
 * analysts' assumption…"), which is why it sits with the report's content and not in the model.
 */
import type { Assumption } from "../assumptions/types";
import { WHAT_IF_SOURCE_PREFIX } from "../vocabulary/what-if-sources";

// A what-if's input is cited as "a what-if value in place of …" (src/vocabulary/what-if-sources.ts);
// the title after it is the source's own and reads as it would without the what-if.
const whatIfPrefix = (title: string): string => (title.startsWith(WHAT_IF_SOURCE_PREFIX) ? WHAT_IF_SOURCE_PREFIX : "");
const ownTitle = (title: string): string => title.slice(whatIfPrefix(title).length);

/** Where an input comes from: the essay under review, an external source, or the analysts' judgement. */
export type InputKind = "essay" | "source" | "judgement";

/**
 * An assumption's kind: its declared `kind` when the assumptions file has one, else read from the
 * source title convention ("Maverick analyst essay", "fragtax analysts' assumption", anything else).
 */
export function inputKind(a: Pick<Assumption, "kind" | "source">): InputKind {
  const declared = (a as { readonly kind?: unknown }).kind;
  if (declared === "essay" || declared === "source" || declared === "judgement") return declared;
  const title = ownTitle(a.source.title);
  if (/^Maverick analyst essay/i.test(title)) return "essay";
  return /^fragtax analysts/i.test(title) ? "judgement" : "source";
}

/** True when a what-if build replaced the input's value (its source is then cited as "a what-if value in place of …"). */
export const isWhatIfInput = (a: Pick<Assumption, "source">): boolean => a.source.title.startsWith(WHAT_IF_SOURCE_PREFIX);

/**
 * Whose an essay's figure is, as prose names it beside the number: "the essay's", or "this what-if's"
 * once a what-if replaced it; of several figures said together (the three scenario probabilities), once
 * a what-if replaced any of them.
 */
export const whoseFigure = (...figures: readonly Pick<Assumption, "source">[]): string => whose("the essay's", ...figures);

/**
 * Whose a sourced figure is, as prose names it: its owner ("Epoch AI's", "the essay's") or "this
 * what-if's" once a what-if replaced any of the figures. A what-if's cost of GPT-4.5's run read "Epoch AI's
 * estimate … at $1B–$2B", crediting the source with a number it never gave.
 */
export const whose = (owner: string, ...figures: readonly Pick<Assumption, "source">[]): string => (figures.some(isWhatIfInput) ? "this what-if's" : owner);

/** True when an assumption cites a public source rather than the essay or our own judgement. */
export function isIndependentSource(a: Pick<Assumption, "kind" | "source">): boolean {
  return inputKind(a) === "source";
}

/**
 * A source's title as words inside a sentence: a generic one ("Press reports of …") starts in lower
 * case there, as any common noun would; a name (Bloomberg, Epoch AI, the Federal Reserve) keeps its capital.
 */
export const sourceInProse = (title: string): string => `${whatIfPrefix(title)}${ownTitle(title).replace(/^Press reports\b/, "press reports")}`;


/**
 * Where an input comes from, as prose cites it: "our judgement (2026-04-28)" for our own ranges (the
 * source title "fragtax analysts' assumption" did not read as a source), else the title and its date.
 */
export const citeInput = (a: Pick<Assumption, "kind" | "source">): string =>
  inputKind(a) === "judgement" ? `${whatIfPrefix(a.source.title)}our judgement (${a.source.date})` : `${sourceInProse(a.source.title)}, ${a.source.date}`;
