/**
 * `fragtax check`: type-check notebooks and src/, and check the images their markdown cells show
 * (check-action.ts). Exit codes: 0 neither type errors nor such images, 1 type errors or an image
 * the report cannot inline, 2 bad usage or a notebook that cannot be read.
 */
import type { Command } from "commander";

export function registerCheckCommand(program: Command): void {
  program
    .command("check")
    .description("Type-check notebooks (cells in order, tslab's redeclaration rules; Deno notebooks with deno check) and src/, and check the images their markdown cells show.")
    .argument("[notebooks...]", "notebooks to check (default: the chapters listed in notebooks/report.yaml)")
    .addHelpText("after", "\nExit codes: 0 no type errors and every image in markdown cells can be inlined; 1 type errors or an image\nthe report cannot inline (missing, outside the project, not an image, remote), each printed as\nnotebook: cell N, line L, column C; 2 bad usage or a notebook that cannot be read.")
    .action(async (notebooks: string[]) => {
      const { checkCommand } = await import("./check-action");
      process.exitCode = await checkCommand(notebooks);
    });
}
