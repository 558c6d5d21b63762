// Public entry of the pure model (bundled as dist/model.js for notebooks): distributions, Monte Carlo,
// sensitivity, scenarios and the domain functions. No I/O anywhere below. The list is explicit: a name
// is public because a notebook, README or a benchmark uses it; helpers of the modules (streamSeed, evaluate, pearson,
// pickOutput, PROBABILITY_TOLERANCE) stay inside.

// Distributions and Monte Carlo: the generic library.
export { DEFAULT_SEED, uniformStream, type UniformStream } from "./random";
export {
  Z95, normalFrom90, lognormalFrom90, uniformBetween, triangular, fixed, distributionOf, median, quantile, analyticMean, normalQuantile, sampler,
  type Distribution, type Sampler,
} from "./distributions";
export {
  DEFAULT_SAMPLES, DEFAULT_MONTE_CARLO, monteCarlo, drawColumns, atMedians, medians, inputsFrom,
  type InputSpec, type ModelOutput, type NumericOutput, type OutputName, type Model, type MonteCarloOptions, type OutputSummary, type MonteCarloResult,
} from "./montecarlo";
export { summarize, percentilesInPlace } from "./summary";
export { tornado, rankCorrelation, spearman, ranks, type TornadoRow, type Tornado, type OutputChoice, type RankCorrelationRow } from "./sensitivity";
export {
  ScenarioError, checkProbabilities, scenarioMixture, mixSamples,
  type Scenario, type ScenarioOutcome, type ScenarioMixture,
} from "./scenarios";
export { checkClaim, midpoint, computedRange, type Range, type ClaimCheck } from "./claims";

// The domain functions of AI compute economics.
export {
  HOURS_PER_DAY, SECONDS_PER_HOUR, trainingRunCost, trainingRunCostUsd, trainingRunCostFromFlop, flopDelivered, inputsForStatedCost,
  type RentedRun, type RunCost, type ComputeRun, type CostGap,
} from "./training";
export { energyKwh, energyCostUsd, inferenceUsdPerMillionTokens, type EnergyUse, type InferenceServing } from "./energy";
export { revenueSharePayments, revenuePath, type RevenueShareTerms, type RevenueShareYear, type RevenueShareOutcome } from "./revenue-share";
export { creditValue, type CreditGrant, type CreditValue } from "./credits";
export {
  engineeringMultiplier, utilizationDilution, pooledUtilization, sovereigntyUplift, fragmentationMultiplier, fragmentationTax, trainingRunFragmentationTax,
  type FragmentationInputs, type FragmentationMultipliers, type FragmentationTax,
} from "./fragmentation";
export { nreAmortization, breakEvenChips, ecosystemsSupported, type ChipProgram, type NreShare } from "./chips";
export { priceToRunRate, valuationMultiples, type Valuation } from "./valuation";

// The report's own chapter models and the arithmetic they add (content area).
export {
  capitalRecoveryFactor, splitPoolCapacityMultiplier, sovereigntyInferenceUplift, remainderProbabilities, type SovereigntyInputs,
} from "./essay-arithmetic";
export {
  runModel, isIndependentSource, histogramBins, figureNumbers, intervalOf,
  TRAINING_ESSAY_BOX, TRAINING_MARKET, REVENUE_SHARE_YEARS, REVENUE_SHARE, CREDITS, SOVEREIGNTY, WHO_PAYS, VALUATION, SCENARIO_NAMES, SCENARIOS, CHIPS, FRAGMENTATION_TAX,
  type ReportModel, type ModelRun,
} from "./report-models";
