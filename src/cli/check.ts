/**
 * `fragtax check`: type-check notebooks and src/. Exit codes: 0 no type errors, 1 type errors,
 * 2 bad usage or a notebook that cannot be read.
 */
import type { Command } from "commander";

export function registerCheckCommand(program: Command): void {
  program
    .command("check")
    .description("Type-check notebooks (cells in order, tslab's redeclaration rules; Deno notebooks with deno check) and src/.")
    .argument("[notebooks...]", "notebooks to check (default: the chapters listed in notebooks/report.yaml)")
    .addHelpText("after", "\nExit codes: 0 no type errors; 1 type errors (each printed as notebook: cell N, line L, column C);\n2 bad usage or a notebook that cannot be read.")
    .action(async (notebooks: string[]) => {
      const { checkCommand } = await import("../notebook/check");
      process.exitCode = await checkCommand(notebooks);
    });
}
