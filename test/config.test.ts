import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigNotFoundError, findConfigFile } from "../src/config";
import { ConfigError, normalizeConfig } from "../src/config/parse";
import { reportFieldsLeniently } from "../src/config/lenient";

const FILE = "/project/notebooks/report.yaml";
const everything = () => true;
const noB = (path: string) => !path.endsWith("b.ipynb");

function errorOf(text: string, exists: (path: string) => boolean = everything): ConfigError {
  try {
    normalizeConfig(text, FILE, { exists });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("a report.yaml value of the wrong kind, or a number out of its range", () => {
  it("is said in the file's words, with the value as it should be written, not zod's 'Invalid input: expected …, received …'", () => {
    const base = "title: T\nchapters: [a.ipynb]\n";
    expect(errorOf("title: [The, Tax]\nchapters: [a.ipynb]\n").message).toBe('notebooks/report.yaml:1:8: "title" in report.yaml is a list, where a text goes; write it as title: The text, on one line');
    expect(errorOf(`${base}montecarlo: 10000\n`).message).toBe('notebooks/report.yaml:3:13: "montecarlo" in report.yaml is a number, where a mapping of keys goes; write it as montecarlo: { samples: 10000, seed: 20260428 }');
    expect(errorOf(`${base}outputs: { html: 1 }\n`).message).toBe('notebooks/report.yaml:3:18: "outputs.html" in report.yaml is a number, where true or false goes; write it as html: true');
    for (const samples of ["10000.5", "-5", "99999999"]) {
      expect(errorOf(`${base}montecarlo: { samples: ${samples} }\n`).message).toBe(`notebooks/report.yaml:3:24: "montecarlo.samples" in report.yaml is ${samples}; it takes a whole number from 100 to 10,000,000 (draws per model run)`);
    }
    expect(errorOf(`${base}montecarlo: { seed: 1.5 }\n`).message).toBe('notebooks/report.yaml:3:21: "montecarlo.seed" in report.yaml is 1.5; it takes a whole number');
  });
});

describe("report.yaml → ReportConfig", () => {
  it("resolves paths and fills every default once", () => {
    const config = normalizeConfig("title: T\nchapters: [a.ipynb]\n", FILE, { exists: everything });
    expect(config).toEqual({
      file: FILE,
      root: "/project",
      title: "T",
      chapters: [{ number: 1, file: "/project/notebooks/a.ipynb", relativePath: "notebooks/a.ipynb" }],
      assumptions: "/project/notebooks/assumptions.yaml",
      outputs: { html: true, pdf: true },
      paper: "A4",
      montecarlo: { samples: 10_000, seed: 20260428 },
      outDir: "/project/out/build",
      paths: {
        build: "/project/out/build",
        executed: "/project/out/build/executed",
        reports: "/project/out/reports",
        cache: "/project/out/.cache",
        notebookCache: "/project/out/.cache/notebooks",
        chartCache: "/project/out/.cache/charts",
        engineCache: "/project/out/.cache/engine",
      },
    });
  });

  it("keeps a date and partial montecarlo settings", () => {
    const config = normalizeConfig("title: T\ndate: 2026-04-28\nchapters: [a.ipynb]\nmontecarlo: { samples: 5000 }\n", FILE, { exists: everything });
    expect(config.date).toBe("2026-04-28");
    expect(config.montecarlo).toEqual({ samples: 5000, seed: 20260428 });
  });

  it("names an unknown key with its line and the nearest known key", () => {
    const error = errorOf("title: T\nchapterz: [a.ipynb]\n");
    // Named relative to the project root, as the build names its other inputs.
    expect(error.message).toBe(`notebooks/report.yaml:2:1: unknown key "chapterz" in report.yaml; did you mean "chapters"?`);
    expect([error.line, error.column]).toEqual([2, 1]);
    expect(errorOf("title: T\nchapters: [a.ipynb]\noutputs: { html: true, pfd: true }\n").message).toContain(':3:24: unknown key "outputs.pfd"');
  });

  it("names a misspelt top-level key to a run too, which reads report.yaml without its schema and would take the defaults silently", () => {
    const fields = reportFieldsLeniently("title: T\nmontecarl: { samples: 2000, seed: 1 }\nchapters: [a.ipynb]\n", FILE);
    expect(fields.ignored).toEqual(['unknown key "montecarl"; did you mean "montecarlo"?']);
    expect(fields.montecarlo.samples).toBe(10_000);
    expect(reportFieldsLeniently("title: T\nsubtitle: S\nauthor: A\ndate: 2026-01-01\nasOf: 2026-01-01\nassumptions: a.yaml\nerrata: e.yaml\nchapters: []\noutputs: { html: true }\npaper: A4\nmontecarlo: { samples: 100, seed: 1 }\n", FILE).ignored).toBeUndefined();
  });

  it("says a chapter is named from report.yaml's folder, or is not a .ipynb name, with the name to write", () => {
    // It said "looked for notebooks/notebooks/x.ipynb", and "chapters.1" for a name without .ipynb.
    const fromProject = errorOf("title: T\nchapters:\n  - a.ipynb\n  - notebooks/x.ipynb\n", (path) => path !== "/project/notebooks/notebooks/x.ipynb");
    expect(fromProject.message).toBe('notebooks/report.yaml:4:5: chapter "notebooks/x.ipynb" listed in report.yaml is named from the project\'s folder; chapters are named from the folder report.yaml is in: write "x.ipynb"');
    expect(errorOf("title: T\nchapters:\n  - a.ipynb\n  - x\n").message).toBe('notebooks/report.yaml:4:5: chapter "x" listed in report.yaml is not a notebook file name (chapters are .ipynb files); did you mean "x.ipynb"?');
    expect(errorOf("title: T\nchapters:\n  - a.ipynb\n  - x\n", (path) => !path.endsWith("x.ipynb")).message).toBe('notebooks/report.yaml:4:5: chapter "x" listed in report.yaml is not a notebook file name (chapters are .ipynb files)');
  });

  it("names the notebook a chapter without .ipynb or written as its number likely means, from report.yaml's folder", () => {
    // "08-what-matter" had no suggestion (only "08-what-matter.ipynb" was looked for), nor "- 8" (only an example name).
    const root = mkdtempSync(join(tmpdir(), "fragtax-config-"));
    try {
      const notebooks = join(root, "notebooks");
      mkdirSync(notebooks);
      for (const name of ["00-summary.ipynb", "08-what-matters.ipynb", ".~08-what-matters.ipynb"]) writeFileSync(join(notebooks, name), "{}");
      const file = join(notebooks, "report.yaml");
      const messageOf = (chapter: string): string => {
        try {
          normalizeConfig(`title: T\nchapters:\n  - 00-summary.ipynb\n  - ${chapter}\n`, file, { root });
        } catch (error) {
          if (error instanceof ConfigError) return error.message;
          throw error;
        }
        throw new Error("expected a ConfigError");
      };
      expect(messageOf("08-what-matter")).toBe('notebooks/report.yaml:4:5: chapter "08-what-matter" listed in report.yaml is not a notebook file name (chapters are .ipynb files); did you mean "08-what-matters.ipynb"?');
      expect(messageOf("8")).toBe(
        'notebooks/report.yaml:4:5: chapter item "8" in report.yaml is a number, not a notebook file name (chapters are .ipynb files): write the notebook\'s file name ("- 08-what-matters.ipynb" is the notebook numbered 8)',
      );
      expect(messageOf("3")).toContain('write the notebook\'s file name (as "- 09-energy.ipynb")');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("quotes a chapter item that is no name as written, at its line, not as zod's \"chapters.1\"", () => {
    // They read e.g. '"chapters.1" in report.yaml: Invalid input: expected string, received number'.
    const item = (line: string) => errorOf(`title: T\nchapters:\n  - a.ipynb\n${line}\n`).message;
    expect(item("  - 42")).toBe('notebooks/report.yaml:4:5: chapter item "42" in report.yaml is a number, not a notebook file name (chapters are .ipynb files): write the notebook\'s file name (as "- 09-energy.ipynb")');
    expect(item("  -")).toBe('notebooks/report.yaml:4:4: a chapter item in report.yaml is empty: write the notebook\'s file name after the "- " (as "- 09-energy.ipynb"), or take the line out');
    expect(item("  - b.ipynb: draft")).toBe(
      'notebooks/report.yaml:4:5: chapter item "b.ipynb: draft" in report.yaml is read as a key and its value (": " makes a mapping), not a notebook file name: write the file name alone ("- b.ipynb"), and any note after it as a "# " comment',
    );
    expect(item("  - [b.ipynb, c.ipynb]")).toBe('notebooks/report.yaml:4:5: chapter item "[b.ipynb, c.ipynb]" in report.yaml is a list, not a notebook file name: write each chapter on a "- " line of its own');
    expect(item("  - true")).toContain('4:5: chapter item "true" in report.yaml is read as yes or no, not a notebook file name');
    expect(errorOf("title: T\nchapters: [a.ipynb, 7]\n").message).toMatch(/^notebooks\/report\.yaml:2:21: chapter item "7" in report\.yaml is a number/);
    // One name where the list goes read '"chapters" in report.yaml: Invalid input: expected array, received string'.
    expect(errorOf("title: T\nchapters: a.ipynb\n").message).toBe('notebooks/report.yaml:2:11: "chapters" in report.yaml is a list, one "  - " line per notebook, and it is written "a.ipynb": write "chapters:" alone on its line, then "  - a.ipynb" on the next');
    expect(errorOf("title: T\nchapters: 42\n").message).toContain('is written "42": write "chapters:" alone on its line, then a "  - NN-name.ipynb" line for each chapter');
    // Named from the project's folder and without ".ipynb": the name to write, from report.yaml's folder.
    expect(errorOf("title: T\nchapters:\n  - notebooks/x\n", (path) => path === "/project/notebooks/x.ipynb").message).toBe(
      'notebooks/report.yaml:3:5: chapter "notebooks/x" listed in report.yaml is not a notebook file name (chapters are .ipynb files); did you mean "x.ipynb"?',
    );
  });

  it("names a missing chapter file with the line that lists it", () => {
    expect(errorOf("title: T\nchapters:\n  - a.ipynb\n  - b.ipynb\n", noB).message).toBe(
      `notebooks/report.yaml:4:5: chapter "b.ipynb" listed in report.yaml does not exist (looked for notebooks/b.ipynb); restore the file, or take its line out of report.yaml`,
    );
    // A name holding a line feed printed a line fragtax never wrote; its escape keeps the message on one line.
    const forged = errorOf('title: T\nchapters:\n  - a.ipynb\n  - "b.ipynb\\nwrote out/build/report.html (all good).ipynb"\n', (path) => !path.includes("good")).message;
    expect(forged.split("\n")).toHaveLength(1);
    expect(forged).toContain('chapter "b.ipynb\\x0awrote out/build/report.html (all good).ipynb" listed in report.yaml does not exist (looked for notebooks/b.ipynb\\x0awrote');
  });

  // Before: a folder gave "cannot read the notebook (EISDIR)" from the engine, without report.yaml's
  // line, and a looping link "does not exist".
  it("names a chapter that is a folder, a link that leads nowhere or out of the project, at the line that lists it", () => {
    const root = mkdtempSync(join(tmpdir(), "fragtax-config-"));
    const outside = mkdtempSync(join(tmpdir(), "fragtax-elsewhere-"));
    try {
      mkdirSync(join(root, "notebooks", "folder.ipynb"), { recursive: true });
      symlinkSync("loop-b.ipynb", join(root, "notebooks", "loop-a.ipynb"));
      symlinkSync("loop-a.ipynb", join(root, "notebooks", "loop-b.ipynb"));
      const file = join(root, "notebooks", "report.yaml");
      const error = (chapter: string): string => {
        try {
          normalizeConfig(`title: T\nchapters:\n  - ${chapter}\n`, file);
        } catch (caught) {
          return (caught as Error).message;
        }
        return "accepted";
      };
      expect(error("folder.ipynb")).toBe('notebooks/report.yaml:3:5: chapter "folder.ipynb" listed in report.yaml is a folder, not a notebook; list the .ipynb file inside it');
      expect(error("loop-a.ipynb")).toBe('notebooks/report.yaml:3:5: chapter "loop-a.ipynb" listed in report.yaml is a symbolic link that leads nowhere (or loops); point it at the notebook, or list the notebook itself');
      // A link to a notebook outside the project is outside too (git would record only the link); one inside is fine.
      writeFileSync(join(outside, "elsewhere.ipynb"), "{}");
      symlinkSync(join(outside, "elsewhere.ipynb"), join(root, "notebooks", "away.ipynb"));
      writeFileSync(join(root, "notebooks", "real.ipynb"), "{}");
      symlinkSync("real.ipynb", join(root, "notebooks", "near.ipynb"));
      writeFileSync(join(root, "notebooks", "assumptions.yaml"), "");
      expect(error("away.ipynb")).toBe(
        `notebooks/report.yaml:3:5: chapter away.ipynb is a symbolic link to ${realpathSync(join(outside, "elsewhere.ipynb"))}, outside the project ${root}; git keeps only the link, so a published version could not say what the chapter was: move the notebook into the project (e.g. notebooks/) and list it from there`,
      );
      expect(error("near.ipynb")).toBe("accepted");
      // The assumptions or errata key naming a folder: located at its value, never "remove or rename that folder" (the notebooks).
      const keyed = (yaml: string): string => {
        try {
          normalizeConfig(`title: T\n${yaml}\nchapters:\n  - real.ipynb\n`, file);
        } catch (caught) {
          return (caught as Error).message;
        }
        return "accepted";
      };
      expect(keyed("assumptions: .")).toBe('notebooks/report.yaml:2:14: assumptions "." in report.yaml names a folder (notebooks), not a file; name the assumptions file there, or put that file where the folder is');
      expect(keyed("errata: .")).toBe('notebooks/report.yaml:2:9: errata "." in report.yaml names a folder (notebooks), not a file; name the errata file there (or leave the key out), or put that file where the folder is');
      // …but not beside the notebook it leads to: the report ran and showed that chapter twice.
      const both = (() => {
        try {
          normalizeConfig("title: T\nchapters:\n  - real.ipynb\n  - near.ipynb\n", file);
          return "accepted";
        } catch (caught) {
          return (caught as Error).message;
        }
      })();
      expect(both).toBe('notebooks/report.yaml:4:5: chapter "near.ipynb" is the notebook "real.ipynb" is (a link to it), which report.yaml already lists: take this line out, or make it a notebook of its own');
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  // Before: a chapter outside the project was refused while the assumptions and errata files were read
  // from anywhere, so a change to them left no trace in the project's history (diff reads them at git refs).
  it("refuses an assumptions or errata file outside the project, by path or by link, at its value", () => {
    const root = mkdtempSync(join(tmpdir(), "fragtax-config-"));
    const outside = mkdtempSync(join(tmpdir(), "fragtax-elsewhere-"));
    try {
      mkdirSync(join(root, "notebooks"), { recursive: true });
      writeFileSync(join(root, "notebooks", "a.ipynb"), "{}");
      writeFileSync(join(root, "notebooks", "assumptions.yaml"), "");
      writeFileSync(join(outside, "shared.yaml"), "");
      symlinkSync(join(outside, "shared.yaml"), join(root, "notebooks", "linked.yaml"));
      mkdirSync(join(root, "config"));
      writeFileSync(join(root, "config", "errata.yaml"), "");
      const file = join(root, "notebooks", "report.yaml");
      const error = (lines: string): string => {
        try {
          normalizeConfig(`title: T\nchapters: [a.ipynb]\n${lines}`, file);
        } catch (caught) {
          return (caught as Error).message;
        }
        return "accepted";
      };
      const away = join("..", "..", outside.split("/").at(-1) ?? "", "shared.yaml");
      expect(error(`assumptions: ${away}\n`)).toBe(
        `notebooks/report.yaml:3:14: ${away} is outside the project ${root}; diff reads it at git refs and a published version names it by its project path, so a change there would leave no trace: move the file into the project (e.g. notebooks/) and name it from there`,
      );
      expect(error(`errata: ${away}\n`)).toMatch(/^notebooks\/report\.yaml:3:9: \.\.\/\.\.\/.*shared\.yaml is outside the project /);
      expect(error("assumptions: linked.yaml\n")).toBe(
        `notebooks/report.yaml:3:14: linked.yaml is a symbolic link to ${realpathSync(join(outside, "shared.yaml"))}, outside the project ${root}; git keeps only the link, so a published version could not say what the file held: move the file into the project (e.g. notebooks/) and name it from there`,
      );
      // Inside the project, beside the notebooks or not: as before.
      expect(error("assumptions: assumptions.yaml\nerrata: ../config/errata.yaml\n")).toBe("accepted");
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("rejects bad values, missing keys, duplicate chapters and broken YAML at their place", () => {
    // zod's wording ('Invalid option: expected one of "A4"|"Letter"', "expected boolean, received string") named no value to write.
    expect(errorOf("title: T\nchapters: [a.ipynb]\npaper: A3\n").message).toBe('notebooks/report.yaml:3:8: "paper" in report.yaml is "A3"; did you mean "A4"? It takes one of "A4", "Letter"');
    expect(errorOf("title: T\nchapters: [a.ipynb]\npaper: Tabloid\n").message).toMatch(/:3:8: "paper" in report\.yaml is "Tabloid"; it takes one of "A4", "Letter"$/);
    expect(errorOf("title: T\nchapters: [a.ipynb]\noutputs: { html: true, pdf: yes }\n").message).toBe(
      'notebooks/report.yaml:3:29: "outputs.pdf" in report.yaml is the text "yes", where true or false goes: write true or false (YAML 1.2, which these files are read with, reads yes, no, on and off as text)',
    );
    expect(errorOf("title: T\nchapters: [a.ipynb]\nmontecarlo: { samples: 1000..2000 }\n").message).toBe(
      'notebooks/report.yaml:3:24: "montecarlo.samples" in report.yaml is the text "1000..2000", where a number goes: write one number, without quotes, a unit or a range',
    );
    expect(errorOf("chapters: [a.ipynb]\n").message).toContain('report.yaml needs "title"');
    // Nothing in it, or a binary saved over it: said as such, not as its first key missing.
    expect(errorOf(" \n\n").message).toBe("notebooks/report.yaml:1:1: the file is empty, where the report's settings (title, chapters, …) go; restore it from git (`git checkout -- notebooks/report.yaml`), or write them");
    expect(errorOf(Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString("utf8")).message).toMatch(/^notebooks\/report\.yaml:1:1: the file is not text \(/);
    // A title runs in every PDF page's header: 50,000 characters timed the print out after ~46 s.
    expect(errorOf(`title: ${"T".repeat(301)}\nchapters: [a.ipynb]\n`).message).toMatch(/:1:8: "title" in report\.yaml: 300 characters at most: it heads the title page and every PDF page; put the rest in a chapter/);
    expect(errorOf(`title: ${"T".repeat(300)}\nsubtitle: ${"s".repeat(601)}\nchapters: [a.ipynb]\n`).message).toMatch(/:2:11: "subtitle" in report\.yaml: 600 characters at most/);
    // An empty title (or spaces) is said in words, with what to write: it read as zod's "Too small: expected string to have >=1 characters".
    for (const empty of ['""', '"   "']) expect(errorOf(`title: ${empty}\nchapters: [a.ipynb]\n`).message).toMatch(/:1:8: "title" in report\.yaml: empty: give the report a title, e\.g\. title: The Fragmentation Tax$/);
    expect(errorOf(`title: T\nerrata: ""\nchapters: [a.ipynb]\n`).message).toContain('"errata" in report.yaml: empty: name the errata file, e.g. errata: errata.yaml, or leave the key out');
    expect(errorOf("title: T\nchapters: [a.ipynb, a.ipynb]\n").message).toContain('chapter "a.ipynb" is listed twice in report.yaml: take this line out');
    // No chapters, however written: one sentence at the key's value, never zod's "Too small" or "received null".
    for (const none of ["chapters: []", "chapters:", "chapters: ~"]) {
      expect(errorOf(`title: T\n${none}\n`).message).toMatch(/:2:\d+: report\.yaml lists no chapters: list the chapter notebooks under "chapters" \(`fragtax new <name>` makes one and lists it\)$/);
    }
    expect(errorOf("title: T\nchapters: [a.ipynb\n").message).toContain("report.yaml is not valid YAML");
    // An unclosed "{", "[" or quote is located where it opens, not where the parser gave up (the next key, or the file's end).
    const unclosed: [string, string][] = [
      ["title: T\nchapters: [a.ipynb]\noutputs: { html: true, pdf: true\npaper: A4\n", ':3:10: report.yaml is not valid YAML: this "{" is never closed: add the "}" that ends the map, before the next key'],
      ["title: T\nchapters: [a.ipynb, b.ipynb\npaper: A4\n", ':2:11: report.yaml is not valid YAML: this "[" is never closed: add the "]" that ends the list'],
      ['title: "The Fragmentation Tax\nsubtitle: x\nchapters: [a.ipynb]\n', ':1:8: report.yaml is not valid YAML: this " opens a text that is never closed: add the closing " where the text ends'],
      ["title: T\nauthor: 'A\nchapters: [a.ipynb]\n", ":2:9: report.yaml is not valid YAML: this ' opens a text that is never closed"],
    ];
    for (const [text, wanted] of unclosed) expect(errorOf(text).message).toContain(wanted);
    // The parser's commonest complaints come with what to do.
    const advised: [string, string][] = [
      ["title: T\nchapters: [a.ipynb]\npaper: A4\n  size: big\n", ":3:8: report.yaml is not valid YAML: Nested mappings are not allowed in compact mappings (a value holds \": \", or a line is indented under a key that already has its value: quote the value, or indent the line as the key above it)"],
      ["title: T\ntitle: U\nchapters: [a.ipynb]\n", ":2:1: report.yaml is not valid YAML: Map keys must be unique (the same key twice in one mapping: keep one)"],
      ["title: T\nchapters:\n\t- a.ipynb\n", "(indent with spaces)"],
      // A key without its colon, read by the parser as a key over two lines.
      ["title: T\nchapters: [a.ipynb]\npaper A4\n", ':3:1: report.yaml is not valid YAML: "paper A4" has no ":" after its key: write "paper: A4"'],
      // After a plain value it may be that value wrapped: both mends are said (it told a wrapped subtitle to add a colon mid-sentence).
      ["title: T\nsubtitle: a long subtitle\nthat wraps here\nchapters: [a.ipynb]\n", ':3:1: report.yaml is not valid YAML: "that wraps here" has no ":" after its key, or it continues the value of "subtitle" above: write "that: wraps here", or indent the line under "subtitle"'],
      ["title The Fragmentation Tax\nchapters: [a.ipynb]\n", ':1:1: report.yaml is not valid YAML: "title The Fragmentation Tax" has no ":" after its key: write "title: The Fragmentation Tax"'],
    ];
    for (const [text, wanted] of advised) expect(errorOf(text).message).toContain(wanted);
    // A list or a bare text at the top is said to be one, with the shape report.yaml has.
    expect(errorOf("- title: T\n- chapters: [a.ipynb]\n").message).toBe(
      'notebooks/report.yaml:1:1: report.yaml is a list, where the report\'s settings are keys, one per line at the start of it: "title: …", then "chapters:" with one "  - NN-name.ipynb" line per notebook',
    );
    expect(errorOf("The Fragmentation Tax\n").message).toContain("report.yaml is a bare text, where the report's settings are keys");
    // A "- " indented one space more than the line above continues that item: two chapters read as one name, not a renamed file.
    const joined = errorOf("title: T\nchapters:\n  - a.ipynb\n   - b.ipynb\n", (path) => !path.endsWith("b.ipynb"));
    expect(joined.message).toBe('notebooks/report.yaml:3:5: chapter "a.ipynb - b.ipynb" listed in report.yaml is "a.ipynb" and "b.ipynb" read as one name: a "- " line indented further than the one above it continues that item. Start every chapter\'s "- " at the same column');
    // A first item written left of the rest (at the key's column) takes them all: the first two named, the rest counted.
    const all = errorOf("title: T\nchapters:\n- a.ipynb\n  - b.ipynb\n  - c.ipynb\n  - d.ipynb\n", () => false);
    expect(all.message).toBe('notebooks/report.yaml:3:3: the chapters "a.ipynb", "b.ipynb" and 2 more listed in report.yaml are read as one name: the "- " lines under "a.ipynb" are indented further than it, so each continues it. Start every chapter\'s "- " at the same column');
    // An unknown key lists the keys there, with a suggestion only when one is plausible ("theme" is not "title").
    expect(errorOf("title: T\nchapters: [a.ipynb]\ntheme: dark\n").message).toBe(
      'notebooks/report.yaml:3:1: unknown key "theme" in report.yaml. report.yaml\'s keys are: title, subtitle, author, date, asOf, assumptions, errata, chapters, outputs, paper, montecarlo',
    );
    expect(errorOf("title: T\nchapters: [a.ipynb]\nmontecarlo: { runs: 1 }\n").message).toContain('unknown key "montecarlo.runs" in report.yaml. The keys of "montecarlo" are: samples, seed');
    expect(errorOf("title: T\nchapters: [a.txt]\n").message).toContain('chapter "a.txt" listed in report.yaml is not a notebook file name (chapters are .ipynb files); did you mean "a.ipynb"?');
    expect(errorOf("title: T\nchapters: [a.txt]\n").message).not.toContain("expected a .ipynb file name");
    expect(errorOf("title: T\nchapters: [a.ipynb]\nassumptions: nope.yaml\n", (path) => !path.endsWith("nope.yaml")).message).toContain(
      'notebooks/report.yaml:3:1: assumptions file "nope.yaml" named in report.yaml does not exist (looked for notebooks/nope.yaml)',
    );
  });

  it("finds report.yaml by walking up, or in a notebooks/ folder", () => {
    const files = new Set(["/project/notebooks/report.yaml"]);
    expect(findConfigFile("/project/notebooks/drafts", (path) => files.has(path))).toBe("/project/notebooks/report.yaml");
    expect(findConfigFile("/project", (path) => files.has(path))).toBe("/project/notebooks/report.yaml");
    expect(() => findConfigFile("/elsewhere", (path) => files.has(path))).toThrow(ConfigNotFoundError);
  });
});
