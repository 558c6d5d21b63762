/** The `fragtax build` action (registered in build.ts, loaded when the command runs). */
import { badTimeout } from "../messages/notebook";
import { build } from "../build/pipeline";
import type { WhatIfOptions } from "../build/whatif/flags";
import { InputError, type ExitCode } from "../util/errors";
import { locateFileSystemError } from "../util/fs-errors";
import { MAX_TIMEOUT_SECONDS, parseTimeoutSeconds } from "../util/limits";

export type BuildFlags = { pdf: boolean; root?: string; timeout: string; strict?: boolean } & WhatIfOptions;

/** 0 built, 1 a cell or chart failed, the PDF was not printed or a warning under --strict; bad input throws (exit 2, in main.ts). */
export async function buildCommand(options: BuildFlags): Promise<ExitCode> {
  const timeoutMs = parseTimeoutSeconds(options.timeout);
  if (timeoutMs === undefined) throw new InputError(badTimeout(options.timeout, MAX_TIMEOUT_SECONDS));
  const whatIf = { ...(options.set !== undefined && { set: options.set }), ...(options.assumptions !== undefined && { assumptions: options.assumptions }) };
  try {
    const result = await build({ pdf: options.pdf, whatIf, timeoutMs, strict: options.strict === true, ...(options.root !== undefined && { root: options.root }) });
    return result.exitCode;
  } catch (error) {
    // Anything the file system refused (an assumptions path that is a folder, …): located, exit 2.
    throw locateFileSystemError(error, "fragtax build", process.cwd());
  }
}
