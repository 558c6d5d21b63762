/**
 * What-if builds end to end: the real CLI, the real engine, the fixture project in a temp folder.
 * The override must reach the notebooks (the worker reloads the assumptions file itself), show on
 * the report's first page, be recorded in build-log.json, and make publish refuse the build.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../../project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const fragtax = (args: readonly string[], cwd: string) => spawnSync(process.execPath, [join(import.meta.dirname, "../../../dist/cli.cjs"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const read = (root: string, name: string): string => readFileSync(join(root, "out", "build", name), "utf8");
const runCost = (root: string) => (JSON.parse(read(root, "figures.json")) as Array<{ id: string; p50: number; p5: number }>).find((figure) => figure.id === "run_cost_usd");

describe("fragtax build --set / --assumptions (what-if)", () => {
  it("changes the figures, shows the banner on the first page, logs the overrides, and publish refuses it", () => {
    project = tempProject();
    const { root } = project;
    const plain = fragtax(["build", "--no-pdf", "--root", root], root);
    expect(plain.status).toBe(0);
    expect(runCost(root)?.p50).toBe(25e6);
    expect(read(root, "report.html")).not.toContain('data-fragtax="what-if"');

    const whatIf = fragtax(["build", "--no-pdf", "--root", root, "--set", "h100_usd_per_gpu_hour=4..6"], root);
    expect(whatIf.stderr).toContain("what-if: h100_usd_per_gpu_hour = 4..6 (uniform, its bounds)"); // the fixture's price is uniform
    expect(whatIf.status).toBe(0);
    // The normal report it replaced is kept, and said to be (a failed build after it kept the what-if's page instead).
    expect(whatIf.stderr).toContain("the last normal build that did not fail is kept in out/last-good/ (report.html, its records), as this build replaced it, until a build succeeds");
    expect(readFileSync(join(root, "out", "last-good", "report.html"), "utf8")).not.toContain('data-fragtax="what-if"');
    expect(runCost(root)?.p50).toBe(50e6);
    const page = read(root, "report.html");
    const banner = page.indexOf('data-fragtax="what-if"');
    expect(banner).toBeGreaterThan(page.indexOf('<header class="title-page">'));
    expect(banner).toBeLessThan(page.indexOf("</header>"));
    expect(page.slice(banner, page.indexOf("</section>", banner))).toMatch(/h100_usd_per_gpu_hour<\/code><\/td><td>H100 rental price<\/td><td>\$2–\$3<\/td><td><strong>\$4–\$6<\/strong><\/td><td>USD\/GPU-hour<\/td>/);
    const log = JSON.parse(read(root, "build-log.json")) as { whatIf: unknown; notebooks: Array<{ status: string; reason: string }> };
    expect(log.whatIf).toEqual({ overrides: [{ id: "h100_usd_per_gpu_hour", low: 4, high: 6 }], sources: ["--set"] });
    expect(log.notebooks[0]?.reason).toBe("re-ran: h100_usd_per_gpu_hour changed $2–$3/GPU-hour → $4–$6/GPU-hour (a what-if)");
    // The assumptions file itself is untouched.
    expect(readFileSync(join(root, "notebooks", "assumptions.yaml"), "utf8")).toContain("range: { low: 2, high: 3 }");

    const publish = fragtax(["publish", "--root", root], root);
    expect(publish.status).toBe(1);
    expect(publish.stderr).toMatch(/what-if/i);
    expect(publish.stderr).toContain("h100_usd_per_gpu_hour = 4..6");
    expect(existsSync(join(root, "out", "reports"))).toBe(false);

    // The build after it says the value it leaves was a what-if's: the file did not change.
    const after = fragtax(["build", "--no-pdf", "--root", root], root);
    expect(after.status).toBe(0);
    expect(after.stderr).toMatch(/executed in [\d.]+ s \(re-ran: h100_usd_per_gpu_hour changed \$4–\$6\/GPU-hour \(a what-if\) → \$2–\$3\/GPU-hour\)/);
    expect(runCost(root)?.p50).toBe(25e6);
  }, 180_000); // several cold builds, each type-checking its notebooks once

  it("takes overrides from a file, a value override reaching the notebook", () => {
    project = tempProject();
    const { root } = project;
    const file = join(root, "what-if.yaml");
    writeFileSync(file, "h100_usd_per_gpu_hour: 1..1.5\nrun_gpu_hours: 20000000\n");
    const run = fragtax(["build", "--no-pdf", "--root", root, "--assumptions", file], root);
    expect(run.status).toBe(0);
    expect(runCost(root)?.p50).toBe(25e6); // 1.25 USD × 20M hours
    expect(runCost(root)?.p5).toBe(20.5e6);
    expect(read(root, "report.html")).toContain(`overridden for this build only (${file})`);
  });

  it("a copy of the assumptions file: unedited, a normal build that says so; with a field a what-if does not apply, exit 2 before any chapter runs", () => {
    project = tempProject();
    const { root } = project;
    const file = join(root, "what-if.yaml");
    const original = readFileSync(join(root, "notebooks", "assumptions.yaml"), "utf8");
    writeFileSync(file, original);
    const same = fragtax(["build", "--no-pdf", "--root", root, "--assumptions", file], root);
    expect(same.status).toBe(0);
    expect(same.stderr).toContain(`what-if: ${file} overrides nothing (every value and range in it is notebooks/assumptions.yaml's): this is a normal build`);
    expect(read(root, "report.html")).not.toContain('data-fragtax="what-if"');
    const before = read(root, "figures.json");
    writeFileSync(file, original.replace("range: { low: 2, high: 3 }\n    distribution: uniform", "range: { low: 2, high: 3 }\n    distribution: lognormal"));
    const edited = fragtax(["build", "--no-pdf", "--root", root, "--assumptions", file], root);
    expect(edited.status).toBe(2);
    expect(edited.stderr).toMatch(/what-if\.yaml:\d+:\d+: h100_usd_per_gpu_hour's "distribution" differs from notebooks\/assumptions\.yaml, and a what-if does not apply it/);
    expect(edited.stderr).not.toContain("execute:");
    expect(read(root, "figures.json")).toBe(before);
  }, 180_000);

  it("a --set of the file's own value or range overrides nothing: said, and not a what-if (alone, a normal build)", () => {
    project = tempProject();
    const { root } = project;
    const own = fragtax(["build", "--no-pdf", "--root", root, "--set", "h100_usd_per_gpu_hour=2..3"], root);
    expect(own.status).toBe(0);
    expect(own.stderr).toContain("what-if: h100_usd_per_gpu_hour = 2..3 is notebooks/assumptions.yaml's own: it overrides nothing");
    expect(read(root, "report.html")).not.toContain('data-fragtax="what-if"');
    expect((JSON.parse(read(root, "build-log.json")) as { whatIf: unknown }).whatIf).toBeNull();
    expect(runCost(root)?.p50).toBe(25e6);

    const mixed = fragtax(["build", "--no-pdf", "--root", root, "--set", "h100_usd_per_gpu_hour=2..3", "--set", "run_gpu_hours=20000000"], root);
    expect(mixed.status).toBe(0);
    expect(mixed.stderr).toContain("what-if: h100_usd_per_gpu_hour = 2..3 is notebooks/assumptions.yaml's own: it overrides nothing");
    expect((JSON.parse(read(root, "build-log.json")) as { whatIf: unknown }).whatIf).toEqual({ overrides: [{ id: "run_gpu_hours", value: 20000000 }], sources: ["--set"] });
    expect(read(root, "report.html")).toContain('data-fragtax="what-if"');
    expect(runCost(root)?.p50).toBe(50e6);

    // With an overrides file: the file's override stays, and a --set that overrode nothing is no source.
    const file = join(root, "what-if.yaml");
    writeFileSync(file, "run_gpu_hours: 20000000\n");
    const withFile = fragtax(["build", "--no-pdf", "--root", root, "--assumptions", file, "--set", "h100_usd_per_gpu_hour=2..3"], root);
    expect(withFile.status).toBe(0);
    expect((JSON.parse(read(root, "build-log.json")) as { whatIf: unknown }).whatIf).toEqual({ overrides: [{ id: "run_gpu_hours", value: 20000000 }], sources: [file] });
    // A file whose only override --set replaces with the file's own value: a normal build, and not said to override nothing.
    const replaced = fragtax(["build", "--no-pdf", "--root", root, "--assumptions", file, "--set", "run_gpu_hours=10000000"], root);
    expect(replaced.status).toBe(0);
    expect(replaced.stderr).toContain(`what-if: ${file}'s run_gpu_hours = 20000000 is not used: --set gives that id too, and --set wins`);
    expect(replaced.stderr).toContain("what-if: run_gpu_hours = 10000000 is notebooks/assumptions.yaml's own: it overrides nothing");
    expect(replaced.stderr).not.toContain("overrides nothing (every value and range in it");
    expect((JSON.parse(read(root, "build-log.json")) as { whatIf: unknown }).whatIf).toBeNull();
  }, 180_000);

  it("exits 2 naming the nearest ids for an unknown id, writing nothing", () => {
    project = tempProject();
    const { root } = project;
    const run = fragtax(["build", "--no-pdf", "--root", root, "--set", "h100_usd_per_gpu_hr=3"], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--set h100_usd_per_gpu_hr=3: unknown assumption "h100_usd_per_gpu_hr"; did you mean "h100_usd_per_gpu_hour"');
    expect(existsSync(join(root, "out", "build"))).toBe(false);
    // Two overrides files: the first would be replaced unread.
    const twice = fragtax(["build", "--no-pdf", "--root", root, "--assumptions", "a.yaml", "--assumptions", "b.yaml"], root);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain("--assumptions is given twice (a.yaml, then b.yaml); give one overrides file, and --set for single values");
    expect(existsSync(join(root, "out", "build"))).toBe(false);
    // An empty name: it built as "overriding nothing", a normal build, where every other empty argument is refused.
    const empty = fragtax(["build", "--no-pdf", "--root", root, "--assumptions", ""], root);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("--assumptions is empty: give the overrides file, or leave --assumptions out for a normal build");
    expect(existsSync(join(root, "out", "build"))).toBe(false);
  });
});
