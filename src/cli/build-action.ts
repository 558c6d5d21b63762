/** The `fragtax build` action (registered in build.ts, loaded when the command runs). */
import { badTimeout } from "../messages/notebook";
import { buildInterrupted, nbconvertCopiesNote, unlistedChapters } from "../messages/report";
import { build, FileBuildEffects } from "../build/pipeline";
import type { WhatIfOptions } from "../build/whatif/flags";
import { InputError, type ExitCode } from "../util/errors";
import { locateFileSystemError } from "../util/fs-errors";
import { MAX_TIMEOUT_SECONDS, parseTimeoutSeconds } from "../util/limits";
import { killOtherThreadsChildren } from "../notebook/thread-children";
import { endBySignal } from "../util/signals";
import { progress } from "./output";
import { visibleInOneLine } from "../format/control";
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { outPaths } from "../config/paths";
import { findProjectRoot } from "../config/root";
import { nbconvertCopies, unlistedNotebooks } from "../config/unlisted";

export type BuildFlags = { pdf: boolean; root?: string; timeout: string; strict?: boolean } & WhatIfOptions;

/** 0 built, 1 a cell or chart failed, the PDF was not printed or a warning under --strict; bad input throws (exit 2, in main.ts). */
export async function buildCommand(options: BuildFlags): Promise<ExitCode> {
  const timeoutMs = parseTimeoutSeconds(options.timeout);
  if (timeoutMs === undefined) throw new InputError(badTimeout(options.timeout, MAX_TIMEOUT_SECONDS));
  const whatIf = { ...(options.set !== undefined && { set: options.set }), ...(options.assumptions !== undefined && { assumptions: options.assumptions }) };
  // Ctrl-C, or SIGTERM: said, then the process ends by the signal as it would have (util/signals.ts),
  // its threads, Deno and Chromium with it. The build's lock stays behind on purpose (build/pipeline.ts).
  // Caught, the signal waits for the main thread's current step (up to about a second while charts
  // are drawn); a second Ctrl-C finds no handler and ends the build at once.
  const stop = (signal: NodeJS.Signals): void => {
    const buildDir = outPaths(options.root ?? findProjectRoot(process.cwd())).build;
    progress(buildInterrupted(signal, existsSync(join(buildDir, "build-log.json"))));
    killOtherThreadsChildren(); // a cell's `execSync("…")`: SIGTERM reached fragtax alone
    endBySignal(signal);
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);
  try {
    // One build per process: its notebook threads end once its chapters ran (build/effects.ts).
    const effects = new FileBuildEffects(undefined, { threads: "end" });
    const result = await build({ pdf: options.pdf, whatIf, timeoutMs, strict: options.strict === true, ...(options.root !== undefined && { root: options.root }) }, effects);
    // A what-if build is not published; any other says now which sections publish would call stale.
    // (Nothing published, nothing to compare: the module and what it loads are not worth a build's start.)
    if (result.whatIf === null && result.exitCode !== 2 && existsSync(outPaths(result.config.root).reports)) {
      const { staleProseSinceNewest } = await import("../publish/prose-preview");
      for (const note of await staleProseSinceNewest(result.config.root)) progress(note);
    }
    const folder = dirname(result.config.file);
    const listed = result.config.chapters.map((chapter) => chapter.file);
    const { copies, others } = nbconvertCopies(unlistedNotebooks(folder, listed), folder, listed);
    if (others.length > 0) progress(unlistedChapters(others.map(visibleInOneLine), relative(result.config.root, result.config.file) || result.config.file));
    if (copies.length > 0) progress(nbconvertCopiesNote(copies.map(([copy, chapter]) => [visibleInOneLine(copy), visibleInOneLine(chapter)] as const), relative(result.config.root, folder) || "."));
    return result.exitCode;
  } catch (error) {
    // Anything the file system refused (an assumptions path that is a folder, …): located, exit 2.
    throw locateFileSystemError(error, "fragtax build", process.cwd());
  }
}
