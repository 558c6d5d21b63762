/**
 * Public entry of the model library (bundled as dist/model.js for notebooks): sampling, Monte Carlo,
 * the model runner, sensitivity, scenarios, claims and the domain functions. No I/O anywhere below.
 *
 * Explicit on purpose: what notebooks, docs/authoring.md and the README use, and the domain functions
 * with the types of their arguments; the sampler's internals (streams, column draws, rank
 * reordering, linear algebra) stay inside. docs/authoring.md names every export, and a test checks it.
 * The report's own chapter models are a separate entry (src/fragmentation-tax/, dist/fragmentation-tax.js).
 */
export { monteCarlo, inputsFrom } from "./montecarlo";
export { DEFAULT_MONTE_CARLO } from "./defaults";
export type { InputSpec, Model, ModelOutput, MonteCarloOptions, MonteCarloResult, NumericOutput, OutputName, OutputSummary } from "./montecarlo";
export { summarize } from "./summary";
export { normalFrom90, lognormalFrom90, uniformBetween, triangular, fixed, distributionOf, median, quantile, normalQuantile, Z95 } from "./distributions";
export type { Distribution } from "./distributions";
export { tornado, rankCorrelation, rankCorrelations, spearman } from "./sensitivity";
export type { OutputChoice, RankCorrelationRow, Tornado, TornadoRow } from "./sensitivity";
export { driversOf } from "./drivers";
export { mixSamples, mixtureExpected, perPercentagePointMoves, scenarioMixture } from "./scenarios";
export type { Scenario, ScenarioMixture, ScenarioOutcome } from "./scenarios";
export { checkClaim, computedRange, factorSpan, midpoint } from "./claims";
export type { ClaimCheck, Range } from "./claims";
export { runModel, histogramBins, figureNumbers, intervalOf } from "./runner";
export type { ModelRun, ReportModel } from "./runner";
export { runVariants, alternativesFor } from "./variants";
export type { ModelVariant, VariantRun } from "./variants";
// Domain functions.
export { trainingRunCost, trainingRunCostUsd, trainingRunCostFromFlop, flopDelivered, inputsForStatedCost, HOURS_PER_DAY, SECONDS_PER_HOUR } from "./training";
export type { ComputeRun, CostGap, RentedRun, RunCost } from "./training";
export { energyKwh, energyCostUsd, inferenceUsdPerMillionTokens } from "./energy";
export type { EnergyUse, InferenceServing } from "./energy";
export { revenueSharePayments, revenuePath } from "./revenue-share";
export type { RevenueShareOutcome, RevenueShareTerms, RevenueShareYear } from "./revenue-share";
export { creditValue } from "./credits";
export type { CreditGrant, CreditValue } from "./credits";
export {
  engineeringMultiplier, utilizationDilution, pooledUtilization, sovereigntyUplift, fragmentationMultiplier, fragmentationTax, trainingRunFragmentationTax,
} from "./fragmentation";
export type { FragmentationInputs, FragmentationMultipliers, FragmentationTax } from "./fragmentation";
export { nreAmortization, breakEvenChips, ecosystemsSupported } from "./chips";
export type { ChipProgram, NreShare } from "./chips";
export { priceToRunRate, valuationMultiples } from "./valuation";
export type { Valuation } from "./valuation";
