/** The errata file: parsed with positions, every bad field or unknown reference a located error (exit 2). */
import { describe, expect, it } from "vitest";
import { checkErrata, checkErrataVersions, nearestVersion } from "../../src/errata/check";
import { ErrataError } from "../../src/errata/errors";
import { parseErrata } from "../../src/errata/parse";
import { withoutPositions } from "../../src/errata/types";
import { EXIT_USAGE, exitCodeOf } from "../../src/util/errors";

const FILE = "notebooks/errata.yaml";
const GOOD = `errata:
  - id: multiple_run_rate
    version: 2026-11-26
    section: 05-who-pays#a-high-multiple-on-which-sales
    figures: [anthropic_price_to_sales_trailing]
    was: The summary put the multiple at 33x "on the run rate the essay quotes".
    now: 100x on the essay's run rate, 33x on the latest reported one.
  - id: dates_wording
    version: 2026-11-26
    section: 00-summary#what-the-inputs-are-and-when-they-date-from
    was: Six revisions were called newer sources.
    now: The sources are listed by date against the essay's.
`;

function thrown(run: () => unknown): ErrataError {
  try {
    run();
  } catch (error) {
    if (error instanceof ErrataError) return error;
    throw error;
  }
  throw new Error("expected an ErrataError");
}

describe("parseErrata", () => {
  it("reads each correction with the position of every field; figures default to none", () => {
    const errata = parseErrata(GOOD, FILE);
    expect(withoutPositions(errata)).toEqual([
      { id: "multiple_run_rate", version: "2026-11-26", section: "05-who-pays#a-high-multiple-on-which-sales", figures: ["anthropic_price_to_sales_trailing"], was: 'The summary put the multiple at 33x "on the run rate the essay quotes".', now: "100x on the essay's run rate, 33x on the latest reported one." },
      { id: "dates_wording", version: "2026-11-26", section: "00-summary#what-the-inputs-are-and-when-they-date-from", figures: [], was: "Six revisions were called newer sources.", now: "The sources are listed by date against the essay's." },
    ]);
    expect(errata[0]?.at.fields.section).toEqual({ line: 4, column: 14 });
    expect(parseErrata("", FILE)).toEqual([]);
    expect(parseErrata("errata: []\n", FILE)).toEqual([]);
    // A binary saved over it is said to be one, located: it listed nothing to correct.
    expect(() => parseErrata("errata: []\n\0\0", FILE)).toThrow(/:1:1: the file is not text \(/);
  });

  it("names the file, line and column of a missing, empty, misspelt or duplicated field; exit 2", () => {
    const missing = thrown(() => parseErrata(GOOD.replace("    now: 100x on the essay's run rate, 33x on the latest reported one.\n", ""), FILE));
    expect(exitCodeOf(missing)).toBe(EXIT_USAGE);
    expect(missing.message).toBe('notebooks/errata.yaml:2:5: erratum "multiple_run_rate" field "now" is missing');
    const empty = thrown(() => parseErrata(GOOD.replace("was: Six revisions were called newer sources.", 'was: "  "'), FILE));
    expect(empty.message).toBe('notebooks/errata.yaml:11:10: erratum "dates_wording" field "was" must not be empty');
    const typo = thrown(() => parseErrata(GOOD.replace("    figures: [anthropic", "    figure: [anthropic"), FILE));
    expect(typo.message).toContain('notebooks/errata.yaml:5:5: erratum "multiple_run_rate" field "figure" is not a field of an erratum (fields: id, version, section, figures, was, now); did you mean "figures"?');
    // With the field it likely meant, as report.yaml's and the assumptions' keys are.
    expect(thrown(() => parseErrata(GOOD.replace("version: 2026-11-26\n    section: 05", "versoin: 2026-11-26\n    section: 05"), FILE)).message).toContain('field "versoin" is not a field of an erratum (fields: id, version, section, figures, was, now); did you mean "version"?');
    const badVersion = thrown(() => parseErrata(GOOD.replace("version: 2026-11-26\n    section: 05", "version: last week\n    section: 05"), FILE));
    expect(badVersion.message).toBe('notebooks/errata.yaml:3:14: erratum "multiple_run_rate" field "version" must be a published version id like 2026-11-26');
    // Before, a date not on the calendar passed the build (only publish caught it, unlocated), and a
    // field of the wrong type was reported as "is missing", twice for two bad items of one list.
    const notADay = thrown(() => parseErrata(GOOD.replace("version: 2026-11-26\n    section: 05", "version: 2026-13-45\n    section: 05"), FILE));
    expect(notADay.message).toBe('notebooks/errata.yaml:3:14: erratum "multiple_run_rate" field "version" is not a calendar date (check the month and day)');
    const number = thrown(() => parseErrata(GOOD.replace("version: 2026-11-26\n    section: 05", "version: 20261126\n    section: 05"), FILE));
    expect(number.message).toBe('notebooks/errata.yaml:3:14: erratum "multiple_run_rate" field "version" must be text, not a number');
    const list = thrown(() => parseErrata(GOOD.replace("was: Six revisions were called newer sources.", "was: [a]"), FILE));
    expect(list.message).toBe('notebooks/errata.yaml:11:10: erratum "dates_wording" field "was" must be text, not a list');
    const items = thrown(() => parseErrata(GOOD.replace("figures: [anthropic_price_to_sales_trailing]", "figures: [1, 2]"), FILE));
    expect(items.message).toBe('notebooks/errata.yaml:5:14: erratum "multiple_run_rate" field "figures" has an item that must be text, not a number');
    const twice = thrown(() => parseErrata(GOOD.replace("id: dates_wording", "id: multiple_run_rate"), FILE));
    expect(twice.message).toBe('notebooks/errata.yaml:8:9: erratum "multiple_run_rate" is declared twice (first on line 2); give each correction its own id');
    expect(thrown(() => parseErrata("corrections:\n  - id: x\n", FILE)).message).toMatch(/^notebooks\/errata\.yaml:1:1: expected "errata:" followed by a list/);
    expect(thrown(() => parseErrata("errata:\n  - id: [unclosed\n", FILE)).message).toMatch(/^notebooks\/errata\.yaml:\d+:\d+: errata file is not valid YAML/);
  });
});

describe("checkErrata", () => {
  const errata = parseErrata(GOOD, FILE);
  const known = {
    sections: ["05-who-pays#a-high-multiple-on-which-sales", "00-summary#what-the-inputs-are-and-when-they-date-from"],
    figures: ["anthropic_price_to_sales_trailing", "anthropic_price_to_sales_essay_run_rate"],
  };

  it("accepts errata that point at this build's sections and figures", () => {
    expect(() => checkErrata(errata, known)).not.toThrow();
  });

  it("names a section of a chapter whose file name has a space; a line break or a blank around the id is refused, located", () => {
    const spaced = parseErrata(GOOD.replace("section: 05-who-pays#a-high", "section: 05 who pays#a-high"), FILE);
    expect(spaced[0]?.section).toBe("05 who pays#a-high-multiple-on-which-sales");
    expect(() => checkErrata(spaced, { ...known, sections: ["05 who pays#a-high-multiple-on-which-sales", ...known.sections] })).not.toThrow();
    const broken = thrown(() => parseErrata(GOOD.replace("section: 05-who-pays#a-high-multiple-on-which-sales", 'section: "05-who-pays\\n#a-high"'), FILE));
    expect(broken.message).toBe('notebooks/errata.yaml:4:14: erratum "multiple_run_rate" field "section" must be a section id like "05-who-pays#compute-spend" or "appendix-methods"');
    const blank = thrown(() => parseErrata(GOOD.replace("section: 05-who-pays#a-high-multiple-on-which-sales", 'section: "05-who-pays#a-high "'), FILE));
    expect(blank.message).toBe(broken.message);
  });

  it("names an unknown section or figure at its line, with the nearest known name; every problem at once", () => {
    const error = thrown(() => checkErrata(errata, { sections: ["05-who-pays#a-high-multiple-on-which-sale"], figures: ["anthropic_price_to_sales_trail"] }));
    expect(exitCodeOf(error)).toBe(EXIT_USAGE);
    expect(error.problems).toEqual([
      'notebooks/errata.yaml:4:14: erratum "multiple_run_rate": section "05-who-pays#a-high-multiple-on-which-sales" is not a section of this report (sections are "<notebook>#<heading slug>", listed in out/build/sections.json, or an appendix: appendix-methods …). Did you mean "05-who-pays#a-high-multiple-on-which-sale"?',
      'notebooks/errata.yaml:5:14: erratum "multiple_run_rate": figure "anthropic_price_to_sales_trailing" is not a figure of this report (see out/build/figures.json). Did you mean "anthropic_price_to_sales_trail"?',
      expect.stringContaining('notebooks/errata.yaml:10:14: erratum "dates_wording": section "00-summary#what-the-inputs-are-and-when-they-date-from" is not a section'),
    ]);
  });

  it("names the figure a renamed one became: the one its notebook declares now that the corrected version lacked, not the nearest id of the report", () => {
    const sections = ["05-who-pays#a-high-multiple-on-which-sales", "00-summary#what-the-inputs-are-and-when-they-date-from"];
    const places = [
      { id: "anthropic_price_to_sales_forward", notebook: "notebooks/05-who-pays.ipynb" },
      { id: "anthropic_ps_trailing", notebook: "notebooks/05-who-pays.ipynb" },
      { id: "energy_new", notebook: "notebooks/09-energy.ipynb" },
    ];
    const published = [
      { id: "anthropic_price_to_sales_forward", notebook: "notebooks/05-who-pays.ipynb" },
      { id: "anthropic_price_to_sales_trailing", notebook: "notebooks/05-who-pays.ipynb" },
    ];
    const error = thrown(() => checkErrata(errata, { sections, figures: places.map((p) => p.id), places, publishedPlaces: (version) => (version === "2026-11-26" ? published : undefined) }));
    expect(error.problems).toEqual([
      'notebooks/errata.yaml:5:14: erratum "multiple_run_rate": figure "anthropic_price_to_sales_trailing" is not a figure of this report: notebooks/05-who-pays.ipynb declared it in 2026-11-26, and declares "anthropic_ps_trailing" now, which 2026-11-26 did not have. If it was renamed, write "anthropic_ps_trailing".',
    ]);
    // Without the version's figures, by spelling, as before.
    expect(thrown(() => checkErrata(errata, { sections, figures: places.map((p) => p.id), places })).problems[0]).toContain('Did you mean "anthropic_price_to_sales_forward"?');
  });

  it("at publish: every erratum corrects a version published before the new one, located, with the nearest version", () => {
    expect(() => checkErrataVersions(errata, ["2026-04-28", "2026-11-26"], "2026-11-30")).not.toThrow();
    const error = thrown(() => checkErrataVersions(errata, ["2026-04-28", "2026-11-26"], "2026-11-26"));
    expect(exitCodeOf(error)).toBe(EXIT_USAGE);
    expect(error.problems[0]).toBe('notebooks/errata.yaml:3:14: erratum "multiple_run_rate" corrects version "2026-11-26", which is not a version published before 2026-11-26 (published before it: 2026-04-28); an erratum corrects a version readers have seen. Did you mean "2026-04-28"? Fix its "version" and build again.');
    expect(error.problems).toHaveLength(2);
  });

  it("at build: every erratum corrects a version in out/reports/, whatever the build's date", () => {
    expect(() => checkErrataVersions(errata, ["2026-04-28", "2026-11-26", "2026-11-29"])).not.toThrow();
    const misspelt = parseErrata(GOOD.replace("version: 2026-11-26\n    section: 05", "version: 2026-11-27\n    section: 05"), FILE);
    const error = thrown(() => checkErrataVersions(misspelt, ["2026-04-28", "2026-11-26", "2026-11-29"]));
    expect(error.problems).toEqual([
      'notebooks/errata.yaml:3:14: erratum "multiple_run_rate" corrects version "2026-11-27", which is not a published version (out/reports/ holds 2026-04-28, 2026-11-26, 2026-11-29); an erratum corrects a version readers have seen. Did you mean "2026-11-26"? Fix its "version" and build again.',
    ]);
  });

  // Before: the first of the versions as few edits away, the older, where a nearer one was published.
  it("suggests, among versions as few edits away, the nearest in time; a digit typed wrong, by spelling", () => {
    expect(nearestVersion("2026-11-28", ["2026-04-28", "2026-11-26", "2026-11-29"])).toBe("2026-11-29");
    expect(nearestVersion("2026-11-28", ["2026-11-27", "2026-11-29"])).toBe("2026-11-29");
    expect(nearestVersion("2026-11-92", ["2026-11-26", "2026-11-29"])).toBe("2026-11-29");
    expect(nearestVersion("2026-11-26-3", ["2026-11-26", "2026-11-26-2", "2026-12-01"])).toBe("2026-11-26-2");
    expect(nearestVersion("latest", ["2026-11-26"])).toBe("2026-11-26");
    expect(nearestVersion("2026-11-28", [])).toBe("");
    const misspelt = parseErrata(GOOD.replace("version: 2026-11-26\n    section: 05", "version: 2026-11-28\n    section: 05"), FILE);
    expect(thrown(() => checkErrataVersions(misspelt, ["2026-04-28", "2026-11-26", "2026-11-29"])).problems[0]).toContain('Did you mean "2026-11-29"?');
  });
});
