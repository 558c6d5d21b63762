/**
 * What-if builds: assumption overrides for one build, from `--set id=value`, `--set id=low..high`
 * and `--assumptions FILE` (read by overrides-file.ts), without editing the assumptions file. Parsing
 * is pure; every error names the flag or file position and, for an unknown id, the nearest known ids.
 */
import * as messages from "../../messages/whatif";
import type { Assumption, AssumptionOverride, DistributionKind } from "../../assumptions/types";
import { formatAssumptionQuantity } from "../../format/number";
import { InputError } from "../../util/errors";
import { nearestNames } from "../../util/suggest";

export type { AssumptionOverride };

/** Carried by a what-if build result; the report's first page lists it, publish refuses it. */
export interface WhatIf {
  readonly overrides: readonly AssumptionOverride[];
  /** Where they came from: `--set` and/or file names, for the banner. */
  readonly sources: readonly string[];
}

/** A bad flag or file: exit code 2 (bad usage / unreadable input). */
export class WhatIfError extends InputError {}

/**
 * `read()`, or nothing, its WhatIfError's lines kept in `problems`: each override is read on its own,
 * so a mistake in one does not hide the next, and one attempt says them all (as the assumptions file does).
 */
export function collectProblems<T>(problems: string[], read: () => readonly T[]): readonly T[] {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof WhatIfError)) throw error;
    problems.push(error.message);
    return [];
  }
}

/** The ids plausibly meant by `id` (util/suggest.ts's rule), none rather than an unrelated one. */
export const nearestIds = (id: string, known: readonly string[]): string[] => nearestNames(id, known, { orClosest: false });

export function checkKnown(id: string, known: readonly string[], where: string): void {
  if (!known.includes(id)) throw new WhatIfError(messages.unknownOverrideId(where, id, nearestIds(id, known)));
}

/** `2.5` → value; `2..3` → range (p5..p95). Throws with `where` on anything else. */
export function parseOverrideValue(id: string, text: string, where: string): AssumptionOverride {
  const trimmed = text.trim();
  if (/\.{3,}/.test(trimmed)) throw new WhatIfError(messages.overrideThreeDots(where, id, trimmed, trimmed.replace(/\.{3,}/, "..")));
  const parts = trimmed.split("..");
  const numbers = parts.map((part) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(part.trim()) ? Number(part) : Number.NaN));
  // A literal with a nonzero digit before its exponent that reads as 0 underflowed (1e-400).
  if (parts.some((part, i) => numbers[i] === 0 && /[1-9]/.test(part.trim().split(/e/i)[0] ?? ""))) throw new WhatIfError(messages.overrideUnderflows(where, id, trimmed));
  // A number too large for a double (1e999) is a number still: say so rather than "not a number".
  const overflows = numbers.some((x) => x === Infinity || x === -Infinity);
  if (overflows) throw new WhatIfError(messages.overrideNotFinite(where, id, text.trim()));
  if (parts.length === 1 && Number.isFinite(numbers[0])) return { id, value: numbers[0] as number };
  if (parts.length === 2 && numbers.every(Number.isFinite)) {
    const [low, high] = numbers as [number, number];
    if (low > high) throw new WhatIfError(messages.overrideRangeReversed(where, id, low, high));
    return { id, low, high };
  }
  throw new WhatIfError(messages.malformedOverrideValue(where, id, text));
}

/** One `--set id=value` / `--set id=low..high` flag. */
export function parseSetFlag(flag: string, known: readonly string[]): AssumptionOverride {
  const equals = flag.indexOf("=");
  const where = `--set ${flag}`;
  if (equals <= 0) throw new WhatIfError(messages.malformedSetFlag(flag));
  const id = flag.slice(0, equals).trim();
  checkKnown(id, known, where);
  return parseOverrideValue(id, flag.slice(equals + 1), where);
}

/** Two `--set` flags for one id are a slip (which did the user mean?), not a refinement: exit 2. */
export function checkSetFlagsOnce(flags: readonly string[]): void {
  const byId = new Map<string, string[]>();
  for (const flag of flags) {
    const id = flag.slice(0, Math.max(flag.indexOf("="), 0)).trim();
    byId.set(id, [...(byId.get(id) ?? []), flag]);
  }
  const repeated = [...byId].find(([id, given]) => id !== "" && given.length > 1);
  if (repeated !== undefined) throw new WhatIfError(messages.duplicateSetFlag(repeated[0], repeated[1]));
}

/**
 * Where each override of a what-if file was written (`file:line:column`), for a problem found once it
 * is applied to its assumption (outside its support, a total it breaks): said at the file alone, it
 * sent the user searching. Kept beside the override, which is the assumptions' own type, hashed as it is.
 */
export const overridePlaces = new WeakMap<AssumptionOverride, string>();

/** Later overrides of the same id win (a `--set` after `--assumptions` refines it); first-seen order kept. */
export function mergeOverrides(lists: ReadonlyArray<readonly AssumptionOverride[]>): AssumptionOverride[] {
  const byId = new Map<string, AssumptionOverride>();
  for (const override of lists.flat()) byId.set(override.id, override);
  return [...byId.values()];
}

export function describeOverride(override: AssumptionOverride): string {
  return "value" in override ? `${override.id} = ${override.value}` : `${override.id} = ${override.low}..${override.high}`;
}

/**
 * The override as the build reads it: a range is sampled with the assumption's own distribution, and
 * a range given for a fixed value becomes lognormal (normal when it reaches 0 or below). Said, so a
 * what-if does not silently change an input's shape.
 */
export function describeOverrideAs(override: AssumptionOverride, distribution: DistributionKind, before: DistributionKind): string {
  if ("value" in override) return describeOverride(override);
  const reading = distribution === "uniform" || distribution === "triangular" ? "its bounds" : "p5..p95";
  return `${describeOverride(override)} (${distribution}${before === "fixed" ? ", was a fixed value" : ""}, ${reading})`;
}

/** A thousandfold: further from the file's value than any input's own uncertainty here goes. */
const SCALE_SLIP = 1000;

/**
 * The override as the build's `what-if:` line says it: as typed and read, then in the input's unit
 * beside the file's ("$30/year, the file $20B–$40B/year"), and, when it is a thousand times or more
 * off the file's value, how many times: `30` for a revenue in USD is a slip of 1e9, not a what-if.
 */
export function describeWhatIf(override: AssumptionOverride, now: Assumption, file: Assumption): string {
  const scale = scaleFromFile(override, file);
  const slip = scale === undefined ? "" : `; ${messages.whatIfScaleSlip(scale.times, scale.typed)}`;
  return `${describeOverrideAs(override, now.distribution, file.distribution)}: ${formatAssumptionQuantity(now)}, the file ${formatAssumptionQuantity(file)}${slip}`;
}

/** How many times smaller (below 1) or larger the override's middle is than the file's, when a thousandfold or more, with the value or ends typed; else undefined. */
function scaleFromFile(override: AssumptionOverride, file: Assumption): { readonly times: number; readonly typed: readonly number[] } | undefined {
  const middle = (low: number, high: number): number => (low > 0 && high > 0 ? Math.sqrt(low * high) : (low + high) / 2);
  const ours = "value" in override ? override.value : middle(override.low, override.high);
  const theirs = file.range !== undefined ? middle(file.range.low, file.range.high) : file.value;
  if (theirs === undefined || ours === 0 || theirs === 0 || Math.sign(ours) !== Math.sign(theirs)) return undefined;
  const times = ours / theirs;
  return times >= SCALE_SLIP || times <= 1 / SCALE_SLIP ? { times, typed: "value" in override ? [override.value] : [override.low, override.high] } : undefined;
}
