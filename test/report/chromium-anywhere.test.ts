// The Chromium that prints: the packaged one, a damaged unpack, a broken package (and an installed
// browser printing instead), a print past its time limit, and a build killed with -9 while printing. Real browsers,
// real processes; the CLI tests run the bundled dist/cli.cjs (`npm test` bundles it first).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pdfTimedOut } from "../../src/messages/report";
import { ChromiumNotFoundError, launchChromium, PackagedChromiumBroken, systemChromium } from "../../src/report/chromium";
import { packagedChromiumPackage, unpackChromium, unpackFolder } from "../../src/report/packaged-chromium";
import { toolCacheDir } from "../../src/util/tool-cache";
import { launchForPrint, printPdf } from "../../src/report/pdf";
import { tempFolders } from "../project";

const temp = tempFolders();

const pkg = packagedChromiumPackage();

/** Pids of running processes whose command line contains `text`. */
function processesWith(text: string): number[] {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text);
    } catch {
      return false;
    }
  }).map(Number);
}

/** A package whose "Chromium" is a script that fails, with an empty library archive, unpacked into a scratch folder. */
function brokenPackage(prefix: string): { dir: string; version: string; folder: string } {
  const scratch = temp.scratch(prefix);
  const dir = join(scratch, "package");
  mkdirSync(join(dir, "bin"), { recursive: true });
  writeFileSync(join(dir, "bin", "chromium.br"), brotliCompressSync(Buffer.from("#!/bin/sh\necho broken >&2\nexit 1\n")));
  writeFileSync(join(dir, "bin", "al2023.tar.br"), brotliCompressSync(Buffer.alloc(1024)));
  return { dir, version: "0.0.0-test", folder: join(scratch, "unpacked") };
}

const profilesOf = (pid: number): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith(`fragtax-chromium-${pid}-`));

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/** `openSync(file, "r+")`, tried again while the file is a running program's (ETXTBSY), for up to 20 s. */
async function openWhenNotBusy(file: string): Promise<number> {
  for (const end = Date.now() + 20_000; ; ) {
    try {
      return openSync(file, "r+");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ETXTBSY" || Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("the packaged Chromium", () => {
  it("prints report.pdf when system Chromium is hidden (FRAGTAX_NO_SYSTEM_CHROMIUM=1), unpacked into the install's cache, and the build log names it", { timeout: 180_000 }, () => {
    const project = temp.project();
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--root", project.root], { encoding: "utf8", env: { ...process.env, FRAGTAX_NO_SYSTEM_CHROMIUM: "1" } });
    expect(run.stderr).toMatch(/pdf: (A4|Letter), \d+ pages, \d+ KB, printed with the packaged Chromium \d+\.[\d.]+ \(.*node_modules\/\.cache\/fragtax\/packaged-chromium-[\d.]+\/chromium\)/);
    expect(run.status).toBe(0);
    const pdf = join(project.root, "out", "build", "report.pdf");
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const log = JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")) as { pdf: { status: string; chromium: { source: string; version: string } } };
    expect(log.pdf.status).toBe("written");
    expect(log.pdf.chromium.source).toBe("packaged");
    expect(log.pdf.chromium.version).toMatch(/Chrome\/\d+/);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(3);
  });

  it("unpacks again, once, when the unpacked binary is damaged", { timeout: 180_000 }, async () => {
    if (pkg === undefined) throw new Error("@sparticuz/chromium is not installed: run npm install");
    const scratch = temp.scratch("fragtax-unpack-test-");
    const packaged = { ...pkg, folder: join(scratch, "chromium") };
    const unpacking: string[] = [];
    const first = await launchChromium({ source: "packaged" }, { packaged, log: (line) => unpacking.push(line) });
    await first.close();
    // The first launch unpacks, and says so; one that finds it unpacked says nothing.
    expect(unpacking).toEqual([`unpacking the packaged Chromium ${pkg.version} into ${packaged.folder} (once per install, a few seconds)`]);
    const quiet: string[] = [];
    await (await launchChromium({ source: "packaged" }, { packaged, log: (line) => quiet.push(line) })).close();
    expect(quiet).toEqual([]);
    // Same size, garbage inside: the size stamp cannot tell, only starting it can.
    const binary = join(packaged.folder, "chromium");
    const size = statSync(binary).size;
    // The browser's helper processes (same binary) may outlive it for a moment on a busy machine: its file is busy until they go.
    const handle = await openWhenNotBusy(binary);
    writeSync(handle, Buffer.alloc(4096, 0x41), 0, 4096, 0);
    closeSync(handle);
    expect(statSync(binary).size).toBe(size);

    const lines: string[] = [];
    const second = await launchChromium({ source: "packaged" }, { packaged, log: (line) => lines.push(line) });
    try {
      expect(lines.join("\n")).toMatch(/did not start \(a damaged unpack\?\); unpacking it again/);
      const printed = await printPdf("<!doctype html><title>t</title><h1>Unpacked again</h1>", { title: "t", versionDate: "2026-01-01", paper: "A4" }, second);
      expect(printed.pages).toBe(1);
      expect(second.info.source).toBe("packaged");
    } finally {
      await second.close();
    }
  });

  it("unpacks into this install's cache, not a fixed name in the shared temp folder", () => {
    expect(unpackFolder("1.2.3", {})).toBe(join(toolCacheDir(), "packaged-chromium-1.2.3"));
    expect(unpackFolder("1.2.3", { FRAGTAX_CHROMIUM_DIR: "/scratch" })).toBe("/scratch/packaged-chromium-1.2.3");
  });

  /** An unpack someone else prepared: a "chromium" that leaves a mark when run, with a stamp of its size and a library folder. */
  function planted(folder: string, mark: string): void {
    mkdirSync(join(folder, "lib"), { recursive: true });
    writeFileSync(join(folder, "chromium"), `#!/bin/sh\ntouch ${mark}\n`, { mode: 0o755 });
    writeFileSync(join(folder, "stamp.json"), JSON.stringify({ size: statSync(join(folder, "chromium")).size }));
  }

  it("refuses an unpack that is not this user's own (a symbolic link to another's folder), and runs nothing from it", { timeout: 60_000 }, async () => {
    const scratch = temp.scratch("fragtax-unpack-foreign-");
    const mark = join(scratch, "ran");
    planted(join(scratch, "theirs"), mark);
    const packaged = { ...brokenPackage("fragtax-unpack-foreign-pkg-"), folder: join(scratch, "unpacked") };
    symlinkSync(join(scratch, "theirs"), packaged.folder);
    const launching = launchChromium({ source: "packaged" }, { packaged });
    await expect(launching).rejects.toThrow(ChromiumNotFoundError);
    await expect(launching).rejects.toThrow(/unpacked belongs to another user \(or is a symbolic link\), so the Chromium in it is not run: .*set FRAGTAX_CHROMIUM_DIR to a folder of your own/);
    expect(existsSync(mark)).toBe(false);
    // Neither followed nor replaced: their folder is as they left it.
    expect(readFileSync(join(scratch, "theirs", "chromium"), "utf8")).toContain(`touch ${mark}`);
  });

  it("unpacks afresh an unpack of ours that others could write to, with no group or other write anywhere in it", { timeout: 60_000 }, async () => {
    const scratch = temp.scratch("fragtax-unpack-open-");
    const mark = join(scratch, "ran");
    const broken = brokenPackage("fragtax-unpack-open-pkg-");
    const folder = join(scratch, "unpacked");
    planted(folder, mark);
    chmodSync(folder, 0o777);
    const unpacked = await unpackChromium(broken.dir, broken.version, { folder });
    // The package's own binary (the broken package's script), not the one placed there.
    expect(readFileSync(unpacked.executablePath, "utf8")).toContain("echo broken");
    for (const path of [folder, join(folder, "lib"), unpacked.executablePath, join(folder, "stamp.json")]) expect(statSync(path).mode & 0o022).toBe(0);
    expect(existsSync(mark)).toBe(false);
  });

  it("says what to do when even a fresh unpack does not start", { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    const launching = launchChromium({ source: "packaged" }, { packaged: brokenPackage("fragtax-unpack-test-"), log: (line) => lines.push(line) });
    await expect(launching).rejects.toThrow(ChromiumNotFoundError);
    await expect(launching).rejects.toThrow(/the packaged Chromium does not start, even freshly unpacked into .*unpacked: .*Reinstall it with `rm -rf node_modules\/@sparticuz\/chromium && npm install`/s);
    // The first unpack, then the fresh one after it did not start.
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^unpacking the packaged Chromium 0\.0\.0-test into /);
    expect(lines[1]).toMatch(/did not start \(a damaged unpack\?\); unpacking it again$/);
    expect(profilesOf(process.pid)).toEqual([]);
  });

  it("prints with an installed Chromium when the packaged one does not start, and says so", { timeout: 180_000 }, async () => {
    const lines: string[] = [];
    const launching = launchForPrint({ packaged: brokenPackage("fragtax-fallback-test-"), log: (line) => lines.push(line) });
    const installed = systemChromium();
    if (installed === undefined) {
      // No browser to fall back on (CI installs one): the packaged one's failure is the answer, as before.
      await expect(launching).rejects.toThrow(PackagedChromiumBroken);
      return;
    }
    const launched = await launching;
    try {
      expect(launched.info.source).toBe("system");
      expect(launched.info.executablePath).toBe(installed.executablePath);
      expect(lines.at(-1)).toMatch(/^the packaged Chromium does not start, even freshly unpacked into .*unpacked \(.*\); printing with the installed Chromium at \/\S+ instead$/);
      const page = await launched.browser.newPage();
      expect(await page.evaluate("1 + 1")).toBe(2);
    } finally {
      await launched.close();
    }
    expect(profilesOf(process.pid)).toEqual([]);
  });
});

describe("another user's unpack, with an installed Chromium", () => {
  it("is neither run nor said to be unpacked: the installed Chromium prints, and the build says why", { timeout: 180_000 }, async () => {
    const installed = systemChromium();
    const scratch = temp.scratch("fragtax-foreign-fallback-");
    const mark = join(scratch, "ran");
    mkdirSync(join(scratch, "theirs", "lib"), { recursive: true });
    writeFileSync(join(scratch, "theirs", "chromium"), `#!/bin/sh\ntouch ${mark}\n`, { mode: 0o755 });
    writeFileSync(join(scratch, "theirs", "stamp.json"), JSON.stringify({ size: statSync(join(scratch, "theirs", "chromium")).size }));
    const packaged = { ...brokenPackage("fragtax-foreign-fallback-pkg-"), folder: join(scratch, "unpacked") };
    symlinkSync(join(scratch, "theirs"), packaged.folder);
    const lines: string[] = [];
    const launching = launchForPrint({ packaged, log: (line) => lines.push(line) });
    if (installed === undefined) {
      // No browser to fall back on (CI installs one): the refusal is the answer.
      await expect(launching).rejects.toThrow(/belongs to another user/);
      return;
    }
    const launched = await launching;
    try {
      expect(launched.info.source).toBe("system");
      expect(lines.some((line) => line.startsWith("unpacking the packaged Chromium"))).toBe(false);
      expect(lines.at(-1)).toMatch(/unpacked belongs to another user \(or is a symbolic link\), so the Chromium in it is not run: .*; printing with the installed Chromium at \/\S+ instead$/);
    } finally {
      await launched.close();
    }
    expect(existsSync(mark)).toBe(false);
  });
});

describe("the print time-out message", () => {
  it("reads as said: 'an 800 KB page', 'a 900 KB page'", () => {
    expect(pdfTimedOut(60, 800)).toContain("the limit for an 800 KB page");
    expect(pdfTimedOut(60, 900)).toContain("the limit for a 900 KB page");
  });
});

describe("printing never leaves a Chromium behind", () => {
  it("kills the browser and removes its profile when a print runs past its time limit", { timeout: 180_000 }, async () => {
    const page = `<!doctype html><title>slow</title>${"<p>filler text for a page</p>".repeat(2000)}`;
    const printing = printPdf(page, { title: "slow", versionDate: "2026-01-01", paper: "A4", timeoutMs: 1 });
    await expect(printing).rejects.toThrow(/the PDF could not be printed: Chromium did not finish printing within 0 s .*The previous report\.pdf, if any, was left as it was/);
    expect(await until(() => processesWith(`fragtax-chromium-${process.pid}-`).length === 0, 5000)).toBe(true);
    expect(profilesOf(process.pid)).toEqual([]);
  });

  it("stops a Chromium that starts but never answers at its launch limit, saying so, where it waited puppeteer's 3 minutes in silence", { timeout: 60_000 }, async () => {
    // A browser binary that starts and then never reads its pipe: it records its pid and sleeps.
    const dir = temp.scratch("fragtax-silent-chromium-");
    const binary = join(dir, "chromium");
    writeFileSync(binary, `#!/bin/sh\necho $$ > ${JSON.stringify(join(dir, "pid"))}\nexec sleep 600\n`, { mode: 0o755 });
    const before = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = binary;
    try {
      const started = Date.now();
      const printing = printPdf("<!doctype html><title>t</title><p>x</p>", { title: "t", versionDate: "2026-01-01", paper: "A4", launchTimeoutMs: 2000 });
      await expect(printing).rejects.toThrow(`the PDF could not be printed: Chromium (${binary}) did not start: it did not answer within 2 s of being started, and was stopped.`);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      if (before === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = before;
    }
    const pid = Number(readFileSync(join(dir, "pid"), "utf8"));
    expect(await until(() => !existsSync(`/proc/${pid}`) || readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")[2] === "Z", 5000)).toBe(true);
    expect(profilesOf(process.pid)).toEqual([]);
  });

  it("takes Chromium down with a build killed by SIGKILL while printing; the next launch removes the orphaned profile", { timeout: 180_000 }, async () => {
    const project = temp.project();
    const child = spawn("node", ["dist/cli.cjs", "build", "--root", project.root], { stdio: "ignore" });
    const pid = child.pid ?? 0;
    const exited = new Promise((resolve) => child.on("exit", resolve));
    expect(await until(() => processesWith(`fragtax-chromium-${pid}-`).length > 0, 90_000)).toBe(true);
    child.kill("SIGKILL");
    await exited;
    expect(await until(() => processesWith(`fragtax-chromium-${pid}-`).length === 0, 10_000)).toBe(true);
    expect(profilesOf(pid).length).toBeGreaterThan(0);
    const next = await launchChromium();
    await next.close();
    expect(profilesOf(pid)).toEqual([]);
    expect(existsSync(join(project.root, "out", "build", "report.pdf"))).toBe(false);
  });
});
