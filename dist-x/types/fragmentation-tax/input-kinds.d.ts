/**
 * Where this report's inputs come from: the essay under review, an external source, or the analysts'
 * judgement (how much a verdict rests on judgement is the tool's rule, src/api/basis.ts). The fallback reads the
 * source-title conventions of notebooks/assumptions.yaml ("Maverick analyst essay…", "fragtax
 * analysts' assumption…"), which is why it sits with the report's content and not in the model.
 */
import type { Assumption } from "../assumptions/types";
/** Where an input comes from: the essay under review, an external source, or the analysts' judgement. */
export type InputKind = "essay" | "source" | "judgement";
/**
 * An assumption's kind: its declared `kind` when the assumptions file has one, else read from the
 * source title convention ("Maverick analyst essay", "fragtax analysts' assumption", anything else).
 */
export declare function inputKind(a: Pick<Assumption, "kind" | "source">): InputKind;
/** True when an assumption cites a public source rather than the essay or our own judgement. */
export declare function isIndependentSource(a: Pick<Assumption, "kind" | "source">): boolean;
