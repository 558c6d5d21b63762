/**
 * The one order of text the tool writes in: by UTF-16 code unit, as `<` compares strings. Not
 * `localeCompare`, whose order is the user's locale's (in Czech "cha" sorts after "ha"): figures.json,
 * the appendices and the cache keys would come out in another order on another machine, and its
 * collator costs ~14 ms to create in every process that sorts with it.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator of records by their `id`, in code-unit order. */
export function byIdOrder(a: { readonly id: string }, b: { readonly id: string }): number {
  return byCodeUnits(a.id, b.id);
}

/** A comparator of entries (`[key, value]`) by their key, in code-unit order. */
export function byEntryKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return byCodeUnits(a[0], b[0]);
}
