/** The action of `fragtax diff` (parsed in diff.ts, loaded when the command runs). */
import { versionIdOfPath } from "../publish/store";
import { diffSnapshots } from "../diff/diff";
import { DIFF_PAGE_MARKER, diffToJson, renderDiffPage, renderDiffText, useColour } from "../diff/render";
import { readSnapshotAssumptions } from "../diff/snapshot-assumptions";
import { writeUserFileAtomic } from "../util/atomic";
import { jsonWithVisibleControls } from "../format/control";
import { buildFiguresInWorktree, isFileSide, resolveSnapshot } from "./diff-sources";
import { EXIT_FAILED } from "../util/errors";
import * as messages from "../messages/versions";
import { checkOutFile } from "./out-file";
import { progress } from "./output";
import { projectPaths } from "./project";

export async function diffAction(givenA: string, givenB: string, options: { json?: boolean; html?: string; figures?: boolean; root?: string }): Promise<void> {
  const paths = projectPaths(options.root);
  // A version's folder (`out/reports/2026-12-07/`, as a shell completes it) names that version.
  const [a, b] = [givenA, givenB].map((side) => versionIdOfPath(side, paths.reportsDir)) as [string, string];
  // Checked before anything is read or built: the page must never replace a published file or an input.
  if (options.html !== undefined) {
    await checkOutFile(options.html, { extension: ".html", wrongExtension: messages.diffHtmlNotHtml, folder: messages.diffHtmlFolder, inPublished: messages.diffHtmlInPublished, inBuild: messages.diffHtmlInBuild, readOnly: messages.diffHtmlReadOnly, replaces: { marker: DIFF_PAGE_MARKER, refusal: messages.diffHtmlNotADiffPage } });
  }
  // Figures are compared only when both sides carry them: against an assumptions file, none is built.
  const fileSide = options.figures === true ? [a, b].find((side) => isFileSide(side, paths.reportsDir)) : undefined;
  if (fileSide !== undefined) progress(messages.diffFiguresAgainstFile(fileSide));
  const context = {
    root: paths.root,
    reportsDir: paths.reportsDir,
    assumptionsFile: paths.assumptionsFile,
    parseAssumptions: readSnapshotAssumptions,
    ...(options.figures && fileSide === undefined ? { buildFiguresAt: (ref: string) => buildFiguresInWorktree(paths.root, ref, progress) } : {}),
  };
  const diff = diffSnapshots(await resolveSnapshot(a, context), await resolveSnapshot(b, context));
  if (options.html) {
    await writeUserFileAtomic(options.html, renderDiffPage(diff));
    // On stderr: stdout stays the diff itself (text or --json), for a pipe.
    progress(messages.diffWroteHtml(options.html));
  }
  process.stdout.write(options.json ? jsonWithVisibleControls(diffToJson(diff)) : renderDiffText(diff, useColour(process.stdout, process.env)));
  // A side's build had a notebook throw: the comparison of figures is incomplete (said with the figures).
  if (diff.figuresNotBuilt !== undefined) process.exitCode = EXIT_FAILED;
}
