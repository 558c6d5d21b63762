/**
 * Messages about out/build/ as one unit (build/outputs.ts): an old build set aside that could not be
 * removed, and the last good build a failed one keeps in out/last-good/.
 */

export const buildSetAsideLeft = (path: string, quoted: string, code: string, now: boolean): string =>
  `warning: ${now ? `the previous build, set aside as ${path}, could not be removed (${code}); the new one is in place` : `${path}, an old build an earlier build set aside, cannot be removed (${code}); builds go on meanwhile`}. ` +
  `Its owner can remove it (\`rm -rf ${quoted}\`, with sudo if it is another user's); the next build tries again`;

/** `files`: the reader's files it holds (report.html, and report.pdf when that build printed one). */
/** `replaced`: kept by a what-if (or a page --strict refuses), which replaced it without failing. */
export const buildKeptLastGood = (folder: string, files: readonly string[], now: boolean, replaced = false): string =>
  `the last normal build that did not fail ${now ? "is kept" : "is still"} in ${folder} (${[...files, "its records"].join(", ")})${replaced ? ", as this build replaced it," : ""} until a build succeeds`;
/** A build that succeeded without printing replaced the last good build, whose PDF goes with it. */
export const lastGoodPdfGone = (folder: string): string =>
  `${folder} is removed, as this build is the last good one now, and the report.pdf it held went with it, as this build printed none: \`fragtax build\` without --no-pdf prints this page's`;
export const lastGoodNotKept = (old: string, folder: string, code: string): string =>
  `could not keep the last good build in ${folder} (${code}); it is in ${old}, which the next build keeps there once ${folder} can be written`;

/** What the build that took over a killed one's lock found of its swap of out/build/, and did. */
export const swapRecovered = (what: "finished" | "dropped" | "discarded" | "restored"): string =>
  ({
    finished: "the killed build had set out/build/ aside and not yet put its new one in place: its new out/build/ is now in place, whole",
    dropped: "the killed build left a half-made out/build/ beside the whole one: removed, and the whole one kept",
    discarded: "the killed build left an out/build/ it never put in place, and no earlier one: removed, and this build makes it afresh",
    restored: "the killed build had set out/build/ aside with no new one made: the previous out/build/ is back in place",
  })[what];
