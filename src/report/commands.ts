/**
 * `fragtax build [--no-pdf] [--root DIR] [--set id=value|id=low..high]… [--assumptions FILE]`. Progress goes to stderr, one line per pipeline step.
 * Exit codes: 0 built, 1 a cell failed or the PDF could not be printed (the HTML is still written),
 * 2 bad input (report.yaml, assumptions.yaml or a notebook that cannot be read).
 */
import type { Command } from "commander";
import { AssumptionError } from "../assumptions";
import { build } from "../build";
import { ConfigError, ConfigNotFoundError } from "../config";
import { NotebookFormatError } from "../notebook/nbformat";
import { WhatIfError } from "../versions/whatif";
import { addWhatIfOptions, type WhatIfOptions } from "../versions/whatif-options";

const EXIT_USAGE = 2;

export function registerReportCommands(program: Command): void {
  const command = program
    .command("build")
    .description("Run the chapters and build out/build/report.html, report.pdf, figures.json, claims.json and build-log.json.")
    .option("--no-pdf", "build the HTML (and JSON) only, without printing the PDF")
    .option("--root <dir>", "the project root, the folder holding notebooks/report.yaml (default: found from the current folder)");
  command.addHelpText(
    "after",
    `
Exit codes: 0 built; 1 a cell failed or the PDF was not printed (the HTML is still written);
2 bad input (report.yaml, assumptions.yaml, a notebook or an override that cannot be read).

Examples:
  $ fragtax build                                   # the whole report, HTML and PDF
  $ fragtax build --no-pdf                          # faster: HTML and JSON only
  $ fragtax build --set h100_usd_per_gpu_hour=2.5..3.5 --no-pdf   # a what-if, not publishable`,
  );
  addWhatIfOptions(command).action(async (options: BuildFlags) => {
    process.exitCode = await buildCommand(options);
  });
}

type BuildFlags = { pdf: boolean; root?: string } & WhatIfOptions;

async function buildCommand(options: BuildFlags): Promise<number> {
  try {
    const whatIf = { ...(options.set !== undefined && { set: options.set }), ...(options.assumptions !== undefined && { assumptions: options.assumptions }) };
    const result = await build({ pdf: options.pdf, whatIf, ...(options.root !== undefined && { root: options.root }) });
    return result.exitCode;
  } catch (error) {
    if (
      error instanceof ConfigError || error instanceof AssumptionError || error instanceof NotebookFormatError ||
      error instanceof ConfigNotFoundError || error instanceof WhatIfError
    ) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
