import { describe, expect, it } from "vitest";
import type { Assumption } from "../../src/assumptions/types";
import { monteCarlo, spearman } from "../../src/model";
import { imposeRankCorrelation } from "../../src/model/correlation";
import { uniformStream } from "../../src/model/random";
import { cholesky, isPositiveSemiDefinite } from "../../src/util/linalg";
import { assumption } from "./helpers";

const withCorrelations = (a: Assumption, correlations: Assumption["correlations"]): Assumption => ({ ...a, correlations });
const sorted = (x: Float64Array): Float64Array => Float64Array.from(x).sort();

describe("Iman–Conover rank correlation", () => {
  const compute = assumption("lab_compute_usd", { low: 5e9, high: 15e9 });
  const engineering = assumption("lab_engineering_usd", { low: 1e8, high: 4e8 }, "uniform");
  const inference = assumption("lab_inference_share", { low: 0.3, high: 0.7 }, "triangular", 0.5);
  const correlated = {
    compute: withCorrelations(compute, [{ with: "lab_engineering_usd", rho: 0.7 }, { with: "lab_inference_share", rho: -0.4 }]),
    engineering: withCorrelations(engineering, [{ with: "lab_compute_usd", rho: 0.7 }]),
    inference: withCorrelations(inference, [{ with: "lab_compute_usd", rho: -0.4 }]),
  };
  const model = (x: { compute: number; engineering: number; inference: number }) => x.compute + x.engineering * x.inference;

  it("keeps every marginal exactly: the same draws, re-paired", () => {
    const independent = monteCarlo(model, { compute, engineering, inference }, { samples: 10_000, seed: 7 });
    const joint = monteCarlo(model, correlated, { samples: 10_000, seed: 7 });
    for (const name of ["compute", "engineering", "inference"] as const) {
      expect(sorted(joint.inputs[name])).toEqual(sorted(independent.inputs[name]));
      expect(joint.inputs[name]).not.toEqual(independent.inputs[name]);
    }
  });

  it("gives the samples the target Spearman ρ (within 0.02 at 10,000 samples)", () => {
    const joint = monteCarlo(model, correlated, { samples: 10_000, seed: 7 });
    expect(spearman(joint.inputs.compute, joint.inputs.engineering)).toBeCloseTo(0.7, 1);
    expect(Math.abs(spearman(joint.inputs.compute, joint.inputs.engineering) - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(spearman(joint.inputs.compute, joint.inputs.inference) + 0.4)).toBeLessThan(0.02);
    // Unlisted pair: no correlation imposed beyond what the other two imply (0.7 × −0.4 for normal scores).
    expect(Math.abs(spearman(joint.inputs.engineering, joint.inputs.inference))).toBeLessThan(0.05);
  });

  it("ignores a correlation with an assumption the model does not read, and is reproducible", () => {
    const onlyCompute = monteCarlo(({ compute: c }) => c, { compute: correlated.compute }, { samples: 2000, seed: 3 });
    const plain = monteCarlo(({ compute: c }) => c, { compute }, { samples: 2000, seed: 3 });
    expect(onlyCompute.inputs.compute).toEqual(plain.inputs.compute);
    const again = monteCarlo(model, correlated, { samples: 2000, seed: 3 });
    expect(monteCarlo(model, correlated, { samples: 2000, seed: 3 }).inputs.compute).toEqual(again.inputs.compute);
  });

  it("does not modify the columns it is given", () => {
    const column = uniformStream(1, "x").fill(new Float64Array(500));
    const other = uniformStream(1, "y").fill(new Float64Array(500));
    const copy = Float64Array.from(column);
    const out = imposeRankCorrelation({ x: column, y: other }, [{ a: "x", b: "y", rho: 0.9 }], 1);
    expect(column).toEqual(copy);
    expect(spearman(out.x, out.y)).toBeGreaterThan(0.85);
  });

  it("Cholesky accepts semi-definite matrices and rejects the impossible", () => {
    expect(isPositiveSemiDefinite([[1, 1], [1, 1]])).toBe(true);
    expect(isPositiveSemiDefinite([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])).toBe(false);
    const result = cholesky([[4, 2], [2, 2]]);
    expect(result).toEqual({ ok: true, lower: [[2, 0], [1, 1]] });
  });
});
