/** The actions of `fragtax publish`, `diff` and `dev` (parsed in commands.ts, loaded when one runs). */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as messages from "../messages/versions";
import { TOOL_VERSION } from "../version";
import { writeFileAtomic } from "../util/atomic";
import { DEFAULT_WATCH, startDev } from "../preview/dev";
import { inProcessRebuild } from "../preview/rebuild";
import { diffSnapshots } from "../diff/diff";
import { diffToJson, renderDiffPage, renderDiffText, useColour } from "../diff/render";
import { buildFiguresInWorktree, resolveSnapshot } from "../diff/sources";
import { projectPaths } from "./project";
import { versionFolders } from "../publish/store";
import { checkVersion } from "../publish/verify";
import { gitState, publish } from "../publish/publish";
import { reprintPdf } from "../publish/pdf";
import { readSnapshotAssumptions } from "../diff/snapshot-assumptions";

const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** The test-only pause after staging (FRAGTAX_TEST_PAUSE_PUBLISH=<marker file>), for the kill -9 test. */
function testPause(): ((staging: string) => Promise<void>) | undefined {
  const marker = process.env.FRAGTAX_TEST_PAUSE_PUBLISH;
  if (!marker) return undefined;
  return async (staging) => {
    await writeFile(marker, staging);
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  };
}

export async function publishAction(options: { date?: string; note?: string; root?: string }): Promise<void> {
  const paths = projectPaths(options.root);
  const pause = testPause();
  await publish(
    {
      ...paths,
      ...(options.date ? { date: options.date } : {}),
      ...(options.note ? { note: options.note } : {}),
      defaultAssumptionsFile: paths.assumptionsFile,
      tools: { fragtax: TOOL_VERSION, node: process.versions.node },
    },
    {
      parseAssumptions: readSnapshotAssumptions,
      git: gitState,
      renderPdf: reprintPdf({ title: paths.title, paper: paths.paper, progress }),
      progress,
      now: () => new Date(),
      ...(pause ? { afterStaging: pause } : {}),
    },
  );
}

export async function diffAction(a: string, b: string, options: { json?: boolean; html?: string; figures?: boolean; root?: string }): Promise<void> {
  const paths = projectPaths(options.root);
  const context = {
    root: paths.root,
    reportsDir: paths.reportsDir,
    assumptionsFile: paths.assumptionsFile,
    parseAssumptions: readSnapshotAssumptions,
    ...(options.figures ? { buildFiguresAt: (ref: string) => buildFiguresInWorktree(paths.root, ref, progress) } : {}),
  };
  const diff = diffSnapshots(await resolveSnapshot(a, context), await resolveSnapshot(b, context));
  if (options.html) await writeFileAtomic(options.html, renderDiffPage(diff));
  process.stdout.write(options.json ? diffToJson(diff) : renderDiffText(diff, useColour(process.stdout, process.env)));
}

export async function devAction(port: number, options: { host: string; root?: string }): Promise<void> {
  const paths = projectPaths(options.root);
  const session = await startDev(
    { root: paths.root, buildDir: paths.buildDir, port, host: options.host, watch: DEFAULT_WATCH, debounceMs: 150 },
    { rebuild: inProcessRebuild(paths.root, progress), progress },
  );
  progress(messages.devServing(session.url));
  await new Promise<void>((resolve) => process.once("SIGINT", () => void session.close().then(resolve)));
}

/** `fragtax verify [VERSION…]`: every named version (default: all) against its manifest. */
export async function verifyAction(ids: readonly string[], options: { root?: string }): Promise<void> {
  const paths = projectPaths(options.root);
  const known = await versionFolders(paths.reportsDir);
  for (const id of ids) if (!known.includes(id)) throw Object.assign(new Error(messages.verifyUnknownVersion(id, known)), { exitCode: 2 });
  const chosen = ids.length > 0 ? ids : known;
  if (chosen.length === 0) throw Object.assign(new Error(messages.verifyNothingPublished()), { exitCode: 2 });
  let failed = 0;
  for (const id of chosen) {
    const { files, problems } = await checkVersion(paths.reportsDir, id);
    if (problems.length === 0) process.stdout.write(`${messages.versionVerified(id, files)}\n`);
    for (const problem of problems) process.stderr.write(`fragtax: ${messages.versionTampered(join(paths.reportsDir, id, problem.file), problem.problem, id)}\n`);
    if (problems.length > 0) failed++;
  }
  if (failed > 0) process.exitCode = 1;
}
