/**
 * `fragtax verify [VERSION…]`: argument parsing here; the action (verify-action.ts) is loaded when the
 * command runs.
 */
import type { Command } from "commander";
import { rootOptionHelp } from "../messages/report";

const action = () => import("./verify-action");

export function registerVerifyCommand(program: Command): void {
  program
    .command("verify")
    .description("Check published versions against their manifests: every file's sha256 as published.")
    .argument("[versions...]", "version ids (default: every version under out/reports/)")
    .option("--root <dir>", rootOptionHelp())
    .addHelpText(
      "after",
      `
Exit codes: 0 every file matches; 1 a file or a manifest field was altered or is missing (each named),
or (when every version is checked) out/reports/index.html is not what publish renders from them; 2 an
unknown version id.

Examples:
  $ fragtax verify                 # every published version
  $ fragtax verify 2026-11-26      # one version`,
    )
    .action(async (ids: string[], options: { root?: string }) => (await action()).verifyAction(ids, options));
}
