import type { Assumption, DistributionKind } from "../../src/assumptions/types";

/** An in-memory assumption for model tests (the loader is tested separately). */
export function assumption(
  id: string,
  range: { low: number; high: number } | number,
  distribution: DistributionKind = typeof range === "number" ? "fixed" : "lognormal",
  mode?: number,
): Assumption {
  return {
    id,
    label: id,
    unit: "test",
    ...(typeof range === "number" ? { value: range } : { range }),
    ...(mode === undefined ? {} : { mode }),
    distribution,
    source: { title: "test", date: "2026-04-28" },
    position: { file: "test.yaml", line: 1, column: 1 },
  };
}
