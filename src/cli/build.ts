/**
 * `fragtax build [--no-pdf] [--root DIR] [--timeout SECONDS] [--set id=value|id=low..high]… [--assumptions FILE]`. Progress goes to stderr, one line per pipeline step.
 * Exit codes: 0 built, 1 a cell failed or the PDF could not be printed (the HTML is still written),
 * 2 bad input (report.yaml, assumptions.yaml or a notebook that cannot be read).
 */
import type { Command } from "commander";
import { rootOptionHelp } from "../messages/report";
import { addWhatIfOptions } from "../build/whatif/flags";
import type { BuildFlags } from "./build-action";
import { timeoutOption } from "./timeout-option";

export function registerReportCommands(program: Command): void {
  const command = program
    .command("build")
    .description("Run the chapters and build out/build/: report.html, report.pdf, figures.json, claims.json, sections.json, errata.json (with an errata file) and build-log.json.")
    .option("--no-pdf", "build the HTML (and JSON) only, without printing the PDF (one printed of the same page is kept)")
    .option("--root <dir>", rootOptionHelp())
    .addOption(timeoutOption("stop a cell that runs longer than this (the cell fails, the HTML shows it)"))
    .option("--strict", "treat warnings (e.g. a chart filter on a field its data lacks) as failures: exit 1");
  command.addHelpText(
    "after",
    `
Exit codes: 0 built; 1 a cell failed, a chart could not be drawn (a field its data lacks, …), an id
declared twice, the PDF was not printed, or a warning under --strict (the HTML is still written);
2 bad input (report.yaml, assumptions.yaml, a notebook or an override that cannot be read).

Examples:
  $ fragtax build                                   # the whole report, HTML and PDF
  $ fragtax build --no-pdf                          # faster: HTML and JSON only
  $ fragtax build --set h100_usd_per_gpu_hour=2.5..3.5 --no-pdf   # a what-if, not publishable`,
  );
  addWhatIfOptions(command).action(async (options: BuildFlags) => {
    // Loaded on demand: `--help` and the other commands do not pay for the build pipeline.
    const { buildCommand } = await import("./build-action");
    process.exitCode = await buildCommand(options);
  });
}
