/**
 * The comparator-free order statistics give exactly what the comparator sorts they replaced gave:
 * the Monte Carlo's numbers (and so every published figure) must not move by one bit.
 */
import { describe, expect, it } from "vitest";
import { ascendingOrder, stableRanks } from "../../src/model/order";
import { ranks } from "../../src/model/sensitivity";
import { uniformStream } from "../../src/model/random";

/** Draws with many ties (rounded to one decimal), zeros of both signs, and negatives. */
function awkward(n: number, key: string): Float64Array {
  const stream = uniformStream(7, key);
  return Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? (i % 2 === 0 ? -0 : 0) : Math.round((stream.next() - 0.3) * 40) / 10));
}

/** The former implementations, with a JS comparator. */
function stableRanksByComparator(values: Float64Array): Uint32Array {
  const positions = Array.from(values.keys()).sort((i, j) => (values[i] as number) - (values[j] as number));
  const rank = new Uint32Array(values.length);
  positions.forEach((position, r) => {
    rank[position] = r;
  });
  return rank;
}
function averageRanksByComparator(values: Float64Array): Float64Array {
  const order = new Uint32Array(values.length).map((_, i) => i);
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const result = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) end++;
    for (let k = start; k < end; k++) result[order[k] as number] = (start + end + 1) / 2;
    start = end;
  }
  return result;
}

describe("order statistics without a comparator", () => {
  it("stableRanks is the inverse of a stable comparator sort, ties by position", () => {
    for (const key of ["a", "b", "c"]) {
      const values = awkward(5_000, key);
      expect(stableRanks(values)).toEqual(stableRanksByComparator(values));
    }
    const continuous = uniformStream(3, "continuous").fill(new Float64Array(10_000));
    expect(stableRanks(continuous)).toEqual(stableRanksByComparator(continuous));
  });

  it("ranks (average of tied ranks) equal the comparator version's", () => {
    for (const key of ["a", "b"]) {
      const values = awkward(5_000, key);
      expect(ranks(values)).toEqual(averageRanksByComparator(values));
    }
    expect([...ranks(Float64Array.from([3, 1, 2, 1]))]).toEqual([4, 1.5, 3, 1.5]);
  });

  it("orders values that differ only in the bits the index takes, and every length up to a power of two and past it", () => {
    // Neighbouring doubles (1, 1 + 2^-52, …), negative ones, extremes and both zeros: their keys agree
    // above the index bits, so the order among them is the run sort's, not the key sort's.
    const near = (from: number, count: number, step: number): number[] => Array.from({ length: count }, (_, i) => from + (count - i) * step);
    const stream = uniformStream(11, "near");
    const pool = [...near(1, 40, Number.EPSILON), ...near(-1, 40, Number.EPSILON), 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity, 0, -0, 1, -1];
    for (const n of [1, 2, 3, 1024, 1025, 5_000]) {
      const values = Float64Array.from({ length: n }, () => pool[Math.floor(stream.next() * pool.length)] as number);
      expect(stableRanks(values)).toEqual(stableRanksByComparator(values));
      expect(ranks(values)).toEqual(averageRanksByComparator(values));
    }
    expect(stableRanks(new Float64Array(0))).toEqual(new Uint32Array(0));
  });

  it("orders a large sample whose values all lie within a few ulps of each other in n log n, not n²", () => {
    // An output that is constant up to rounding (shares that sum to 1, a total with a negligible
    // term): every key agrees above the index bits, so the whole sample is one run of the run sort.
    // Sorted by insertion, 300,000 such values took minutes; 10,000,000 draws would never finish.
    const stream = uniformStream(13, "ulps");
    const values = Float64Array.from({ length: 300_000 }, () => 1 + Math.floor(stream.next() * 64) * Number.EPSILON);
    const started = performance.now();
    const order = ascendingOrder(values);
    expect(performance.now() - started).toBeLessThan(2_000);
    let misplaced = 0;
    for (let k = 1; k < order.length; k++) {
      const [before, after] = [order[k - 1] as number, order[k] as number];
      if (!((values[before] as number) < (values[after] as number) || (values[before] === values[after] && before < after))) misplaced++;
    }
    expect(misplaced).toBe(0);
    const small = values.subarray(0, 5_000);
    expect(stableRanks(small)).toEqual(stableRanksByComparator(small));
    expect(ranks(small)).toEqual(averageRanksByComparator(small));
  }, 120_000);
});
