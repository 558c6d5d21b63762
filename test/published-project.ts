/** A throwaway project on disk with a finished build (from test/fixtures/versions/<v>/), for the CLI tests. */
import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const FIXTURES = resolve("test/fixtures/versions");
export const CLI = resolve("dist/cli.cjs");

export async function makeProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "fragtax-versions-"));
  await mkdir(join(root, "notebooks"), { recursive: true });
  await writeFile(join(root, "package.json"), '{ "name": "fixture", "private": true }\n');
  await copyFile(join(FIXTURES, "report.yaml"), join(root, "notebooks/report.yaml"));
  // report.yaml is validated like a build validates it: its chapter and assumptions file must exist.
  await writeFile(join(root, "notebooks/a.ipynb"), '{ "cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5 }\n');
  await copyFile(join(FIXTURES, "v1", "assumptions.yaml"), join(root, "notebooks/assumptions.yaml"));
  return root;
}

/** Publishing copies the built PDF when no Chromium is found: for tests about the published files, not the print. */
export const NO_CHROMIUM = { PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chromium" };

/**
 * A project with versions published from v1's build, then v2's, and so on alternating: one publish
 * per argument list (`["--date", "2026-05-01"]`). Throws with the CLI's stderr if one fails.
 */
export async function projectWithVersions(...publishes: ReadonlyArray<readonly string[]>): Promise<string> {
  const root = await makeProject();
  for (const [index, args] of publishes.entries()) {
    await useBuild(root, index % 2 === 0 ? "v1" : "v2");
    const result = await fragtax(["publish", ...args], { cwd: root, env: NO_CHROMIUM });
    if (result.code !== 0) throw new Error(`fragtax publish ${args.join(" ")} exited ${result.code}:\n${result.stderr}`);
  }
  return root;
}

export interface BuildLogExtras {
  readonly whatIf?: unknown;
  readonly notebooks?: unknown;
  /** Changes the fixture's assumptions text before it is "built" (hostile notes, …). */
  readonly edit?: (yaml: string) => string;
  /** The build log's PDF step (default "written"); report.pdf is there whatever it says, as after a failed print. */
  readonly pdfStatus?: string;
  /** The build's data cut-off (build-log `asOf`); none by default, as in logs written before it was recorded. */
  readonly asOf?: string;
  /** The build's warnings (build-log `warnings`); none by default. */
  readonly warnings?: readonly string[];
  /** When it was built (build-log `builtAt`; default 2026-05-01T10:00:00.000Z). */
  readonly builtAt?: string;
  /** What it was made from (build-log `inputs`); none by default, as in logs written before they were recorded. */
  readonly inputs?: unknown;
  /** The commit it was made from (build-log `git`); none by default, as in logs written before it was recorded. */
  readonly git?: { readonly commit: string | null; readonly dirty: boolean };
}

/** Puts fixture build `version` in out/build/ and its assumptions in notebooks/, as a real build would. */
export async function useBuild(root: string, version: "v1" | "v2", extras: BuildLogExtras = {}): Promise<void> {
  const build = join(root, "out/build");
  await mkdir(build, { recursive: true });
  for (const file of ["report.html", "report.pdf", "figures.json", "claims.json"]) await copyFile(join(FIXTURES, version, file), join(build, file));
  const original = await readFile(join(FIXTURES, version, "assumptions.yaml"), "utf8");
  const assumptions = extras.edit ? extras.edit(original) : original;
  await writeFile(join(root, "notebooks/assumptions.yaml"), assumptions);
  // A complete build's log: every output with its sha256, as `fragtax build` writes it.
  const outputs: Record<string, string> = {};
  for (const file of ["report.html", "figures.json", "claims.json", "report.pdf"]) outputs[file] = createHash("sha256").update(await readFile(join(build, file))).digest("hex");
  const log = {
    builtAt: extras.builtAt ?? "2026-05-01T10:00:00.000Z",
    whatIf: extras.whatIf ?? null,
    assumptions: { file: "notebooks/assumptions.yaml", sha256: createHash("sha256").update(assumptions).digest("hex") },
    notebooks: extras.notebooks ?? [{ notebook: "notebooks/a.ipynb", status: "executed", reason: "first run", durationMs: 5 }],
    pdf: { status: extras.pdfStatus ?? "written" },
    ...(extras.asOf !== undefined && { asOf: extras.asOf }),
    duplicateIds: [],
    warnings: extras.warnings ?? [],
    requested: { html: true, pdf: true },
    outputs,
    ...(extras.inputs !== undefined && { inputs: extras.inputs }),
    ...(extras.git !== undefined && { git: extras.git }),
  };
  await writeFile(join(build, "build-log.json"), JSON.stringify(log, null, 2));
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function fragtax(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: "1", ...options.env } }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number }).code ?? 1) : 0;
      resolvePromise({ code: typeof code === "number" ? code : 1, stdout, stderr });
    });
  });
}

export function spawnFragtax(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: "pipe" });
}

export const git = promisify(execFile);

/** After a test edits files in out/build/: the log records their new sha256s, as if the build had written them. */
export async function sealBuild(root: string): Promise<void> {
  const build = join(root, "out/build");
  const logFile = join(build, "build-log.json");
  const log = JSON.parse(await readFile(logFile, "utf8")) as { outputs: Record<string, string> };
  for (const file of ["report.html", "figures.json", "claims.json", "sections.json", "errata.json", "report.pdf"]) {
    const path = join(build, file);
    if (existsSync(path)) log.outputs[file] = createHash("sha256").update(await readFile(path)).digest("hex");
  }
  await writeFile(logFile, JSON.stringify(log, null, 2));
}
