/**
 * The real world for `build()`: the file system, the notebook engine, git and Chromium. Tests pass
 * their own `BuildEffects` (or subclass this one) to run the pipeline without some of them.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { version as esbuildVersion } from "esbuild";
import { version as vegaVersion } from "vega";
import { version as vegaLiteVersion } from "vega-lite";
import type { AssumptionRegistry } from "./assumptions";
import type { BuildEffects, ChapterRun } from "./build";
import type { ReportConfig } from "./config";
import { executeNotebooks } from "./notebook/execute";
import { printPdf, writeFileAtomically, type PdfOptions } from "./report/pdf";
import { TOOL_VERSION } from "./version";

const run = promisify(execFile);

export class FileBuildEffects implements BuildEffects {
  constructor(readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}

  exists(path: string): boolean {
    return existsSync(path);
  }

  readText(path: string): Promise<string> {
    return readFile(path, "utf8");
  }

  async writeAtomically(path: string, contents: string | Uint8Array): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomically(path, contents);
  }

  async executeChapters(config: ReportConfig, _registry: AssumptionRegistry): Promise<readonly ChapterRun[]> {
    const results = await executeNotebooks(
      config.chapters.map((chapter) => chapter.file),
      { root: config.root, assumptionsFile: config.assumptions, montecarlo: config.montecarlo },
    );
    return results.map((result, index) => {
      const chapter = config.chapters[index];
      if (chapter === undefined) throw new Error(`engine returned more results than chapters (${result.notebook})`);
      return {
        chapter,
        notebook: result.executed,
        figures: result.figures,
        claims: result.claims,
        status: "executed",
        durationMs: result.durationMs,
        reason: result.status === "ok" ? "run in full" : `stopped at a failed cell: ${result.error?.ename ?? "error"}`,
      };
    });
  }

  async gitState(root: string): Promise<{ commit: string | null; dirty: boolean }> {
    try {
      const commit = (await run("git", ["rev-parse", "HEAD"], { cwd: root })).stdout.trim();
      const status = (await run("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root })).stdout.trim();
      return { commit, dirty: status !== "" };
    } catch {
      return { commit: null, dirty: false };
    }
  }

  toolVersions(): Readonly<Record<string, string>> {
    return { fragtax: TOOL_VERSION, node: process.version, vega: vegaVersion, "vega-lite": vegaLiteVersion, esbuild: esbuildVersion };
  }

  printPdf(html: string, options: PdfOptions): Promise<Uint8Array> {
    return printPdf(html, options);
  }

  now(): Date {
    return new Date();
  }
}
