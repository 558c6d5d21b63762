/** The `fragtax build` action (registered in build.ts, loaded when the command runs). */
import { badTimeout } from "../messages/notebook";
import { build } from "../build/pipeline";
import type { WhatIfOptions } from "../build/whatif/flags";
import { InputError, type ExitCode } from "../util/errors";

export type BuildFlags = { pdf: boolean; root?: string; timeout: string } & WhatIfOptions;

/** 0 built, 1 a cell failed or the PDF was not printed; bad input throws (exit 2, in main.ts). */
export async function buildCommand(options: BuildFlags): Promise<ExitCode> {
  const seconds = Number(options.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InputError(badTimeout(options.timeout));
  const whatIf = { ...(options.set !== undefined && { set: options.set }), ...(options.assumptions !== undefined && { assumptions: options.assumptions }) };
  const result = await build({ pdf: options.pdf, whatIf, timeoutMs: seconds * 1000, ...(options.root !== undefined && { root: options.root }) });
  return result.exitCode;
}
