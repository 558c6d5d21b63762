/**
 * Drawn input columns, kept for the rest of the run. Draws are a function of data alone: an input's
 * distribution (kind, range, value, mode), its stream key (the assumption id), the seed, the sample
 * count and, for correlated inputs, the declared correlations among the run's inputs. No model code
 * is involved, so a kept column is exactly the column drawing again would give. A notebook that runs
 * one assumption in several models (a summary re-running every chapter's model, a model's structural
 * variants) draws it once.
 *
 * The memo lives in the module, so in the engine it lasts one notebook (each notebook has its own
 * realm). What it hands to a caller is always a copy (a caller may write to what it gets); what it
 * keeps is its own, and may be shared with another memo's own (`own`), never with a caller.
 */
import type { Assumption } from "../assumptions/types";
export declare class ColumnMemo<V extends Float64Array | Readonly<Record<string, Float64Array>>> {
    private readonly kept;
    private size;
    /**
     * A copy of the value kept for `key`, else of what `make` gives (then kept, uncopied: `make` hands it
     * over, and may build it from other memos' own values, which only memos hold).
     */
    get(key: string, make: () => V): V;
    /**
     * The memo's own value for `key` (made and kept on a miss): for code that reads it and hands out no
     * part of it, such as another memo's `make`. Past the budget it is not kept, but still not the caller's.
     */
    own(key: string, make: () => V): V;
    clear(): void;
}
/** Everything a run's draws read: each input's name and draw key, the sample count and the seed. */
export declare function runKey(inputs: Readonly<Record<string, Assumption | number>>, samples: number, seed: number): string;
/**
 * Everything a draw of `spec` reads (distributions.ts's `distributionOf`, the stream key, and the
 * correlations `correlationTargets` reads), as text. Numbers are written so that NaN, ±Infinity and
 * −0 stay distinct from each other and from an absent field, and from anything that is not a number
 * (a "1" from a CSV row draws otherwise than 1: the sampler's arithmetic would concatenate it).
 */
export declare function drawKey(spec: Assumption | number): string;
