/**
 * `fragtax publish`, `fragtax diff`, `fragtax dev`: argument parsing here; each action's wiring to
 * the effects lives in command-actions.ts, loaded when the command runs, so registering the commands
 * (every `fragtax` start, `--help`, `run`) loads none of publish, diff, dev or their libraries.
 */
import type { Command } from "commander";
import { Option } from "commander";
import * as messages from "../messages/versions";

const actions = () => import("./command-actions");

/** Runs an action; a thrown error prints its message and sets its exit code (1 unless it says otherwise). */
async function report(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    process.stderr.write(`fragtax: ${error instanceof Error ? error.message : String(error)}\n`);
    const code = (error as { exitCode?: unknown }).exitCode;
    process.exitCode = typeof code === "number" ? code : 1;
  }
}

export function registerVersionCommands(program: Command): void {
  program
    .command("publish")
    .description("Publish the last build as an immutable dated version under out/reports/<date>[-N]/")
    .option("--date <YYYY-MM-DD>", "version date (default: today, UTC)")
    .option("--note <text>", "a note shown in the index and the manifest")
    .option("--root <dir>", "project root (default: the nearest folder with package.json)")
    .action((options: { date?: string; note?: string; root?: string }) => report(async () => (await actions()).publishAction(options)));

  program
    .command("diff")
    .description("Compare assumptions and figures between two versions, git refs or assumption files")
    .argument("<a>", "before: a published version id, a git ref, or an assumptions file")
    .argument("<b>", "after: same kinds as <a>")
    .option("--json", "print stable JSON (sorted keys) instead of text")
    .option("--html <file>", "also write a self-contained HTML page")
    .option("--figures", "for git refs: build figures in a temporary worktree")
    .option("--root <dir>", "project root")
    .action((a: string, b: string, options: { json?: boolean; html?: string; figures?: boolean; root?: string }) =>
      report(async () => (await actions()).diffAction(a, b, options)),
    );

  program
    .command("dev")
    .description("Watch notebooks, assumptions, src/ and templates/; rebuild on change; serve out/build/ with live reload")
    .addOption(new Option("--port <n>", "port (0 = any free port)").default("4321"))
    .addOption(new Option("--host <host>", "interface to bind; loopback unless told otherwise").default("127.0.0.1"))
    .option("--root <dir>", "project root")
    .action((options: { port: string; host: string; root?: string }) =>
      report(async () => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw Object.assign(new Error(messages.devBadPort(options.port)), { exitCode: 2 });
        await (await actions()).devAction(port, options);
      }),
    );
}
