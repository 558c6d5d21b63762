import { readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES, fragtax, git, makeProject, useBuild } from "../published-project";
import { stableJson } from "../../src/util/hash";
import { TOOL_VERSION } from "../../src/version";

let root: string;
beforeEach(async () => {
  root = await makeProject();
});
afterEach(async () => rm(root, { recursive: true, force: true }));

async function publishBoth(): Promise<void> {
  await useBuild(root, "v1");
  expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
  await useBuild(root, "v2");
  expect((await fragtax(["publish", "--date", "2026-05-20"], { cwd: root })).code).toBe(0);
}

describe("fragtax diff", () => {
  it("diffs two published versions as stable JSON matching the golden file", async () => {
    await publishBoth();
    const result = await fragtax(["diff", "2026-05-01", "2026-05-20", "--json"], { cwd: root });
    expect(result.stderr).toBe("");
    const diff = JSON.parse(result.stdout);
    // What each side was built from names the Node and fragtax that published it: checked here, and
    // the rest, byte for byte in its stable form, against the golden file.
    const tools = { fragtax: TOOL_VERSION, node: process.versions.node };
    const { builtFrom, ...rest } = diff;
    expect(builtFrom).toEqual({ before: { commit: null, dirty: null, tools }, after: { commit: null, dirty: null, tools }, codeChanged: false, tools: [] });
    expect(result.stdout).toBe(stableJson(diff));
    expect(stableJson(rest)).toBe(await readFile(join(FIXTURES, "diff-v1-v2.golden.json"), "utf8"));
    expect(diff.figures.map((f: { id: string }) => f.id)).toEqual([
      "training_run_cost_usd", "fragmentation_tax_share", "merchant_era_spend_usd", "gpu_count",
    ]);
    // An unknown version is bad input (exit 2); the message lists the versions there are.
    const unknown = await fragtax(["diff", "2026-05-01", "2026-06-01"], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"2026-06-01" is not a published version');
    expect(unknown.stderr).toContain("published versions: 2026-05-01, 2026-05-20");
  });

  it("prints a readable terminal report without colour under NO_COLOR, and escaped HTML", async () => {
    await publishBoth();
    const htmlFile = join(root, "diff.html");
    const result = await fragtax(["diff", "2026-05-01", "2026-05-20", "--html", htmlFile], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("\u001b[");
    expect(result.stderr).toContain(`wrote ${htmlFile} (the diff as a page)`);
    expect(result.stdout).toContain("Assumptions: 1 added, 1 removed, 1 changed");
    expect(result.stdout).toContain("range: $2–$3/GPU-hour → $2.50–$3.50/GPU-hour");
    expect(result.stdout).toContain("training_run_cost_usd  $28.8M ($20.1M–$40.2M) → $35.5M ($25M–$49M)  +$6.7M, +23%");
    const page = await readFile(htmlFile, "utf8");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toMatch(/<script|<link|src=/);
  });

  it("exits 2 naming file:line:column for an assumptions file with errors", async () => {
    const bad = join(root, "bad.yaml");
    await writeFile(bad, "assumptions:\n  - id: [x\n");
    const result = await fragtax(["diff", bad, join(FIXTURES, "v1/assumptions.yaml")], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:\d+:\d+: malformed YAML/);
  });

  it("diffs two assumption files (no figures)", async () => {
    const result = await fragtax(["diff", join(FIXTURES, "v1/assumptions.yaml"), join(FIXTURES, "v2/assumptions.yaml"), "--json"], { cwd: root });
    const diff = JSON.parse(result.stdout);
    expect(diff.figures).toBeNull();
    expect(diff.assumptions.changed[0].fields).toEqual(["range", "source", "note"]);
  });

  it("diffs the assumptions file between two git refs of a temporary repository", async () => {
    const run = (...args: string[]) => git("git", ["-C", root, ...args]);
    await run("init", "-q", "-b", "main");
    await run("config", "user.email", "t@example.com");
    await run("config", "user.name", "t");
    await writeFile(join(root, "notebooks/assumptions.yaml"), await readFile(join(FIXTURES, "v1/assumptions.yaml")));
    await run("add", ".");
    await run("commit", "-qm", "v1");
    await run("tag", "before");
    await writeFile(join(root, "notebooks/assumptions.yaml"), await readFile(join(FIXTURES, "v2/assumptions.yaml")));
    await run("commit", "-qam", "v2");
    await mkdir(join(root, "sub"), { recursive: true });
    const result = await fragtax(["diff", "before", "HEAD", "--json"], { cwd: join(root, "sub"), env: { FRAGTAX_NOTHING: "" } });
    expect(result.stderr).toBe("");
    const diff = JSON.parse(result.stdout);
    expect(diff.from).toBe("before");
    expect(diff.assumptions.added.map((a: { id: string }) => a.id)).toEqual(["scenario_merchant_era_probability"]);
    expect(diff.assumptions.removed.map((a: { id: string }) => a.id)).toEqual(["retired_assumption"]);
    expect(diff.assumptions.changed.map((a: { id: string }) => a.id)).toEqual(["h100_usd_per_gpu_hour"]);
    const unknown = await fragtax(["diff", "no-such-ref", "HEAD"], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"no-such-ref" is not a published version');
    // A path that is not there is said to be no file first (it read as an unknown version or ref).
    const missing = await fragtax(["diff", "notebooks/nope.yaml", "HEAD"], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('there is no file "notebooks/nope.yaml", and it is not a published version');
  });
});
