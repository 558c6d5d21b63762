/**
 * `fragtax diff A B`: argument parsing here; the action (diff-action.ts) is loaded when the command runs.
 */
import type { Command } from "commander";
import { rootOptionHelp } from "../messages/report";

const action = () => import("./diff-action");

export function registerDiffCommand(program: Command): void {
  program
    .command("diff")
    .description("Compare assumptions and figures between two versions, git refs or assumption files.")
    .argument("<a>", "before: a published version id, a git ref, or an assumptions file")
    .argument("<b>", "after: same kinds as <a>")
    .option("--json", "print stable JSON (sorted keys) instead of text")
    .option("--html <file>", "also write a self-contained HTML page")
    .option("--figures", "for git refs: build figures in a temporary worktree")
    .option("--root <dir>", rootOptionHelp())
    .addHelpText(
      "after",
      `
Exit codes: 0 compared; 1 a published version whose files were altered since it was published (as
\`fragtax verify\` finds), or a git ref whose build for --figures had a code cell throw (the figures that
notebook would have made are said "not built" there, not added or removed); 2 a side that is not a published version, git ref or assumptions file, or an
assumptions file with errors (each named by file:line:column).

Examples (the versions are those in out/reports/; \`fragtax verify\` lists them):
  $ fragtax diff 2026-04-28 2026-11-26                  # two published versions: assumptions and figures
  $ fragtax diff HEAD~1 HEAD --figures                  # the assumptions file between two commits, figures rebuilt
  $ fragtax diff old.yaml notebooks/assumptions.yaml --json   # two assumption files, as JSON for scripts`,
    )
    .action(async (a: string, b: string, options: { json?: boolean; html?: string; figures?: boolean; root?: string }) =>
      (await action()).diffAction(a, b, options),
    );
}
