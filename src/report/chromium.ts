/**
 * Finding and launching a Chromium for printing. A system browser is used (npm ci never downloads
 * one): PUPPETEER_EXECUTABLE_PATH first, then the usual install locations. Each launch gets a fresh
 * temporary profile and the flags that keep a headless print job from talking to the network.
 */
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";
import { chromiumEnvPathMissing, chromiumNotFound } from "../messages/report";
import { WorkError } from "../util/errors";

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
  "--font-render-hinting=none",
] as const;

export class ChromiumNotFoundError extends WorkError {}

export interface ChromiumLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isExecutable: (path: string) => boolean;
}

const defaultLookup: ChromiumLookup = { env: process.env, isExecutable };

/** The browser to print with, or a ChromiumNotFoundError whose message says how to get one. */
export function findChromium(lookup: ChromiumLookup = defaultLookup): string {
  const fromEnv = lookup.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!lookup.isExecutable(fromEnv)) throw new ChromiumNotFoundError(chromiumEnvPathMissing(fromEnv));
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => lookup.isExecutable(candidate));
  if (found === undefined) throw new ChromiumNotFoundError(chromiumNotFound(CHROMIUM_CANDIDATES));
  return found;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface LaunchedChromium {
  readonly browser: Browser;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

export async function launchChromium(executablePath: string = findChromium()): Promise<LaunchedChromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), "fragtax-chromium-"));
  try {
    // Loaded on demand: an HTML-only build never pays for puppeteer's start-up.
    const { default: puppeteer } = await import("puppeteer-core");
    const browser = await puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS], userDataDir });
    return {
      browser,
      close: async () => {
        await browser.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
