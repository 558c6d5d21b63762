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

/** Every problem with how the value fields fit together; empty when the entry is sound. */
export function valueProblems(fields: ValueFields): RuleProblem[] {
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
    return [{ path: ["range", "low"], message: msg.nonPositiveLognormalBound(id, range.low) }];
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

/** A judgement must say why its value is what it is: the reasoning goes in `note`. */
export function kindProblems(fields: { readonly id: string; readonly kind?: string | undefined; readonly note?: string | undefined }): RuleProblem[] {
  if (fields.kind === "judgement" && (fields.note ?? "").trim() === "") return [{ path: ["kind"], message: msg.judgementWithoutNote(fields.id) }];
  return [];
}
