/**
 * Where this report's inputs come from: the essay under review, an external source, or the analysts'
 * judgement, and how much of an output's uncertainty rests on judgement. The fallback reads the
 * source-title conventions of notebooks/assumptions.yaml ("Maverick analyst essay…", "fragtax
 * analysts' assumption…"), which is why it sits with the report's content and not in the model.
 */
import type { Assumption } from "../assumptions/types";
import type { MonteCarloResult } from "../model/montecarlo";
import type { ModelRun } from "../model/runner";
import { rankCorrelation } from "../model/sensitivity";

/** Where an input comes from: the essay under review, an external source, or the analysts' judgement. */
export type InputKind = "essay" | "source" | "judgement";

/**
 * An assumption's kind: its declared `kind` when the assumptions file has one, else read from the
 * source title convention ("Maverick analyst essay", "fragtax analysts' assumption", anything else).
 */
export function inputKind(a: Assumption): InputKind {
  const declared = (a as { readonly kind?: unknown }).kind;
  if (declared === "essay" || declared === "source" || declared === "judgement") return declared;
  if (/^Maverick analyst essay/i.test(a.source.title)) return "essay";
  return /^fragtax analysts/i.test(a.source.title) ? "judgement" : "source";
}

/** True when an assumption cites a public source rather than the essay or our own judgement. */
export function isIndependentSource(a: Assumption): boolean {
  return inputKind(a) === "source";
}

/**
 * How much of an output's uncertainty comes from judgement inputs: the share of Σρ² (Spearman's ρ of
 * each input with the output, over all draws) that judgement inputs carry. 0 when nothing varies.
 * A claim whose verdict rests on an output with a weight above ½ rests mainly on judgement.
 */
export function judgementWeight<K extends string, O extends string>(run: ModelRun<K, O>, output: O): number {
  // The core's OutputName type cannot see that O names an output of a Record<O, number> for a generic O.
  const rho = rankCorrelation(run.result as MonteCarloResult<K, Record<string, number>>, { output: output as string });
  let judgement = 0;
  let total = 0;
  for (const r of rho) {
    const w = r.rho * r.rho;
    if (!Number.isFinite(w)) continue;
    total += w;
    if (inputKind(run.assumptions[r.input]) === "judgement") judgement += w;
  }
  return total === 0 ? 0 : judgement / total;
}
