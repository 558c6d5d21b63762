/**
 * README is executed as a newcomer would run it: a fresh clone of this checkout in a temporary
 * folder, the quick start exactly as written, then every shell example README shows, in order,
 * through `npx fragtax …` (the installed bin, not `node dist/cli.cjs`). Each command must exit as
 * README says and print the output README promises. A README example that stops working fails CI.
 *
 * `npm test` itself is the one command not run here: it is the command that runs this test.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { missingOutput, readmeCommands } from "./readme-commands.js";

const repo = resolve(import.meta.dirname, "../..");
const readme = readFileSync(join(repo, "README.md"), "utf8");

/** A clone of the checkout, with the working tree's uncommitted edits laid over it (identical on CI). */
function freshClone(): string {
  const root = mkdtempSync(join(tmpdir(), "fragtax-readme-"));
  const clone = join(root, "fragtax");
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", repo, clone]);
  const git = (...args: string[]): string[] =>
    execFileSync("git", args, { cwd: repo, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of git("ls-files", "-z", "--cached", "--others", "--exclude-standard")) {
    const from = join(repo, file);
    if (!existsSync(from) || statSync(from).isDirectory()) continue;
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(from, join(clone, file));
  }
  for (const file of git("ls-files", "-z", "--deleted")) rmSync(join(clone, file), { force: true });
  return clone;
}

/** The user's environment, without what the test runner adds to it. */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("VITEST") || key === "NODE_ENV" || key === "TEST") continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: "1" };
}

describe("README, run as written in a fresh clone", () => {
  const commands = readmeCommands(readme).filter((entry) => entry.command !== "npm test");
  const clone = freshClone();
  const timings: Array<{ command: string; seconds: number; exit: number | null }> = [];

  afterAll(() => {
    mkdirSync(join(repo, "test/.tmp"), { recursive: true });
    writeFileSync(join(repo, "test/.tmp/readme-commands.json"), `${JSON.stringify(timings, null, 2)}\n`);
    console.log(timings.map((t) => `${t.seconds.toFixed(1).padStart(6)} s  exit ${t.exit}  ${t.command}`).join("\n"));
    rmSync(dirname(clone), { recursive: true, force: true });
  });

  it("finds the quick start and the command examples", () => {
    expect(commands[0]?.command).toBe("npm install && npm run report");
    expect(commands.filter((entry) => entry.command.startsWith("npx fragtax ")).length).toBeGreaterThanOrEqual(3);
  });

  for (const entry of commands) {
    it(`README.md:${entry.line}: ${entry.command}`, () => {
      const started = performance.now();
      const result = spawnSync("bash", ["-c", entry.command], {
        cwd: clone, env: userEnvironment(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
      });
      timings.push({ command: entry.command, seconds: (performance.now() - started) / 1000, exit: result.status });
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status, `exit code of \`${entry.command}\`\n${output.slice(-4000)}`).toBe(entry.expectedExit);
      expect(missingOutput(entry.promisedOutput, result.stdout), "output lines README promises").toEqual([]);
      if (entry.command.includes("npm run report")) {
        // The quick start's promise: the HTML and the PDF, and a bin that still runs after a re-bundle.
        for (const file of ["out/build/report.html", "out/build/report.pdf"]) expect(existsSync(join(clone, file)), file).toBe(true);
        expect(statSync(join(clone, "dist/cli.cjs")).mode & 0o111, "dist/cli.cjs executable").not.toBe(0);
      }
    }, 15 * 60_000);
  }
});
