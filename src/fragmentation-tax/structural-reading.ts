/**
 * Where the model as built stands among its structural alternatives: chapter 8's reading of the tax,
 * which the summary and the title card repeat. One rule, so the three cannot say it two ways.
 *
 *   highest within   every alternative's median below the built median, all inside its 90% interval
 *   upper end        every alternative's median below it, at least one outside its interval
 *   lower end        every alternative's median above it
 *   among            the built median lies between the alternatives' (or there are none)
 */
export type BuiltReading = "highest within" | "upper end" | "lower end" | "among";

export function builtReading(
  built: { readonly p5: number; readonly p50: number; readonly p95: number },
  medians: readonly number[],
  same: (a: number, b: number) => boolean = (a, b) => a === b,
): BuiltReading {
  if (medians.length === 0) return "among";
  const outside = medians.filter((m) => m < built.p5 || m > built.p95).length;
  // Level with an alternative as the report writes both is at that end too: "among … not at either end" read false beside "20% against 20%".
  const [highest, lowest] = [Math.max(...medians), Math.min(...medians)];
  if (same(highest, built.p50) && same(lowest, built.p50)) return "among";
  if (highest < built.p50 || same(highest, built.p50)) return outside === 0 ? "highest within" : "upper end";
  if (lowest > built.p50 || same(lowest, built.p50)) return "lower end";
  return "among";
}

/**
 * How much the structural choice matters against the spread of the inputs, by where the alternatives'
 * medians fall against the built model's 90% interval: chapter 8 says it, and the summary orders its
 * evidence by it (structure first only when it weighs "more"). One rule and one phrase for each, so the
 * two cannot word the same build two ways.
 *
 *   more    every alternative's median lies outside the interval, and none is level with its nearer end
 *   level   every one lies outside or is level with the nearer end as the report writes both (`same`)
 *   some    some lie outside, some inside
 *   less    all lie inside (or there are none)
 */
export type StructuralWeight = "more" | "level" | "some" | "less";

export function structuralWeight(
  built: { readonly p5: number; readonly p95: number },
  medians: readonly number[],
  same: (a: number, b: number) => boolean = (a, b) => a === b,
): StructuralWeight {
  const beyond = (m: number): boolean => m < built.p5 || m > built.p95;
  const level = (m: number): boolean => same(m, built.p5) || same(m, built.p95);
  const outside = medians.filter(beyond).length;
  if (medians.length === 0 || outside === 0 && !medians.some(level)) return "less";
  if (medians.every((m) => beyond(m) && !level(m))) return "more";
  if (medians.every((m) => beyond(m) || level(m))) return "level";
  return outside === 0 ? "less" : "some";
}

/** What `structuralWeight` says, after "the structural choice matters …". */
export const STRUCTURAL_WEIGHT_WORDS: Readonly<Record<StructuralWeight, string>> = {
  more: "more than the whole spread of the inputs",
  level: "about as much as the whole spread of the inputs",
  some: "about as much as the spread of the inputs",
  less: "less than the spread of the inputs",
};
