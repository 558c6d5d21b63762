import { describe, expect, it } from "vitest";
import { AssumptionError } from "../../src/assumptions";
import { WhatIfError } from "../../src/build/whatif/overrides";
import { DiffSourceError } from "../../src/cli/diff-sources";
import { ConfigNotFoundError } from "../../src/config";
import { ConfigError } from "../../src/config/parse";
import { NotebookFormatError } from "../../src/notebook/nbformat";
import { PublishRefused } from "../../src/publish/publish";
import { ChromiumNotFoundError } from "../../src/report/chromium";
import { exitCodeOf, FragtaxError } from "../../src/util/errors";

describe("one error model: every expected error carries its exit code", () => {
  it("bad usage or input exits 2", () => {
    for (const error of [
      new ConfigError("bad key", "report.yaml", 1, 1),
      new ConfigNotFoundError("/tmp"),
      new AssumptionError([{ file: "a.yaml", line: 1, column: 1, id: undefined, text: "bad" }]),
      new NotebookFormatError("not JSON", "a.ipynb"),
      new WhatIfError("--set x"),
      new DiffSourceError("no such ref"),
    ]) {
      expect(error).toBeInstanceOf(FragtaxError);
      expect([error.name, exitCodeOf(error)]).toEqual([error.constructor.name, 2]);
    }
  });

  it("failed work exits 1, and so does anything unexpected", () => {
    expect(exitCodeOf(new PublishRefused("a cell failed"))).toBe(1);
    expect(exitCodeOf(new ChromiumNotFoundError("no chromium"))).toBe(1);
    expect(exitCodeOf(new Error("a bug"))).toBe(1);
    expect(exitCodeOf("thrown string")).toBe(1);
  });
});
