/** The data cut-off end to end: report.yaml's asOf against the sources, on the title page, in the log. */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const setReport = (root: string, extra: string): void => {
  const file = join(root, "notebooks", "report.yaml");
  writeFileSync(file, `${readFileSync(file, "utf8")}${extra}`);
};
const cli = (root: string) => spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", root], { encoding: "utf8" });

describe("as-of dates", () => {
  it("a source dated after asOf stops the build with exit 2, naming the assumption at its date's line and column, and writes nothing", () => {
    project = tempProject();
    setReport(project.root, "asOf: 2026-04-01\n");
    const run = cli(project.root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      // At the date to edit (line 8 of the entry that starts on line 2), not at the entry's first line.
      'notebooks/assumptions.yaml:8:79: assumption "h100_usd_per_gpu_hour": source dated 2026-04-28 is after the report\'s as-of date 2026-04-01; use a source published by then, or move "asOf" in report.yaml',
    );
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(spawnSync("ls", [join(project.root, "out", "build")]).status).not.toBe(0);
  });

  // Before, asOf: 2099-01-01 let a source dated 2098 through (exit 0) and the title page read
  // "Version of 2026-11-30 / Data as of 2099-01-01".
  it("an asOf after the version's date (report.yaml's, else today's) stops the build with exit 2 at asOf's line", () => {
    project = tempProject();
    setReport(project.root, "date: 2026-06-01\nasOf: 2026-11-30\n");
    const dated = cli(project.root);
    expect(dated.status).toBe(2);
    const lines = readFileSync(join(project.root, "notebooks", "report.yaml"), "utf8").split("\n");
    expect(dated.stderr).toContain(`notebooks/report.yaml:${lines.indexOf("asOf: 2026-11-30") + 1}:7: "asOf" 2026-11-30 is after this version's date 2026-06-01 (report.yaml's date)`);
    writeFileSync(join(project.root, "notebooks", "report.yaml"), lines.filter((line) => !line.startsWith("date:")).join("\n").replace("asOf: 2026-11-30", "asOf: 2999-01-01"));
    const undated = cli(project.root);
    expect(undated.status).toBe(2);
    expect(undated.stderr).toMatch(/"asOf" 2999-01-01 is after this version's date \d{4}-\d{2}-\d{2} \(today\)/);
    expect(spawnSync("ls", [join(project.root, "out", "build")]).status).not.toBe(0);
    // `fragtax check` stops where the build would, with the same located message (it said nothing, exit 0).
    const checked = spawnSync("node", ["dist/cli.cjs", "check", "--root", project.root], { encoding: "utf8" });
    expect(checked.status).toBe(2);
    expect(checked.stderr).toMatch(/notebooks\/report\.yaml:\d+:7: "asOf" 2999-01-01 is after this version's date \d{4}-\d{2}-\d{2} \(today\)/);
  });

  it("shows the version date and the as-of date on the title page and records asOf in build-log.json", () => {
    project = tempProject();
    setReport(project.root, "date: 2026-11-29\nasOf: 2026-05-01\n");
    const run = cli(project.root);
    expect(run.status).toBe(0);
    const page = readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
    expect(page).toContain('<p class="kicker">Version of 2026-11-29</p>');
    // The cut-off is a bound; the inputs' own latest date follows it.
    expect(page).toContain('<p class="as-of">Data as of 2026-05-01: no source dated later is used; the latest is dated 2026-04-28</p>');
    expect(page).toContain('<meta name="fragtax-as-of" content="2026-05-01">');
    expect(JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8"))).toMatchObject({ asOf: "2026-05-01" });
  });

  it("rejects a date that is not on the calendar, naming the key and line", () => {
    project = tempProject();
    setReport(project.root, "asOf: 2026-02-30\n");
    const run = cli(project.root);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/notebooks\/report\.yaml:11:\d+: .*asOf.*not a calendar date/);
  });
});
