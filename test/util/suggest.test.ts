/** The file a missing one has likely become (util/suggest.ts `renamedFileLike`): no suggestion rather than a wild one. */
import { describe, expect, it } from "vitest";
import { renamedFileLike } from "../../src/util/suggest";

describe("renamedFileLike", () => {
  it("names a near spelling or the one file of the same number, compared without the extension they share", () => {
    const notebooks = ["09-energy.ipynb", "10-x.ipynb"];
    expect(renamedFileLike("09-enrgy.ipynb", notebooks)).toBe("09-energy.ipynb");
    expect(renamedFileLike("02-claims.ipynb", ["02-claim-check.ipynb", "03-other.ipynb"])).toBe("02-claim-check.ipynb");
    expect(renamedFileLike("report.yml", ["report.yaml"])).toBe("report.yaml");
    // Nothing like "nope" is there: ".ipynb" alone made "10-x.ipynb" look close.
    expect(renamedFileLike("nope.ipynb", notebooks)).toBeUndefined();
  });
});
