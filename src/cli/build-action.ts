/** The `fragtax build` action (registered in build.ts, loaded when the command runs). */
import { AssumptionError } from "../assumptions";
import { badTimeout } from "../messages/notebook";
import { build } from "../build/pipeline";
import { MAX_TIMEOUT_SECONDS, parseTimeoutSeconds } from "../util/limits";
import { ConfigError, ConfigNotFoundError } from "../config";
import { NotebookFormatError } from "../notebook/nbformat";
import { endAllWorkers } from "../notebook/pool";
import { FileSystemError, locateFileSystemError } from "../util/fs-errors";
import { WhatIfError } from "../build/whatif/overrides";
import type { WhatIfOptions } from "../build/whatif/flags";

const EXIT_USAGE = 2;

export type BuildFlags = { pdf: boolean; root?: string; timeout: string } & WhatIfOptions;

export async function buildCommand(options: BuildFlags): Promise<number> {
  const timeoutMs = parseTimeoutSeconds(options.timeout);
  if (timeoutMs === undefined) {
    process.stderr.write(`${badTimeout(options.timeout, MAX_TIMEOUT_SECONDS)}\n`);
    return EXIT_USAGE;
  }
  try {
    const whatIf = { ...(options.set !== undefined && { set: options.set }), ...(options.assumptions !== undefined && { assumptions: options.assumptions }) };
    const result = await build({ pdf: options.pdf, whatIf, timeoutMs, ...(options.root !== undefined && { root: options.root }) });
    return result.exitCode;
  } catch (error) {
    if (
      error instanceof ConfigError || error instanceof AssumptionError || error instanceof NotebookFormatError ||
      error instanceof ConfigNotFoundError || error instanceof WhatIfError || error instanceof FileSystemError
    ) {
      process.stderr.write(`${error.message}\n`);
      endAllWorkers();
      return EXIT_USAGE;
    }
    // Anything else the file system refused (an assumptions path that is a folder, …): located, exit 2.
    const located = locateFileSystemError(error, "fragtax build", process.cwd());
    if (located instanceof FileSystemError) {
      process.stderr.write(`${located.message}\n`);
      endAllWorkers();
      return EXIT_USAGE;
    }
    throw error;
  }
}
