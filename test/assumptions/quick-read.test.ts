/**
 * The quick reading of assumptions files (js-yaml's events) against the full one (`yaml`'s nodes):
 * the same values and item positions on every assumptions file in the repository, `yaml` not called
 * for a plain valid file, and every file the quick reading does not take, or with a problem, read
 * and located by `yaml` as before.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({ parseDocument: 0 }));
vi.mock("yaml", async (importOriginal) => {
  const original = await importOriginal<typeof import("yaml")>();
  return {
    ...original,
    parseDocument: (...args: Parameters<typeof original.parseDocument>) => {
      calls.parseDocument++;
      return original.parseDocument(...args);
    },
  };
});

const { AssumptionError, parseAssumptions } = await import("../../src/assumptions");
const { readQuickly } = await import("../../src/assumptions/quick-read");
const { readWithYaml } = await import("../../src/assumptions/yaml-read");
type ReadFile = import("../../src/assumptions/read-file").ReadFile;

const LISTS = ["assumptions", "correlations", "totals"];

/** Everything validation reads of a file: keys, and each list's values and item positions. */
function seen(file: ReadFile): unknown {
  return {
    keys: file.keys?.map((key) => key.name),
    rootAt: file.rootAt,
    lists: LISTS.map((name) => {
      const list = file.list(name);
      return Array.isArray(list) ? list.map((item: { value: unknown; at: (path: readonly string[]) => unknown }) => ({ value: item.value, at: item.at([]) })) : list;
    }),
  };
}

const repositoryFiles = execFileSync("git", ["ls-files", "*.yaml"], { encoding: "utf8" })
  .split("\n")
  .filter((path) => path !== "" && !path.endsWith("report.yaml") && /^assumptions:/m.test(readFileSync(path, "utf8")));

function problemOf(text: string): InstanceType<typeof AssumptionError> {
  try {
    parseAssumptions(text, "a.yaml");
  } catch (error) {
    if (error instanceof AssumptionError) return error;
    throw error;
  }
  throw new Error("parsed without an error");
}

const ENTRY = [
  "assumptions:",
  "  - id: gpus",
  "    kind: source",
  "    label: GPUs",
  "    unit: GPUs",
  "    range: { low: 10000, high: 15000 }",
  "    source: { title: Essay, date: 2026-04-28 }",
  "  - id: price",
  "    kind: source",
  "    label: Price",
  "    unit: USD",
  "    value: 2.5",
  "    source:",
  "      title: 'Quoted: yes'",
  "      date: 2026-04-28",
  "",
].join("\n");

beforeEach(() => {
  calls.parseDocument = 0;
});

describe("the quick reading of an assumptions file", () => {
  it("sees what `yaml` sees in every assumptions file of the repository, and takes every valid one", () => {
    expect(repositoryFiles.length).toBeGreaterThan(20);
    let taken = 0;
    for (const path of repositoryFiles) {
      const text = readFileSync(path, "utf8");
      const quick = readQuickly(text);
      let full: ReadFile | undefined;
      try {
        full = readWithYaml(text, path);
      } catch {
        full = undefined; // a YAML syntax error: the quick reading must not take it either
      }
      if (full === undefined || quick === undefined) {
        expect(quick, path).toBeUndefined();
        // Declined: only a file with a problem (a list of plain values here) may be.
        expect(() => parseAssumptions(text, path), path).toThrow(AssumptionError);
        continue;
      }
      expect(seen(quick), path).toEqual(seen(full));
      taken++;
    }
    expect(taken).toBeGreaterThan(20);
  });

  it("builds the report's registry without `yaml`, equal to the one `yaml` reads", () => {
    const text = readFileSync("notebooks/assumptions.yaml", "utf8");
    const quickly = parseAssumptions(text, "notebooks/assumptions.yaml");
    expect(calls.parseDocument).toBe(0);
    // A tag on the first label (the same text) is left to `yaml`: the same registry must come out.
    const tagged = text.replace(/^(\s+label: )/m, "$1!!str ");
    expect(tagged).not.toBe(text);
    const fully = parseAssumptions(tagged, "notebooks/assumptions.yaml");
    expect(calls.parseDocument).toBe(1);
    expect(fully.all()).toEqual(quickly.all());
    expect(fully.correlations).toEqual(quickly.correlations);
    expect(fully.totals).toEqual(quickly.totals);
    expect(quickly.all().length).toBeGreaterThan(50);
    expect(quickly.correlations.length).toBeGreaterThan(0);
  });

  it("leaves tags, anchors, aliases, non-mapping items, several documents and bad YAML to `yaml`", () => {
    const declined = [
      ENTRY.replace("label: GPUs", "label: !!str GPUs"),
      ENTRY.replace("- id: gpus", "- &first\n    id: gpus"),
      `${ENTRY}correlations:\n  - between: [gpus, gpus]\n    rho: *x\n`,
      ENTRY.replace("assumptions:\n", "assumptions:\n  - just text\n"),
      `${ENTRY}---\nassumptions: []\n`,
      ENTRY.replace("label: GPUs", "label: GPUs\n    label: again"),
      ENTRY.replace("{ low: 10000, high: 15000 }", "{ low: 10000, high: 15000"),
      "",
      "- a list\n",
    ];
    for (const text of declined) expect(readQuickly(text), text).toBeUndefined();
    expect(readQuickly(ENTRY)).toBeDefined();
  });

  it("still reads a valid file the quick reading does not take (an anchor and its alias)", () => {
    const anchored = ENTRY.replace("source: { title: Essay, date: 2026-04-28 }", "source: &essay { title: Essay, date: 2026-04-28 }").replace(
      "    source:\n      title: 'Quoted: yes'\n      date: 2026-04-28",
      "    source: *essay",
    );
    const registry = parseAssumptions(anchored, "a.yaml");
    expect(calls.parseDocument).toBe(1);
    expect(registry.get("price").source).toEqual({ title: "Essay", date: "2026-04-28" });
    expect(registry.get("price").position).toEqual({ file: "a.yaml", line: 8, column: 5 });
  });

  it("reads a `__proto__` key as a key: an unknown field, located, and no object's prototype changed", () => {
    const hostile = ENTRY.replace("    unit: GPUs\n", "    unit: GPUs\n    __proto__: { polluted: 1 }\n");
    const quick = readQuickly(hostile);
    const [first] = quick?.list("assumptions") as readonly { value: Record<string, unknown> }[];
    expect(Object.keys(first?.value ?? {})).toContain("__proto__");
    expect(Object.getPrototypeOf(first?.value)).toBe(Object.prototype);
    expect(problemOf(hostile).message).toContain('a.yaml:6:5: assumption "gpus": unknown field "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("locates a problem it finds at the part, as `yaml` does, not at its entry", () => {
    const error = problemOf(ENTRY.replace("    unit: USD\n", "    unit: USD\n    colour: blue\n"));
    expect(calls.parseDocument).toBe(1);
    expect(error.message).toContain("a.yaml:12:5");
    expect(error.message).toContain("colour");
    const unknownId = problemOf(`${ENTRY}correlations:\n  - between: [gpus, prices]\n    rho: 0.5\n    kind: judgement\n    source: { title: analysts, date: 2026-01-01 }\n    note: same buyers\n`);
    expect(unknownId.message).toContain("a.yaml:17:21:"); // the id, inside the entry that starts at 17:5
  });
});
