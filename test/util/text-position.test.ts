import { describe, expect, it } from "vitest";
import { lineColumn, lineIndex } from "../../src/util/text-position";

describe("text positions", () => {
  it("lineIndex gives lineColumn's position for every offset, across \\n, \\r\\n, empty lines and the end", () => {
    const texts = ["", "one line", "a\nbc\n\ndef\n", "x\r\ny\r\n\r\nz", "\n\n\n", "ends without newline\nlast"];
    for (const text of texts) {
      const at = lineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) expect(at(offset), `${JSON.stringify(text)} @${offset}`).toEqual(lineColumn(text, offset));
    }
  });

  it("counts lines and columns from 1", () => {
    expect(lineIndex("ab\ncd")(4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
  });
});
