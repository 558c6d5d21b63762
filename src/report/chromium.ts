/**
 * Finding and launching a Chromium for printing, in this order: PUPPETEER_EXECUTABLE_PATH when set,
 * the one packaged in node_modules (`@sparticuz/chromium`, unpacked on first use) where it runs
 * (Linux on x64), otherwise an installed system browser; so `npm install && npm run report` prints a
 * PDF on a machine with nothing but Node.
 *
 * The packaged one comes first because it is a headless shell, not a whole browser: on 2026-12-04 it
 * printed the report (launch, load, two prints, close) in ~2.0 s where Debian's Chromium 156 took
 * ~4.0 s, each step about twice as fast, and its PDF step in a build was ~3 s against ~5.2 s. It is
 * also the version the lockfile names on every machine, so a PDF does not change with the OS's
 * browser. The page it prints is the build's own, offline (see CHROMIUM_FLAGS).
 *
 * Each launch gets a fresh temporary profile and the flags that keep a headless print job from
 * talking to the network. The browser talks to us over a pipe, so when this process dies — even by
 * kill -9 — Chromium reads end-of-file and exits; profiles left by such a death are removed at the
 * next launch.
 */
import { accessSync, constants, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import * as messages from "../messages/report";
import { WorkError } from "../util/errors";
import { chromiumFontConfig } from "./fonts";
import { ForeignUnpackError, intactUnpack, isForeign, PACKAGED_CHROMIUM, packagedChromiumPackage, unpackChromium, unpackFolder, type PackagedChromium } from "./packaged-chromium";

export const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
] as const;

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-extensions",
  // Glyph advances on whole pixels, as a whole browser lays text out on Linux and as the charts'
  // labels are measured (charts/canvas.ts). The packaged headless shell honours this switch (a whole
  // browser ignores it): with "none" its text came out 1.3% wider to 3.2% narrower than measured, so
  // a label measured to fit could overflow in the PDF; with "full", as in a whole browser, 0–0.8%.
  "--font-render-hinting=full",
] as const;

/** Set (to anything but "" or "0") to skip the system browsers: the packaged one is used. For tests. */
export const NO_SYSTEM_CHROMIUM = "FRAGTAX_NO_SYSTEM_CHROMIUM";

/** No browser could be found or started: the HTML is still built, the PDF is not (exit 1). */
export class ChromiumNotFoundError extends WorkError {}

/** The packaged browser does not start, even freshly unpacked: where it was unpacked, and why. */
export class PackagedChromiumBroken extends ChromiumNotFoundError {
  constructor(
    readonly folder: string,
    readonly detail: string,
    message = messages.packagedChromiumBroken(folder, detail),
  ) {
    super(message);
  }
}

/**
 * The packaged browser's unpack is another user's (packaged-chromium.ts, ForeignUnpackError): not run, nor
 * unpacked again over theirs. An installed browser prints instead where there is one, as for a broken unpack.
 */
export class PackagedChromiumForeign extends PackagedChromiumBroken {}

/** PUPPETEER_EXECUTABLE_PATH names no executable: unusable input (exit 2). */
export class ChromiumPathError extends ChromiumNotFoundError {}

export type ChromiumSource = "env" | "system" | "packaged";

export interface ChromiumChoice {
  readonly source: ChromiumSource;
  /** The binary for "env" and "system"; "packaged" is unpacked when launched. */
  readonly executablePath?: string;
}

export interface ChromiumLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isExecutable: (path: string) => boolean;
  /** Whether the packaged browser is installed (node_modules) and runs here. */
  readonly hasPackaged: () => boolean;
}

/** The packaged binary is an x64 Linux build (`@sparticuz/chromium`'s bin/chromium.br). */
const PACKAGED_RUNS_HERE = process.platform === "linux" && process.arch === "x64";

const defaultLookup: ChromiumLookup = { env: process.env, isExecutable, hasPackaged: () => PACKAGED_RUNS_HERE && packagedChromiumPackage() !== undefined };

const flagSet = (value: string | undefined): boolean => value !== undefined && value !== "" && value !== "0";

/** Which browser to print with, or an error whose message says how to get one. */
export function findChromium(lookup: ChromiumLookup = defaultLookup): ChromiumChoice {
  const fromEnv = lookup.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!lookup.isExecutable(fromEnv)) throw new ChromiumPathError(messages.chromiumEnvPathMissing(fromEnv));
    return { source: "env", executablePath: fromEnv };
  }
  if (lookup.hasPackaged()) return { source: "packaged" };
  const found = systemChromium(lookup);
  if (found !== undefined) return found;
  throw new ChromiumNotFoundError(messages.chromiumNotFound(flagSet(lookup.env[NO_SYSTEM_CHROMIUM]) ? [] : CHROMIUM_CANDIDATES, PACKAGED_CHROMIUM));
}

/** The first installed system browser (none when FRAGTAX_NO_SYSTEM_CHROMIUM is set): after the packaged one, or instead of it when it will not start. */
export function systemChromium(lookup: ChromiumLookup = defaultLookup): ChromiumChoice | undefined {
  if (flagSet(lookup.env[NO_SYSTEM_CHROMIUM])) return undefined;
  const found = CHROMIUM_CANDIDATES.find((candidate) => lookup.isExecutable(candidate));
  return found === undefined ? undefined : { source: "system", executablePath: found };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What printed the PDF, for the build log and build-log.json. */
export interface ChromiumInfo {
  readonly source: ChromiumSource;
  readonly executablePath: string;
  /** As the browser reports it, e.g. "HeadlessChrome/143.0.7499.0". */
  readonly version: string;
}

export interface LaunchedChromium {
  readonly browser: Browser;
  readonly info: ChromiumInfo;
  /** Closes the browser (killing it if it does not close in time) and removes its temporary profile. */
  close(): Promise<void>;
}

const PROFILE_PREFIX = "fragtax-chromium-";
const CLOSE_GRACE_MS = 3000;
/**
 * How long a started Chromium may take to answer: it normally does in under a second. Without a limit
 * of its own, one that starts but never answers held the build for puppeteer's protocol time-out
 * (3 minutes) with nothing said; that time-out cannot be lowered, as it also bounds a long print.
 */
export const LAUNCH_ANSWER_MS = 30_000;

export interface LaunchOptions {
  /** Progress lines ("unpacking the packaged Chromium …"). */
  readonly log?: (line: string) => void;
  /** Another package and unpack folder than node_modules/@sparticuz/chromium and the temp folder (tests). */
  readonly packaged?: { readonly dir: string; readonly version: string; readonly folder: string };
  /** Another limit than LAUNCH_ANSWER_MS for the browser's first answer (tests). */
  readonly answerWithinMs?: number;
}

export async function launchChromium(choice: ChromiumChoice = findChromium(), options: LaunchOptions = {}): Promise<LaunchedChromium> {
  const answerWithinMs = options.answerWithinMs ?? LAUNCH_ANSWER_MS;
  if (choice.source !== "packaged") return launch(choice.source, choice.executablePath ?? "", {}, answerWithinMs);
  const pkg = options.packaged ?? packagedChromiumPackage();
  if (pkg === undefined) throw new ChromiumNotFoundError(messages.chromiumNotFound([], PACKAGED_CHROMIUM));
  const folder = options.packaged?.folder ?? unpackFolder(pkg.version);
  const start = async (fresh: boolean): Promise<LaunchedChromium> => {
    if (fresh) options.log?.(messages.packagedChromiumReunpack(folder));
    // The first print on a machine unpacks ~190 MB (a few seconds): said, not left to look like a hang.
    else if (intactUnpack(folder, pkg.version) === undefined && !isForeign(folder)) options.log?.(messages.packagedChromiumUnpacking(pkg.version, folder));
    const unpacked = await unpackChromium(pkg.dir, pkg.version, { fresh, folder });
    return launch("packaged", unpacked.executablePath, packagedEnv(unpacked), answerWithinMs);
  };
  try {
    return await start(false);
  } catch (error) {
    // Another user's unpack is not run, and unpacking again would not replace it: an installed browser may print instead.
    if (error instanceof ForeignUnpackError) throw new PackagedChromiumForeign(folder, error.message, error.message);
    // A damaged unpack (a killed first run, a tampered file) gets one fresh unpack.
    try {
      return await start(true);
    } catch (error) {
      throw new PackagedChromiumBroken(folder, describe(error));
    }
  }
}

/** The packaged browser finds its bundled NSS/NSPR libraries first, so no system package is needed. */
function packagedEnv(unpacked: PackagedChromium): Record<string, string> {
  const existing = process.env.LD_LIBRARY_PATH;
  return { LD_LIBRARY_PATH: existing === undefined || existing === "" ? unpacked.libraryPath : `${unpacked.libraryPath}:${existing}` };
}

async function launch(source: ChromiumSource, executablePath: string, env: Record<string, string>, answerWithinMs: number): Promise<LaunchedChromium> {
  removeOrphanProfiles();
  const userDataDir = mkdtempSync(join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-`));
  // Aborting kills the browser (puppeteer's `signal`), which ends the launch's wait at once.
  const noAnswer = new AbortController();
  const deadline = setTimeout(() => noAnswer.abort(), answerWithinMs);
  try {
    // Loaded on demand: an HTML-only build never pays for puppeteer's start-up.
    const { default: puppeteer } = await import("puppeteer-core");
    const browser = await puppeteer.launch({
      executablePath,
      headless: source === "packaged" ? "shell" : true,
      args: [...CHROMIUM_FLAGS],
      userDataDir,
      // A pipe, not a WebSocket: when this process dies the pipe closes and Chromium exits with it.
      pipe: true,
      // Puppeteer's own handlers would catch SIGTERM, SIGHUP and SIGINT to close the browser, and a
      // process with a handler is not stopped by them: a cancelled CI job or `timeout` let the build
      // go on. Without them the signal ends fragtax as it would without a browser, and the pipe ends
      // Chromium; the next build takes over the lock and the profile, as after kill -9.
      handleSIGTERM: false,
      handleSIGHUP: false,
      handleSIGINT: false,
      // Only the fonts in node_modules: the PDF looks the same whatever the machine has installed.
      env: { ...process.env, ...env, FONTCONFIG_FILE: chromiumFontConfig(userDataDir) },
      signal: noAnswer.signal,
    });
    const version = await browser.version();
    clearTimeout(deadline);
    return {
      browser,
      info: { source, executablePath, version },
      close: async () => {
        try {
          await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
        } catch {
          // already gone: the kill below and the profile removal still apply
        } finally {
          const child = browser.process();
          child?.kill("SIGKILL");
          // Until it has gone: a killed process still runs its binary for a moment (its file cannot be
          // replaced then, ETXTBSY), and its profile is still being written.
          if (child !== null && child.exitCode === null && child.signalCode === null) {
            await new Promise((resolve) => {
              const gone = setTimeout(resolve, CLOSE_GRACE_MS);
              gone.unref();
              child.once("exit", () => (clearTimeout(gone), resolve(undefined)));
            });
          }
          rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    clearTimeout(deadline);
    rmSync(userDataDir, { recursive: true, force: true });
    throw noAnswer.signal.aborted ? new Error(messages.chromiumDidNotAnswer(Math.round(answerWithinMs / 1000))) : error;
  }
}

/** Profiles of builds that died without cleaning up (kill -9): the pid in the name is no longer running. */
function removeOrphanProfiles(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^fragtax-chromium-(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] ?? error.message : String(error);
}
