import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nbconvertCopies, unlistedNotebooks } from "../../src/config/unlisted";
import { ConfigError, normalizeConfig } from "../../src/config/parse";

let folder = "";
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "fragtax-unlisted-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const touch = (name: string): void => writeFileSync(join(folder, name), "{}\n");

describe("the notebooks beside report.yaml that it does not list", () => {
  it("are the .ipynb files there, sorted, less the listed ones, hidden saves, folders and what subfolders hold", () => {
    for (const name of ["02-b.ipynb", "01-a.ipynb", "03-c.ipynb", ".~03-c.ipynb", ".#01-a.ipynb", "notes.md"]) touch(name);
    mkdirSync(join(folder, "looks-like.ipynb"));
    mkdirSync(join(folder, "data"));
    writeFileSync(join(folder, "data", "inner.ipynb"), "{}\n");
    symlinkSync(join(folder, "01-a.ipynb"), join(folder, "04-link.ipynb"));
    expect(unlistedNotebooks(folder, [join(folder, "01-a.ipynb")])).toEqual(["02-b.ipynb", "03-c.ipynb", "04-link.ipynb"]);
  });

  it("tell apart the copies `jupyter nbconvert --execute` writes beside a listed chapter from the rest", () => {
    const listed = [join(folder, "01-a.ipynb")];
    expect(nbconvertCopies(["01-a.nbconvert.ipynb", "02-b.nbconvert.ipynb", "03-c.ipynb"], folder, listed)).toEqual({
      copies: [["01-a.nbconvert.ipynb", "01-a.ipynb"]],
      others: ["02-b.nbconvert.ipynb", "03-c.ipynb"], // no chapter 02-b: a notebook like any other
    });
  });

  it("are none when the folder cannot be read", () => {
    expect(unlistedNotebooks(join(folder, "no-such-folder"), [])).toEqual([]);
  });

  it("give a missing chapter's suggestion, which is never a folder named like a notebook or a hidden save", () => {
    touch("01-intro.ipynb");
    mkdirSync(join(folder, "02-claim.ipynb"));
    touch(".~02-claims.ipynb");
    const file = join(folder, "report.yaml");
    const messageOf = (): string => {
      try {
        normalizeConfig("title: T\nchapters:\n  - 01-intro.ipynb\n  - 02-claims.ipynb\n", file, {});
      } catch (error) {
        if (error instanceof ConfigError) return error.message;
        throw error;
      }
      throw new Error("expected a ConfigError");
    };
    expect(messageOf()).toContain('chapter "02-claims.ipynb" listed in report.yaml does not exist');
    expect(messageOf()).toContain("restore the file, or take its line out of report.yaml");
    expect(messageOf()).not.toContain("did you mean");
    touch("02-claim-check.ipynb");
    expect(messageOf()).toContain('did you mean "02-claim-check.ipynb"?');
  });
});

describe("an assumptions file named in report.yaml that is not there", () => {
  it("suggests the YAML file beside it its name likely means, written as report.yaml names it", () => {
    touch("01-intro.ipynb");
    writeFileSync(join(folder, "assumptions.yaml"), "assumptions: []\n");
    const messageOf = (assumptions: string): string => {
      try {
        normalizeConfig(`title: T\nchapters: [01-intro.ipynb]\nassumptions: ${assumptions}\n`, join(folder, "report.yaml"), {});
      } catch (error) {
        if (error instanceof ConfigError) return error.message;
        throw error;
      }
      throw new Error("expected a ConfigError");
    };
    expect(messageOf("asumptions.yaml")).toContain('assumptions file "asumptions.yaml" named in report.yaml does not exist (looked for ');
    expect(messageOf("asumptions.yaml")).toMatch(/; did you mean "assumptions\.yaml"\?$/);
    mkdirSync(join(folder, "data"));
    writeFileSync(join(folder, "data", "inputs.yaml"), "assumptions: []\n");
    expect(messageOf("data/input.yaml")).toMatch(/; did you mean "data\/inputs\.yaml"\?$/);
    expect(messageOf("nothing-like-it.yaml")).not.toContain("did you mean");
  });
});
