// The lock file's owner is the process that wrote it: a lock whose pid is now another process (reused
// after a reboot, pid 1 in a container) blocked every build for 30 minutes, "waiting for pid 1".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildLockState } from "../../src/build/outputs";
import { acquireLock, liveLockOwner, processStartTime } from "../../src/util/lock";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("a lock file's owner", () => {
  it("records when the owner started, and is this process while it holds the lock", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-lock-"));
    const path = join(dir, ".build.lock");
    const release = await acquireLock(path, { timeoutMs: 1000, pollMs: 10 });
    expect(readFileSync(path, "utf8").split("\n")[2]).toBe(processStartTime(process.pid));
    expect(await liveLockOwner(path)).toBe(process.pid);
    expect(await buildLockState(join(dir, "build"))).toEqual({ state: "running", pid: process.pid });
    await release();
  });

  it("is taken over at once when its pid is alive but started at another time (another process now)", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-lock-"));
    const path = join(dir, ".build.lock");
    // pid 1 is always alive; the start time written is not its own.
    writeFileSync(path, `1\n2026-01-01T00:00:00.000Z\n${Number(processStartTime(1)) + 12345}\n`);
    expect(await liveLockOwner(path)).toBeUndefined();
    expect(await buildLockState(join(dir, "build"))).toEqual({ state: "interrupted", pid: 1 });
    const waited: number[] = [];
    const release = await acquireLock(path, { timeoutMs: 2000, pollMs: 10, onWait: (pid) => waited.push(pid) });
    expect(waited).toEqual([]);
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe(String(process.pid));
    await release();
  });

  it("still waits for a live owner whose lock has no start time (written elsewhere, or by an older fragtax)", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-lock-"));
    const path = join(dir, ".build.lock");
    writeFileSync(path, `1\n2026-01-01T00:00:00.000Z\n`);
    expect(await liveLockOwner(path)).toBe(1);
    await expect(acquireLock(path, { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(/timed out waiting for the lock/);
  });
});
