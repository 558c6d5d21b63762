// The lock file's owner is the process that wrote it: a lock whose pid is now another process (reused
// after a reboot, pid 1 in a container) blocked every build for 30 minutes, "waiting for pid 1".
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildLockState } from "../../src/build/outputs";
import { buildLockTakenOver } from "../../src/messages/report";
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
    const takenOver: Array<[number | undefined, boolean]> = [];
    const release = await acquireLock(path, { timeoutMs: 2000, pollMs: 10, onWait: (pid) => waited.push(pid), onTakeOver: (pid, reused) => takenOver.push([pid, reused]) });
    expect(waited).toEqual([]);
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe(String(process.pid));
    await release();
    // Said as what it is: pid 1 runs, as another program than the one that took the lock ("no longer running" alone read as false).
    expect(takenOver).toEqual([[1, true]]);
    expect(buildLockTakenOver(1, true)).toContain("pid 1, which is no longer running (that pid is another program's now, started after the lock was taken;");
    // A dead owner's is not said to be another program's.
    const dead = spawnSync("true").pid;
    writeFileSync(path, `${dead}\n2026-01-01T00:00:00.000Z\n123\n`);
    const again: Array<[number | undefined, boolean]> = [];
    await (await acquireLock(path, { timeoutMs: 2000, pollMs: 10, onTakeOver: (pid, reused) => again.push([pid, reused]) }))();
    expect(again).toEqual([[dead, false]]);
  });

  it("still waits for a live owner whose lock has no start time (written elsewhere, or by an older fragtax)", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-lock-"));
    const path = join(dir, ".build.lock");
    writeFileSync(path, `1\n2026-01-01T00:00:00.000Z\n`);
    expect(await liveLockOwner(path)).toBe(1);
    await expect(acquireLock(path, { timeoutMs: 100, pollMs: 10 })).rejects.toThrow(/timed out waiting for the lock/);
  });

  it("is taken over at once when its owner was killed but not yet reaped (a zombie still takes signal 0)", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-lock-"));
    const path = join(dir, ".build.lock");
    // The child outlives its shell's `exec` (a shell may reap a child that ended before it), then ends;
    // its parent, now `sleep`, never reaps it: it stays a zombie while the sleep runs.
    const parent = spawn("sh", ["-c", "sleep 1 & echo $!; exec sleep 30"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      const zombie = Number(await new Promise<string>((done) => parent.stdout.once("data", (data: Buffer) => done(data.toString()))));
      const state = (): string => readFileSync(`/proc/${zombie}/stat`, "utf8").split(") ")[1]?.split(" ")[0] ?? "";
      for (let tries = 0; state() !== "Z" && tries < 500; tries++) await new Promise((wait) => setTimeout(wait, 10));
      expect(state()).toBe("Z");
      writeFileSync(path, `${zombie}\n2026-01-01T00:00:00.000Z\n${processStartTime(zombie)}\n`);
      expect(await liveLockOwner(path)).toBeUndefined();
      expect(await buildLockState(join(dir, "build"))).toEqual({ state: "interrupted", pid: zombie });
      const waited: number[] = [];
      const release = await acquireLock(path, { timeoutMs: 2000, pollMs: 10, onWait: (pid) => waited.push(pid) });
      expect(waited).toEqual([]);
      await release();
    } finally {
      parent.kill("SIGKILL");
    }
  });
});

// Two builds started together after a killed one both found its lock stale; the slower one then
// removed the lock the faster had just created in its place, and both ran (seen in 5 of 20 rounds).
describe("a stale lock taken over by several waiters at once", () => {
  const staleLock = (path: string) => writeFileSync(path, `${spawnSync("true").pid}\n2026-01-01T00:00:00.000Z\n123\n`);

  it("goes to one of them at a time (concurrent waiters in one process, 40 rounds)", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-lock-"));
    let most = 0;
    for (let round = 0; round < 40; round++) {
      const path = join(dir, `${round}.lock`);
      staleLock(path);
      let inside = 0;
      await Promise.all(Array.from({ length: 6 }, async () => {
        const release = await acquireLock(path, { timeoutMs: 10_000, pollMs: 2 });
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inside--;
        await release();
      }));
    }
    expect(most).toBe(1);
  });

  it("goes to one process at a time (six processes started at the same instant)", async () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-lock-"));
    const path = join(dir, ".build.lock");
    const log = join(dir, "log");
    staleLock(path);
    writeFileSync(log, "");
    const worker = join(dir, "worker.mts");
    writeFileSync(worker, [
      `import { appendFileSync } from "node:fs";`,
      `import { acquireLock } from ${JSON.stringify(resolve("src/util/lock.ts"))};`,
      `const goAt = Number(process.argv[2]);`,
      `while (Date.now() < goAt) { /* start together */ }`,
      `const release = await acquireLock(${JSON.stringify(path)}, { timeoutMs: 20000, pollMs: 5 });`,
      `appendFileSync(${JSON.stringify(log)}, "enter\\n");`,
      `await new Promise((r) => setTimeout(r, 30));`,
      `appendFileSync(${JSON.stringify(log)}, "exit\\n");`,
      `await release();`,
    ].join("\n"));
    const goAt = Date.now() + 3000;
    const codes = await Promise.all(Array.from({ length: 6 }, () => new Promise<number | null>((done) => {
      spawn(resolve("node_modules/.bin/tsx"), [worker, String(goAt)], { stdio: "inherit" }).on("exit", done);
    })));
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    let inside = 0;
    let most = 0;
    for (const line of readFileSync(log, "utf8").trim().split("\n")) most = Math.max(most, inside += line === "enter" ? 1 : -1);
    expect(most).toBe(1);
  }, 30_000);
});

describe("something that is not a lock file in the lock's place", () => {
  // A folder there made every build wait, without a word, for the 30 minutes of its lock's timeout;
  // a FIFO made the read of "its owner" wait for ever.
  it.each([
    ["a folder", (path: string) => mkdirSync(path)],
    ["a FIFO", (path: string) => spawnSync("mkfifo", [path])],
  ])("%s: refused at once, naming it and what to do (exit 2)", async (_kind, make) => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-lock-"));
    const path = join(dir, ".build.lock");
    make(path);
    const started = Date.now();
    const failure = await acquireLock(path, { timeoutMs: 60_000, pollMs: 10 }).then(
      () => undefined,
      (error: unknown) => error as Error & { exitCode?: number },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(failure?.message).toBe(`cannot take the lock ${path}: something that is not a lock file is in its place (a folder or a pipe); remove it and run again`);
    expect(failure?.exitCode).toBe(2);
  }, 20_000);
});
