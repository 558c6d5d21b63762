import type { InputSpec, ModelOutput, MonteCarloResult } from "./montecarlo";
/** `compute()`, or the store's kept run of the same model on the same draws (still given by `evaluate`). */
export declare function keptOrComputed<K extends string, O extends ModelOutput>(model: object, evaluate: (inputs: Readonly<Record<K, number>>) => O, inputs: Readonly<Record<K, InputSpec>>, settings: {
    readonly samples: number;
    readonly seed: number;
}, compute: () => MonteCarloResult<K, O>): MonteCarloResult<K, O>;
