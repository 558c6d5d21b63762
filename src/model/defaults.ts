/**
 * The Monte Carlo defaults, in a file of their own: the engine's threads and the config reader need
 * these two numbers but none of the model's code (sampling, pure-rand, correlation), which a
 * notebook thread would otherwise compile at every start.
 */

/** The default seed (the essay's date), so builds are reproducible unless a seed is given. */
export const DEFAULT_SEED = 20260428;

export const DEFAULT_SAMPLES = 10_000;

/**
 * The Monte Carlo settings a report runs with unless report.yaml says otherwise: the one definition
 * (config/index.ts and config/lenient.ts fill report.yaml's defaults from it; the engine and the
 * notebook API in Jupyter use it).
 */
export const DEFAULT_MONTE_CARLO = { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED } as const;
