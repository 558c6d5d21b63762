/**
 * The message catalogue stays tidy: every message is declared one way (`export const name = (…): string =>`),
 * and every exported message is used somewhere in src/ outside its own file (an unused one is dead
 * text that drifts from what the code does).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const repo = resolve(import.meta.dirname, "../..");
const catalogue = join(repo, "src/messages");
const files = readdirSync(catalogue).filter((name) => name.endsWith(".ts") && name !== "index.ts");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });
}
const everySource = sources(join(repo, "src")).map((path) => ({ path, text: readFileSync(path, "utf8") }));

/** Exported value names of one catalogue file. */
const exportsOf = (text: string): string[] => [...text.matchAll(/^export const (\w+)/gm)].map((match) => match[1] as string);

describe("the message catalogue", () => {
  it("declares every message the same way", () => {
    for (const file of files) {
      const text = readFileSync(join(catalogue, file), "utf8");
      expect(text.match(/^(export )?(async )?function /gm), `${file} declares a function; write export const name = (…): string => …`).toBeNull();
      expect(text.match(/^export (let|var|class|enum) /gm), file).toBeNull();
      for (const match of text.matchAll(/^export const (\w+)(: [^=]+)? = (.)/gm)) {
        expect(match[3], `${file}: ${match[1]} is not a message function`).toBe("(");
      }
    }
  });

  it("has no unused message", () => {
    const unused: string[] = [];
    for (const file of files) {
      const path = join(catalogue, file);
      for (const name of exportsOf(readFileSync(path, "utf8"))) {
        const word = new RegExp(`\\b${name}\\b`);
        if (!everySource.some((source) => source.path !== path && word.test(source.text))) unused.push(`${file}: ${name}`);
      }
    }
    expect(files.length).toBeGreaterThan(5);
    expect(unused).toEqual([]);
  });
});
