/**
 * The worker's view of the assumptions: a tracked reader (plus `all()`) built from `RunInputs` with
 * the assumptions registry (src/assumptions). An unknown id throws the registry's
 * `UnknownAssumptionError`, which names the nearest ids; the engine reports it as a cell error.
 */
import { AssumptionRegistry } from "../assumptions/registry";
import type { Assumption, AssumptionReader } from "../assumptions/types";
import type { RunInputs } from "./run-context";

export type TrackedAssumptions = AssumptionReader & { all(): readonly Assumption[] };

/** Loads the assumptions named by the run inputs (none when there is no report.yaml). */
export async function loadTrackedAssumptions(inputs: RunInputs, consumer: string): Promise<TrackedAssumptions> {
  // The loader (YAML + zod validation) is imported only when there is a file to load.
  const registry =
    inputs.assumptionsFile === null
      ? new AssumptionRegistry([], "(no assumptions file)")
      : await (await import("../assumptions/load")).loadAssumptionsFile(inputs.assumptionsFile);
  const effective = inputs.overrides.length > 0 ? registry.withOverrides(inputs.overrides) : registry;
  const reader = effective.reader(consumer);
  return { get: (id) => reader.get(id), readIds: () => reader.readIds(), all: () => effective.all() };
}
