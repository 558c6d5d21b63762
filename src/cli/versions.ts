/**
 * `fragtax publish`, `fragtax diff`, `fragtax dev`: argument parsing here; each action's wiring to
 * the effects lives in command-actions.ts, loaded when the command runs, so registering the commands
 * (every `fragtax` start, `--help`, `run`) loads none of publish, diff, dev or their libraries.
 */
import type { Command } from "commander";
import { Option } from "commander";
import { rootOptionHelp } from "../messages/report";
import * as messages from "../messages/versions";

const actions = () => import("./version-actions");

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
    .option("--root <dir>", rootOptionHelp)
    .addHelpText(
      "after",
      `
Exit codes: 0 published; 1 refused, nothing written (no build yet, a what-if build, a failed cell, or the
assumptions changed since the build); 2 bad usage (a bad --date, report.yaml missing or invalid).`,
    )
    .action((options: { date?: string; note?: string; root?: string }) => report(async () => (await actions()).publishAction(options)));

  program
    .command("verify")
    .description("Check published versions against their manifests: every file's sha256 as published")
    .argument("[versions...]", "version ids (default: every version under out/reports/)")
    .option("--root <dir>", rootOptionHelp)
    .addHelpText(
      "after",
      `
Exit codes: 0 every file matches; 1 a file was altered or is missing (each named); 2 an unknown version id.

Examples:
  $ fragtax verify                 # every published version
  $ fragtax verify 2026-11-26      # one version`,
    )
    .action((ids: string[], options: { root?: string }) => report(async () => (await actions()).verifyAction(ids, options)));

  program
    .command("diff")
    .description("Compare assumptions and figures between two versions, git refs or assumption files")
    .argument("<a>", "before: a published version id, a git ref, or an assumptions file")
    .argument("<b>", "after: same kinds as <a>")
    .option("--json", "print stable JSON (sorted keys) instead of text")
    .option("--html <file>", "also write a self-contained HTML page")
    .option("--figures", "for git refs: build figures in a temporary worktree")
    .option("--root <dir>", rootOptionHelp)
    .addHelpText(
      "after",
      `
Exit codes: 0 compared; 2 a side that is not a published version, git ref or assumptions file,
or an assumptions file with errors (each named by file:line:column).

Examples:
  $ fragtax diff 2026-05-01 2026-05-20                  # two published versions: assumptions and figures
  $ fragtax diff HEAD~1 HEAD --figures                  # the assumptions file between two commits, figures rebuilt
  $ fragtax diff old.yaml notebooks/assumptions.yaml --json   # two assumption files, as JSON for scripts`,
    )
    .action((a: string, b: string, options: { json?: boolean; html?: string; figures?: boolean; root?: string }) =>
      report(async () => (await actions()).diffAction(a, b, options)),
    );

  program
    .command("dev")
    .description("Watch notebooks, assumptions, src/ and templates/; rebuild on change; serve out/build/ with live reload")
    .addOption(new Option("--port <n>", "port (0 = any free port)").default(4321))
    .addOption(new Option("--host <host>", "interface to bind; loopback unless told otherwise").default("127.0.0.1"))
    .option("--root <dir>", rootOptionHelp)
    .addHelpText(
      "after",
      `
Examples:
  $ fragtax dev                           # serves http://127.0.0.1:4321/ and rebuilds on every save
  $ fragtax dev --port 0 --host 0.0.0.0   # any free port, reachable from other machines`,
    )
    // The default is the number 4321; a --port given on the command line arrives as a string.
    .action((options: { port: number | string; host: string; root?: string }) =>
      report(async () => {
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw Object.assign(new Error(messages.devBadPort(String(options.port))), { exitCode: 2 });
        await (await actions()).devAction(port, options);
      }),
    );
}
