// The stale-prose guard across a renamed notebook: section ids come from the file name, so a rename
// gives every section a new id. Prose that is byte-for-byte a previous section's is still unchanged
// prose, and a figure that moved under it must still be listed (a rename used to hide it).
import { describe, expect, it } from "vitest";
import { staleProse } from "../../src/diff/prose-guard";
import { diffSnapshots, type Snapshot } from "../../src/diff/diff";

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

// Before: a diff across versions marked only the newer side's own reviews, so a section re-read when a
// version in between was published read as if nobody had looked.
describe("prose reviewed at a publish between the two sides", () => {
  const version = (label: string, p50: number, reviewed: Snapshot["reviewed"]): Snapshot => ({
    label,
    assumptions: [],
    prose: { figures: [figure(p50, "a#s")], claims: [], sections: [section("a#s", "same")] },
    reviewed,
  });

  it("marks a section reviewed in any version after the older side, up to the newer, with the latest such version", () => {
    const reviews = [
      { section: "a#s", version: "2026-05-01" },
      { section: "a#s", version: "2026-05-10" },
    ];
    const across = diffSnapshots(version("2026-05-01", 33, []), version("2026-05-20", 67, reviews));
    expect(across.prose?.stale.map((s) => [s.section, s.reviewedIn])).toEqual([["a#s", "2026-05-10"]]);
    // A review at or before the older side does not count for this diff.
    const after = diffSnapshots(version("2026-05-10", 33, []), version("2026-05-20", 67, reviews));
    expect(after.prose?.stale.map((s) => [s.section, s.reviewedIn])).toEqual([["a#s", undefined]]);
  });
});

// Two fingerprints (report/sections.ts): v2, prose only, which every build now records beside v1, the
// markdown and every code string literal, which is all a version published before v2 has.
describe("which fingerprint compares two sections", () => {
  const v2 = (id: string, v1Hash: string, v2Hash: string) => ({ ...section(id, v1Hash), proseV2Sha256: v2Hash });
  const before = (s: ReturnType<typeof section>) => ({ figures: [figure(33, "a#s")], claims: [], sections: [s] });
  const after = (s: ReturnType<typeof section>) => ({ figures: [figure(67, "a#s")], claims: [], sections: [s] });

  it("v2 when both sides recorded it: a code-only edit (v1 changed) leaves the words unchanged, a prose edit does not", () => {
    expect(staleProse(before(v2("a#s", "code-1", "words")), after(v2("a#s", "code-2", "words")), format).stale.map((s) => s.section)).toEqual(["a#s"]);
    expect(staleProse(before(v2("a#s", "code-1", "words")), after(v2("a#s", "code-1", "words-edited")), format).stale).toEqual([]);
  });

  it("v1 against a version that has no v2, never v2 against v1 (always different: every section would read as rewritten)", () => {
    expect(staleProse(before(section("a#s", "v1")), after(v2("a#s", "v1", "words")), format).stale.map((s) => s.section)).toEqual(["a#s"]);
    expect(staleProse(before(section("a#s", "v1")), after(v2("a#s", "v1-changed", "words")), format).stale).toEqual([]);
    // A renamed notebook's section, found by its prose among the previous sections, is compared the same way.
    expect(staleProse(before(v2("a#s", "code-1", "words")), { figures: [figure(67, "b#s")], claims: [], sections: [v2("b#s", "code-2", "words")] }, format).stale.map((s) => s.section)).toEqual(["b#s"]);
  });
});
