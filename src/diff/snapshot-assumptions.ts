/**
 * Reads the assumptions of a snapshot (a published version, a git ref, a file) for the diff and the
 * "What changed" section, through the same validated parser as the build, so both see the same thing.
 */
import { parseAssumptions } from "../assumptions";
import type { Assumption } from "../assumptions/types";

export function readSnapshotAssumptions(text: string, fileName: string): readonly Assumption[] {
  return parseAssumptions(text, fileName, { legacy: true }).all(); // an AssumptionError is bad input: exit 2
}
