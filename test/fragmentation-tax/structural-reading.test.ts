/** Chapter 8's reading of the model as built among its alternatives, which the summary and the title card repeat. */
import { describe, expect, it } from "vitest";
import { builtReading, structuralWeight, STRUCTURAL_WEIGHT_WORDS } from "../../src/fragmentation-tax";

const built = { p5: 0.14, p50: 0.2, p95: 0.28 };

describe("builtReading", () => {
  it("is the upper end when every alternative is below the built median and one is outside its interval", () => {
    expect(builtReading(built, [0.08, 0.1, 0.12])).toBe("upper end");
  });
  it("is the highest reading within its spread when every alternative is below it but inside the interval", () => {
    expect(builtReading(built, [0.15, 0.18])).toBe("highest within");
  });
  it("is the lower end when every alternative is above it", () => {
    expect(builtReading(built, [0.22, 0.3])).toBe("lower end");
  });
  it("is among them when the alternatives lie either side, or there are none", () => {
    expect(builtReading(built, [0.1, 0.25])).toBe("among");
    expect(builtReading(built, [])).toBe("among");
  });
  it("is at an end when level with the highest or lowest alternative as the report writes both, and among them when all are level", () => {
    const same = (a: number, b: number): boolean => `${Math.round(a * 100)}%` === `${Math.round(b * 100)}%`;
    // "median runs from 6.3% to 20%, against 20% as built … not at either end" read false.
    expect(builtReading(built, [0.063, 0.201], same)).toBe("upper end");
    expect(builtReading(built, [0.199, 0.3], same)).toBe("lower end");
    expect(builtReading(built, [0.063, 0.201])).toBe("among");
    // One stack: every alternative is the model as built.
    expect(builtReading(built, [0.2, 0.2], same)).toBe("among");
  });
});

describe("structuralWeight", () => {
  const percent = (x: number): string => `${Math.round(x * 100)}%`;
  const same = (a: number, b: number): boolean => percent(a) === percent(b);
  it("weighs more when every alternative's median lies outside the interval", () => {
    expect(structuralWeight(built, [0.063, 0.1, 0.11])).toBe("more");
    expect(STRUCTURAL_WEIGHT_WORDS.more).toBe("more than the whole spread of the inputs");
  });
  it("is level when the nearest median reads the same as the interval's end", () => {
    expect(structuralWeight(built, [0.1, 0.138], same)).toBe("level");
    expect(structuralWeight(built, [0.1, 0.138])).toBe("more");
  });
  it("weighs about as much when some medians fall outside and some inside", () => {
    expect(structuralWeight(built, [0.1, 0.18])).toBe("some");
  });
  it("weighs less when every median is inside the interval, or there is none", () => {
    expect(structuralWeight(built, [0.15, 0.25])).toBe("less");
    expect(structuralWeight(built, [])).toBe("less");
  });
});
