import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("fragtax CLI", () => {
  it("prints help naming the tool", () => {
    const out = execFileSync("node", ["dist/cli.js", "--help"], { encoding: "utf8" });
    expect(out).toContain("Usage: fragtax");
  });

  it("documents build's exit codes and shows examples in its help", () => {
    const out = execFileSync("node", ["dist/cli.js", "build", "--help"], { encoding: "utf8" });
    expect(out).toMatch(/Exit codes: 0 built; 1 a cell failed/);
    expect(out).toContain("$ fragtax build --set h100_usd_per_gpu_hour=2.5..3.5");
  });
});
