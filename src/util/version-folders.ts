/**
 * The published versions' folders under `out/reports/`, by name: what publish numbers a new version
 * against, verify checks, and the build holds an erratum's `version` to (publish/store.ts reads their
 * manifests). Here, below both, so the build lists them without importing publish.
 */
import { readdir } from "node:fs/promises";
import { compareVersionIds, VERSION_ID } from "../vocabulary/version-ids";

/** Folder names that look like versions (complete or not); oldest first; none when there is no folder. */
export async function versionFolders(reportsDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(reportsDir);
  } catch {
    return [];
  }
  return names.filter((name) => VERSION_ID.test(name)).sort(compareVersionIds);
}
