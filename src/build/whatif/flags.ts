/**
 * The what-if flags themselves (`--set`, `--assumptions`), apart from their parsing in
 * options.ts: registering the build command must not load the assumptions code (YAML, zod),
 * so `fragtax --help` and `fragtax run` start without it.
 */
import { InvalidArgumentError, type Command } from "commander";

export interface WhatIfOptions {
  readonly set?: readonly string[];
  readonly assumptions?: string;
  /** The text of the `assumptions` file, once read (`withOverridesFileRead`); read then when absent. */
  readonly assumptionsText?: string;
}

export function addWhatIfOptions(command: Command): Command {
  return command
    .option("--set <id=value|id=low..high>", "override an assumption for this build only (repeatable)", (flag: string, previous: string[] = []) => [...previous, flag])
    .option("--assumptions <file>", "override assumptions from a YAML file for this build only", (file: string, previous: string | undefined) => {
      // A second file would replace the first unread: refused, as one id given to --set twice is.
      if (previous !== undefined) throw new InvalidArgumentError(`--assumptions is given twice (${previous}, then ${file}); give one overrides file, and --set for single values`);
      // An empty name read as no file: the build said "overrides nothing" and went on as a normal one.
      if (file.trim() === "") throw new InvalidArgumentError("--assumptions is empty: give the overrides file, or leave --assumptions out for a normal build");
      return file;
    });
}
