/**
 * `fragtax publish`: argument parsing here; the action (publish-action.ts) is loaded when the command
 * runs, so registering it (every `fragtax` start, `--help`, `run`) loads none of publish's code.
 */
import type { Command } from "commander";
import { rootOptionHelp } from "../messages/report";
import { report } from "./output";

const action = () => import("./publish-action");

export function registerPublishCommand(program: Command): void {
  program
    .command("publish")
    .description("Publish the last build as an immutable dated version under out/reports/<date>[-N]/")
    .option("--date <YYYY-MM-DD>", "version date (default: today, UTC)")
    .option("--note <text>", "a note shown in the index and the manifest")
    .option("--root <dir>", rootOptionHelp)
    .addHelpText(
      "after",
      `
Exit codes: 0 published; 1 refused, nothing written (no build yet, a what-if, failed, incomplete,
running or interrupted build, a built file altered since, the assumptions changed since the build, or
an altered previous version); 2 bad usage (a bad --date, report.yaml missing or invalid).`,
    )
    .action((options: { date?: string; note?: string; root?: string }) => report(async () => (await action()).publishAction(options)));
}
