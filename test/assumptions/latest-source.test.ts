/** The inputs' latest external source, which the title page gives beside the cut-off (and the summary counts alike). */
import { describe, expect, it } from "vitest";
import { latestSourceDate } from "../../src/assumptions/as-of";

const input = (kind: "essay" | "source" | "judgement", date: string) => ({ kind, source: { title: "t", date } });

describe("latestSourceDate", () => {
  it("is the latest date among external sources, not the essay's or a judgement's", () => {
    expect(latestSourceDate([input("source", "2026-03-31"), input("essay", "2026-04-28"), input("source", "2026-05-15"), input("judgement", "2026-11-30")])).toBe("2026-05-15");
  });
  it("is undefined without an external source", () => {
    expect(latestSourceDate([input("essay", "2026-04-28")])).toBeUndefined();
    expect(latestSourceDate([])).toBeUndefined();
  });
});
