import { defineConfig } from "vitest/config";

// On CI, also write a JSON report so .ci/run can print a plain "N passed, N failed" closing line.
const ciReporters: Array<string | [string, Record<string, unknown>]> = [
  "default",
  ["json", { outputFile: "test/.tmp/vitest-report.json" }],
];

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: process.env.CI ? ciReporters : ["default"],
  },
});
