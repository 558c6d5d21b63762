/** Messages of `fragtax dev`: what its server answers, the banners and overlay on the page, and its lines on the terminal. */
import { formatSeconds } from "../format/number";

/** What lies under dev's error overlay: the last good report, nothing yet, or a failed build's own page (one a `fragtax build` wrote). */
export type DevPageBelow = "last good" | "none" | "failed";
export const devBuildFailedTitle = (below: DevPageBelow): string =>
  below === "last good" ? "Build failed — showing the last good report" : below === "failed" ? "Build failed — the page below is a failed build's too, not a report" : "Build failed — no report has been built yet";

export const devForbiddenPath = (): string => "forbidden: only files inside out/build/ are served";

export const devWrongHost = (named: string | undefined): string =>
  `misdirected request: this preview answers only to an IP address or localhost${named === undefined ? "" : ` or ${named}`} (a page of another site naming this machine is refused); open it by one of those names`;

export const devFirstBuildUnderWay = (): string => "fragtax dev: the first build is under way; this page shows the report when it finishes.";

export const devFirstBuildBanner = (): string => "Building: this page shows the report built before fragtax dev started, which may predate your latest edits, until dev's first build ends.";

export const devRebuildingBanner = (path: string): string => `Rebuilding: ${path} changed. Until the rebuild ends, this page shows the report built before it.`;

export const devDisconnectedBanner = (): string => "fragtax dev is not running: this page no longer follows your edits (it reloads if dev starts again on this port).";

export const devNotFound = (firstBuildUnderWay: boolean): string => (firstBuildUnderWay ? "not found (the first build is still under way)" : "not found");

export const devNoReportNow = (): string => "fragtax dev: out/build holds no report right now; this page shows the report when the next build ends.";

/** dev's line when a build ends: its first build is not a rebuild. */
export const devBuilt = (ms: number, first: boolean): string => `${first ? "built" : "rebuilt"} in ${formatSeconds(ms)}`;

export const devRebuildFailed = (error: string): string => `build failed (out/build/ is left as it was):\n${error}`;

export const devChanged = (path: string): string => `changed: ${path}`;
export const devChangedMore = (count: number): string => `changed: ${count.toLocaleString("en-US")} more file${count === 1 ? "" : "s"} (not named one by one)`;

export const devServing = (url: string): string => `serving out/build/ at ${url} (live reload on; Ctrl-C to stop)`;
/** dev's last line, as a signal ends it: what stayed on disk (`built`: a build of this dev finished well). */
export const devStopped = (signal: string, abandoned: boolean, built: boolean): string =>
  `stopped by ${signal}${abandoned ? ": the rebuild under way was abandoned" : ""}; ${built ? "out/build/ holds the last build that finished" : "no build finished while dev ran, so out/build/ is as dev found it"}`;

export const devBadPort = (port: string): string => `--port ${port}: expected a port number 0–65535`;

export const devRebuildAbandoned = (): string => "the rebuild was stopped: dev is ending";

export const devLoopingLink = (path: string): string =>
  `warning: not watching ${path}: it is a symbolic link that loops (to itself or to a folder it is in); edits through it do not trigger a rebuild`;

export const devLinkOutside = (path: string): string =>
  `warning: not watching ${path}: it is a symbolic link to a folder outside the project; edits there do not trigger a rebuild (run fragtax build after them)`;

export const devNotWatched = (path: string, why: string): string =>
  `warning: cannot watch ${path} (${why}); edits there do not trigger a rebuild until dev is restarted`;

export const devCellsFailed = (cells: readonly string[]): string =>
  `${cells.length} cell${cells.length === 1 ? "" : "s"} failed:\n${cells.join("\n")}`;

export const devCannotListen = (host: string, port: number, code: string): string => {
  const why = code === "EADDRINUSE" ? "the port is in use (another fragtax dev?)" : code === "EACCES" ? "this user may not use that port" : "that address is not on this machine";
  // The remedy for what is wrong: a port for a port in use, an address for one that is not here.
  const remedy = code === "EADDRINUSE" || code === "EACCES" ? "pick another with --port (0 = any free port) or --host" : "give --host an address of this machine (127.0.0.1 by default)";
  return `dev: cannot listen on ${host}:${port}: ${why}; ${remedy}`;
};

/** `--host` named nothing listen() could resolve: a bracketed IPv6 address, a mistyped address or name, or no DNS answer. */
export const devUnknownHost = (host: string, code: string): string => {
  const hint = /^\[.*\]$/.test(host) ? `write an IPv6 address without brackets (--host ${host.slice(1, -1)})` : "give an IP address of this machine (127.0.0.1, the default, or 0.0.0.0 for every interface) or a name that resolves to one";
  return `dev: cannot listen on ${host}: it is not an IP address, and looking it up as a host name failed (${code}); ${hint}`;
};

export const devEmptyHost = (): string => "--host is empty: give the address to listen on (127.0.0.1, the default, keeps the preview on this machine; 0.0.0.0 serves every interface)";

export const devPublicHost = (host: string): string =>
  `warning: --host ${host} serves the preview to other machines on the network, not only this one; use the default 127.0.0.1 to keep it local`;

export const devTooManyPages = (max: number): string =>
  `fragtax dev follows at most ${max} open pages at once; close some tabs of the report and this one reconnects as it is shown again`;
