/**
 * The what-if flags themselves (`--set`, `--assumptions`), apart from their parsing in
 * options.ts: registering the build command must not load the assumptions code (YAML, zod),
 * so `fragtax --help` and `fragtax run` start without it.
 */
import type { Command } from "commander";

export interface WhatIfOptions {
  readonly set?: readonly string[];
  readonly assumptions?: string;
}

export function addWhatIfOptions(command: Command): Command {
  return command
    .option("--set <id=value|id=low..high>", "override an assumption for this build only (repeatable)", (flag: string, previous: string[] = []) => [...previous, flag])
    .option("--assumptions <file>", "override assumptions from a YAML file for this build only");
}
