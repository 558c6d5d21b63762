/**
 * The stale-prose guard, said when a build ends: the sections whose figures moved materially (or
 * whose claims changed verdict) since the newest published version while their prose stayed the same,
 * which `publish` would refuse (publish/prose-check.ts). Said now, the words are re-read while the
 * change that moved them is fresh, not discovered at publish time.
 *
 * Nothing is said when nothing is stale, when nothing is published yet, or when the newest version or
 * the build has no sections.json (publish then reads that version's sections from git; a build does
 * not, though it does read from git the prose fingerprints (v2) a sections.json from before them lacks,
 * as publish will). A version folder publish would refuse to read (a malformed manifest) is left to
 * publish and verify to report: this is a courtesy, and a build is not the place to fail on it.
 */
import { join } from "node:path";
import type { NumberFormat } from "../api/types";
import { outPaths } from "../config/paths";
import { staleProse } from "../diff/prose-guard";
import { proseLines } from "../diff/render";
import { formatNumber } from "../format/number";
import * as messages from "../messages/prose";
import { comparableProse } from "./legacy-sections";
import { listVersions, readVersionProse } from "./store";

/** The note's lines (none when there is nothing to re-read). */
export async function staleProseSinceNewest(root: string): Promise<string[]> {
  const paths = outPaths(root);
  const newest = (await listVersions(paths.reports).catch(() => [])).at(-1);
  if (newest === undefined) return [];
  const [before, now] = await Promise.all([readVersionProse(join(paths.reports, newest.id)), readVersionProse(paths.build)].map((read) => read.catch(() => null)));
  if (before?.sections == null || now?.sections == null) return [];
  // A newest version from before the v2 fingerprint: v2 from its notebooks in git, as publish compares it.
  const guard = staleProse(await comparableProse(root, newest, before), now, (value, format) => formatNumber(value, format as NumberFormat));
  if (guard.status !== "checked" || guard.stale.length === 0) return [];
  return [messages.buildStaleProse(newest.id, proseLines(guard, newest.id).slice(1))];
}
