/**
 * Rules that relate an assumption's fields to each other. They run after the structural schema, on
 * file entries and on overrides alike, and report the field each problem is about so the loader can
 * point at its line.
 */
import * as msg from "../messages/assumptions";
import type { DistributionKind } from "./types";

export interface ValueFields {
  readonly id: string;
  readonly value?: number | undefined;
  readonly range?: { readonly low: number; readonly high: number } | undefined;
  readonly mode?: number | undefined;
  readonly distribution?: DistributionKind | undefined;
}

export interface RuleProblem {
  /** Path of the offending field inside the entry, e.g. ["range", "low"]; [] for the entry itself. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The distribution an entry gets when it names none: a point is fixed, a range lognormal. */
export function resolvedDistribution(fields: ValueFields): DistributionKind {
  return fields.distribution ?? (fields.value !== undefined ? "fixed" : "lognormal");
}

/** Every problem with how the value fields fit together; empty when the entry is sound. `whatIf`: the fields are a what-if's. */
export function valueProblems(fields: ValueFields, whatIf = false): RuleProblem[] {
  const { id, value, range, mode } = fields;
  const distribution = resolvedDistribution(fields);
  if ((value === undefined) === (range === undefined)) return [{ path: [], message: msg.valueXorRange(id) }];
  if (value !== undefined) {
    if (distribution !== "fixed") return [{ path: ["distribution"], message: msg.valueNeedsFixed(id, distribution) }];
    return mode === undefined ? [] : [{ path: ["mode"], message: msg.modeWithoutTriangular(id, distribution) }];
  }
  if (range === undefined) return [];
  if (distribution === "fixed") return [{ path: ["distribution"], message: msg.rangeNotFixed(id) }];
  if (range.low > range.high) return [{ path: ["range", "low"], message: msg.lowAboveHigh(id, range.low, range.high) }];
  if (distribution === "lognormal" && range.low <= 0) {
    return [{ path: ["range", "low"], message: msg.nonPositiveLognormalBound(id, range.low, whatIf) }];
  }
  return modeProblems(id, distribution, range, mode);
}

function modeProblems(
  id: string,
  distribution: DistributionKind,
  range: { readonly low: number; readonly high: number },
  mode: number | undefined,
): RuleProblem[] {
  if (distribution !== "triangular") {
    return mode === undefined ? [] : [{ path: ["mode"], message: msg.modeWithoutTriangular(id, distribution) }];
  }
  if (mode === undefined) return [{ path: ["distribution"], message: msg.triangularWithoutMode(id) }];
  if (mode < range.low || mode > range.high) {
    return [{ path: ["mode"], message: msg.modeOutsideRange(id, mode, range.low, range.high) }];
  }
  return [];
}

/**
 * The values an assumption can take: what its declaration implies (a lognormal quantity is positive,
 * a probability or a fraction ("fraction of revenue", "share of …") lies in [0, 1], a correlation in
 * [-1, 1], a USD amount is not negative), narrowed by what its entry declares under `support`; a
 * fraction's or share's [0, 1] is a guess from the word, which a declared support replaces (a change
 * can be negative). Null when nothing bounds it. What-if overrides are checked against it, so
 * `--set price=-2` is refused up front instead of building a report on a negative price.
 */
export interface Support {
  readonly min?: number;
  /** False for a strict lower bound (lognormal: > 0). */
  readonly minInclusive: boolean;
  readonly max?: number;
  /** Why, as readers would say it: "a probability", "a lognormal quantity", "a USD amount". */
  readonly because: string;
  /** Read from a unit that also names signed quantities (a "fraction" that is a change): the entry may declare its own. */
  readonly guessed?: true;
}

interface SupportFields {
  readonly unit: string;
  readonly distribution: DistributionKind;
  readonly support?: DeclaredSupport | undefined;
}

interface DeclaredSupport {
  readonly min?: number | undefined;
  readonly greaterThan?: number | undefined;
  readonly max?: number | undefined;
}

function fromDeclared(declared: DeclaredSupport): Support | null {
  const lower = declared.greaterThan ?? declared.min;
  if (lower === undefined && declared.max === undefined) return null;
  return { ...(lower === undefined ? {} : { min: lower }), minInclusive: declared.greaterThan === undefined, ...(declared.max === undefined ? {} : { max: declared.max }), because: "bounded by its entry's support" };
}

export function supportOf(assumption: SupportFields): Support | null {
  const declared = assumption.support === undefined ? null : fromDeclared(assumption.support);
  const implied = impliedSupport(assumption);
  if (declared === null || implied === null || implied.guessed === true) return declared ?? implied;
  return narrowed(implied, declared);
}

/** Both bounds at once: the higher lower bound (exclusive where they meet) and the lower upper bound. */
function narrowed(implied: Support, declared: Support): Support {
  const declaredLower =
    declared.min !== undefined && (implied.min === undefined || declared.min > implied.min || (declared.min === implied.min && !declared.minInclusive));
  const lower = declaredLower ? declared : implied;
  const max = implied.max === undefined ? declared.max : declared.max === undefined ? implied.max : Math.min(implied.max, declared.max);
  return {
    ...(lower.min === undefined ? {} : { min: lower.min }),
    minInclusive: lower.minInclusive,
    ...(max === undefined ? {} : { max }),
    because: `${implied.because}, bounded by its entry's support`,
  };
}

function impliedSupport(assumption: SupportFields): Support | null {
  const unit = assumption.unit.trim();
  if (/^correlation(\s+coefficient)?$/i.test(unit)) return { min: -1, minInclusive: true, max: 1, because: "a correlation" };
  const fraction = /^(probability|fraction|share)(\s+of\s+.+)?$/i.exec(unit);
  if (fraction?.[1] !== undefined) {
    const word = fraction[1].toLowerCase();
    return { min: 0, minInclusive: true, max: 1, because: `a ${word}`, ...(word === "probability" ? {} : { guessed: true as const }) };
  }
  if (assumption.distribution === "lognormal") return { min: 0, minInclusive: false, because: "a lognormal quantity" };
  if (/^(USD|\$)/i.test(unit)) return { min: 0, minInclusive: true, because: `an amount in ${unit}` };
  return null;
}

export function withinSupport(x: number, support: Support): boolean {
  if (support.min !== undefined && (support.minInclusive ? x < support.min : x <= support.min)) return false;
  return support.max === undefined || x <= support.max;
}

/** "≥ 0", "> 0", "≤ 1", "between 0 and 1", "> 0 and ≤ 1". */
export function describeSupport(support: Support): string {
  if (support.min === undefined) return `≤ ${support.max}`;
  if (support.max === undefined) return `${support.minInclusive ? "≥" : ">"} ${support.min}`;
  return support.minInclusive ? `between ${support.min} and ${support.max}` : `> ${support.min} and ≤ ${support.max}`;
}

/**
 * An entry's numbers outside its support (declared, or implied by its unit and distribution: a file
 * is held to the same bounds as a what-if override), or a declared support that is empty or
 * gives both bounds below.
 */
export function supportProblems(fields: ValueFields & SupportFields): RuleProblem[] {
  const declared = fields.support;
  if (declared?.min !== undefined && declared.greaterThan !== undefined) {
    return [{ path: ["support", "greaterThan"], message: msg.supportTwoLowerBounds(fields.id) }];
  }
  const lower = declared?.greaterThan ?? declared?.min;
  if (lower !== undefined && declared?.max !== undefined && (declared.greaterThan === undefined ? lower > declared.max : lower >= declared.max)) {
    return [{ path: ["support", "max"], message: msg.supportEmpty(fields.id, lower, declared.max) }];
  }
  const support = supportOf(fields);
  if (support === null) return [];
  const values: [readonly (string | number)[], number | undefined][] = [[["value"], fields.value], [["range", "low"], fields.range?.low], [["range", "high"], fields.range?.high], [["mode"], fields.mode]];
  const outside = values.find(([, x]) => x !== undefined && !withinSupport(x, support));
  if (outside === undefined) return [];
  const [path, x = Number.NaN] = outside;
  const described = describeSupport(support);
  return [{ path, message: fromDeclared(declared ?? {}) === null ? msg.outsideSupport(fields.id, x, support.because, described, support.guessed === true, support.max) : msg.outsideDeclaredSupport(fields.id, x, described) }];
}

/** A judgement must say why its value is what it is: the reasoning goes in `note`. */
export function kindProblems(fields: { readonly id: string; readonly kind?: string | undefined; readonly note?: string | undefined }): RuleProblem[] {
  if (fields.kind === "judgement" && (fields.note ?? "").trim() === "") return [{ path: ["kind"], message: msg.judgementWithoutNote(fields.id) }];
  return [];
}

/**
 * p5 and p95 are this many standard deviations from the centre: the model's Z95 (distributions.ts),
 * repeated rather than imported because assumptions/ sits below model/ (test/layout: no circle).
 */
const Z95 = 1.6448536269514722;
/**
 * Draws beyond the support are refused above this share: 1%, i.e. a bound closer than 2.33 σ. A
 * p5..p95 range already leaves 10% of draws outside itself; 1% past a hard bound (a share above 1)
 * is where a what-if stops being a reading of the range and becomes a different input.
 */
const Z_TAIL = 2.3263478740408408;

/**
 * A normal or lognormal range (p5..p95) whose tail puts more than 1% of its draws past the support:
 * `training_mfu=0.6..1` read as lognormal puts 5% of them above 1, and a correlation of 0..0.5 read as normal puts
 * some below 0 (which the model refuses in the middle of a chapter). Uniform and triangular ranges
 * are their own bounds; the support check covers them.
 */
export function tailProblems(fields: ValueFields & SupportFields): RuleProblem[] {
  const { range, distribution } = fields;
  if (range === undefined || (distribution !== "normal" && distribution !== "lognormal")) return [];
  const support = supportOf(fields);
  if (support === null) return [];
  const log = distribution === "lognormal";
  const at = (x: number): number => (log ? Math.log(x) : x);
  if (log && range.low <= 0) return []; // valueProblems says so
  const centre = (at(range.low) + at(range.high)) / 2;
  const sigma = (at(range.high) - at(range.low)) / (2 * Z95);
  if (!(sigma > 0)) return [];
  const above = support.max !== undefined && (at(support.max) - centre) / sigma < Z_TAIL;
  const below = support.min !== undefined && !(log && support.min <= 0) && (centre - at(support.min)) / sigma < Z_TAIL;
  if (!above && !below) return [];
  return [{ path: ["range", above ? "high" : "low"], message: msg.rangeTailOutsideSupport(fields.id, distribution, range.low, range.high, above ? "above" : "below", describeSupport(support)) }];
}
