/** The action of `fragtax diff` (parsed in diff.ts, loaded when the command runs). */
import { diffSnapshots } from "../diff/diff";
import { DIFF_PAGE_MARKER, diffToJson, renderDiffPage, renderDiffText, useColour } from "../diff/render";
import { readSnapshotAssumptions } from "../diff/snapshot-assumptions";
import { writeFileAtomic } from "../util/atomic";
import { jsonWithVisibleControls } from "../util/control";
import { buildFiguresInWorktree, resolveSnapshot } from "./diff-sources";
import * as messages from "../messages/versions";
import { checkOutFile } from "./out-file";
import { progress } from "./output";
import { projectPaths } from "./project";

export async function diffAction(a: string, b: string, options: { json?: boolean; html?: string; figures?: boolean; root?: string }): Promise<void> {
  const paths = projectPaths(options.root);
  // Checked before anything is read or built: the page must never replace a published file or an input.
  if (options.html !== undefined) {
    await checkOutFile(options.html, { extension: ".html", wrongExtension: messages.diffHtmlNotHtml, folder: messages.diffHtmlFolder, inPublished: messages.diffHtmlInPublished, inBuild: messages.diffHtmlInBuild, readOnly: messages.diffHtmlReadOnly, replaces: { marker: DIFF_PAGE_MARKER, refusal: messages.diffHtmlNotADiffPage } });
  }
  const context = {
    root: paths.root,
    reportsDir: paths.reportsDir,
    assumptionsFile: paths.assumptionsFile,
    parseAssumptions: readSnapshotAssumptions,
    ...(options.figures ? { buildFiguresAt: (ref: string) => buildFiguresInWorktree(paths.root, ref, progress) } : {}),
  };
  const diff = diffSnapshots(await resolveSnapshot(a, context), await resolveSnapshot(b, context));
  if (options.html) {
    await writeFileAtomic(options.html, renderDiffPage(diff));
    // On stderr: stdout stays the diff itself (text or --json), for a pipe.
    progress(messages.diffWroteHtml(options.html));
  }
  process.stdout.write(options.json ? jsonWithVisibleControls(diffToJson(diff)) : renderDiffText(diff, useColour(process.stdout, process.env)));
}
