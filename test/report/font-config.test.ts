/**
 * The fontconfig file that pins the printing Chromium to the fonts in node_modules. It lives in the
 * install's cache; when that cannot be written, Chromium used to get no file and fell back to the
 * machine's fonts, printing another PDF (49 pages instead of 48) with exit 0. Now the file goes to
 * the browser's private folder instead, with the same fonts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { chromiumFontConfig } from "../../src/report/fonts";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the printing Chromium's font configuration", () => {
  it("is written in the install's cache when it can be", () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-fontconfig-test-"));
    const file = chromiumFontConfig(join(dir, "profile"), undefined, join(dir, "cache"));
    expect(file).toBe(join(dir, "cache", "fontconfig", "fonts.conf"));
    expect(readFileSync(file, "utf8")).toMatch(/<dir>[^<]*dejavu-fonts-ttf[/\\]ttf<\/dir>/);
  });

  it("goes to the browser's private folder, with the same fonts, when the cache cannot be written", () => {
    dir = mkdtempSync(join(tmpdir(), "fragtax-fontconfig-test-"));
    const blocked = join(dir, "cache");
    writeFileSync(blocked, "a file where the cache folder should be");
    const file = chromiumFontConfig(join(dir, "profile"), undefined, blocked);
    expect(file).toBe(join(dir, "profile", "fontconfig", "fonts.conf"));
    const config = readFileSync(file, "utf8");
    expect(config).toMatch(/<dir>[^<]*dejavu-fonts-ttf[/\\]ttf<\/dir>/);
    expect(config).toContain(`<cachedir>${join(dir, "profile", "fontconfig", "cache")}</cachedir>`);
  });
});
