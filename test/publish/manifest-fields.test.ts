/**
 * A manifest's own fields are part of what was published: verify finds one edited (by the manifest's
 * sha256 of itself, or, for versions published before it, by what the version's own files say), and a
 * malformed field in an older manifest stops publish before anything is written, naming file and field.
 */
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, NO_CHROMIUM, projectWithVersions, useBuild } from "../published-project";

let root: string;
const manifestFile = (id: string): string => join(root, "out/reports", id, "manifest.json");
/** A manifest as messages name it: from the project root. */
const shownManifest = (id: string): string => `out/reports/${id}/manifest.json`;
type Json = Record<string, unknown> & { headline: Array<Record<string, unknown>> };
const readManifest = async (id: string): Promise<Json> => JSON.parse(await readFile(manifestFile(id), "utf8")) as Json;

beforeEach(async () => {
  root = await projectWithVersions(["--date", "2026-05-01"], ["--date", "2026-05-20"]);
}, 60_000);
afterEach(async () => rm(root, { recursive: true, force: true }));

/** Verifies one version after `edit` changed its manifest, then puts the manifest back. */
async function verifyEdited(id: string, edit: (manifest: Json) => void): Promise<{ code: number; stderr: string; stdout: string }> {
  const original = await readFile(manifestFile(id), "utf8");
  const manifest = JSON.parse(original) as Json;
  edit(manifest);
  await writeFile(manifestFile(id), JSON.stringify(manifest, null, 2));
  try {
    return await fragtax(["verify", id], { cwd: root });
  } finally {
    await writeFile(manifestFile(id), original);
  }
}

describe("verify: the manifest's own fields", () => {
  it("finds any field of a sealed manifest edited: note, git commit, errata, headline, as-of date", async () => {
    expect((await readManifest("2026-05-20")).manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    const edits: Array<(m: Json) => void> = [
      (m) => void (m.note = "forged"),
      (m) => void (m.git = { commit: "0123456789abcdef0123456789abcdef01234567", dirty: false }),
      (m) => void (m.errata = [{ id: "x", version: "2026-05-01", section: "a#s", figures: [], was: "w", now: "forged" }]),
      (m) => void (m.asOf = "2026-04-01"),
      (m) => void ((m.headline[0] as Record<string, unknown>).label = "forged"),
    ];
    for (const edit of edits) {
      const result = await verifyEdited("2026-05-20", edit);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${shownManifest("2026-05-20")} differs from the sha256 it was published with (manifestSha256): a field was edited after publishing`);
    }
    // The same content written otherwise (keys reversed, other spacing) is the same manifest.
    const reordered = await verifyEdited("2026-05-20", (m) => {
      const entries = Object.entries(m).reverse();
      for (const [key] of entries) delete m[key];
      for (const [key, value] of entries) m[key] = value;
    });
    expect(reordered.code).toBe(0);
  });

  it("finds a field added as \"__proto__\" and a key given twice, which parse to fields the seal held", async () => {
    const original = await readFile(manifestFile("2026-05-20"), "utf8");
    const withText = async (text: string) => {
      await writeFile(manifestFile("2026-05-20"), text);
      try {
        return await fragtax(["verify", "2026-05-20"], { cwd: root });
      } finally {
        await writeFile(manifestFile("2026-05-20"), original);
      }
    };
    // Assigned by key, "__proto__" set the prototype and dropped out of the sha256: the edit passed.
    const proto = await withText(original.replace('"date"', '"__proto__": { "note": "Retracted" },\n  "date"'));
    expect(proto.code).toBe(1);
    expect(proto.stderr).toContain(`${shownManifest("2026-05-20")} differs from the sha256 it was published with (manifestSha256)`);
    // JSON keeps the last of two keys, the seal's; `cat` shows the forged first one.
    const twice = await withText(original.replace('"date"', '"note": "EDITED NOTE",\n  "date"'));
    expect(original).toContain('"note"');
    expect(original).toContain('"date"');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(`${shownManifest("2026-05-20")} gives a key twice in one object (JSON reads the last, a reader of the file may see the first): it was edited after publishing`);
  });

  it("holds a manifest from before the seal to its id and files, and says it has no seal", async () => {
    // As a manifest from before the seal was written: nor any field publish began to write after it.
    const legacy = (m: Json): void => void (delete m.manifestSha256, delete m.buildSha256, delete m.sourcesSha256, delete m.warnings);
    const ok = await verifyEdited("2026-05-01", legacy);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("ok 2026-05-01 (5 files match its manifest; its manifest predates its own sha256, so its fields are checked only against its files and its id)");

    const dated = await verifyEdited("2026-05-01", (m) => (legacy(m), (m.date = "2026-05-02")));
    expect(dated.code).toBe(1);
    expect(dated.stderr).toContain(`${shownManifest("2026-05-01")} gives date otherwise than the version's id (the manifest was edited)`);

    const headline = await verifyEdited("2026-05-01", (m) => (legacy(m), ((m.headline[0] as Record<string, unknown>).p50 = 1)));
    expect(headline.code).toBe(1);
    expect(headline.stderr).toContain(`gives headline "training_run_cost_usd" otherwise than its figures.json`);

    const malformed = await verifyEdited("2026-05-01", (m) => (legacy(m), (m.asOf = { x: 1 })));
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain(`${shownManifest("2026-05-01")} has a malformed field "asOf"`);
  });
});

describe("verify: the chain of seals", () => {
  it("shows a seal removed with an edit: the next version recorded the earlier manifest, and a version after a sealed one is sealed", async () => {
    const first = await readManifest("2026-05-01");
    const second = await readManifest("2026-05-20");
    expect(second.previousManifestSha256).toBe(first.manifestSha256);

    // The first version's seal taken out with an edit, and the fields publish writes only beside a seal…
    const { manifestSha256: seal, buildSha256: _build, sourcesSha256: _sources, warnings: _warnings, ...unsealed } = first;
    expect(seal).toBeDefined();
    await writeFile(manifestFile("2026-05-01"), JSON.stringify({ ...unsealed, buildSha256: first.buildSha256, note: "forged" }, null, 2));
    const withSealedEraField = await fragtax(["verify", "2026-05-01"], { cwd: root });
    expect(withSealedEraField.code).toBe(1);
    expect(withSealedEraField.stderr).toContain(`${shownManifest("2026-05-01")} has no sha256 of its own (manifestSha256), though it was published with one (it has "buildSha256", which publish has written only beside one)`);
    // …all of them taken out: on its own it looks like a manifest from before the seal…
    await writeFile(manifestFile("2026-05-01"), JSON.stringify({ ...unsealed, note: "forged" }, null, 2));
    expect((await fragtax(["verify", "2026-05-01"], { cwd: root })).code).toBe(0);
    // …but the version after it recorded it as published.
    const chained = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(chained.code).toBe(1);
    expect(chained.stderr).toContain(`${shownManifest("2026-05-20")} records the manifest of its previous version "2026-05-01" with a sha256 that no longer matches`);
    expect(chained.stderr).toContain("git checkout -- out/reports/2026-05-01");
    await writeFile(manifestFile("2026-05-01"), JSON.stringify(first, null, 2));

    // The newest version's seal taken out with an edit: its previous version is sealed, so it was too.
    const newest = await verifyEdited("2026-05-20", (m) => (delete m.manifestSha256, (m.note = "forged")));
    expect(newest.code).toBe(1);
    expect(newest.stderr).toContain(`${shownManifest("2026-05-20")} has no sha256 of its own (manifestSha256), though it was published with one`);
  });
});

describe("publish with a malformed field in an older manifest", () => {
  it("stops before anything is written (exit 2), naming the file and the field; the index is untouched", async () => {
    const manifest = await readManifest("2026-05-01");
    await writeFile(manifestFile("2026-05-01"), JSON.stringify({ ...manifest, asOf: { x: 1 } }, null, 2));
    const index = await readFile(join(root, "out/reports/index.html"), "utf8");
    await useBuild(root, "v1");
    const result = await fragtax(["publish", "--date", "2026-06-01"], { cwd: root, env: NO_CHROMIUM });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${shownManifest("2026-05-01")}: field "asOf" is malformed`);
    expect(result.stderr).toContain("fragtax verify 2026-05-01");
    expect(result.stderr).not.toContain("interpolated value");
    expect((await readdir(join(root, "out/reports"))).filter((name) => !name.startsWith(".")).sort()).toEqual(["2026-05-01", "2026-05-20", "index.html"]);
    expect(await readFile(join(root, "out/reports/index.html"), "utf8")).toBe(index);
  });
});
