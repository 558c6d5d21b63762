/**
 * What publish reads from a finished build in `out/build/`. The build log is read leniently (only
 * the fields below matter); a missing report file is an error naming it.
 *
 * Contract with the build (`build-log.json`):
 *   { builtAt: ISO string,
 *     whatIf: { overrides: AssumptionOverride[], sources: string[] } | null,
 *     assumptions: { file: path relative to the root, sha256 },
 *     notebooks: [{ notebook, status: "executed" | "reused" | "failed", failedCells?: number[], reason, durationMs }] }
 * A copy of the assumptions file as built, `out/build/assumptions.yaml`, is preferred when present.
 */
import { access, readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import * as messages from "../messages/versions";
import { sha256 } from "../util/hash";
import { describeOverride } from "../build/whatif/overrides";
import type { WhatIf } from "../build/whatif/overrides";
import { parseSections, type SectionProse } from "../diff/prose-guard";
import { WorkError } from "../util/errors";

export interface BuildRecord {
  readonly html: string;
  readonly figures: unknown;
  readonly claims: unknown;
  readonly builtAt: string | null;
  readonly whatIf: WhatIf | null;
  readonly failedNotebooks: readonly string[];
  /** The first chapter run (build-log order = report.yaml order): its figures are the headline. */
  readonly firstChapter: string | undefined;
  readonly assumptionsText: string;
  /** True when the assumptions file on disk no longer matches what the build recorded. */
  readonly staleAssumptions: string | null;
  /** The built report.pdf, or null when the build printed none (`--no-pdf`, no Chromium). */
  readonly pdf: string | null;
  /** sections.json: each section's prose hash (null for a build from before sections were recorded). */
  readonly sections: readonly SectionProse[] | null;
  /** The build's data cut-off (build-log.json `asOf`). */
  readonly asOf: string | null;
}

interface BuildLogShape {
  builtAt?: unknown;
  asOf?: unknown;
  whatIf?: { overrides?: unknown; sources?: unknown } | null;
  assumptions?: { file?: unknown; sha256?: unknown };
  notebooks?: Array<{ notebook?: unknown; status?: unknown; failed?: unknown; failedCells?: unknown; errors?: unknown }>;
}

async function readRequired(buildDir: string, name: string): Promise<string> {
  try {
    return await readFile(join(buildDir, name), "utf8");
  } catch {
    throw new WorkError(messages.publishMissingBuild(join(buildDir, name)));
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

export async function readBuildRecord(buildDir: string, root: string, defaultAssumptionsFile: string): Promise<BuildRecord> {
  const [html, figures, claims, logText] = await Promise.all(
    ["report.html", "figures.json", "claims.json", "build-log.json"].map((name) => readRequired(buildDir, name)),
  );
  const pdf = join(buildDir, "report.pdf");
  const hasPdf = await access(pdf).then(() => true, () => false);
  const log = JSON.parse(logText as string) as BuildLogShape;
  const file = typeof log.assumptions?.file === "string" ? log.assumptions.file : defaultAssumptionsFile;
  const onDisk = await readOptional(isAbsolute(file) ? file : join(root, file));
  const snapshot = (await readOptional(join(buildDir, "assumptions.yaml"))) ?? onDisk ?? (await readRequired(root, file));
  const recorded = typeof log.assumptions?.sha256 === "string" ? log.assumptions.sha256 : undefined;
  const stale = recorded !== undefined && onDisk !== undefined && sha256(onDisk) !== recorded ? file : null;
  return {
    html: html as string,
    figures: JSON.parse(figures as string),
    claims: JSON.parse(claims as string),
    builtAt: typeof log.builtAt === "string" ? log.builtAt : null,
    whatIf: log.whatIf && Array.isArray(log.whatIf.overrides) && log.whatIf.overrides.length > 0 ? (log.whatIf as WhatIf) : null,
    failedNotebooks: (log.notebooks ?? []).filter(isFailed).map((entry) => String(entry.notebook)),
    firstChapter: typeof log.notebooks?.[0]?.notebook === "string" ? log.notebooks[0].notebook : undefined,
    assumptionsText: snapshot,
    staleAssumptions: stale,
    pdf: hasPdf ? pdf : null,
    sections: parseSections(await readOptional(join(buildDir, "sections.json"))),
    asOf: typeof log.asOf === "string" ? log.asOf : null,
  };
}

function isFailed(entry: NonNullable<BuildLogShape["notebooks"]>[number]): boolean {
  return (
    entry.status === "failed" ||
    entry.failed === true ||
    (Array.isArray(entry.failedCells) && entry.failedCells.length > 0) ||
    (typeof entry.errors === "number" && entry.errors > 0)
  );
}

/** Why this build must not be published, or null. */
export function refusalReason(build: BuildRecord): string | null {
  if (build.whatIf) return messages.publishRefusedWhatIf(build.whatIf.overrides.map(describeOverride));
  if (build.failedNotebooks.length > 0) return messages.publishRefusedFailedCells(build.failedNotebooks);
  if (build.staleAssumptions) return messages.publishStaleAssumptions(build.staleAssumptions);
  if (build.pdf === null) return messages.publishMissingPdf("out/build/report.pdf");
  return null;
}
