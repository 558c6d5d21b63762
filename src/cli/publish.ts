/**
 * `fragtax publish`: argument parsing here; the action (publish-action.ts) is loaded when the command
 * runs, so registering it (every `fragtax` start, `--help`, `run`) loads none of publish's code.
 */
import type { Command } from "commander";
import { rootOptionHelp } from "../messages/report";

const action = () => import("./publish-action");

export function registerPublishCommand(program: Command): void {
  program
    .command("publish")
    .description("Publish the last build as an immutable dated version under out/reports/<date>[-N]/.")
    .option("--date <YYYY-MM-DD>", "version date, not after today (default: today, UTC)")
    .option("--reviewed <sections...>", "sections whose prose you re-read and keep although their figures moved (ids as publish lists them)")
    .option("--note <text>", "a note shown in the index and the manifest (at most 2000 characters)")
    .option("--accept-warnings", "publish a build that logged warnings (recorded in the manifest)")
    .option("--index-only", "publish nothing: rewrite out/reports/index.html from the published versions (when verify says it differs)")
    .option("--root <dir>", rootOptionHelp())
    .addHelpText(
      "after",
      `
Exit codes: 0 published; 1 refused, nothing written (no build yet, a what-if, failed, incomplete,
running or interrupted build, a build that logged warnings (fix them and rebuild, or pass
--accept-warnings), a built file altered since, anything the build was made from changed since (a
notebook, report.yaml, the assumptions or errata file, a module or data file it read), an altered
previous version, a build already published as the newest version or made from the same
sources as its build, or prose to re-read: a figure moved by more than 10% or a verdict changed while its
section's prose did not, and --reviewed does not name that section); 2 bad usage (a --date that is no
date, is after today or before the newest version, a --reviewed section the build does not have,
an erratum of a version not published before the new one, report.yaml missing or invalid) or a damaged published version (its manifest missing or unreadable:
restore it).

Example:
  $ fragtax publish --reviewed 05-who-pays#compute-spend 00-summary#headline-figures`,
    )
    .action(async (options: { date?: string; note?: string; root?: string; reviewed?: string[]; indexOnly?: boolean; acceptWarnings?: boolean }) => (await action()).publishAction(options));
}
