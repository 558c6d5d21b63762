/** The lab's hardware stacks in words (src/fragmentation-tax/stacks.ts), for counts a what-if may set. */
import { describe, expect, it } from "vitest";
import { extraStacksWords, stackCountNote, stackCountWords } from "../../src/fragmentation-tax";

const exactly = (n: number) => ({ low: n, high: n });

describe("stacks in words", () => {
  it("counts the stacks and names the extra ones", () => {
    expect(stackCountWords(exactly(1))).toBe("one hardware stack");
    expect(stackCountWords({ low: 2, high: 3 })).toBe("2–3 hardware stacks");
    expect(extraStacksWords(exactly(1))).toBeUndefined();
    expect(extraStacksWords(exactly(2))).toBe("the second stack");
    expect(extraStacksWords(exactly(3))).toBe("the two stacks beyond the first");
  });

  it("notes another count than two, naming a figure that checks the essay's two stacks as kept at two", () => {
    expect(stackCountNote(exactly(2))).toBeUndefined();
    expect(stackCountNote(exactly(3))).toBe("This build counts three hardware stacks, not the essay's two: where the text of this chapter speaks of two stacks, two pools or the second stack, every figure is computed for three hardware stacks.");
    // A three-stack build said "every figure" beside the two-stack multiplier the chapter checks the essay's doubling with.
    expect(stackCountNote(exactly(3), "the multiplier for two stacks")).toMatch(/every figure is computed for three hardware stacks, but for the multiplier for two stacks, which stays at two\.$/);
  });
});
