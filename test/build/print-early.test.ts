/**
 * A build that will print starts Chromium early (build/print-step.ts `Printer`): while the chapters
 * run when there is no earlier PDF to reuse, while the page renders when the page changed, never for
 * a build whose PDF is reused; and the browser it started is closed when the build ends. Real builds,
 * real Chromium; the effects only record when each step happened.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import type { ChromiumInfo, LaunchedChromium } from "../../src/report/chromium";
import type { AssumptionRegistry } from "../../src/assumptions";
import type { ReportConfig } from "../../src/config";
import type { ExecuteSettings, ChapterRun } from "../../src/build/pipeline";
import { tempProject, type TempProject } from "../project";

let project: TempProject;
beforeAll(() => {
  project = tempProject();
});
afterAll(() => project.remove());

/** Real effects that record the order of executing, launching, printing and closing. */
class Recording extends FileBuildEffects {
  readonly events: string[] = [];
  constructor(private readonly failPrint = false) {
    super(() => undefined);
  }
  override async executeChapters(config: ReportConfig, registry: AssumptionRegistry, run?: ExecuteSettings): Promise<readonly ChapterRun[]> {
    const runs = await super.executeChapters(config, registry, run);
    this.events.push("executed");
    return runs;
  }
  override async launchPrinter(log: (line: string) => void): Promise<LaunchedChromium> {
    this.events.push("launch");
    const chromium = await super.launchPrinter(log);
    return {
      browser: chromium.browser,
      info: chromium.info,
      close: async () => {
        this.events.push("closed");
        await chromium.close();
      },
    };
  }
  override async printPdf(...args: Parameters<FileBuildEffects["printPdf"]>): ReturnType<FileBuildEffects["printPdf"]> {
    this.events.push(args[2] === undefined ? "print (own browser)" : "print");
    if (this.failPrint) throw new Error("the print failed (test)");
    return super.printPdf(...args);
  }
}

async function recordBuild(): Promise<{ events: string[]; chromium: ChromiumInfo | undefined; exitCode: number }> {
  const effects = new Recording();
  const result = await build({ root: project.root }, effects);
  const log = JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")) as { pdf: { status: string; chromium?: ChromiumInfo } };
  expect(log.pdf.status).toMatch(/^(written|reused)$/);
  return { events: effects.events, chromium: log.pdf.chromium, exitCode: result.exitCode };
}

describe("the build's printer", () => {
  it("starts before the chapters have run when there is no PDF yet, prints with it and closes it", async () => {
    const first = await recordBuild();
    expect(first.exitCode).toBe(0);
    expect(first.events).toEqual(["launch", "executed", "print", "closed"]);
    expect(first.chromium?.version).toBeTruthy();
  }, 120_000);

  it("is not started when the page is unchanged and its PDF is reused", async () => {
    const noop = await recordBuild();
    expect(noop.events).toEqual(["executed"]);
  }, 120_000);

  it("starts when the page changed (after the chapters ran, before it is rendered)", async () => {
    const file = join(project.root, "notebooks", "assumptions.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3.5 }"));
    const changed = await recordBuild();
    expect(changed.events).toEqual(["executed", "launch", "print", "closed"]);
  }, 120_000);

  it("is closed when the print fails, and when the build stops after starting it", async () => {
    rmSync(join(project.root, "out", "build", "report.pdf"));
    const failing = new Recording(true);
    const result = await build({ root: project.root }, failing);
    expect(result.exitCode).toBe(1);
    expect(failing.events).toEqual(["launch", "executed", "print", "closed"]);

    // An errata file naming a section this report lacks stops the build after the page is rendered.
    writeFileSync(join(project.root, "notebooks", "errata.yaml"), "errata:\n  - id: bad\n    version: 2026-01-01\n    section: nowhere#at-all\n    figures: []\n    was: Old.\n    now: New.\n");
    const yaml = join(project.root, "notebooks", "report.yaml");
    writeFileSync(yaml, `${readFileSync(yaml, "utf8")}errata: errata.yaml\n`);
    const stopped = new Recording();
    await expect(build({ root: project.root }, stopped)).rejects.toThrow(/nowhere#at-all/);
    expect(stopped.events).toEqual(["launch", "executed", "closed"]);
  }, 120_000);
});
