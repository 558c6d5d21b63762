/**
 * The `fragtax` command line. Each area registers its own commands (see `register*Commands`);
 * this file only wires them together and maps thrown errors to exit codes.
 */
import { Command, CommanderError } from "commander";
import { registerNotebookCommands } from "./notebook";
import { registerReportCommands } from "./build";
import { TOOL_VERSION } from "../version";
import { registerVersionCommands } from "./versions";

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
    // Commander reports every usage error (unknown option, missing argument, …) with exit code 1;
    // fragtax's convention is 2 for bad usage, 1 only for a failure of the work. Help and --version stay 0.
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    // Whatever failed, no notebook worker may keep the process alive after it.
    (await import("../notebook/pool")).endAllWorkers();
    const code = (error as { exitCode?: number }).exitCode;
    process.stderr.write(`fragtax: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = typeof code === "number" ? code : 1;
  }
}

await main(process.argv);
