/**
 * `fragtax dev`: argument parsing here; the action (dev-action.ts: watcher, server, rebuilds) is loaded
 * when the command runs.
 */
import type { Command } from "commander";
import { Option } from "commander";
import { rootOptionHelp } from "../messages/report";
import * as devMessages from "../messages/dev";
import { InputError } from "../util/errors";
import { badTimeout } from "../messages/notebook";
import { MAX_TIMEOUT_SECONDS, parseTimeoutSeconds } from "../util/limits";
import { timeoutOption } from "./timeout-option";

const action = () => import("./dev-action");

export function registerDevCommand(program: Command): void {
  program
    .command("dev")
    .description("Watch notebooks, assumptions, src/, templates/ and the files the last build read elsewhere (data, images); rebuild on change; serve out/build/ with live reload.")
    .addOption(new Option("--port <n>", "port (0 = any free port)").default(4321))
    .addOption(new Option("--host <host>", "interface to bind; loopback unless told otherwise").default("127.0.0.1"))
    .option("--root <dir>", rootOptionHelp())
    .addOption(timeoutOption("stop a cell that runs longer than this (the cell fails, the page shows it)"))
    .addHelpText(
      "after",
      `
Exit codes: runs until Ctrl-C or SIGTERM, then ends by that signal (the shell shows 130 or 143), as
\`fragtax build\` does; a failed rebuild does not end it (the page shows the error); 2 a bad --port,
--host or --timeout, a port that cannot be listened on (in use, or below 1024 without the right), or no readable
notebooks/report.yaml.

Examples:
  $ fragtax dev                           # serves http://127.0.0.1:4321/ and rebuilds on every save
  $ fragtax dev --port 0 --host 0.0.0.0   # any free port, reachable from other machines`,
    )
    // The default is the number 4321; a --port given on the command line arrives as a string.
    .action(async (options: { port: number | string; host: string; root?: string; timeout: string }) => {
      // Digits only: Number() reads "" (an unset $PORT quoted) as 0, any free port, and "0x50" as 80.
      const port = typeof options.port === "number" ? options.port : /^\d+$/.test(options.port) ? Number(options.port) : Number.NaN;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(devMessages.devBadPort(String(options.port)));
      // listen() takes an empty host as "every interface": bad usage here, not a way to say 0.0.0.0.
      if (options.host.trim() === "") throw new InputError(devMessages.devEmptyHost());
      const timeoutMs = parseTimeoutSeconds(options.timeout);
      if (timeoutMs === undefined) throw new InputError(badTimeout(options.timeout, MAX_TIMEOUT_SECONDS));
      await (await action()).devAction(port, options, timeoutMs);
    });
}
