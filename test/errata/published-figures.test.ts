/** The corrected versions' figures, read for the build's errata check only when an erratum names a figure it lacks. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publishedFigurePlaces } from "../../src/errata/published-figures";
import type { LocatedErratum } from "../../src/errata/types";

const reports = mkdtempSync(join(tmpdir(), "fragtax-errata-"));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

const erratum = (version: string, figures: string[]) => ({ id: "e", version, section: "s", figures, was: "w", now: "n" }) as unknown as LocatedErratum;

describe("publishedFigurePlaces", () => {
  it("reads a version's figures.json for an erratum naming a figure the build lacks, and nothing else", async () => {
    mkdirSync(join(reports, "2026-11-26"));
    writeFileSync(join(reports, "2026-11-26", "figures.json"), JSON.stringify([{ id: "old_id", notebook: "notebooks/05-who-pays.ipynb", p50: 1 }, { id: 3 }]));
    mkdirSync(join(reports, "2026-11-27"));
    writeFileSync(join(reports, "2026-11-27", "figures.json"), "{ not json");
    const places = await publishedFigurePlaces(reports, [erratum("2026-11-26", ["old_id"]), erratum("2026-11-27", ["gone"]), erratum("2026-11-28", ["kept"])], new Set(["kept"]));
    expect(places("2026-11-26")).toEqual([{ id: "old_id", notebook: "notebooks/05-who-pays.ipynb" }]);
    // Unreadable, or not read at all (its figures are all in the build): none.
    expect(places("2026-11-27")).toBeUndefined();
    expect(places("2026-11-28")).toBeUndefined();
  });
});
