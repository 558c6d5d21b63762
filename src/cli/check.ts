/**
 * `fragtax check`: type-check notebooks and src/, and check the images their markdown cells show and
 * the assumption ids their cells name (check-action.ts). Exit codes: 0 none of these wrong, 1 type
 * errors, an image the report cannot inline or an unknown assumption id, 2 bad usage, a notebook
 * that cannot be read, or a report.yaml, assumptions or errata file a build would stop at.
 */
import type { Command } from "commander";
import { rootOptionHelp } from "../messages/report";

export function registerCheckCommand(program: Command): void {
  program
    .command("check")
    .description("Type-check notebooks (cells in order, tslab's redeclaration rules; Deno notebooks with deno check) and src/, and check the images their markdown cells show and the assumption ids their cells name.")
    .argument("[notebooks...]", "notebooks to check (default: the chapters listed in notebooks/report.yaml)")
    .option("--root <dir>", rootOptionHelp())
    .addHelpText("after", "\nExit codes: 0 no type errors, every image in markdown cells can be inlined, every assumption id named is known; 1 type errors or an image\nthe report cannot inline (missing, outside the project, not an image, remote), or an assumption id a cell\nnames that the assumptions file lacks, each printed as notebook: cell N, line L, column C; 2 bad usage, a\nnotebook that cannot be read, or a report.yaml, assumptions or errata file a build would stop at before\nrunning a chapter (located).")
    .action(async (notebooks: string[], options: { root?: string }) => {
      const { checkCommand } = await import("./check-action");
      process.exitCode = await checkCommand(notebooks, options.root);
    });
}
