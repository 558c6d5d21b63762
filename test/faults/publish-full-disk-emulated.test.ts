/**
 * The rule of publish-full-disk.test.ts without a tmpfs mount, which that test needs and a container
 * without the capability refuses: here the CLI's process is given a preload that makes every write
 * under out/reports/ do what a write on a full disk does (part of the data lands, then ENOSPC, with
 * no path, as Node's own error has none). The publish must still name out/reports/, exit 2 and leave
 * no version, no staging folder and the old index.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, makeProject, NO_CHROMIUM, useBuild } from "../published-project";

// CommonJS, loaded by `--require` before the CLI: the bundle calls `writeFile` through the module
// object at each call, so replacing the property reaches every write the publish makes.
const PRELOAD = `
const fsp = require("node:fs/promises");
const under = process.env.FULL_DISK_UNDER;
const original = fsp.writeFile;
fsp.writeFile = async (path, data, ...rest) => {
  if (typeof path !== "string" || !path.startsWith(under)) return original(path, data, ...rest);
  const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await original(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
};
`;

let root: string;
let preloads: string;
beforeEach(async () => {
  root = await makeProject();
  preloads = await mkdtemp(join(tmpdir(), "fragtax-full-disk-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(preloads, { recursive: true, force: true });
});

describe("publish on a full disk (emulated)", () => {
  it("names out/reports/ and what to do (exit 2), and leaves no version, staging folder or new index", async () => {
    const reports = join(root, "out/reports");
    await mkdir(reports, { recursive: true });
    await writeFile(join(reports, "index.html"), "the old index\n");
    const preload = join(preloads, "full-disk.cjs");
    await writeFile(preload, PRELOAD);
    await useBuild(root, "v1");

    const result = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: { ...NO_CHROMIUM, NODE_OPTIONS: `--require ${preload}`, FULL_DISK_UNDER: reports } });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot use ${reports} (ENOSPC): the disk is full`);
    expect(result.stderr).not.toContain(`cannot use ${root} (`);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect((await readdir(reports)).sort()).toEqual(["index.html"]);
    expect(await readFile(join(reports, "index.html"), "utf8")).toBe("the old index\n");

    // The same project publishes once there is room: nothing the failure left stands in the way.
    const again = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: NO_CHROMIUM });
    expect(again.stderr).not.toContain("ENOSPC");
    expect(again.code).toBe(0);
    expect((await readdir(reports)).sort()).toEqual(["2026-05-01", "index.html"]);
  });
});
