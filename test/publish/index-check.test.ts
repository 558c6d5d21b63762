/** `verify` checks out/reports/index.html against what publish renders from the versions; `publish --index-only` rewrites it. */
import { createHash } from "node:crypto";
import { lstat, mkdir, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, NO_CHROMIUM, projectWithVersions, useBuild } from "../published-project";

let root: string;
const index = (): string => join(root, "out/reports/index.html");

beforeEach(async () => {
  root = await projectWithVersions(["--date", "2026-05-01", "--note", "first"]);
}, 60_000);
afterEach(async () => rm(root, { recursive: true, force: true }));

/**
 * 2026-05-01 as published before manifests were sealed (nor the fields publish began to write after
 * the seal), then 2026-05-20 published with a seal, recording it. Returns the first one's manifest.
 */
async function sealedAfterUnsealed(): Promise<{ file: string; unsealed: Record<string, unknown> }> {
  const file = join(root, "out/reports/2026-05-01/manifest.json");
  const { manifestSha256: _seal, buildSha256: _build, sourcesSha256: _sources, warnings: _warnings, ...unsealed } = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  await writeFile(file, JSON.stringify(unsealed, null, 2));
  expect((await fragtax(["publish", "--index-only"], { cwd: root })).code).toBe(0);
  await useBuild(root, "v2");
  expect((await fragtax(["publish", "--date", "2026-05-20"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
  return { file, unsealed };
}

describe("verify: the versions index", () => {
  it("an index that is a link, even to the very page publish renders, is not the index publish wrote; --index-only puts the file back", async () => {
    const published = await readFile(index(), "utf8");
    const elsewhere = join(root, "index-copy.html");
    await writeFile(elsewhere, published);
    await rm(index());
    await symlink(elsewhere, index());
    const linked = await fragtax(["verify"], { cwd: root });
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain("out/reports/index.html is a symbolic link, not the index file publish writes; remove it, then restore the file");
    expect((await fragtax(["publish", "--index-only"], { cwd: root })).code).toBe(0);
    expect((await lstat(index())).isSymbolicLink()).toBe(false);
    expect(await readFile(index(), "utf8")).toBe(published);
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
  });

  it("refuses a note past 2,000 characters, and breaks a note's long word (a URL) so the index does not scroll sideways", async () => {
    const before = await readdir(join(root, "out/reports"));
    const long = await fragtax(["publish", "--date", "2026-05-20", "--note", "x".repeat(2001)], { cwd: root, env: NO_CHROMIUM });
    expect(long.code).toBe(2);
    expect(long.stderr).toContain("--note has 2001 characters, more than the 2000 a note may have");
    expect(await readdir(join(root, "out/reports"))).toEqual(before);
    await useBuild(root, "v2");
    const url = `https://example.org/${"a".repeat(190)}`;
    // Exactly 2,000 characters is a note.
    const note = `see ${url} ${"y".repeat(2000 - url.length - 5)}`;
    expect([...note]).toHaveLength(2000);
    expect((await fragtax(["publish", "--date", "2026-05-20", "--note", note], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    const page = await readFile(index(), "utf8");
    expect(page).not.toContain(url);
    expect(page).toContain(`see ${url.slice(0, 14)}<wbr>${url.slice(14, 28)}<wbr>`);
    // The first version's short note is as it was.
    expect(page).toContain("<td>first");
    // An index an earlier fragtax wrote, without the break points, is still the index publish renders.
    await writeFile(index(), page.replace(/<wbr>/g, ""));
    expect((await fragtax(["verify"], { cwd: root })).stdout).toContain("ok index.html");
  });

  it("an index that is a folder is said as one, not as an index that lists no version", async () => {
    const published = await readFile(index(), "utf8");
    await rm(index());
    await mkdir(index());
    const folder = await fragtax(["verify"], { cwd: root });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain("out/reports/index.html is a folder, not the index file publish writes");
    expect(folder.stderr).not.toContain("does not list");
    // A link to that folder cannot be an index either: said as a link, not as an index listing no version.
    await rm(index(), { recursive: true });
    await mkdir(join(root, "elsewhere"));
    await symlink(join(root, "elsewhere"), index());
    const linked = await fragtax(["verify"], { cwd: root });
    expect(linked.stderr).toContain("out/reports/index.html is a symbolic link, not the index file publish writes");
    expect(linked.stderr).not.toContain("does not list");
    await rm(index(), { recursive: true });
    await writeFile(index(), published);
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
  });

  it("finds an edited or missing index, with the remedy, and publish --index-only rewrites it", async () => {
    const intact = await fragtax(["verify"], { cwd: root });
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("ok index.html (lists the 1 version as publish renders them)");

    const published = await readFile(index(), "utf8");
    await writeFile(index(), published.replace("first", "forged"));
    const edited = await fragtax(["verify"], { cwd: root });
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain(`out/reports/index.html is not the index publish renders from the 1 published version`);
    expect(edited.stderr).toContain("rewrite it from the versions with `fragtax publish --index-only`");
    // Naming versions checks those only.
    expect((await fragtax(["verify", "2026-05-01"], { cwd: root })).code).toBe(0);

    expect((await fragtax(["publish", "--index-only", "--note", "x"], { cwd: root })).code).toBe(2);
    const rewritten = await fragtax(["publish", "--index-only"], { cwd: root });
    expect(rewritten.code).toBe(0);
    expect(rewritten.stderr).toContain("rewrote out/reports/index.html from 1 published version");
    expect(await readFile(index(), "utf8")).toBe(published);

    // A version whose manifest is gone cannot be listed: the rewrite refuses, as verify fails it, and
    // leaves the index as it was rather than write one without that version.
    await useBuild(root, "v2");
    expect((await fragtax(["publish", "--date", "2026-05-20"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    const listed = await readFile(index(), "utf8");
    const second = join(root, "out/reports/2026-05-20/manifest.json");
    const manifest = await readFile(second, "utf8");
    await rm(second);
    const damaged = await fragtax(["publish", "--index-only"], { cwd: root });
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toContain("refusing to rewrite out/reports/index.html: published version 2026-05-20 is damaged: out/reports/2026-05-20/manifest.json is missing or cannot be read");
    expect(damaged.stderr).toContain("`fragtax verify 2026-05-20` says what is wrong");
    expect(await readFile(index(), "utf8")).toBe(listed);
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(1);
    await writeFile(second, manifest);

    // Nor from a version verify finds altered, whole as its manifest is: the index would show readers an
    // edited note (a sealed manifest's field), or list a version whose page was edited as if it were whole.
    const reportHtml = join(root, "out/reports/2026-05-20/report.html");
    for (const [file, edit] of [[second, (text: string) => `${JSON.stringify({ ...(JSON.parse(text) as object), note: "TAMPERED" }, null, 2)}\n`], [reportHtml, (text: string) => text.replace("</body>", "<p>edited</p></body>")]] as const) {
      const before = await readFile(file, "utf8");
      const edited = edit(before);
      expect(edited).not.toBe(before);
      await writeFile(file, edited);
      const refused = await fragtax(["publish", "--index-only"], { cwd: root });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("refusing to rewrite out/reports/index.html: published version 2026-05-20 was altered:");
      expect(refused.stderr).toContain("then run `fragtax publish --index-only` again (the index was left as it was)");
      expect(await readFile(index(), "utf8")).toBe(listed);
      await writeFile(file, before);
    }

    await rm(index());
    const missing = await fragtax(["verify"], { cwd: root });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("out/reports/index.html is missing");
  });

  it("an index that disagrees with a manifest from before the seal names that version and does not advise rewriting the index from it", async () => {
    const file = join(root, "out/reports/2026-05-01/manifest.json");
    const sealed = await readFile(file, "utf8");
    // As written before the seal: nor the fields publish began to write after it.
    const { manifestSha256: _seal, buildSha256: _build, sourcesSha256: _sources, warnings: _warnings, ...unsealed } = JSON.parse(sealed) as Record<string, unknown>;
    await writeFile(file, JSON.stringify(unsealed, null, 2));
    const legacy = await fragtax(["verify"], { cwd: root });
    expect(legacy.code, legacy.stderr).toBe(0);

    // The note edited in the manifest: nothing else in the version shows it, and the index is as published.
    await writeFile(file, JSON.stringify({ ...unsealed, note: "forged" }, null, 2));
    const edited = await fragtax(["verify"], { cwd: root });
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain("ok 2026-05-01");
    expect(edited.stderr).toContain(`out/reports/index.html does not list version 2026-05-01 as its manifest says; it was published before manifests were sealed, so either the index or that manifest was edited`);
    expect(edited.stderr).toContain("`git checkout -- out/reports/index.html out/reports/2026-05-01/manifest.json`");
    expect(edited.stderr).not.toContain("rewrite it from the versions");
    // The same index behind a link: still read for the row it lacks, so rewriting it is not advised either.
    const published = await readFile(index(), "utf8");
    await writeFile(join(root, "index-copy.html"), published);
    await rm(index());
    await symlink(join(root, "index-copy.html"), index());
    const linked = await fragtax(["verify"], { cwd: root });
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain("out/reports/index.html does not list version 2026-05-01 as its manifest says");
    expect(linked.stderr).not.toContain("rewrite it from the versions");
    await rm(index());
    await writeFile(index(), published);

    // Sealed, the manifest vouches for itself: the index is what was edited, and rewriting it is the remedy.
    await writeFile(file, sealed);
    await writeFile(index(), (await readFile(index(), "utf8")).replace("first", "other"));
    const indexEdited = await fragtax(["verify"], { cwd: root });
    expect(indexEdited.code).toBe(1);
    expect(indexEdited.stderr).toContain("rewrite it from the versions with `fragtax publish --index-only`");
  });

  it("carries a policy that stops every script; an index an earlier fragtax wrote without it passes, with the remedy", async () => {
    const published = await readFile(index(), "utf8");
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(published);
    expect(policy?.[1]?.replaceAll("&#39;", "'")).toContain("default-src 'none'; style-src 'unsafe-inline'; script-src 'none'");

    await writeFile(index(), published.replace(policy?.[0] ?? "", ""));
    const older = await fragtax(["verify"], { cwd: root });
    expect(older.code).toBe(0);
    expect(older.stdout).toContain("ok index.html (lists the 1 version as publish renders them), as an earlier fragtax rendered it, without the policy that stops any script on the page: `fragtax publish --index-only` adds it");
    // Anything else taken out of it is an edit.
    await writeFile(index(), published.replace(policy?.[0] ?? "", "").replace("first", "forged"));
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(1);
    expect((await fragtax(["publish", "--index-only"], { cwd: root })).code).toBe(0);
    expect(await readFile(index(), "utf8")).toBe(published);
  });

  it("a report retitled since is no tampering: verify passes and says how to retitle the index; an edit, or a title no version bears, still fails", async () => {
    const config = join(root, "notebooks", "report.yaml");
    const yaml = await readFile(config, "utf8");
    const title = /^title: (.*)$/m.exec(yaml)?.[1] ?? "";
    expect(title).not.toBe("");
    // The new title quotes markup and an escape character: shown as text, never as a terminal control.
    await writeFile(config, yaml.replace(/^title: .*$/m, 'title: "A <new> title & more \\e[31m"'));
    const retitled = await fragtax(["verify"], { cwd: root });
    expect(retitled.code, retitled.stderr).toBe(0);
    expect(retitled.stdout).toContain(`ok index.html (lists the 1 version as publish renders them), under the title "${title}" of an earlier version; report.yaml now says "A <new> title & more \\x1b[31m": \`fragtax publish --index-only\` retitles it`);
    expect(retitled.stdout).not.toContain("\u001b");

    // Retitled, and written by a fragtax from before the index's policy: both said, still no failure.
    const published = await readFile(index(), "utf8");
    await writeFile(index(), published.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, ""));
    const older = await fragtax(["verify"], { cwd: root });
    expect(older.code, older.stderr).toBe(0);
    expect(older.stdout).toContain("`fragtax publish --index-only` retitles it; it also lacks the policy that stops any script on the page, which the same command adds");

    await writeFile(index(), published.replace("first", "forged"));
    const edited = await fragtax(["verify"], { cwd: root });
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain("is not the index publish renders from the 1 published version");

    // A title no published version bears, written consistently into the page, is an edit too.
    const withdrawn = "WITHDRAWN: do not cite these figures";
    await writeFile(index(), published.split(`${title} — published versions`).join(`${withdrawn} — published versions`));
    expect((await readFile(index(), "utf8")).includes(withdrawn)).toBe(true);
    const forged = await fragtax(["verify"], { cwd: root });
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain("is not the index publish renders from the 1 published version");

    expect((await fragtax(["publish", "--index-only"], { cwd: root })).code).toBe(0);
    expect(await readFile(index(), "utf8")).toContain("<title>A &lt;new&gt; title &amp; more \\x1b[31m — published versions</title>");
    const after = await fragtax(["verify"], { cwd: root });
    expect(after.code).toBe(0);
    expect(after.stdout).toContain("ok index.html (lists the 1 version as publish renders them)\n");
  });

  it("a version records the manifests from before the seal, so an edited note of one is caught, and the index is not rewritten from it", async () => {
    const { file, unsealed } = await sealedAfterUnsealed();
    const second = JSON.parse(await readFile(join(root, "out/reports/2026-05-20/manifest.json"), "utf8")) as { unsealedManifestSha256?: Record<string, string> };
    expect(Object.keys(second.unsealedManifestSha256 ?? {})).toEqual(["2026-05-01"]);
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);

    await writeFile(file, JSON.stringify({ ...unsealed, note: "forged" }, null, 2));
    const edited = await fragtax(["verify"], { cwd: root });
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('published version 2026-05-20 was altered: out/reports/2026-05-20/manifest.json records the manifest of version "2026-05-01", published before manifests were sealed, with a sha256 that no longer matches');
    expect(edited.stderr).toContain("`git checkout -- out/reports/2026-05-01`");
    const listed = await readFile(index(), "utf8");
    const refused = await fragtax(["publish", "--index-only"], { cwd: root });
    expect(refused.code).toBe(2);
    expect(await readFile(index(), "utf8")).toBe(listed);
  });

  it("a version folder publish never made, re-hashed into a manifest without a seal, fails verify, and neither publish nor --index-only takes it in", async () => {
    await sealedAfterUnsealed();
    /** A copy of 2026-05-01 as a forger makes it: its page's date and its manifest's fields rewritten, every file re-hashed. */
    const forge = async (id: string, previous: string): Promise<void> => {
      const from = join(root, "out/reports/2026-05-01");
      const to = join(root, "out/reports", id);
      await mkdir(to);
      const manifest = JSON.parse(await readFile(join(from, "manifest.json"), "utf8")) as { files: Record<string, string> } & Record<string, unknown>;
      for (const name of await readdir(from)) {
        if (name === "manifest.json") continue;
        let bytes = await readFile(join(from, name));
        if (name === "report.html") bytes = Buffer.from(bytes.toString("utf8").replace(/(<meta name="fragtax-version-date" content=")[^"]*/, `$1${id.slice(0, 10)}`).replace(/<h1([^>]*)>/, "<h1$1>FORGED "));
        await writeFile(join(to, name), bytes);
        manifest.files[name] = createHash("sha256").update(bytes).digest("hex");
      }
      await writeFile(join(to, "manifest.json"), JSON.stringify({ ...manifest, id, date: id.slice(0, 10), previous, note: "forged" }, null, 2));
    };
    const listed = await readFile(index(), "utf8");
    const refusedEverywhere = async (forged: string): Promise<string> => {
      const verified = await fragtax(["verify"], { cwd: root });
      expect(verified.code).toBe(1);
      expect((await fragtax(["publish", "--index-only"], { cwd: root })).code).toBe(2);
      expect(await readFile(index(), "utf8")).toBe(listed);
      await useBuild(root, "v1");
      const published = await fragtax(["publish", "--date", "2026-06-01"], { cwd: root, env: NO_CHROMIUM });
      expect(published.code).toBe(1);
      expect(published.stderr).toContain(`remove the folder out/reports/${forged}`);
      expect((await readdir(join(root, "out/reports"))).filter((name) => name.startsWith("2026-06"))).toEqual([]);
      return verified.stderr;
    };

    // Between the first version and the sealed one that records every version before the seal.
    await forge("2026-05-10", "2026-05-01");
    expect(await refusedEverywhere("2026-05-10")).toContain('published version 2026-05-10 was altered: out/reports/2026-05-10/manifest.json has no sha256 of its own (manifestSha256), and version "2026-05-20", which records every manifest published before the seal, does not record it: this folder was not published by publish; published versions are immutable — remove the folder out/reports/2026-05-10');
    await rm(join(root, "out/reports/2026-05-10"), { recursive: true });

    // Newest of all, after a sealed version: publish would have sealed it.
    await forge("2026-05-25", "2026-05-01");
    expect(await refusedEverywhere("2026-05-25")).toContain('out/reports/2026-05-25/manifest.json has no sha256 of its own (manifestSha256), though version "2026-05-20" before it has one and publish has sealed every manifest since');
    await rm(join(root, "out/reports/2026-05-25"), { recursive: true });
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
  });

  it("names what stands beside the versions that publish never writes there, a served copy of a page above all", async () => {
    await mkdir(join(root, "out/reports/latest"));
    await writeFile(join(root, "out/reports/latest/report.html"), "<h1>fake</h1>");
    await writeFile(join(root, "out/reports/2026-12-08.html"), "<h1>fake</h1>");
    // What publish and the file browsers leave is not named: the lock, a write's temporary file, Finder's file.
    await writeFile(join(root, "out/reports/.DS_Store"), "");
    await writeFile(join(root, "out/reports/.index.html.999999.2bf2e344.tmp"), "");
    const verified = await fragtax(["verify"], { cwd: root });
    expect(verified.code).toBe(1);
    const named = verified.stderr.split("\n").filter((line) => line.includes("is not a published version, nor anything publish writes there"));
    expect(named.map((line) => line.split(" ")[0])).toEqual(["out/reports/2026-12-08.html", "out/reports/latest"]);
    // Naming a version checks that version only.
    expect((await fragtax(["verify", "2026-05-01"], { cwd: root })).code).toBe(0);
    await rm(join(root, "out/reports/latest"), { recursive: true });
    await rm(join(root, "out/reports/2026-12-08.html"));
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
  });
});
