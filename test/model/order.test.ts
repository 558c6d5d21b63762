/**
 * The comparator-free order statistics give exactly what the comparator sorts they replaced gave:
 * the Monte Carlo's numbers (and so every published figure) must not move by one bit.
 */
import { describe, expect, it } from "vitest";
import { countAtOrBelow, countBelow, stableRanks } from "../../src/model/order";
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

  it("counts below and at-or-below by binary search", () => {
    const sorted = Float64Array.from([1, 2, 2, 2, 5]);
    expect([countBelow(sorted, 2), countAtOrBelow(sorted, 2), countBelow(sorted, 0), countAtOrBelow(sorted, 9)]).toEqual([1, 4, 0, 5]);
  });
});
