/**
 * Order statistics on typed arrays without a comparator callback. A sort with a JS comparator calls
 * back once per comparison (~130,000 times for 10,000 draws) and dominated the Monte Carlo of a
 * chapter; the typed array's own sort is native, and ranks come from one native sort of keys that
 * carry each value's index (`ascendingOrder`). Every function here returns exactly what the
 * comparator-based version returned.
 */

/** A sorted copy (ascending; the typed array's native sort). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** True when any value is NaN (the native sort and a comparator order NaN differently). */
export function hasNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}

/**
 * For each position i, the rank of values[i] in a stable ascending sort (0-based): how many values
 * are smaller, plus how many equal values come before it. The permutation a stable
 * `indices.sort((i, j) => values[i] - values[j])` gives, inverted. Values must not be NaN.
 */
export function stableRanks(values: Float64Array): Uint32Array {
  const order = ascendingOrder(values);
  const ranks = new Uint32Array(values.length);
  for (let position = 0; position < order.length; position++) ranks[order[position] as number] = position;
  return ranks;
}

// The two 32-bit halves of a 64-bit word, in the platform's byte order (typed arrays use it).
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = 1 - LOW;

/**
 * The indices of `values` in a stable ascending order (equal values by index; −0 equals 0, as `<`
 * has it). Values must not be NaN.
 *
 * Why not binary searches in a sorted copy (what ranks did): each lands at a random place, ~170 ns
 * apiece, 2.5 ms for 10,000 draws, and a chapter's sensitivity ranks a dozen columns. Here each value
 * becomes a 64-bit key whose unsigned order is the value's order (the sign bit flipped, or every bit
 * of a negative), with its index in the lowest bits; one native sort of those keys gives the order
 * (~0.9 ms). The index displaces the key's last bits, so values equal in every other bit (exact ties,
 * or values within ~2^−38 of each other for 10,000 draws) come out in index order: those runs are
 * then put in order by value, equal values kept in index order (a short run by insertion, a long one,
 * as values equal up to rounding make, by a second native sort of the bits the index displaced).
 */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  if (indexBits > 31) throw new RangeError(`cannot order ${n} values: at most 2^31`);
  const indexMask = (1 << indexBits) - 1;
  const keys = new BigUint64Array(n);
  const halves = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    const high = keyHalves(values[i] as number);
    halves[2 * i + LOW] = ((KEY[LOW] as number) & ~indexMask) | i;
    halves[2 * i + HIGH] = high;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let position = 0; position < n; position++) order[position] = (halves[2 * position + LOW] as number) & indexMask;
  for (let start = 0; start < n; ) {
    const high = halves[2 * start + HIGH];
    const low = (halves[2 * start + LOW] as number) & ~indexMask;
    let end = start + 1;
    while (end < n && halves[2 * end + HIGH] === high && ((halves[2 * end + LOW] as number) & ~indexMask) === low) end++;
    if (end - start > SHORT_RUN) sortRun(values, order, start, end, indexMask);
    else insertionSortRun(values, order, start, end);
    start = end;
  }
  return order;
}

/** Runs up to this long are put in order by insertion (quadratic, but cheaper than a sort for a few). */
const SHORT_RUN = 16;

// The key of the value keyHalves was last given, as its two 32-bit halves (KEY[HIGH] is returned).
const KEY_DOUBLE = new Float64Array(1);
const KEY = new Uint32Array(KEY_DOUBLE.buffer);

/** The 64-bit key of `value` (unsigned order = the value's order, −0 as 0) into KEY; returns its high half. */
function keyHalves(value: number): number {
  KEY_DOUBLE[0] = value === 0 ? 0 : value; // −0 and 0 tie
  if ((KEY[HIGH] as number) & 0x80000000) {
    KEY[HIGH] = ~(KEY[HIGH] as number);
    KEY[LOW] = ~(KEY[LOW] as number);
  } else {
    KEY[HIGH] = (KEY[HIGH] as number) | 0x80000000;
  }
  return KEY[HIGH] as number;
}

/** Insertion sort of order[start…end−1] by value: moves only past strictly greater values, so it is stable. */
function insertionSortRun(values: ArrayLike<number>, order: Uint32Array, start: number, end: number): void {
  for (let k = start + 1; k < end; k++) {
    const index = order[k] as number;
    const value = values[index] as number;
    let at = k;
    for (; at > start && (values[order[at - 1] as number] as number) > value; at--) order[at] = order[at - 1] as number;
    order[at] = index;
  }
}

/**
 * A long run (values within a few ulps of each other: an output constant up to rounding, where
 * insertion would take n² steps) sorted natively by the key bits the index displaced, then the
 * index: the keys agree in every other bit, so that is the order by value, equal values by index.
 */
function sortRun(values: ArrayLike<number>, order: Uint32Array, start: number, end: number, indexMask: number): void {
  const keys = new BigUint64Array(end - start);
  const halves = new Uint32Array(keys.buffer);
  for (let k = start; k < end; k++) {
    const index = order[k] as number;
    keyHalves(values[index] as number);
    halves[2 * (k - start) + HIGH] = (KEY[LOW] as number) & indexMask;
    halves[2 * (k - start) + LOW] = index;
  }
  keys.sort();
  for (let k = start; k < end; k++) order[k] = halves[2 * (k - start) + LOW] as number;
}
