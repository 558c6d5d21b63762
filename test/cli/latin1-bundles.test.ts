/**
 * The files the CLI loads through V8's code cache are Latin-1 (scripts/latin1.mjs), so each is a
 * one-byte string: one wider character made dist/main.cjs a two-byte string, ~6–12 ms and ~400 fresh
 * pages more in every command. The escapes keep the code's meaning; zod's vendor file carries English only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repo = resolve(import.meta.dirname, "../..");
const { latin1Source } = (await import(join(repo, "scripts", "latin1.mjs"))) as { latin1Source: (source: string, file: string) => string };
const WIDE = /[\u0100-\uffff]/;

/** What `source` (CommonJS) exports, as JSON. */
function exportsOf(source: string): string {
  const module = { exports: {} as unknown };
  new Function("module", source)(module);
  return JSON.stringify(module.exports);
}

describe("the CLI's files in Latin-1", () => {
  it("every file loaded through the code cache has no character past U+00FF", () => {
    const files = ["main.cjs", "cli.cjs", "notebook-worker.cjs", "typecheck-worker.cjs", "vega.cjs", ...readdirSync(join(repo, "dist", "vendor")).filter((name) => name.endsWith(".cjs")).map((name) => `vendor/${name}`)];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(repo, "dist", file), "utf8");
      expect(WIDE.exec(text)?.index, file).toBeUndefined();
    }
    // The report's own wide characters are still there, as escapes: the appendix's ρ, the "−" of numbers.
    const main = readFileSync(join(repo, "dist", "main.cjs"), "utf8");
    expect(main).toContain("\\u03c1");
    expect(main).toContain("\\u2212");
  });

  it("escapes comments, regular expressions, strings and cooked templates to the same meaning", () => {
    const source = [
      "const html = (strings, ...values) => strings.map((s, i) => s + (values[i] ?? '')).join('');",
      "// ρ in a comment — and an astral 😀",
      "const dash = /[−×]/u.test('×') && /^[–—]+$/.test('–—') && /😀/u.test('😀');",
      "const text = html`ρ ${1} – ${`ν`} 😀`;",
      "/* é — */ const plain = '…' + \"𝔸\";",
      "module.exports = { dash, text, plain };",
    ].join("\n");
    const escaped = latin1Source(source, "t.js");
    expect(WIDE.test(escaped)).toBe(false);
    expect(exportsOf(escaped)).toBe(exportsOf(source));
    expect(JSON.parse(exportsOf(source))).toEqual({ dash: true, text: "ρ 1 – ν 😀", plain: "…𝔸" });
    expect(escaped.split("\n").length).toBe(source.split("\n").length); // lines keep their numbers
  });

  it("leaves a Latin-1 file as it is, and refuses a wide character String.raw would see escaped", () => {
    const source = "const a = 'é'; // café\nmodule.exports = a;";
    expect(latin1Source(source, "t.js")).toBe(source);
    expect(() => latin1Source("module.exports = String.raw`ρ`;", "raw.js")).toThrow(/raw\.js: a character past U\+00FF in a template tagged raw/);
  });

  it("bundles zod with English messages only", () => {
    const { z } = createRequire(import.meta.url)(join(repo, "dist", "vendor", "zod.cjs")) as typeof import("zod");
    expect(Object.keys(z.locales)).toEqual(["en"]);
    const result = z.object({ rho: z.number().max(1) }).strict().safeParse({ rho: 2, extra: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Too big: expected number to be <=1", 'Unrecognized key: "extra"']);
  });
});
