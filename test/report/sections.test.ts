import { describe, expect, it } from "vitest";
import type { Notebook } from "../../src/notebook/nbformat";
import { notebookSections, stringLiterals } from "../../src/report/sections";

const nbOf = (cells: Array<{ md: string } | { code: string }>): Notebook =>
  ({
    cells: cells.map((c) => ("md" in c ? { cell_type: "markdown", source: c.md } : { cell_type: "code", source: c.code, outputs: [] })),
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  }) as unknown as Notebook;

describe("string literals of a code cell (what the v1 fingerprint hashes, kept for versions published before v2)", () => {
  it("reads quotes and the fixed parts of template literals, skipping comments and expressions", () => {
    const code = [
      'const a = nb.figure({ id: "run_cost", label: \'Run cost\' }); // "not prose"',
      "/* 'nor this' */",
      "nb.md`On the run rate the essay quotes, the multiple is ${trailing}: ${ok ? `fine ${x}` : \"off\"}.`;",
    ].join("\n");
    expect(stringLiterals(code)).toEqual(["run_cost", "Run cost", "On the run rate the essay quotes, the multiple is ", ": ", "fine ", "", "off", "."]);
  });
});

describe("notebook sections", () => {
  const cells = [
    { md: "# 5. Who pays\n\nIntro words." },
    { code: "const x = 1;" },
    { md: "## Compute spend\n\nSome words." },
    { code: 'nb.figure({ id: "a" }); nb.md`The value is ${a}.`;' },
    { md: "## Compute spend\n\nA second section with the same heading." },
    { code: 'nb.claim({ id: "c" });' },
  ];

  it("maps each cell to the section it sits in, with unique ids", () => {
    const { sections, sectionOfCell } = notebookSections(nbOf(cells), "notebooks/05-who-pays.ipynb");
    expect(sections.map((s) => s.id)).toEqual(["05-who-pays#5-who-pays", "05-who-pays#compute-spend", "05-who-pays#compute-spend-2"]);
    expect([sectionOfCell(2), sectionOfCell(4), sectionOfCell(6)]).toEqual(["05-who-pays#5-who-pays", "05-who-pays#compute-spend", "05-who-pays#compute-spend-2"]);
  });

  it("takes no heading from a fenced code block (a shell comment is not a section), and ends the fence at its own marker", () => {
    const fenced = nbOf([
      { md: "## Running it\n\n```bash\n# install first\nnpm ci\n~~~\n# still code\n```\n\n## After the fence" },
      { code: 'nb.figure({ id: "a" });' },
      { md: "~~~~\n# code in a tilde fence\n```\n~~~~\n# A real heading" },
      { code: 'nb.figure({ id: "b" });' },
    ]);
    const { sections, sectionOfCell } = notebookSections(fenced, "notebooks/09-x.ipynb");
    expect(sections.map((s) => s.id)).toEqual(["09-x#running-it", "09-x#after-the-fence", "09-x#a-real-heading"]);
    expect([sectionOfCell(2), sectionOfCell(4)]).toEqual(["09-x#after-the-fence", "09-x#a-real-heading"]);
  });

  it("hashes a section's words (v1): a word of markdown or of an nb.md template changes it, code and whitespace do not", () => {
    const hashes = (c: typeof cells) => notebookSections(nbOf(c), "notebooks/05-who-pays.ipynb").sections.map((s) => s.proseSha256);
    const base = hashes(cells);
    const edited = [...cells];
    edited[3] = { code: 'nb.figure({ id: "a" }); nb.md`The value is now ${a}.`;' };
    expect(hashes(edited)).toEqual([base[0], expect.not.stringMatching(base[1] ?? ""), base[2]]);
    const codeOnly = [...cells];
    codeOnly[3] = { code: 'nb.figure({ id: "a" });   nb.md`The value is ${a + 0}.`;' };
    expect(hashes(codeOnly)).toEqual(base);
    const markdown = [...cells];
    markdown[2] = { md: "## Compute spend\n\nSome other words." };
    expect(hashes(markdown)[1]).not.toBe(base[1]);
  });

  it("fingerprints only prose (v2): a string literal, a comment or an interpolated expression edited in the code is not the words changed", () => {
    const v2 = (c: typeof cells) => notebookSections(nbOf(c), "notebooks/05-who-pays.ipynb").sections.map((s) => s.proseV2Sha256);
    const v1 = (c: typeof cells) => notebookSections(nbOf(c), "notebooks/05-who-pays.ipynb").sections.map((s) => s.proseSha256);
    const base = v2(cells);
    const codeEdits = [
      'nb.figure({ id: "a" }); nb.md`The value is ${a}.`; const unusedColour = "steelblue";',
      'nb.figure({ id: "a_renamed" }); nb.md`The value is ${a}.`;',
      'nb.figure({ id: "a" }); nb.md`The value is ${a}.`; // "a comment"',
      'nb.figure({ id: "a" }); nb.md`The value is ${nb.fmt(a, "usd")}.`; nb.chart({ data: { url: "data/other.csv" } });',
    ];
    for (const code of codeEdits) {
      const edited = [...cells];
      edited[3] = { code };
      expect(v2(edited), code).toEqual(base);
    }
    // v1, kept for versions published before v2, counted the colour as words: the defect.
    const coloured = [...cells];
    coloured[3] = { code: codeEdits[0] as string };
    expect(v1(coloured)[1]).not.toBe(v1(cells)[1]);
    // The prose does count: a word of an nb.md template, of an nb.mdFragment, of the markdown.
    const prose = [
      { code: 'nb.figure({ id: "a" }); nb.md`The value is now ${a}.`;' },
      { code: 'nb.figure({ id: "a" }); nb.md`The value is ${a}.${nb.mdFragment`A new line.`}`;' },
    ];
    for (const cell of prose) {
      const edited = [...cells];
      edited[3] = cell;
      expect(v2(edited)).toEqual([base[0], expect.not.stringMatching(base[1] ?? ""), base[2]]);
    }
    const markdown = [...cells];
    markdown[2] = { md: "## Compute spend\n\nSome other words." };
    expect(v2(markdown)[1]).not.toBe(base[1]);
  });
});
