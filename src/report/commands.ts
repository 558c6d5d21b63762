/**
 * `fragtax build [--no-pdf] [--root DIR]`. Progress goes to stderr, one line per pipeline step.
 * Exit codes: 0 built, 1 a cell failed or the PDF could not be printed (the HTML is still written),
 * 2 bad input (report.yaml, assumptions.yaml or a notebook that cannot be read).
 */
import type { Command } from "commander";
import { AssumptionError } from "../assumptions";
import { build } from "../build";
import { ConfigError, ConfigNotFoundError } from "../config";
import { NotebookFormatError } from "../notebook/nbformat";

const EXIT_USAGE = 2;

export function registerReportCommands(program: Command): void {
  program
    .command("build")
    .description("Run the chapters and build out/build/report.html, report.pdf, figures.json, claims.json and build-log.json.")
    .option("--no-pdf", "build the HTML (and JSON) only, without printing the PDF")
    .option("--root <dir>", "the project root, the folder holding notebooks/report.yaml (default: found from the current folder)")
    .action(async (options: { pdf: boolean; root?: string }) => {
      process.exitCode = await buildCommand(options);
    });
}

async function buildCommand(options: { pdf: boolean; root?: string }): Promise<number> {
  try {
    const result = await build({ pdf: options.pdf, ...(options.root !== undefined && { root: options.root }) });
    return result.exitCode;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof AssumptionError || error instanceof NotebookFormatError || error instanceof ConfigNotFoundError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
