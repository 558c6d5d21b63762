/** The action of `fragtax verify` (parsed in verify.ts, loaded when the command runs). */
import * as messages from "../messages/versions";
import { abandonedStaging, PUBLISH_LOCK, reportsPath, versionFolders, versionIdOfPath } from "../publish/store";
import { checkVersion, describeProblem, removedVersions, strayEntries } from "../publish/verify";
import { versionsRemoved } from "../messages/publish";
import { checkIndex } from "../publish/index-page";
import { projectPaths } from "./project";
import { EXIT_FAILED, InputError } from "../util/errors";
import { waitWhileLocked } from "../util/lock";
import { terminalText } from "../util/terminal";
import { visibleInOneLine } from "../format/control";
import { join } from "node:path";

/** Every named version (default: all) against its manifest; each altered or missing file is named. */
export async function verifyAction(given: readonly string[], options: { root?: string }): Promise<void> {
  const paths = projectPaths(options.root);
  const ids = given.map((id) => versionIdOfPath(id, paths.reportsDir));
  // A publish under way places its version, then writes the index: read between the two, the index
  // was "behind", said as a publish killed midway. Verify waits for it (it takes no lock: a read-only
  // copy of out/reports/ is verified too), as long as a publish waits for another; and only then lists
  // the versions, so that the one just published is checked too, not only listed by the index.
  await waitWhileLocked(join(paths.reportsDir, PUBLISH_LOCK), { timeoutMs: 120_000, pollMs: 50, onWait: (owner) => process.stderr.write(`${messages.verifyWaitsForPublish(owner)}\n`) });
  const known = await versionFolders(paths.reportsDir);
  for (const id of ids) if (!known.includes(id)) throw new InputError(messages.verifyUnknownVersion(id, known));
  const chosen = ids.length > 0 ? ids : known;
  if (chosen.length === 0) throw new InputError(messages.verifyNothingPublished());
  let failed = 0;
  for (const id of chosen) {
    const { files, problems, sealed } = await checkVersion(paths.reportsDir, id);
    if (problems.length === 0) process.stdout.write(`${messages.versionVerified(id, files, sealed)}\n`);
    for (const problem of problems) process.stderr.write(`${describeProblem(paths.reportsDir, id, problem)}\n`);
    if (problems.length > 0) failed++;
  }
  // The index lists every version: it is checked when every version is, and only against intact ones.
  // A version the index lists and the folder lost: "rewrite the index" would hide it, so it is said first.
  const removed = ids.length === 0 ? await removedVersions(paths.reportsDir) : [];
  if (removed.length > 0) {
    process.stderr.write(`${versionsRemoved(removed, "verify")}\n`);
    failed++;
  } else if (ids.length === 0 && failed === 0) {
    const index = await checkIndex(paths.reportsDir, paths.title);
    if (index.state === "ok") process.stdout.write(`${messages.indexVerified(index.versions)}\n`);
    // Titles are text from files: shown with control characters visible (stdout is not filtered as stderr is).
    else if (index.state === "unprotected") process.stdout.write(`${messages.indexVerifiedUnprotected(index.versions)}\n`);
    else if (index.state === "retitled") {
      process.stdout.write(`${messages.indexVerifiedRetitled(index.versions, terminalText(index.title), terminalText(paths.title))}${index.unprotected ? messages.indexAlsoUnprotected() : ""}\n`);
    }
    else if (index.state === "behind") {
      process.stderr.write(`${messages.indexBehind(reportsPath(paths.reportsDir, "index.html"), index.newest)}\n`);
      failed++;
    } else {
      const file = reportsPath(paths.reportsDir, "index.html");
      const message = index.state === "not a file" ? messages.indexNotAFile(file, index.kind)
        : index.state === "differs" && index.unsealed.length > 0 ? messages.indexOrUnsealedEdited(file, index.unsealed)
        : messages.indexNotRendered(file, index.state === "missing", index.versions);
      process.stderr.write(`${message}\n`);
      failed++;
    }
  }
  // Beside the versions, what publish never writes there: a host serving the folder would serve it too.
  for (const name of ids.length === 0 ? await strayEntries(paths.reportsDir) : []) {
    process.stderr.write(`${messages.verifyStrayEntry(visibleInOneLine(reportsPath(paths.reportsDir, name)))}\n`);
    failed++;
  }
  // What a publish killed midway staged: not a version, nothing to fail on, but there to be seen.
  for (const { name, pid } of await abandonedStaging(paths.reportsDir)) process.stdout.write(`${messages.verifyAbandonedStaging(reportsPath(paths.reportsDir, name), pid)}\n`);
  if (failed > 0) process.exitCode = EXIT_FAILED;
}
