/**
 * `fragtax new <name>` (arguments and help; the work is in new-action.ts, loaded when it runs, so
 * registering the command loads no YAML or assumptions code). Both files are prepared in memory first; the notebook is created exclusively (never
 * overwriting) and removed again if report.yaml cannot be written, so nothing is half done.
 * Exit codes: 0 written; 2 a bad name, an existing chapter, or a project that cannot be read.
 */
import { Option, type Command } from "commander";
import type { KernelKind } from "../notebook/nbformat";
import { rootOptionHelp } from "../messages/report";

export function registerNewCommand(program: Command): void {
  program
    .command("new")
    .description("Start a chapter: write notebooks/NN-<name>.ipynb with a worked example and add it to report.yaml.")
    .argument("<name>", 'the chapter\'s name: lowercase letters, digits and dashes, e.g. "energy"')
    .option("--root <dir>", rootOptionHelp())
    .addOption(new Option("--kernel <kernel>", "the kernel it is for: tslab, or deno (Deno's, `deno jupyter`)").choices(["tslab", "deno"]).default("tslab"))
    .addHelpText(
      "after",
      `
The notebook has cell ids, the import cell and a worked example (an assumption read, a Monte Carlo,
a headline figure, prose citing it, a chart); it passes \`fragtax check\`, builds, and runs in Jupyter.

Exit codes: 0 written; 2 a bad name, a chapter file that already exists, or no readable report.yaml.

Examples:
  $ fragtax new energy                  # writes notebooks/09-energy.ipynb after 08-…, and lists it in report.yaml
  $ fragtax new energy --kernel deno    # the same chapter for Deno's kernel (notebook(Deno.jupyter))`,
    )
    .action(async (name: string, options: { root?: string; kernel: KernelKind }) => {
      const { newChapter } = await import("./new-action");
      process.stderr.write(`${await newChapter(name, options.root, options.kernel)}\n`);
    });
}

