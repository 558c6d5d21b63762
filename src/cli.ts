/**
 * The `fragtax` command line. Each area registers its own commands (see `register*Commands`);
 * this file only wires them together and maps thrown errors to exit codes.
 */
import { Command } from "commander";
import { registerNotebookCommands } from "./notebook/commands";
import { registerReportCommands } from "./report/commands";
import { TOOL_VERSION } from "./version";
import { registerVersionCommands } from "./versions/commands";

export function createProgram(): Command {
  const program = new Command("fragtax")
    .description("Literate TypeScript reports: run notebooks, build HTML + PDF, publish and diff versions.")
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerNotebookCommands(program);
  registerReportCommands(program);
  registerVersionCommands(program);
  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    if (typeof code === "number") {
      process.exitCode = code;
      return;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv);
