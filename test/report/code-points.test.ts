/**
 * The font subset holds the page's code points (report/fonts.ts `codePoints`): a character missing
 * from it is drawn in a fallback font, or not at all, in the PDF. The fast scan must give exactly what
 * iterating the string's code points gives, surrogate pairs and lone surrogates included.
 */
import { describe, expect, it } from "vitest";
import { codePoints } from "../../src/report/fonts";

/** The definition: the string iterator's code points, printable ones, distinct and sorted. */
function reference(text: string): number[] {
  const seen = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 32 && cp !== 127) seen.add(cp);
  }
  return [...seen].sort((a, b) => a - b);
}

describe("codePoints", () => {
  it("joins surrogate pairs, keeps lone surrogates as themselves and drops control characters", () => {
    const text = "a\u0000\u001f\u007f é–𝔸😀\ud800b\udc00\ud83d\ud83d\ude00 \ud800\udc00\udbff\udfff\uffff end\ud800";
    expect(codePoints(text)).toEqual(reference(text));
    expect(codePoints(text)).toEqual(expect.arrayContaining([0x1d538, 0x1f600, 0x10000, 0x10ffff, 0xffff, 0xd800, 0xdc00, 0xd83d]));
    expect(codePoints(text)).not.toContain(0x7f);
    expect(codePoints(text)).not.toContain(0);
  });

  it("agrees with the string iterator on random UTF-16, surrogates included", () => {
    let state = 12345;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    for (let round = 0; round < 50; round++) {
      const units = Array.from({ length: 2000 }, () => {
        const pick = random(4);
        // ASCII, BMP, high surrogate, low surrogate: pairs form by chance and lone halves stay.
        return pick === 0 ? random(128) : pick === 1 ? random(0x10000) : pick === 2 ? 0xd800 + random(0x400) : 0xdc00 + random(0x400);
      });
      const text = String.fromCharCode(...units);
      expect(codePoints(text)).toEqual(reference(text));
    }
  });

  it("gives nothing for an empty text", () => {
    expect(codePoints("")).toEqual([]);
  });
});
