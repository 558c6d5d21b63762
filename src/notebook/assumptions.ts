/**
 * The worker's view of the assumptions: a tracked reader (`get` and `all`) built from `RunInputs` with
 * the assumptions registry (src/assumptions). An unknown id throws the registry's
 * `UnknownAssumptionError`, which names the nearest ids; the engine reports it as a cell error.
 */
import { AssumptionRegistry } from "../assumptions/registry";
import type { ListingReader } from "../assumptions/types";
import type { RunInputs } from "./run-context";

/** Loads the assumptions named by the run inputs (none when there is no report.yaml). */
export async function loadTrackedAssumptions(inputs: RunInputs, consumer: string): Promise<ListingReader> {
  // The loader (YAML + zod validation) is imported only when there is a file to load that the main
  // thread has not parsed already.
  const name = inputs.assumptionsName ?? inputs.assumptionsFile ?? "(no assumptions file)";
  const loaded =
    inputs.assumptionsFile === null
      ? new AssumptionRegistry([], name)
      : inputs.preloaded !== undefined
        ? new AssumptionRegistry(inputs.preloaded.assumptions.map(deepFreeze), name)
        : await (await import("../assumptions/load")).loadAssumptionsFile(inputs.assumptionsFile, name);
  // Named as every other message names the file: relative to the project (an unknown id says where it looked).
  const registry = loaded.fileName === name ? loaded : new AssumptionRegistry(loaded.all(), name, loaded.correlations);
  const effective = inputs.overrides.length > 0 ? registry.withOverrides(inputs.overrides) : registry;
  return effective.reader(consumer);
}

/** Structured cloning drops `Object.freeze`; the loader's assumptions are frozen, so these are too. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}
