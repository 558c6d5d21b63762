/**
 * The Fragmentation Tax built by the real CLI into temp roots and read in real Chromium: the harness of
 * the tests that read the report as a reader does (report-reading, report-what-if-wording).
 */
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LaunchedChromium } from "../src/report/chromium";
import { reportProject } from "./project";

const repo = resolve(import.meta.dirname, "..");

/** One cold build of all nine chapters on a shared 2-core machine: a limit against a hang. */
export const BUILD_MS = 180_000;

/** `--set id=value` for each pair. */
export const whatIf = (pairs: readonly (readonly [string, string])[]): string[] => pairs.flatMap(([id, value]) => ["--set", `${id}=${value}`]);

/** The report's notebooks in a temp root, built by the CLI with `args`; returns the root. */
export function buildReport(args: readonly string[]): string {
  const dir = reportProject().root;
  execFileSync("node", [join(repo, "dist", "cli.cjs"), "build", "--no-pdf", "--root", dir, ...args], { stdio: "pipe" });
  return dir;
}

/** The rendered text (innerText) of each element the selector matches, in the report built in `root`. */
export async function renderedTexts(chromium: LaunchedChromium, selector: string, root: string): Promise<string[]> {
  const tab = await chromium.browser.newPage();
  try {
    await tab.goto(pathToFileURL(join(root, "out", "build", "report.html")).href, { waitUntil: "load" });
    return (await tab.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.innerText)`)) as string[];
  } finally {
    await tab.close();
  }
}
