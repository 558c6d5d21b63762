/**
 * Reads the assumptions of a snapshot (a published version, a git ref, a file) for the diff and the
 * "What changed" section, through the same validated parser as the build, so both see the same thing.
 */
import { AssumptionError, parseAssumptions } from "../assumptions";
import type { Assumption } from "../assumptions/types";

export function readSnapshotAssumptions(text: string, fileName: string): readonly Assumption[] {
  try {
    return parseAssumptions(text, fileName).all();
  } catch (error) {
    // Unreadable input, not a failure of the work: exit 2 (the CLI's convention), message unchanged.
    if (error instanceof AssumptionError) throw Object.assign(error, { exitCode: 2 });
    throw error;
  }
}
