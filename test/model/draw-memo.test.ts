import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { Assumption } from "../../src/assumptions/types";
import { ColumnMemo, drawKey } from "../../src/model/draw-memo";
import { sampler } from "../../src/model/distributions";
import { drawColumns, monteCarlo } from "../../src/model/montecarlo";
import { uniformStream } from "../../src/model/random";
import { runModel } from "../../src/model/runner";
import { assumption } from "./helpers";

/** What drawing `spec` afresh gives, without any memo. */
const fresh = (spec: Assumption, samples: number, seed: number): Float64Array => sampler(spec).fill(uniformStream(seed, spec.id), new Float64Array(samples));

/** `make`, and how many times it was called. */
function counted<T>(value: () => T): { make: () => T; made: () => number } {
  let calls = 0;
  return {
    make: () => {
      calls += 1;
      return value();
    },
    made: () => calls,
  };
}

describe("drawn columns are kept for the run, as copies", () => {
  it("a kept value is made once and handed out as a copy each time", () => {
    const memo = new ColumnMemo<Float64Array>();
    const { make, made } = counted(() => Float64Array.of(1, 2, 3));
    const first = memo.get("k", make);
    first[0] = 99;
    const second = memo.get("k", make);
    expect(made()).toBe(1);
    expect([...second]).toEqual([1, 2, 3]);
    second[1] = 99;
    expect([...memo.get("k", make)]).toEqual([1, 2, 3]);
  });

  it("the key covers every field a draw reads, and tells NaN, −0 and an absent field apart", () => {
    const base = assumption("gpu_hours", { low: 2, high: 3 }, "triangular", 2.5);
    const variants: Assumption[] = [
      { ...base, id: "gpu_hours_2" },
      { ...base, distribution: "uniform" },
      { ...base, range: { low: 2.5, high: 3 } },
      { ...base, range: { low: 2, high: 3.5 } },
      { ...base, mode: 2.75 },
      { ...base, correlations: [{ with: "other", rho: 0.5 }] },
      { ...base, correlations: [{ with: "other", rho: 0.6 }] },
      { ...base, value: 2 },
    ];
    const keys = new Set([base, ...variants].map(drawKey));
    expect(keys.size).toBe(variants.length + 1);
    expect(drawKey(base)).toBe(drawKey({ ...base, label: "renamed", note: "notes are not read", source: { title: "t", date: "2026-01-01" } }));
    expect(new Set([drawKey(0), drawKey(-0), drawKey(Number.NaN), drawKey(Number.POSITIVE_INFINITY)]).size).toBe(4);
    expect(drawKey({ ...base, mode: Number.NaN })).not.toBe(drawKey(base));
    // A number read from text ("2", as a CSV row gives it) is not the number 2: the sampler would concatenate it.
    expect(drawKey({ ...base, range: { low: "2", high: "3" } } as unknown as Assumption)).not.toBe(drawKey(base));
  });

  it("a column written to by its caller does not change the next run's draws", () => {
    const gpus = assumption("memo_gpus", { low: 10_000, high: 15_000 });
    const first = drawColumns({ gpus }, 1000, 7);
    expect([...first.gpus]).toEqual([...fresh(gpus, 1000, 7)]);
    first.gpus.fill(0);
    const again = monteCarlo(({ gpus: g }) => g, { gpus }, { samples: 1000, seed: 7 });
    expect([...again.inputs.gpus]).toEqual([...fresh(gpus, 1000, 7)]);
    again.inputs.gpus.fill(1);
    expect([...drawColumns({ gpus }, 1000, 7).gpus]).toEqual([...fresh(gpus, 1000, 7)]);
  });

  it("a memo's own value is made once and not copied; what `get` hands out never is it", () => {
    const memo = new ColumnMemo<Float64Array>();
    const { make, made } = counted(() => Float64Array.of(1, 2, 3));
    const own = memo.own("k", make);
    expect(memo.own("k", make)).toBe(own);
    const handed = memo.get("k", make);
    expect(handed).not.toBe(own);
    handed.fill(0);
    expect([...own]).toEqual([1, 2, 3]);
    expect(made()).toBe(1);
  });

  it("a column written to in one run's draws is drawn intact for another run that shares the input", () => {
    const gpus = assumption("memo_shared_gpus", { low: 10_000, high: 15_000 });
    const days = assumption("memo_shared_days", { low: 60, high: 120 });
    const alone = drawColumns({ gpus }, 1000, 11);
    alone.gpus.fill(0);
    // A run of another set of inputs (not kept yet) is made from the kept columns: they must be untouched.
    const both = drawColumns({ gpus, days }, 1000, 11);
    expect([...both.gpus]).toEqual([...fresh(gpus, 1000, 11)]);
    both.gpus.fill(2);
    both.days.fill(3);
    const renamed = drawColumns({ g: gpus, d: days }, 1000, 11);
    expect([...renamed.g]).toEqual([...fresh(gpus, 1000, 11)]);
    expect([...renamed.d]).toEqual([...fresh(days, 1000, 11)]);
    expect([...drawColumns({ gpus, days }, 1000, 11).days]).toEqual([...fresh(days, 1000, 11)]);
  });

  it("after a run, a changed distribution, seed or sample count draws afresh", () => {
    const base = assumption("memo_price", { low: 2, high: 3 }, "triangular", 2.2);
    drawColumns({ x: base }, 500, 1);
    for (const [spec, samples, seed] of [
      [{ ...base, mode: 2.8 }, 500, 1],
      [{ ...base, distribution: "lognormal" as const, mode: undefined }, 500, 1],
      [{ ...base, range: { low: 2, high: 4 } }, 500, 1],
      [base, 500, 2],
      [base, 501, 1],
    ] as const) {
      expect([...drawColumns({ x: spec }, samples, seed).x]).toEqual([...fresh(spec, samples, seed)]);
    }
  });

  it("a correlated run kept for later gives the same re-paired draws, and a changed ρ re-pairs them", () => {
    const a = { ...assumption("memo_a", { low: 1, high: 2 }), correlations: [{ with: "memo_b", rho: 0.8 }] };
    const b = { ...assumption("memo_b", { low: 3, high: 4 }), correlations: [{ with: "memo_a", rho: 0.8 }] };
    const first = drawColumns({ a, b }, 2000, 3);
    const copy = { a: first.a.slice(), b: first.b.slice() };
    first.a.fill(0);
    const again = drawColumns({ a, b }, 2000, 3);
    expect([...again.a]).toEqual([...copy.a]);
    expect([...again.b]).toEqual([...copy.b]);
    const weaker = drawColumns({ a: { ...a, correlations: [{ with: "memo_b", rho: 0.1 }] }, b: { ...b, correlations: [{ with: "memo_a", rho: 0.1 }] } }, 2000, 3);
    expect([...weaker.b]).not.toEqual([...copy.b]);
    // Re-pairing only reorders: the same values, so the same sorted column.
    expect([...weaker.b].sort((x, y) => x - y)).toEqual([...copy.b].sort((x, y) => x - y));
  });
});

describe("a model run's corners", () => {
  it("are computed only when read, once, over every corner of the input box", () => {
    let calls = 0;
    const model = {
      ids: { a: "corner_a", b: "corner_b" },
      evaluate: (x: Readonly<Record<"a" | "b", number>>) => {
        calls += 1;
        return { sum: x.a + x.b };
      },
    };
    const inputs = new Map([
      ["corner_a", assumption("corner_a", { low: 1, high: 2 })],
      ["corner_b", assumption("corner_b", { low: 10, high: 30 })],
    ]);
    const reader = { get: (id: string) => inputs.get(id) as Assumption, readIds: () => [...inputs.keys()] };
    const run = runModel(model, reader, { samples: 100, seed: 1 });
    const afterRun = calls;
    expect(afterRun).toBe(101); // the Monte Carlo's first call reads the output names, then one per sample
    expect(run.corners.sum).toEqual({ low: 11, high: 32 });
    expect(calls).toBe(afterRun + 4);
    expect(run.corners.sum).toEqual({ low: 11, high: 32 });
    expect(calls).toBe(afterRun + 4);
    // Shown as a cell's value: the corners' numbers, not "[Getter]".
    expect(inspect(run, { depth: 3 })).toContain("corners: { sum: { low: 11, high: 32 } }");
  });
});
