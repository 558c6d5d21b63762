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

export function builtReading(built: { readonly p5: number; readonly p50: number; readonly p95: number }, medians: readonly number[]): BuiltReading {
  if (medians.length === 0) return "among";
  const outside = medians.filter((m) => m < built.p5 || m > built.p95).length;
  if (Math.max(...medians) < built.p50) return outside === 0 ? "highest within" : "upper end";
  if (Math.min(...medians) > built.p50) return "lower end";
  return "among";
}
