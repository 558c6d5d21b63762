/**
 * Messages about the assumptions file and registry. Each returns the text after the location prefix;
 * `located` (location.ts) adds "file:line:column: ".
 */
import { didYouMean } from "./suggestion";
import { quote } from "./quote";

const list = (items: readonly string[]): string => items.map((item) => `${quote(item)}`).join(", ");
const forId = (id: string | undefined): string => (id === undefined ? "" : `assumption ${quote(id)}: `);

export const malformedYaml = (detail: string, nearId: string | undefined): string => {
  const where = nearId === undefined ? "" : ` (in or just after assumption ${quote(nearId)})`;
  return `malformed YAML${where}: ${detail}`;
};

/** `whole`: `megabytes` is the file's size; else it is unknown (a pipe, which may have no end, read no further than the limit). */
export const assumptionsFileTooLarge = (megabytes: number, limit: number, whole = true): string =>
  `the file is ${whole ? `${megabytes.toFixed(1)} MB` : `more than ${limit} MB (it was read no further)`}; an assumptions file may be at most ${limit} MB (is it the right file?)`;

export const notAnAssumptionsFile = (): string => `expected a mapping with an "assumptions:" list at the top level`;

export const unknownTopLevelKey = (key: string, known: readonly string[], meant?: string): string =>
  meant === undefined ? `unknown top-level key ${quote(key)}; the file may only contain ${list(known)}` : `unknown top-level key ${quote(key)}${didYouMean(meant)} The file may only contain ${list(known)}`;

export const unknownField = (id: string | undefined, key: string, nearest: string, known: readonly string[]): string =>
  `${forId(id)}unknown field ${quote(key)}${didYouMean(nearest)} Known fields: ${list(known)}`;

/** `{ low:0.06, high:0.12 }`: keys glued to their values, read as keys of their own; `entries` as they should be written. */
export const keyWithoutSpace = (id: string | undefined, written: string, entries: readonly string[]): string =>
  `${forId(id)}${quote(written)} is read as one key, as a key's colon needs a space after it; write ${entries.join(", ")}`;

export const missingId = (): string => `an assumption has no "id" (snake_case, e.g. h100_usd_per_gpu_hour)`;

export const badId = (id: string): string => {
  // A letter that looks Latin but is not (Cyrillic "а"), or an invisible one (U+202E), reads as a
  // valid id: its code point is named, as no terminal shows the difference.
  const odd = [...id].map((c) => c.codePointAt(0) ?? 0).find((code) => code > 0x7e || code < 0x20);
  const named = odd === undefined ? "" : `; it has U+${odd.toString(16).toUpperCase().padStart(4, "0")}, which is not an ASCII letter`;
  return `assumption id ${quote(id)} must be snake_case: lowercase letters, digits and underscores, starting with a letter${named}`;
};

export const duplicateId = (id: string, firstLine: number): string =>
  `${forId(id)}duplicate id; it is already defined on line ${firstLine}`;

export const missingSource = (id: string | undefined): string =>
  `${forId(id)}missing "source: { title, url?, date }"; every assumption needs a source`;

export const missingField = (id: string | undefined, field: string): string =>
  `${forId(id)}missing required field ${quote(field)}`;

/** A value YAML read as a number that is not a finite one (`1e309`, `.inf`, `.nan`); undefined for anything else (zod's own words then). */
export const notAFiniteNumber = (input: unknown): string | undefined =>
  typeof input !== "number" || Number.isFinite(input)
    ? undefined
    : Number.isNaN(input)
      ? "expected a number, got .nan (not a number)"
      : `expected a number, got one too large to hold (1.8e308 is the largest magnitude; it reads as ${input > 0 ? "" : "-"}infinity)`;

export const invalidField = (id: string | undefined, field: string, detail: string): string =>
  `${forId(id)}invalid ${quote(field)}: ${detail}`;

export const unknownKind = (id: string | undefined, given: string, meant: string | undefined, known: readonly string[]): string =>
  `${forId(id)}unknown kind ${quote(given)}${meant === undefined ? "; a" : `; did you mean ${quote(meant)}? A`} kind is one of ${list(known)}: the essay's figure, an external publication's, or the analysts' judgement`;

/** Text where a number belongs (`15k`, `$2.50`, `20%`). */
export const notANumber = (id: string | undefined, field: string, given: string): string =>
  `${forId(id)}${quote(field)} is the text ${quote(given)}, not a number: write digits alone (15000, 1.5e4, 0.2 for 20%); the unit is the entry's "unit"`;

/** A field that must be text, given as nothing (`label:`), a list or a mapping (`unit: [USD]`, an unquoted `a: b`). */
export const notText = (id: string | undefined, field: string, given: "nothing" | "a list" | "a mapping" | "a number" | "true or false"): string => {
  const key = field.split(".").at(-1) ?? field;
  if (given === "a number" || given === "true or false") return `${forId(id)}${quote(field)} is read as ${given}, not text: put it in quotes (${key}: "…")`;
  return `${forId(id)}${quote(field)} is ${given}, not text: write it after the colon${given === "nothing" ? "" : `, in quotes if it holds ": ", "#", "[" or "{"`} (${key}: …)`;
};

/** A range written as `--set` takes one (`0.06..0.12`) or as a list: the file's form is a mapping. */
export const rangeAsMapping = (id: string | undefined, low: string, high: string): string =>
  `${forId(id)}"range" is a mapping of its two ends: write range: { low: ${low}, high: ${high} } (low the 5th percentile, high the 95th; the low..high form is \`--set\`'s)`;

/** `range: 0.08`: one figure where a range has two ends. */
export const rangeOneNumber = (id: string | undefined, given: string): string =>
  `${forId(id)}"range" is a mapping of its two ends (range: { low: …, high: … }), not one figure: write value: ${given} for a point value, or the two ends of its range`;

export const unknownDistribution = (id: string | undefined, given: string, meant: string | undefined, known: readonly string[]): string =>
  `${forId(id)}unknown distribution ${quote(given)}${meant === undefined ? "; use" : `${didYouMean(meant)} Use`} one of ${list(known)}`;

export const valueXorRange = (id: string | undefined): string =>
  `${forId(id)}give exactly one of "value" (a point) or "range: { low, high }" (a 90% interval)`;

export const valueNeedsFixed = (id: string | undefined, distribution: string): string =>
  `${forId(id)}a single "value" cannot have distribution ${quote(distribution)}; give a "range" or use "fixed"`;

export const rangeNotFixed = (id: string | undefined): string =>
  `${forId(id)}distribution "fixed" takes a "value", not a "range"`;

export const lowAboveHigh = (id: string | undefined, low: number, high: number): string =>
  `${forId(id)}range low ${low} is above high ${high}`;

/** `whatIf`: the range is a what-if's, which keeps the file's distribution ("use normal" was advice it could not follow). */
export const nonPositiveLognormalBound = (id: string | undefined, low: number, whatIf = false): string =>
  `${forId(id)}a lognormal range needs positive bounds, but low is ${low}; ${whatIf ? "a what-if keeps the assumption's distribution, so give a low above 0" : 'use "normal" for quantities that can be zero or negative'}`;

export const triangularWithoutMode = (id: string | undefined): string =>
  `${forId(id)}a triangular distribution needs "mode" (the most likely value)`;

export const modeOutsideRange = (id: string | undefined, mode: number, low: number, high: number): string =>
  `${forId(id)}mode ${mode} lies outside the range ${low}–${high}`;

export const modeWithoutTriangular = (id: string | undefined, distribution: string): string =>
  `${forId(id)}"mode" is only used by "triangular", not ${quote(distribution)}`;

export const unknownAssumption = (id: string, nearest: readonly string[], file: string): string =>
  `unknown assumption ${quote(id)} (not in ${file})${didYouMean(nearest)}`;

export const overrideProblem = (file: string, detail: string): string => `override of ${file}: ${detail}`;

export const cannotReadAssumptions = (file: string, reason: string): string =>
  `cannot read assumptions file ${file}: ${reason}`;

/**
 * `max`: the support's upper bound. Of a share written as a percent (20 for 20%, the commonest slip
 * with a 0–1 quantity), the hint is the fraction; of a negative value where the bounds were read from
 * the unit (`declarable`), how to declare the entry's own.
 */
export const outsideSupport = (id: string, value: number, because: string, support: string, declarable = false, max?: number): string =>
  `${quote(id)} is ${because}, so it must be ${support}; ${value} is outside that support` +
  (max === 1 && value >= 2 && value <= 100
    ? ` (it is a fraction here: for ${value}%, write ${Number((value / 100).toPrecision(12))})`
    : declarable && value < 0
      ? ` (if it can be negative, as a change can, declare the entry's own bounds: support: { min: -1, max: 1 })`
      : "");

export const rangeTailOutsideSupport = (id: string, distribution: string, low: number, high: number, side: "above" | "below", support: string): string =>
  `${quote(id)}: read as ${distribution} with p5..p95 = ${low}..${high}, more than 1% of its draws fall ${side} its support (${support}); narrow the range${side === "above" ? " (keep its high well inside the bound)" : " (keep its low well inside the bound)"}`;

export const supportEmpty = (id: string, lower: number, max: number): string =>
  `${quote(id)}: its support's lower bound ${lower} leaves no value up to its max ${max}; swap them or remove one`;

export const supportTwoLowerBounds = (id: string): string =>
  `${quote(id)}: its support gives both min and greaterThan; keep one (min includes the bound, greaterThan excludes it)`;

export const outsideDeclaredSupport = (id: string, value: number, support: string): string =>
  `${quote(id)}: ${value} is outside the support the entry declares (${support}); change the value, or the support if the model allows more`;

export const judgementWithoutNote = (id: string | undefined): string =>
  `${forId(id)}kind "judgement" needs a "note" giving the reasoning (why this value or range)`;

export const missingKind = (id: string | undefined): string =>
  `${forId(id)}missing "kind": say whether the figure is the essay's ("essay"), an external publication's ("source") or the analysts' judgement ("judgement", with the reasoning in "note")`;

const pair = (between: readonly string[]): string => `[${between.join(", ")}]`;

export const correlationUnknownId = (between: readonly string[], id: string, nearest: readonly string[]): string =>
  `correlation ${pair(between)}: unknown assumption ${quote(id)}${didYouMean(nearest)}`;

export const correlationSelf = (between: readonly string[]): string =>
  `correlation ${pair(between)}: an assumption cannot be correlated with itself`;

export const correlationOutOfRange = (between: readonly string[], rho: number): string =>
  `correlation ${pair(between)}: rho ${rho} is outside −1…1`;

export const correlationFixed = (between: readonly string[], id: string): string =>
  `correlation ${pair(between)}: ${quote(id)} is a fixed value, which cannot be correlated; give it a range or drop the correlation`;

export const correlationDuplicate = (between: readonly string[], firstLine: number): string =>
  `correlation ${pair(between)}: this pair is already declared on line ${firstLine}`;

/** A correlation without a source, by its pair when it names one (else its place in the list). */
export const correlationMissingSource = (index: number, between: readonly string[] | undefined): string =>
  `correlation ${between === undefined ? String(index + 1) : pair(between)}: missing "source: { title, url?, date }"; every correlation needs a source, as every assumption does: the publication that measured it, or for kind "judgement" the analysts' ("fragtax analysts' assumption") with the date of the judgement`;

export const correlationNeedsNote = (between: readonly string[]): string =>
  `correlation ${pair(between)}: kind "judgement" needs a "note" saying why the two move together`;

export const correlationsNotPsd = (entries: readonly { readonly between: readonly string[]; readonly rho: number; readonly line: number }[]): string => {
  const listed = entries.map((e) => `${pair(e.between)} ρ=${e.rho} (line ${e.line})`).join(", ");
  return `these correlations cannot hold together (the matrix is not positive semi-definite): ${listed}; weaken one of them`;
};

export const invalidCorrelation = (index: number, field: string, detail: string): string =>
  `correlation ${index + 1}: invalid ${quote(field)}: ${detail}`;

/** `kind: judgment` in a correlation: the kind meant, from the ones a correlation takes. */
export const correlationUnknownKind = (index: number, given: string, meant: string | undefined, known: readonly string[]): string =>
  `correlation ${index + 1}: unknown kind ${quote(given)}${meant === undefined ? "; a" : `${didYouMean(meant)} A`} correlation's kind is one of ${list(known)}: a publication that measured it (with "source"), or the analysts' judgement (with the reasoning in "note")`;

export const sourceAfterAsOf = (id: string, date: string, asOf: string): string =>
  `${forId(id)}source dated ${date} is after the report's as-of date ${asOf}; use a source published by then, or move "asOf" in report.yaml`;

export const correlationSourceAfterAsOf = (between: readonly string[], date: string, asOf: string): string =>
  `${pair(between)}: correlation source dated ${date} is after the report's as-of date ${asOf}; use a source published by then, or move "asOf" in report.yaml`;

// ── totals ──────────────────────────────────────────────────────────────────────────────────────

export const invalidTotal = (index: number, field: string, problem: string): string =>
  `total #${index + 1}: ${field}: ${problem}`;

export const totalUnknownId = (of: readonly string[], id: string, nearest: readonly string[]): string =>
  `total of ${of.join(" + ")}: unknown assumption ${quote(id)}${didYouMean(nearest)}`;

export const totalRepeats = (of: readonly string[], id: string): string =>
  `total of ${of.join(" + ")}: ${quote(id)} is listed twice; name each assumption once`;

export const totalNeedsValues = (of: readonly string[], id: string): string =>
  `total of ${of.join(" + ")}: ${quote(id)} is a range; the assumptions of a total must be point values (value:), or their sum is not one number`;

export const totalMismatch = (values: readonly { id: string; value: number }[], sum: number, equals: number): string =>
  `${values.map((v) => `${v.id} ${v.value}`).join(" + ")} = ${Number(sum.toPrecision(12))}, but they must total ${equals}`;

export const overrideBreaksTotal = (problem: string, others: readonly string[]): string =>
  `${problem}${others.length === 0 ? "" : `; set ${others.length === 1 ? "the other" : "the others"} too (${others.map((id) => `--set ${id}=…`).join(" ")}) so they do`}`;
