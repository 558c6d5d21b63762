/**
 * Publish freezes the build's own files, checked against its log: a file put in out/build/ by hand
 * (not written by that build, not in its log) is never published in its place.
 */
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, makeProject, useBuild } from "../published-project";

let root: string;
beforeEach(async () => {
  root = await makeProject();
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe("a stray out/build/assumptions.yaml", () => {
  it("is not published as the version's assumptions: the version holds the assumptions the build was made from", async () => {
    await useBuild(root, "v1");
    const built = await readFile(join(root, "notebooks/assumptions.yaml"), "utf8");
    await writeFile(join(root, "out/build/assumptions.yaml"), `${built}# planted after the build\n`);
    const result = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root });
    expect(result.code).toBe(0);
    expect(await readFile(join(root, "out/reports/2026-05-01/assumptions.yaml"), "utf8")).toBe(built);
  });

  it("a copy that is the build's (its sha256 is the log's) is still the one frozen", async () => {
    await useBuild(root, "v1");
    const built = await readFile(join(root, "notebooks/assumptions.yaml"), "utf8");
    await writeFile(join(root, "out/build/assumptions.yaml"), built);
    const result = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root });
    expect(result.code).toBe(0);
    expect(await readFile(join(root, "out/reports/2026-05-01/assumptions.yaml"), "utf8")).toBe(built);
  });
});

describe("a FIFO in out/build/", () => {
  it("in place of an output the log lists: publish refuses it at once, naming it (exit 1), instead of waiting for ever", async () => {
    await useBuild(root, "v1");
    await rm(join(root, "out/build/figures.json"));
    execFileSync("mkfifo", [join(root, "out/build/figures.json")]);
    const started = Date.now();
    const result = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(root, "out/build/figures.json")} is missing, or is not a plain file, though the build log lists it`);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it("as out/build/assumptions.yaml: not read (a build writes no such file), the build's assumptions are published", async () => {
    await useBuild(root, "v1");
    const built = await readFile(join(root, "notebooks/assumptions.yaml"), "utf8");
    execFileSync("mkfifo", [join(root, "out/build/assumptions.yaml")]);
    const result = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root });
    expect(result.code).toBe(0);
    expect(await readFile(join(root, "out/reports/2026-05-01/assumptions.yaml"), "utf8")).toBe(built);
  }, 30_000);
});
