/**
 * A build is published once: publishing it again is refused (exit 1) naming the version that holds it
 * (two publishes at the same time: publish.test.ts); so is a rebuild of the same sources (it says what that version
 * says), while a build of changed sources, or one returning to an older version's, is published.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, makeProject, NO_CHROMIUM, useBuild } from "../published-project";

describe("publishing a build twice", () => {
  let root: string;
  beforeEach(async () => {
    root = await makeProject();
  });
  afterEach(async () => rm(root, { recursive: true, force: true }));

  const versions = async (): Promise<string[]> => (await readdir(join(root, "out/reports"))).filter((name) => /^\d{4}-/.test(name)).sort();
  /** A build log's `inputs` for the chapter as it is on disk now (as `fragtax build` records it). */
  const inputsNow = async (): Promise<unknown> => ({ files: { "notebooks/a.ipynb": createHash("sha256").update(await readFile(join(root, "notebooks/a.ipynb"))).digest("hex") } });

  it("refuses the same build a second time, naming the version (exit 1, nothing written)", async () => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    const again = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("refusing to publish: this build (built 2026-05-01T10:00:00.000Z) is already published as 2026-05-01; a build is published once");
    expect(await versions()).toEqual(["2026-05-01"]);
    // Another build is published; going back to the first one's content is a change from the newest.
    await useBuild(root, "v2");
    expect((await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-03"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    expect(await versions()).toEqual(["2026-05-01", "2026-05-02", "2026-05-03"]);
  });

  it("refuses a rebuild of the same sources as the newest version's build, and publishes one of changed sources", async () => {
    await useBuild(root, "v1", { inputs: await inputsNow() });
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    // Built again later, from the same notebook and assumptions: its own log, the same sources.
    await useBuild(root, "v1", { builtAt: "2026-05-02T09:00:00.000Z", inputs: await inputsNow() });
    const rebuilt = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    expect(rebuilt.code).toBe(1);
    expect(rebuilt.stderr).toContain("refusing to publish: this build is already published as 2026-05-01: it was made from the same sources");
    expect(await versions()).toEqual(["2026-05-01"]);
    // The chapter changed and was built again: a new version.
    await writeFile(join(root, "notebooks/a.ipynb"), '{ "cells": [{ "cell_type": "markdown", "metadata": {}, "source": "# A" }], "metadata": {}, "nbformat": 4, "nbformat_minor": 5 }\n');
    await useBuild(root, "v1", { builtAt: "2026-05-02T10:00:00.000Z", inputs: await inputsNow() });
    expect((await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    expect(await versions()).toEqual(["2026-05-01", "2026-05-02"]);
    const manifest = JSON.parse(await readFile(join(root, "out/reports/2026-05-02/manifest.json"), "utf8"));
    expect(manifest.buildSha256).toBe(createHash("sha256").update(await readFile(join(root, "out/build/build-log.json"))).digest("hex"));
    expect(typeof manifest.sourcesSha256).toBe("string");
    expect((await fragtax(["verify"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
  });
});
