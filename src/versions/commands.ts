/** `fragtax publish`, `fragtax diff`, `fragtax dev`: argument parsing and wiring to the effects. */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { Command } from "commander";
import { Option } from "commander";
import * as messages from "../messages/versions";
import { TOOL_VERSION } from "../version";
import { diffSnapshots } from "./diff";
import { diffToJson, renderDiffPage, renderDiffText, useColour } from "./diff-render";
import { buildFiguresInWorktree, resolveSnapshot } from "./diff-sources";
import { DEFAULT_WATCH, startDev } from "./dev";
import { findRoot, projectPaths } from "./project";
import { gitState, publish } from "./publish";
import { readSnapshotAssumptions } from "./snapshot-assumptions";
import { writeFileAtomic } from "./atomic";

const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** Runs an action; a thrown error prints its message and sets its exit code (1 unless it says otherwise). */
async function report(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    process.stderr.write(`fragtax: ${error instanceof Error ? error.message : String(error)}\n`);
    const code = (error as { exitCode?: unknown }).exitCode;
    process.exitCode = typeof code === "number" ? code : 1;
  }
}

/** The test-only pause after staging (FRAGTAX_TEST_PAUSE_PUBLISH=<marker file>), for the kill -9 test. */
function testPause(): ((staging: string) => Promise<void>) | undefined {
  const marker = process.env.FRAGTAX_TEST_PAUSE_PUBLISH;
  if (!marker) return undefined;
  return async (staging) => {
    await writeFile(marker, staging);
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  };
}

const run = promisify(execFile);

/** The rebuild `fragtax dev` runs: this CLI's own `build --no-pdf`, incremental through the cache. */
async function buildWithCli(root: string): Promise<void> {
  try {
    await run(process.execPath, [process.argv[1] ?? "dist/cli.js", "build", "--no-pdf", "--root", root], { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    throw new Error(stderr && stderr.trim() ? stderr.trim() : (error as Error).message);
  }
}

export function registerVersionCommands(program: Command): void {
  program
    .command("publish")
    .description("Publish the last build as an immutable dated version under out/reports/<date>[-N]/")
    .option("--date <YYYY-MM-DD>", "version date (default: today, UTC)")
    .option("--note <text>", "a note shown in the index and the manifest")
    .option("--root <dir>", "project root (default: the nearest folder with package.json)")
    .action((options: { date?: string; note?: string; root?: string }) =>
      report(async () => {
        const paths = projectPaths(findRoot(process.cwd(), options.root));
        const pause = testPause();
        await publish(
          {
            ...paths,
            ...(options.date ? { date: options.date } : {}),
            ...(options.note ? { note: options.note } : {}),
            defaultAssumptionsFile: paths.assumptionsFile,
            tools: { fragtax: TOOL_VERSION, node: process.versions.node },
          },
          { parseAssumptions: readSnapshotAssumptions, git: gitState, progress, now: () => new Date(), ...(pause ? { afterStaging: pause } : {}) },
        );
      }),
    );

  program
    .command("diff")
    .description("Compare assumptions and figures between two versions, git refs or assumption files")
    .argument("<a>", "before: a published version id, a git ref, or an assumptions file")
    .argument("<b>", "after: same kinds as <a>")
    .option("--json", "print stable JSON (sorted keys) instead of text")
    .option("--html <file>", "also write a self-contained HTML page")
    .option("--figures", "for git refs: build figures in a temporary worktree")
    .option("--root <dir>", "project root")
    .action((a: string, b: string, options: { json?: boolean; html?: string; figures?: boolean; root?: string }) =>
      report(async () => {
        const paths = projectPaths(findRoot(process.cwd(), options.root));
        const context = {
          root: paths.root,
          reportsDir: paths.reportsDir,
          assumptionsFile: paths.assumptionsFile,
          parseAssumptions: readSnapshotAssumptions,
          ...(options.figures ? { buildFiguresAt: (ref: string) => buildFiguresInWorktree(paths.root, ref, process.argv[1] ?? "dist/cli.js") } : {}),
        };
        const diff = diffSnapshots(await resolveSnapshot(a, context), await resolveSnapshot(b, context));
        if (options.html) await writeFileAtomic(options.html, renderDiffPage(diff));
        process.stdout.write(options.json ? diffToJson(diff) : renderDiffText(diff, useColour(process.stdout, process.env)));
      }),
    );

  program
    .command("dev")
    .description("Watch notebooks, assumptions, src/ and templates/; rebuild on change; serve out/build/ with live reload")
    .addOption(new Option("--port <n>", "port (0 = any free port)").default("4321"))
    .addOption(new Option("--host <host>", "interface to bind; loopback unless told otherwise").default("127.0.0.1"))
    .option("--root <dir>", "project root")
    .action((options: { port: string; host: string; root?: string }) =>
      report(async () => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw Object.assign(new Error(messages.devBadPort(options.port)), { exitCode: 2 });
        const paths = projectPaths(findRoot(process.cwd(), options.root));
        const session = await startDev(
          { root: paths.root, buildDir: paths.buildDir, port, host: options.host, watch: DEFAULT_WATCH, debounceMs: 150 },
          { rebuild: () => buildWithCli(paths.root), progress },
        );
        progress(messages.devServing(session.url));
        await new Promise<void>((resolve) => process.once("SIGINT", () => void session.close().then(resolve)));
      }),
    );
}
