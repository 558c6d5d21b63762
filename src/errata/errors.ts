/** The errata file's problems, each located (file:line:column); a usage error (exit 2). */
import { InputError } from "../util/errors";

export class ErrataError extends InputError {
  constructor(readonly problems: readonly [string, ...string[]]) {
    super(problems.join("\n"));
  }
}
