/**
 * Publish's check of the errata a build carries: each corrects a version published before the new
 * one (the build cannot know which versions will precede it; errata.json has no positions, so the
 * message names the erratum and what to fix). Exit 2, nothing written.
 */
import * as messages from "../messages/errata";
import { ErrataError } from "../errata/errors";
import type { Erratum } from "../errata/types";
import { compareVersionIds } from "./store";

export function checkErrataVersions(errata: readonly Erratum[], published: readonly string[], id: string): void {
  const earlier = published.filter((version) => compareVersionIds(version, id) < 0);
  const problems = errata.filter((e) => !earlier.includes(e.version)).map((e) => messages.errataUnpublishedVersion(e.id, e.version, id, earlier));
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ErrataError([first, ...rest]);
}
