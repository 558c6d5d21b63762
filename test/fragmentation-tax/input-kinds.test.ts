import { describe, expect, it } from "vitest";
import { citeInput, inputKind, sourceInProse, whose, whoseFigure } from "../../src/fragmentation-tax/input-kinds";
import { whatIfSourceTitle } from "../../src/vocabulary/what-if-sources";

const source = (title: string) => ({ title, date: "2026-03-31" });

describe("citing an input", () => {
  it("keeps a name's capital and writes a generic title in lower case inside a sentence", () => {
    expect(sourceInProse("Bloomberg, 'OpenAI Valued at $852 Billion'")).toBe("Bloomberg, 'OpenAI Valued at $852 Billion'");
    expect(sourceInProse("Press reports of the deal")).toBe("press reports of the deal");
  });

  it("says a what-if's input is the what-if's, with the source's title read as it would be without it", () => {
    expect(sourceInProse(whatIfSourceTitle("Press reports of the deal"))).toBe("a what-if value in place of press reports of the deal");
    expect(citeInput({ kind: "source", source: source(whatIfSourceTitle("Bloomberg")) })).toBe("a what-if value in place of Bloomberg, 2026-03-31");
    expect(citeInput({ kind: "judgement", source: source(whatIfSourceTitle("fragtax analysts' assumption")) })).toBe("a what-if value in place of our judgement (2026-03-31)");
    expect(citeInput({ kind: "judgement", source: source("fragtax analysts' assumption") })).toBe("our judgement (2026-03-31)");
  });

  it("reads an undeclared kind from the source's own title, under a what-if too", () => {
    expect(inputKind({ source: source(whatIfSourceTitle("Maverick analyst essay, 'The end of exclusivity'")) })).toBe("essay");
    expect(inputKind({ source: source(whatIfSourceTitle("fragtax analysts' assumption")) })).toBe("judgement");
    expect(inputKind({ source: source(whatIfSourceTitle("Epoch AI")) })).toBe("source");
  });

  it("names whose a figure is: its owner's, or this what-if's once a what-if replaced any of them", () => {
    const epoch = { source: source("Epoch AI") };
    const replaced = { source: source(whatIfSourceTitle("Epoch AI")) };
    expect(whose("Epoch AI's", epoch)).toBe("Epoch AI's");
    expect(whose("Epoch AI's", replaced)).toBe("this what-if's");
    expect(whoseFigure(epoch, epoch)).toBe("the essay's");
    expect(whoseFigure(epoch, replaced)).toBe("this what-if's");
  });
});
