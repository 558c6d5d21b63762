/**
 * The Monte Carlo defaults, in a file of their own: the engine's threads and the config reader need
 * these two numbers but none of the model's code (sampling, pure-rand, correlation), which a
 * notebook thread would otherwise compile at every start.
 */
/** The default seed (the essay's date), so builds are reproducible unless a seed is given. */
export declare const DEFAULT_SEED = 20260428;
export declare const DEFAULT_SAMPLES = 10000;
/**
 * The Monte Carlo settings a report runs with unless report.yaml says otherwise: the one definition
 * (config/index.ts and config/lenient.ts fill report.yaml's defaults from it; the engine and the
 * notebook API in Jupyter use it).
 */
export declare const DEFAULT_MONTE_CARLO: {
    readonly samples: 10000;
    readonly seed: 20260428;
};
