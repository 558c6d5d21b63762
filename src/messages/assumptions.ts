/**
 * Messages about the assumptions file and registry. Each returns the text after the location prefix;
 * `located` adds "file:line:column: ".
 */

const list = (items: readonly string[]): string => items.map((item) => `"${item}"`).join(", ");
const forId = (id: string | undefined): string => (id === undefined ? "" : `assumption "${id}": `);

export function located(file: string, line: number, column: number, text: string): string {
  return `${file}:${line}:${column}: ${text}`;
}

export function malformedYaml(detail: string, nearId: string | undefined): string {
  const where = nearId === undefined ? "" : ` (in or just after assumption "${nearId}")`;
  return `malformed YAML${where}: ${detail}`;
}

export function notAnAssumptionsFile(): string {
  return `expected a mapping with an "assumptions:" list at the top level`;
}

export function unknownTopLevelKey(key: string, known: readonly string[]): string {
  return `unknown top-level key "${key}"; the file may only contain ${list(known)}`;
}

export function unknownField(id: string | undefined, key: string, nearest: string, known: readonly string[]): string {
  return `${forId(id)}unknown field "${key}" (did you mean "${nearest}"?); known fields: ${list(known)}`;
}

export function missingId(): string {
  return `an assumption has no "id" (snake_case, e.g. h100_usd_per_gpu_hour)`;
}

export function badId(id: string): string {
  return `assumption id "${id}" must be snake_case: lowercase letters, digits and underscores, starting with a letter`;
}

export function duplicateId(id: string, firstLine: number): string {
  return `${forId(id)}duplicate id; it is already defined on line ${firstLine}`;
}

export function missingSource(id: string | undefined): string {
  return `${forId(id)}missing "source: { title, url?, date }"; every figure needs a source`;
}

export function missingField(id: string | undefined, field: string): string {
  return `${forId(id)}missing required field "${field}"`;
}

export function invalidField(id: string | undefined, field: string, detail: string): string {
  return `${forId(id)}invalid "${field}": ${detail}`;
}

export function unknownDistribution(id: string | undefined, given: string, known: readonly string[]): string {
  return `${forId(id)}unknown distribution "${given}"; use one of ${list(known)}`;
}

export function valueXorRange(id: string | undefined): string {
  return `${forId(id)}give exactly one of "value" (a point) or "range: { low, high }" (a 90% interval)`;
}

export function valueNeedsFixed(id: string | undefined, distribution: string): string {
  return `${forId(id)}a single "value" cannot have distribution "${distribution}"; give a "range" or use "fixed"`;
}

export function rangeNotFixed(id: string | undefined): string {
  return `${forId(id)}distribution "fixed" takes a "value", not a "range"`;
}

export function lowAboveHigh(id: string | undefined, low: number, high: number): string {
  return `${forId(id)}range low ${low} is above high ${high}`;
}

export function nonPositiveLognormalBound(id: string | undefined, low: number): string {
  return `${forId(id)}a lognormal range needs positive bounds, but low is ${low}; use "normal" for quantities that can be zero or negative`;
}

export function triangularWithoutMode(id: string | undefined): string {
  return `${forId(id)}a triangular distribution needs "mode" (the most likely value)`;
}

export function modeOutsideRange(id: string | undefined, mode: number, low: number, high: number): string {
  return `${forId(id)}mode ${mode} lies outside the range ${low}–${high}`;
}

export function modeWithoutTriangular(id: string | undefined, distribution: string): string {
  return `${forId(id)}"mode" is only used by "triangular", not "${distribution}"`;
}

export function unknownAssumption(id: string, nearest: readonly string[], file: string): string {
  const hint = nearest.length === 0 ? "" : `; did you mean ${list(nearest)}?`;
  return `unknown assumption "${id}" (not in ${file})${hint}`;
}

export function overrideProblem(file: string, detail: string): string {
  return `override of ${file}: ${detail}`;
}

export function cannotReadAssumptions(file: string, reason: string): string {
  return `cannot read assumptions file ${file}: ${reason}`;
}

export function judgementWithoutNote(id: string | undefined): string {
  return `${forId(id)}kind "judgement" needs a "note" giving the reasoning (why this value or range)`;
}

export function missingKind(id: string | undefined): string {
  return `${forId(id)}missing "kind": say whether the figure is the essay's ("essay"), an external publication's ("source") or the analysts' judgement ("judgement", with the reasoning in "note")`;
}

const pair = (between: readonly string[]): string => `[${between.join(", ")}]`;

export function correlationUnknownId(between: readonly string[], id: string, nearest: readonly string[]): string {
  const hint = nearest.length === 0 ? "" : `; did you mean ${list(nearest)}?`;
  return `correlation ${pair(between)}: unknown assumption "${id}"${hint}`;
}

export function correlationSelf(between: readonly string[]): string {
  return `correlation ${pair(between)}: an assumption cannot be correlated with itself`;
}

export function correlationOutOfRange(between: readonly string[], rho: number): string {
  return `correlation ${pair(between)}: rho ${rho} is outside −1…1`;
}

export function correlationFixed(between: readonly string[], id: string): string {
  return `correlation ${pair(between)}: "${id}" is a fixed value, which cannot be correlated; give it a range or drop the correlation`;
}

export function correlationDuplicate(between: readonly string[], firstLine: number): string {
  return `correlation ${pair(between)}: this pair is already declared on line ${firstLine}`;
}

export function correlationNeedsSource(between: readonly string[]): string {
  return `correlation ${pair(between)}: kind "source" needs "source: { title, url?, date }"`;
}

export function correlationNeedsNote(between: readonly string[]): string {
  return `correlation ${pair(between)}: kind "judgement" needs a "note" saying why the two move together`;
}

export function correlationsNotPsd(entries: readonly { readonly between: readonly string[]; readonly rho: number; readonly line: number }[]): string {
  const listed = entries.map((e) => `${pair(e.between)} ρ=${e.rho} (line ${e.line})`).join(", ");
  return `these correlations cannot hold together (the matrix is not positive semi-definite): ${listed}; weaken one of them`;
}

export function invalidCorrelation(index: number, field: string, detail: string): string {
  return `correlation ${index + 1}: invalid "${field}": ${detail}`;
}

export function sourceAfterAsOf(id: string, date: string, asOf: string): string {
  return `${forId(id)}source dated ${date} is after the report's as-of date ${asOf}; use a source published by then, or move "asOf" in report.yaml`;
}

export function correlationSourceAfterAsOf(between: readonly string[], date: string, asOf: string): string {
  return `${pair(between)}: correlation source dated ${date} is after the report's as-of date ${asOf}; use a source published by then, or move "asOf" in report.yaml`;
}
