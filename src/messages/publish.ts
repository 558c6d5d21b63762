/**
 * Messages of `fragtax publish` about what it is given: a version date it cannot take, a damaged
 * published version it would have to skip, a build that logged warnings, a build whose sources
 * changed since. (Its other messages, older, are in versions.ts.)
 */

import type { Change } from "../vocabulary/changes";

/** `--date ""` shown as such, not as a missing word. */
const shownDate = (date: string): string => (date === "" ? '""' : date);

export const publishBadDate = (date: string, years: { readonly min: number; readonly max: number }): string =>
  `--date ${shownDate(date)}: expected a calendar date as YYYY-MM-DD between ${years.min} and ${years.max} (e.g. 2026-05-01)`;

export const publishDateAfterToday = (date: string, today: string): string =>
  `--date ${date} is after today (${today} on this machine): a version cannot be dated before the newest one, so a date in the future would block every publish until then; give --date ${today} or earlier, or no --date for today`;

/** Where a damaged version is and what to do: shared by publish and `publish --index-only`. */
const damagedListing = (damaged: readonly { readonly id: string; readonly manifest: string }[]): string => {
  const ids = damaged.map((d) => d.id);
  const one = damaged.length === 1;
  return `published version${one ? "" : "s"} ${ids.join(", ")} ${one ? "is" : "are"} damaged: ${damaged.map((d) => d.manifest).join(", ")} ${one ? "is" : "are"} missing or cannot be read`;
};

const damagedRemedy = (ids: readonly string[]): string =>
  `restore ${ids.length === 1 ? "it" : "them"} as published from a copy (e.g. \`git checkout -- ${ids.map((id) => `out/reports/${id}`).join(" ")}\` once committed); \`fragtax verify ${ids.join(" ")}\` says what is wrong`;

export const publishDamagedVersions = (damaged: readonly { readonly id: string; readonly manifest: string }[]): string =>
  `refusing to publish: ${damagedListing(damaged)}, so the new version could not say what changed since ${damaged.length === 1 ? "it" : "them"} and the index could not list ${damaged.length === 1 ? "it" : "them"}; ${damagedRemedy(damaged.map((d) => d.id))}, then publish again (nothing was written)`;

export const indexDamagedVersions = (damaged: readonly { readonly id: string; readonly manifest: string }[]): string =>
  `refusing to rewrite out/reports/index.html: ${damagedListing(damaged)}, so the index could not list ${damaged.length === 1 ? "it" : "them"}; ${damagedRemedy(damaged.map((d) => d.id))}, then run \`fragtax publish --index-only\` again (the index was left as it was)`;

/** Versions index.html lists and out/reports/ no longer holds (`doing`: what is refused, and what was left as it was). */
export const versionsRemoved = (ids: readonly string[], doing: "publish" | "index" | "verify"): string =>
  `${doing === "publish" ? "refusing to publish: " : doing === "index" ? "refusing to rewrite out/reports/index.html: " : ""}out/reports/index.html lists ${ids.length === 1 ? "version" : "versions"} ${ids.join(", ")}, which out/reports/ no longer holds: a published version is never removed, and its id is never given to another report; restore ${ids.length === 1 ? "it" : "them"} as published from a copy (e.g. \`git checkout -- ${ids.map((id) => `out/reports/${id}`).join(" ")}\` once committed), or, if index.html was edited to list ${ids.length === 1 ? "it" : "them"}, restore index.html (or remove it and run \`fragtax publish --index-only\`)${doing === "verify" ? "; publish and publish --index-only refuse until then" : `, then run \`fragtax ${doing === "publish" ? "publish" : "publish --index-only"}\` again (nothing was written)`}`;

export const indexAlteredVersion = (problem: string): string =>
  `refusing to rewrite out/reports/index.html: ${problem}, then run \`fragtax publish --index-only\` again (the index was left as it was)`;

export const publishAsOfAfterToday = (asOf: string, today: string): string =>
  `this build's data cut-off (as of ${asOf}) is after today (${today} on this machine): a version is dated no earlier than its data and no later than today; correct asOf in report.yaml and run \`fragtax build\` again`;

/** Up to three of the build's warnings, one a line, then how many more. */
const someWarnings = (warnings: readonly string[]): string =>
  [...warnings.slice(0, 3).map((w) => `  warning: ${w}`), ...(warnings.length > 3 ? [`  (+${warnings.length - 3} more in out/build/build-log.json)`] : [])].join("\n");

export const publishRefusedWarnings = (warnings: readonly string[]): string =>
  `refusing to publish: the build logged ${warnings.length} warning${warnings.length === 1 ? "" : "s"} (\`fragtax build --strict\` fails on ${warnings.length === 1 ? "it" : "them"}):\n${someWarnings(warnings)}\nfix ${warnings.length === 1 ? "it" : "them"} and run \`fragtax build\` again, or publish anyway with --accept-warnings (the manifest records ${warnings.length === 1 ? "it" : "them"})`;

/** Publishing with tracked files changed since the commit: the manifest names a commit the version was not made from alone. */
export const publishFromDirtyTree = (commit: string): string =>
  `note: files git tracks have changed since commit ${commit.slice(0, 12)}, which the manifest records (with "dirty": true): ` +
  "the version cannot be rebuilt from that commit alone; commit first (and build again) for one that can";

export const publishingWithWarnings = (count: number): string =>
  `publishing a build with ${count} warning${count === 1 ? "" : "s"} (--accept-warnings): recorded in the manifest's "warnings"`;

/** What of a build's inputs publish found changed (build/cache/recorded-inputs.ts `InputChange`). */
type InputChange = Extract<Change, { readonly kind: "data" | "folder" | "lockfile" | "tool" }>;

const inputChanged = (change: InputChange): string => {
  switch (change.kind) {
    case "data":
      return `${change.path} ${change.removed ? "was removed" : "changed"}`;
    case "folder":
      return change.state === "changed" ? `the files in ${change.path}${change.tree ? " or below it" : ""} changed` : `${change.path} ${change.state === "appeared" ? "appeared" : "was removed"}`;
    case "lockfile":
      return "package-lock.json changed";
    case "tool":
      return `fragtax is ${change.after} now, ${change.before} then`;
  }
};

/** Up to five changes, one a line, then how many more. */
export const publishStaleBuild = (changes: readonly InputChange[]): string =>
  [
    `refusing to publish: what the build was made from changed since the last build, so out/build/ is not a report of it:`,
    ...changes.slice(0, 5).map((change) => `  ${inputChanged(change)}`),
    ...(changes.length > 5 ? [`  (+${changes.length - 5} more)`] : []),
    "run `fragtax build` again, then publish (nothing was written)",
  ].join("\n");

/** The newest version is this build (`build`), or a build of the same sources (`sources`). */
export const publishAlreadyPublished = (id: string, builtAt: string | null, same: "build" | "sources"): string =>
  same === "build"
    ? `refusing to publish: this build${builtAt === null ? "" : ` (built ${builtAt})`} is already published as ${id}; a build is published once. To publish a change, make it, run \`fragtax build\`, then publish (nothing was written)`
    : `refusing to publish: this build is already published as ${id}: it was made from the same sources (notebooks, report.yaml, assumptions, errata, the modules and data they read, as-of date) as the build of ${id}, so it says what ${id} says. To publish a change, make it, run \`fragtax build\`, then publish (nothing was written)`;

/** The newest version is placed but the index does not list it: its publish was stopped before the index. */
export const publishIndexBehind = (id: string): string =>
  `out/reports/index.html does not list ${id} yet: the publish that placed it was stopped before it wrote the index; list it with \`fragtax publish --index-only\``;

/** What a file-system failure while staging or placing a version names (util/fs-errors.ts words the rest). */
export const publishStoreWhat = (): string => "publish: the published versions (out/reports/)";

/** Ctrl-C or SIGTERM during publish: before the version was put in place, nothing was published. */
/** `placed`: the version in place, if it got there; `listed`: whether the index lists it already. */
export const publishInterrupted = (signal: string, placed: string | undefined, listed = false): string => {
  const stopped = `fragtax publish: stopped by ${signal === "SIGINT" ? "Ctrl-C" : signal}`;
  if (placed === undefined) return `${stopped}; nothing was published (what it had staged is removed by the next publish)`;
  if (listed) return `${stopped} after version ${placed} was published and listed in out/reports/index.html: nothing is left to do`;
  return `${stopped} once version ${placed} was in place: out/reports/index.html may not list it yet; run \`fragtax publish --index-only\``;
};
