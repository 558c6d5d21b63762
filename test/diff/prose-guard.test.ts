// The stale-prose guard across a renamed notebook: section ids come from the file name, so a rename
// gives every section a new id. Prose that is byte-for-byte a previous section's is still unchanged
// prose, and a figure that moved under it must still be listed (a rename used to hide it).
import { describe, expect, it } from "vitest";
import { staleProse } from "../../src/diff/prose-guard";

const format = (value: number): string => String(value);
const figure = (p50: number, section: string) => ({ id: "multiple", label: "Multiple", unit: "×", format: "number", p50, section });
const section = (id: string, proseSha256: string) => ({ id, notebook: `${id.split("#")[0] ?? ""}`, heading: "A high multiple", proseSha256 });

describe("prose to re-read", () => {
  it("lists a section of a renamed notebook whose prose is unchanged when its figure moved", () => {
    const before = { figures: [figure(33, "05-who-pays#a-high-multiple")], claims: [], sections: [section("05-who-pays#a-high-multiple", "same")] };
    const after = { figures: [figure(67, "05-who-pays-now#a-high-multiple")], claims: [], sections: [section("05-who-pays-now#a-high-multiple", "same")] };
    const guard = staleProse(before, after, format);
    expect(guard.stale.map((s) => s.section)).toEqual(["05-who-pays-now#a-high-multiple"]);
    expect(guard.stale[0]?.movements[0]?.text).toBe("figure multiple: 33 → 67 (+103%)");
  });

  it("leaves out a renamed section whose prose was rewritten, and a same-id section whose prose changed", () => {
    const before = { figures: [figure(33, "a#s")], claims: [], sections: [section("a#s", "old")] };
    expect(staleProse(before, { figures: [figure(67, "b#s")], claims: [], sections: [section("b#s", "new")] }, format).stale).toEqual([]);
    expect(staleProse(before, { figures: [figure(67, "a#s")], claims: [], sections: [section("a#s", "new")] }, format).stale).toEqual([]);
  });

  it("does not take a section's old prose for a new one's when the id is the same (the id's own hash decides)", () => {
    const before = { figures: [figure(33, "a#s")], claims: [], sections: [section("a#s", "one"), section("a#t", "two")] };
    const after = { figures: [figure(67, "a#s")], claims: [], sections: [section("a#s", "two"), section("a#t", "three")] };
    expect(staleProse(before, after, format).stale).toEqual([]);
  });
});
