/**
 * The version date: given, it must be a date, and not after today. A version dated in the future (a
 * mistyped year) was accepted, and then every realistic date was refused as "before the newest
 * published version" until that day; `--date ""` published under today's date.
 */
import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { latestToday as today } from "../../src/util/dates";
import { fragtax, makeProject, NO_CHROMIUM, useBuild } from "../published-project";

let root: string;
beforeEach(async () => {
  root = await makeProject();
  await useBuild(root, "v1");
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const published = async (): Promise<string[]> => (existsSync(join(root, "out/reports")) ? (await readdir(join(root, "out/reports"))).filter((name) => /^\d/.test(name)) : []);
/** A UTC date `days` from now: two days ahead is after today in every time zone. */
const utcDate = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("publish --date", () => {
  it('refuses an empty --date (exit 2) rather than date the version today', async () => {
    const empty = await fragtax(["publish", "--date", ""], { cwd: root, env: NO_CHROMIUM });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--date "": expected a calendar date as YYYY-MM-DD');
    expect(await published()).toEqual([]);
  });

  it("refuses a date after today (exit 2), saying both dates, and publishes nothing", async () => {
    for (const date of ["2099-01-01", utcDate(2)]) {
      const future = await fragtax(["publish", "--date", date], { cwd: root, env: NO_CHROMIUM });
      expect(future.code).toBe(2);
      expect(future.stderr).toMatch(new RegExp(`--date ${date} is after today \\(\\d{4}-\\d{2}-\\d{2} on this machine\\)`));
      expect(await published()).toEqual([]);
    }
    // Yesterday and today (the default) are taken, in that order.
    expect((await fragtax(["publish", "--date", utcDate(-1)], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    await useBuild(root, "v2"); // a build is published once
    const now = await fragtax(["publish"], { cwd: root, env: NO_CHROMIUM });
    expect(now.code, now.stderr).toBe(0);
    expect((await published()).sort()).toEqual([utcDate(-1), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)].sort());
  });

  it("today is the later of the machine's local date and the UTC date (the default): neither is refused", () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = "Etc/GMT-14"; // UTC+14: the local date is a day ahead of UTC at noon UTC
      expect(today(new Date("2026-05-01T12:00:00Z"))).toBe("2026-05-02");
      process.env.TZ = "Etc/GMT+11"; // UTC−11: the local date is a day behind UTC early in the UTC day
      expect(today(new Date("2026-05-01T05:00:00Z"))).toBe("2026-05-01");
      expect(today(new Date("2026-05-01T20:00:00Z"))).toBe("2026-05-01");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
