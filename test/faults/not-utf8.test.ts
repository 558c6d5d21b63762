/**
 * A project file saved in another encoding than UTF-8 (a Latin-1 `é`): the build read it as U+FFFD,
 * exit 0, and the report said "caf�" where the author wrote "café". Now each command refuses it at
 * the first such byte, by file, line and column, exit 2, and the last build's outputs stay as they were.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const fragtax = (root: string, ...args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, "../../dist/cli.cjs"), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

/** `file` with the Latin-1 bytes of "café " put before the first `before`. */
function withLatin1(file: string, before: string): void {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(before);
  writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20]), bytes.subarray(at)]));
}

describe("a project file that is not UTF-8", () => {
  it.each([
    ["the assumptions file, in a label", "assumptions.yaml", "H100 rental price", /^notebooks\/assumptions\.yaml:4:\d+: byte 0xE9 is not UTF-8 text/m],
    ["report.yaml, in the title", "report.yaml", "A Small Report", /^notebooks\/report\.yaml:1:\d+: byte 0xE9 is not UTF-8 text/m],
    ["a notebook, in a markdown cell", "01-price.ipynb", "What one frontier run", /^notebooks\/01-price\.ipynb:\d+:\d+: byte 0xE9 is not UTF-8 text/m],
  ])("%s: refused by build and check at its line and column, exit 2, the last build kept", (_where, name, before, expected) => {
    project = tempProject();
    const { root } = project;
    expect(fragtax(root, "build", "--no-pdf").status).toBe(0);
    const page = readFileSync(join(root, "out", "build", "report.html"), "utf8");
    withLatin1(join(root, "notebooks", name), before);
    for (const command of [["build", "--no-pdf"], ["check"]]) {
      const refused = fragtax(root, ...command);
      expect(refused.status, `${command[0]}: ${refused.stderr}`).toBe(2);
      expect(refused.stderr).toMatch(expected);
      expect(refused.stderr).not.toContain("\uFFFD");
    }
    expect(readFileSync(join(root, "out", "build", "report.html"), "utf8")).toBe(page);
  }, 120_000);

  it("a what-if file or a diff's assumptions file: refused at its line and column too, exit 2", () => {
    project = tempProject();
    const { root } = project;
    const file = join(root, "what-if.yaml");
    writeFileSync(file, Buffer.concat([Buffer.from("h100_usd_per_gpu_hour: 3..4 # caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    const whatIf = fragtax(root, "build", "--no-pdf", "--assumptions", file);
    expect(whatIf.status).toBe(2);
    expect(whatIf.stderr).toMatch(/what-if\.yaml:1:34: byte 0xE9 is not UTF-8 text/);
    expect(whatIf.stderr).not.toContain("execute:");
    const diff = fragtax(root, "diff", file, join(root, "notebooks", "assumptions.yaml"));
    expect(diff.status).toBe(2);
    expect(diff.stderr).toMatch(/what-if\.yaml:1:34: byte 0xE9 is not UTF-8 text/);
  }, 120_000);
});
