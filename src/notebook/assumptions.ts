/**
 * The worker's view of the assumptions: a tracked reader (plus `all()`) built from `RunInputs`.
 * Adapter over the assumptions registry (src/assumptions); kept in one place so the engine depends on
 * the registry through this one function.
 */
import { readFileSync } from "node:fs";
import { distance } from "fastest-levenshtein";
import { parse as parseYaml } from "yaml";
import type { Assumption, AssumptionReader } from "../assumptions/types";
import * as messages from "../messages/notebook";
import type { AssumptionOverride, RunInputs } from "./run-context";

export type TrackedAssumptions = AssumptionReader & { all(): readonly Assumption[] };

export class UnknownAssumptionError extends Error {
  override readonly name = "UnknownAssumptionError";
  constructor(
    readonly id: string,
    readonly nearest: readonly string[],
  ) {
    super(messages.unknownAssumptionInNotebook(id, nearest));
  }
}

/** Loads the assumptions named by the run inputs (none when there is no report.yaml). */
export async function loadTrackedAssumptions(inputs: RunInputs, _consumer: string): Promise<TrackedAssumptions> {
  const all = inputs.assumptionsFile === null ? [] : applyOverrides(readAssumptions(inputs.assumptionsFile), inputs.overrides);
  return trackedReader(all);
}

function trackedReader(all: readonly Assumption[]): TrackedAssumptions {
  const byId = new Map(all.map((assumption) => [assumption.id, assumption]));
  const reads: string[] = [];
  return {
    all: () => all,
    readIds: () => [...reads],
    get(id: string): Assumption {
      if (!reads.includes(id)) reads.push(id);
      const found = byId.get(id);
      if (found !== undefined) return found;
      const nearest = [...byId.keys()]
        .map((candidate) => ({ candidate, d: distance(id, candidate) }))
        .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
        .slice(0, 3)
        .map(({ candidate }) => candidate);
      throw new UnknownAssumptionError(id, nearest);
    },
  };
}

function readAssumptions(file: string): Assumption[] {
  const data = parseYaml(readFileSync(file, "utf8")) as { assumptions?: unknown } | null;
  const list = data?.assumptions;
  const entries = Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [];
  return entries.map((entry) => ({
    ...(entry as unknown as Assumption),
    distribution: (entry.distribution as Assumption["distribution"] | undefined) ?? (entry.range ? "lognormal" : "fixed"),
    position: { file, line: 1, column: 1 },
  }));
}

function applyOverrides(all: readonly Assumption[], overrides: readonly AssumptionOverride[]): Assumption[] {
  return all.map((assumption) => {
    const override = overrides.find((candidate) => candidate.id === assumption.id);
    if (override === undefined) return assumption;
    const { value: _value, range: _range, ...rest } = assumption;
    return "value" in override
      ? { ...rest, value: override.value, distribution: "fixed" }
      : // Same rule as the registry's withOverrides: a range on a fixed assumption needs a distribution.
        { ...rest, range: { low: override.low, high: override.high }, distribution: rest.distribution !== "fixed" ? rest.distribution : override.low > 0 ? "lognormal" : "normal" };
  });
}
