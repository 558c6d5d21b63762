import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("fragtax CLI", () => {
  it("prints help naming the tool", () => {
    const out = execFileSync("node", ["dist/cli.js", "--help"], { encoding: "utf8" });
    expect(out).toContain("Usage: fragtax");
  });
});
