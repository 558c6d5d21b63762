/** The action of `fragtax publish` (parsed in publish.ts, loaded when the command runs). */
import { existsSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { TOOL_VERSION } from "../version";
import { readSnapshotAssumptions } from "../diff/snapshot-assumptions";
import { reprintPdf } from "../publish/pdf";
import { publish, rewriteIndex } from "../publish/publish";
import * as messages from "../messages/versions";
import { InputError } from "../util/errors";
import { gitState } from "../util/git";
import { progress } from "./output";
import { projectPaths } from "./project";
import { publishInterrupted } from "../messages/publish";
import { endBySignal } from "../util/signals";

/** The longest `--note`, in characters (the longest published so far has 445). */
const MAX_NOTE = 2000;

/**
 * The test-only pause (FRAGTAX_TEST_PAUSE_PUBLISH=<marker file>), for the tests that stop a publish
 * there: after staging, or once the index lists the version (FRAGTAX_TEST_PAUSE_PUBLISH_AT=listed).
 * It writes the marker whole (what it names: the staging folder, or the version) and waits until the
 * marker is removed (at most a minute).
 */
function testPause(): { at: "staged" | "listed"; pause: (what: string) => Promise<void> } | undefined {
  const marker = process.env.FRAGTAX_TEST_PAUSE_PUBLISH;
  if (!marker) return undefined;
  const pause = async (what: string): Promise<void> => {
    await writeFile(`${marker}.tmp`, what);
    await rename(`${marker}.tmp`, marker);
    for (const started = Date.now(); existsSync(marker) && Date.now() - started < 60_000; ) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { at: process.env.FRAGTAX_TEST_PAUSE_PUBLISH_AT === "listed" ? "listed" : "staged", pause };
}

export async function publishAction(options: { date?: string; note?: string; root?: string; reviewed?: string[]; indexOnly?: boolean; acceptWarnings?: boolean }): Promise<void> {
  const paths = projectPaths(options.root);
  if (options.indexOnly) {
    // Only the index: a version's options would be silently ignored, so they are refused.
    if (options.date !== undefined || options.note !== undefined || options.reviewed !== undefined || options.acceptWarnings !== undefined) throw new InputError(messages.publishIndexOnlyAlone());
    progress(messages.indexRewritten(await rewriteIndex(paths, progress)));
    return;
  }
  // A note is a line of the index and of the manifest, frozen for good: a longer text is an erratum's or the report's.
  if (options.note !== undefined && [...options.note].length > MAX_NOTE) throw new InputError(messages.noteTooLong([...options.note].length, MAX_NOTE));
  const pause = testPause();
  // Ctrl-C, or SIGTERM: said (nothing published, or the version in place without its index line), then
  // the process ends by the signal as it would have (util/signals.ts); the next publish tidies up.
  let placed: string | undefined;
  let listed = false;
  const stop = (signal: NodeJS.Signals): void => {
    process.stderr.write(`${publishInterrupted(signal, placed, listed)}\n`);
    endBySignal(signal);
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);
  await publish(
    {
      ...paths,
      // `--date ""` is given, and is no date: publish refuses it rather than date the version today.
      ...(options.date !== undefined ? { date: options.date } : {}),
      ...(options.note ? { note: options.note } : {}),
      ...(options.reviewed ? { reviewed: options.reviewed } : {}),
      ...(options.acceptWarnings === true ? { acceptWarnings: true } : {}),
      defaultAssumptionsFile: paths.assumptionsFile,
      tools: { fragtax: TOOL_VERSION, node: process.versions.node },
    },
    {
      parseAssumptions: readSnapshotAssumptions,
      git: gitState,
      renderPdf: reprintPdf({ title: paths.title, paper: paths.paper, author: paths.author, subtitle: paths.subtitle, progress }),
      progress,
      now: () => new Date(),
      ...(pause?.at === "staged" && { afterStaging: pause.pause }),
      ...(pause?.at === "listed" && { afterListing: pause.pause }),
      placed: (id) => (placed = id),
      listed: () => (listed = true),
    },
  );
}
