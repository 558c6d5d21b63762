/**
 * `--timeout <seconds>`, the one definition `build`, `run` and `dev` share. Its default is given as
 * text (the actions parse it with the value a user types), and shown in --help as "60 s", not as the
 * quoted string commander shows for a text default.
 */
import { Option } from "commander";
import { DEFAULT_TIMEOUT_MS } from "../util/limits";

export const DEFAULT_TIMEOUT_SECONDS = String(DEFAULT_TIMEOUT_MS / 1000);

export const timeoutOption = (description: string): Option =>
  new Option("--timeout <seconds>", description).default(DEFAULT_TIMEOUT_SECONDS, `${DEFAULT_TIMEOUT_SECONDS} s`);
