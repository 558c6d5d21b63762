/**
 * Public entry of The Fragmentation Tax's own content (bundled as dist/fragmentation-tax.js for the
 * chapter notebooks): its chapter models, the claims ledger and the arithmetic the chapters add to
 * the model library. Everything generic (sampling, the runner, sensitivity, domain functions) is in
 * src/model/ (dist/model.js), which never imports from here. Explicit on purpose: a helper file added
 * to this folder is not public until it is listed (docs/authoring.md documents every name).
 */
export { TRAINING_ESSAY_BOX, TRAINING_MARKET, TRAINING_READINGS, REVENUE_SHARE, REVENUE_SHARE_YEARS, CREDITS, SOVEREIGNTY } from "./chapter-models";
export {
  WHO_PAYS, VALUATION, SCENARIO_NAMES, SCENARIOS, CHIPS, FRAGMENTATION_TAX, FRAGMENTATION_TAX_ALTERNATIVES, fragmentationTaxModel,
  type FragmentationVariant,
} from "./lab-models";
export {
  aroundEssay, capitalRecoveryFactor, effectivePoolCount, remainderProbabilities, sovereigntyInferenceUplift, splitPoolCapacityMultiplier,
  type SovereigntyInputs,
} from "./essay-arithmetic";
export { citeInput, inputKind, isIndependentSource, isWhatIfInput, sourceInProse, whose, whoseFigure, type InputKind } from "./input-kinds";
export { builtReading, structuralWeight, STRUCTURAL_WEIGHT_WORDS, type BuiltReading, type StructuralWeight } from "./structural-reading";
export { claimFactor, factorWords, type ClaimFactor } from "./factors";
export { extraStacksWords, stackCountNote, stackCountWords } from "./stacks";
export { capitalize, placement, trainingReadings, tenTimesGpus, readingsTally, PLACEMENT_WORDS, type Placement, type TrainingReading } from "./readings";
export {
  ledgerClaim, verdictCounts,
  trainingClaims, captiveCloudClaims, creditsClaims, sovereigntyClaims, whoPaysClaims, scenarioClaims, chipClaims,
  type LedgerClaim, type LedgerEntry,
} from "./ledger";
