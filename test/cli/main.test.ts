import { execFileSync, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";

describe("fragtax CLI", () => {
  it("prints help naming the tool", () => {
    const out = execFileSync("node", ["dist/cli.cjs", "--help"], { encoding: "utf8" });
    expect(out).toContain("Usage: fragtax");
  });

  it("documents build's exit codes and shows examples in its help", () => {
    const out = execFileSync("node", ["dist/cli.cjs", "build", "--help"], { encoding: "utf8" });
    expect(out).toMatch(/Exit codes: 0 built; 1 a cell failed/);
    expect(out).toContain("$ fragtax build --set h100_usd_per_gpu_hour=2.5..3.5");
  });

  it("keeps a help's code cache apart from its command's: `build --help` never makes the one every build loads", () => {
    // Made as the process exits, the cache holds what that process compiled: a help's would leave builds compiling the rest.
    const cacheDir = join("node_modules", ".cache", "fragtax", "v8");
    const helps = (): string[] => readdirSync(cacheDir).filter((name) => name.startsWith("main.cjs.help-"));
    for (const name of helps()) rmSync(join(cacheDir, name), { force: true });
    execFileSync("node", ["dist/cli.cjs", "build", "--help"], { encoding: "utf8" });
    expect(helps()).toHaveLength(1);
  });

  it("states check's exit codes, shows diff and dev examples, and dev's default port as a number", () => {
    const help = (command: string): string => execFileSync("node", ["dist/cli.cjs", command, "--help"], { encoding: "utf8" });
    expect(help("check")).toMatch(/Exit codes: 0 no type errors, every image in markdown cells can be inlined, every assumption id named is known; 1 type errors or an image/);
    expect(help("publish")).toMatch(/Exit codes: 0 published; 1 refused/);
    expect(help("diff")).toContain("$ fragtax diff 2026-04-28 2026-11-26");
    const dev = help("dev");
    expect(dev).toContain("$ fragtax dev --port 0");
    expect(dev).toContain("(default: 4321)");
    expect(dev).not.toContain('"4321"');
    const root = (command: string): string => (/--root <dir>\s+([\s\S]*?)\n\s+-/.exec(help(command))?.[1] ?? "").replace(/\s+/g, " ");
    expect(root("publish")).toBe(root("build"));
    expect(root("build")).toContain("notebooks/report.yaml");
    // The timeout's default in seconds, as the port's is a number, not the quoted text "60"; every command's line ends alike.
    for (const command of ["build", "run", "dev"]) expect(help(command)).toMatch(/\(default: 60 s\)/);
    const commands = execFileSync("node", ["dist/cli.cjs", "--help"], { encoding: "utf8" }).split("Commands:")[1] ?? "";
    const descriptions = commands.split(/\n {2}(?=\S)/).map((entry) => entry.replace(/\s+/g, " ").trim()).filter((entry) => entry !== "" && !entry.startsWith("help "));
    expect(descriptions.length).toBeGreaterThanOrEqual(8);
    for (const entry of descriptions) expect(entry).toMatch(/\.$/);
  });

  it("exits 2 on bad usage of any command (commander's own code is 1), 0 for help", () => {
    const status = (...args: string[]): number | null => spawnSync("node", ["dist/cli.cjs", ...args], { encoding: "utf8" }).status;
    expect([status("build", "--bogus"), status("publish", "--bogus"), status("diff", "only-one"), status("dev", "--bogus"), status("no-such-command")]).toEqual([2, 2, 2, 2, 2]);
    expect(status("build", "--help")).toBe(0);
  });

  it("a usage error is its line, the command or option meant, and where the usage is: not the whole help under it", () => {
    const run = (...args: string[]) => spawnSync("node", ["dist/cli.cjs", ...args], { encoding: "utf8" });
    expect(run("biuld").stderr).toBe("error: unknown command 'biuld'\n(Did you mean build?)\n(`fragtax --help` lists the commands)\n");
    expect(run("build", "--no-pfd").stderr).toBe("error: unknown option '--no-pfd'\n(Did you mean --no-pdf?)\n(`fragtax build --help` lists its arguments and options)\n");
    // "What-if" names these builds in README; the flags that make one are said.
    const whatIf = run("build", "--what-if", "h100_usd_per_gpu_hour=3");
    expect(whatIf.status).toBe(2);
    expect(whatIf.stderr).toContain("error: unknown option '--what-if'\n");
    expect(whatIf.stderr).toContain("a what-if build is asked for with --set id=value (or id=low..high), repeated for each assumption, or --assumptions FILE");
    expect(run("build", "--what-if=h100_usd_per_gpu_hour=3").stderr).toContain("a what-if build is asked for with --set");
    // A command that takes no --set is not told to add one: only build makes a what-if.
    const diffWhatIf = run("diff", "--what-if", "2026-04-28", "2026-11-26");
    expect(diffWhatIf.status).toBe(2);
    expect(diffWhatIf.stderr).toContain("fragtax diff makes no what-if; a what-if build is `fragtax build --set id=value`");
    expect(diffWhatIf.stderr).not.toContain("a what-if build is asked for with --set");
    const missing = run("diff", "only-one");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("(`fragtax diff --help` lists its arguments and options)");
    expect(missing.stderr).not.toContain("Usage:");
  });

  it("`help` of an unknown command says so, with the command meant, as the unknown command itself does (exit 2)", () => {
    const run = (...args: string[]) => spawnSync("node", ["dist/cli.cjs", ...args], { encoding: "utf8" });
    const typo = run("help", "bild");
    expect(typo.status).toBe(2);
    expect(typo.stderr.startsWith("error: unknown command 'bild'\n(Did you mean build?)\n")).toBe(true);
    expect(run("bild").stderr).toContain("error: unknown command 'bild'\n(Did you mean build?)");
    const unknown = run("help", "nosuch");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("error: unknown command 'nosuch'");
    const known = run("help", "build");
    expect(known.status).toBe(0);
    expect(`${known.stdout}${known.stderr}`).not.toContain("unknown command");
    // Help on help is the whole usage, without an error line (it said "unknown command '--help'", exit 0; `help help` exit 2).
    for (const flag of ["--help", "-h", "help"]) {
      const onHelp = run("help", flag);
      expect(onHelp.status, flag).toBe(0);
      expect(onHelp.stderr, flag).toBe("");
      expect(onHelp.stdout, flag).toContain("Usage: fragtax [options] [command]");
    }
  });

  it("refuses an argument holding a line break or control character, on one line, before any command reads it", () => {
    const run = (...args: string[]) => spawnSync("node", ["dist/cli.cjs", ...args], { encoding: "utf8", cwd: process.cwd() });
    const forged = "fragtax: wrote out/build/report.html";
    for (const args of [["run", `nope\n${forged}.ipynb`], ["new", "energy\u001b[31m"], ["build", "--root", `x\r${forged}`], ["check", "a\u0007.ipynb"], ["diff", "a", `b\n${forged}`]]) {
      const result = run(...args);
      expect(result.status, args.join(" ")).toBe(2);
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines, args.join(" ")).toHaveLength(1);
      expect(lines[0]).toMatch(/^fragtax: the argument ".*\\x(0a|1b|0d|07).*" holds a line break or control character/);
      expect(result.stderr).not.toContain("\u001b");
    }
    // A publish note is prose: a line break in it reaches publish, which refuses --index-only with a note for its own reason.
    const note = run("publish", "--index-only", "--note", "first line\nsecond line");
    expect(note.status).toBe(2);
    expect(note.stderr).toContain("--index-only publishes nothing");
    // Another control character in a note is refused in a note's words: line breaks are allowed there.
    for (const args of [["--note", "a\u001b[2J"], ["--note=a\u001b[2J"]]) {
      const refused = run("publish", "--index-only", ...args);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('fragtax: --note "a\\x1b[2J" holds a control character (shown as \\x..); a note may have line breaks and tabs');
      expect(refused.stderr).not.toContain("\u001b");
    }
  });
});

describe("output to a reader that stops reading", () => {
  // `--root "$PROJECT"` with the variable unset quietly used the current folder's project.
  it("exits 2 on an empty --root, whatever the command", () => {
    for (const args of [["build"], ["publish"], ["dev"], ["diff", "a", "b"], ["new", "x"]]) {
      // Run from a folder outside any project, so a regression cannot write into this repository.
      const run = spawnSync("node", [join(process.cwd(), "dist/cli.cjs"), ...args, "--root", ""], { encoding: "utf8", cwd: tmpdir() });
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("--root is empty: give the project's folder");
    }
  });

  it("ends normally, without Node's EPIPE crash, when the pipe closes early (`fragtax new --help | true`)", () => {
    for (const args of ["new --help", "--help", "run --help"]) {
      // bash's PIPESTATUS gives fragtax's own exit status, not head's.
      const piped = spawnSync("bash", ["-c", `node dist/cli.cjs ${args} | true; echo "status=\${PIPESTATUS[0]}"`], { encoding: "utf8" });
      expect(piped.stdout.trim()).toBe("status=0");
      expect(piped.stderr).not.toMatch(/EPIPE|Unhandled|node:events/);
    }
  });
});

describe("the fragtax bin", () => {
  it("stays executable after a re-bundle, so `npx fragtax` keeps working", () => {
    // `npm test` re-bundled dist/ just before the tests ran: this is the file the bundler last wrote.
    expect(statSync("dist/cli.cjs").mode & 0o111).not.toBe(0);
    const out = execFileSync("npx", ["--no-install", "fragtax", "--help"], { encoding: "utf8" });
    expect(out).toContain("Usage: fragtax");
  });

  it("is CommonJS files whose code holds no import(): a function restored from V8's code cache could not run it", () => {
    // On Node 20 such an import() fails ("A dynamic import callback was not specified") once the
    // bundle's cache exists; scripts/bundle-cli.mjs makes each a require. The vendor files load through the cache too.
    const files = ["dist/main.cjs", ...readdirSync("dist/vendor").filter((name) => name.endsWith(".cjs")).map((name) => `dist/vendor/${name}`)];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const program = parse(readFileSync(file, "utf8"), { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true });
      const imports: number[] = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (typeof node === "object" && node !== null) {
          if ((node as { type?: unknown }).type === "ImportExpression") imports.push((node as { start: number }).start);
          Object.values(node).forEach(visit);
        }
      };
      visit(program);
      expect(imports, file).toEqual([]);
    }
  });

  it("says what is wrong, not Node's stack trace, when the install has no templates/ (its code cache has no home)", () => {
    // The bin names its code cache's folder from the install's root, found by templates/report.html;
    // without it, help still prints and a command ends with fragtax's own message, as before the bin
    // loaded the CLI through the cache.
    const install = mkdtempSync(join(tmpdir(), "fragtax-no-templates-"));
    try {
      mkdirSync(join(install, "dist"));
      for (const file of ["cli.cjs", "main.cjs"]) copyFileSync(join("dist", file), join(install, "dist", file));
      copyFileSync("package.json", join(install, "package.json"));
      symlinkSync(join(process.cwd(), "node_modules"), join(install, "node_modules"), "junction");
      const help = spawnSync("node", [join(install, "dist/cli.cjs"), "--help"], { encoding: "utf8", cwd: tmpdir() });
      expect(help.stderr).toBe("");
      expect(help.stdout).toContain("Usage: fragtax");
      expect(help.status).toBe(0);
      const build = spawnSync("node", [join(install, "dist/cli.cjs"), "build", "--root", join(install, "no-such-report")], { encoding: "utf8", cwd: tmpdir() });
      expect(build.stderr).not.toMatch(/^\s+at /m);
      expect(build.stderr).toContain("fragtax");
      expect(build.status).not.toBe(0);
    } finally {
      rmSync(install, { recursive: true, force: true });
    }
  });
});
