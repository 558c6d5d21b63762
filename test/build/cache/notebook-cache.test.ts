import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aboutRead, EVERY_ASSUMPTION, type Assumption } from "../../../src/assumptions/types";
import type { Fingerprint } from "../../../src/build/cache/notebook-cache";
import { CACHE_FORMAT, NotebookCache, decide, entryPath, makeEntry, cellChange } from "../../../src/build/cache/notebook-cache";
import { canonicalJson, sha256, stableJson } from "../../../src/util/hash";
import { FileHasher, currentState, fingerprintAfterRun, type FingerprintInputs } from "../../../src/build/cache/dependencies";
import { reranBecause, reusedNothingChanged } from "../../../src/messages/versions";
import type { Change } from "../../../src/vocabulary/changes";

const h100 = (low: number, high: number): Assumption => ({
  id: "h100_usd_per_gpu_hour",
  label: "H100 rental price",
  unit: "USD/GPU-hour",
  range: { low, high },
  distribution: "lognormal",
  source: { title: "essay", date: "2026-04-28" },
  position: { file: "assumptions.yaml", line: 3, column: 5 },
});

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "fragtax-cache-"));
  await mkdir(join(root, "src/model"), { recursive: true });
  await mkdir(join(root, "notebooks"), { recursive: true });
  await writeFile(join(root, "src/model/index.ts"), 'export * from "./training";\n');
  await writeFile(join(root, "src/model/training.ts"), "export const cost = 1;\n");
  await writeFile(join(root, "src/unrelated.ts"), "export const x = 1;\n");
  await writeFile(join(root, "notebooks/a.ipynb"), "{}");
});
afterEach(async () => rm(root, { recursive: true, force: true }));

function fingerprintInputs(assumptions: Map<string, Assumption>): FingerprintInputs {
  return {
    root,
    notebook: "notebooks/a.ipynb",
    modules: ["src/model/index.ts"],
    reads: ["h100_usd_per_gpu_hour"],
    assumption: (id) => assumptions.get(id),
    assumptionIds: () => [...assumptions.keys()],
    lockfile: "L",
    tool: "0.1.0",
    settings: { samples: 1000, seed: 1 },
    hasher: new FileHasher(root),
  };
}

async function fingerprint(assumptions: Map<string, Assumption>): Promise<Fingerprint> {
  return fingerprintAfterRun(fingerprintInputs(assumptions));
}

function state(assumptions: Map<string, Assumption>, tool = "0.1.0", whatIf?: ReadonlySet<string>) {
  return currentState({
    root,
    notebook: "notebooks/a.ipynb",
    assumption: (id) => assumptions.get(id),
    assumptionIds: () => [...assumptions.keys()],
    ...(whatIf !== undefined && { whatIf }),
    lockfile: "L",
    tool,
    settings: { samples: 1000, seed: 1 },
    hasher: new FileHasher(root),
  });
}

describe("cache decisions", () => {
  it("compares an assumption by its content's canonical JSON, made once per assumption object", () => {
    const first = h100(2, 3);
    const now = state(new Map([["h100_usd_per_gpu_hour", first]]));
    expect(now.assumptionJson("h100_usd_per_gpu_hour")).toBe(canonicalJson(now.assumption("h100_usd_per_gpu_hour")));
    expect(now.assumptionJson("missing_id")).toBe("null");
    // Another notebook's state over the same registry says the same; an edited assumption is a new object.
    expect(state(new Map([["h100_usd_per_gpu_hour", first]])).assumptionJson("h100_usd_per_gpu_hour")).toBe(now.assumptionJson("h100_usd_per_gpu_hour"));
    const edited = state(new Map([["h100_usd_per_gpu_hour", h100(2, 4)]]));
    expect(edited.assumptionJson("h100_usd_per_gpu_hour")).not.toBe(now.assumptionJson("h100_usd_per_gpu_hour"));
    expect(edited.assumptionJson(aboutRead("h100_usd_per_gpu_hour"))).toBe(canonicalJson(edited.assumption(aboutRead("h100_usd_per_gpu_hour"))));
  });

  it("records the transitive module closure and only the assumptions read", async () => {
    const fp = await fingerprint(new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]));
    expect(Object.keys(fp.modules)).toEqual(["src/model/index.ts", "src/model/training.ts"]);
    expect(Object.keys(fp.assumptions)).toEqual(["h100_usd_per_gpu_hour"]);
    expect(fp.assumptions.h100_usd_per_gpu_hour).not.toHaveProperty("position");
  });

  it("reuses when nothing it depends on changed, even if the assumption moved in the file", async () => {
    const now = new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]);
    const entry = makeEntry("notebooks/a.ipynb", await fingerprint(now), { ok: 1 }, new Date(0));
    const moved = new Map([["h100_usd_per_gpu_hour", { ...h100(2, 3), position: { file: "assumptions.yaml", line: 40, column: 5 } }]]);
    await writeFile(join(root, "src/unrelated.ts"), "export const x = 2;\n");
    expect(decide(entry, state(moved)).reuse).toBe(true);
    expect(reusedNothingChanged()).toBe("reused: nothing it depends on changed");
  });

  it("explains an assumption change with before and after values", async () => {
    const entry = makeEntry("notebooks/a.ipynb", await fingerprint(new Map([["h100_usd_per_gpu_hour", h100(2, 3)]])), {}, new Date(0));
    const decision = decide(entry, state(new Map([["h100_usd_per_gpu_hour", h100(2.5, 3.5)]])));
    expect(decision.reuse).toBe(false);
    if (decision.reuse) return;
    expect(reranBecause(decision.changes)).toBe("re-ran: h100_usd_per_gpu_hour changed $2–$3/GPU-hour → $2.50–$3.50/GPU-hour");
  });

  it("marks a value a what-if gave, on either side: a build after a what-if does not read as an edit of the file", async () => {
    const file = new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]);
    const whatIf = new Map([["h100_usd_per_gpu_hour", h100(4, 6)]]);
    const overridden = new Set(["h100_usd_per_gpu_hour"]);
    const plain = await fingerprint(file);
    expect(plain).not.toHaveProperty("whatIf");
    const into = decide(makeEntry("notebooks/a.ipynb", plain, {}, new Date(0)), state(whatIf, "0.1.0", overridden));
    if (into.reuse) throw new Error("reused");
    expect(reranBecause(into.changes)).toBe("re-ran: h100_usd_per_gpu_hour changed $2–$3/GPU-hour → $4–$6/GPU-hour (a what-if)");
    // The what-if's run records which of its reads it gave, so the build after it says where the value came from.
    const recorded = await fingerprintAfterRun({ ...fingerprintInputs(whatIf), whatIf: overridden });
    expect(recorded.whatIf).toEqual(["h100_usd_per_gpu_hour"]);
    const back = decide(makeEntry("notebooks/a.ipynb", recorded, {}, new Date(0)), state(file));
    if (back.reuse) throw new Error("reused");
    expect(reranBecause(back.changes)).toBe("re-ran: h100_usd_per_gpu_hour changed $4–$6/GPU-hour (a what-if) → $2–$3/GPU-hour");
    // The same what-if again is the same run: the mark is said, never compared.
    expect(decide(makeEntry("notebooks/a.ipynb", recorded, {}, new Date(0)), state(whatIf, "0.1.0", overridden)).reuse).toBe(true);
  });

  it("explains a transitively imported module change, a tool change and a first run", async () => {
    const now = new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]);
    const entry = makeEntry("notebooks/a.ipynb", await fingerprint(now), {}, new Date(0));
    await writeFile(join(root, "src/model/training.ts"), "export const cost = 2;\n");
    const decision = decide(entry, state(now, "0.2.0"));
    expect(decision.reuse ? "" : reranBecause(decision.changes)).toBe("re-ran: src/model/training.ts changed; fragtax 0.1.0 → 0.2.0");
    const first = decide(undefined, state(now));
    expect(first.reuse ? "" : reranBecause(first.changes)).toBe("first run");
  });

  it("records the list of ids when the notebook read it, and names what was added, removed or moved", async () => {
    const h = h100(2, 3);
    const other = { ...h, id: "other_input" };
    const now = new Map([["h100_usd_per_gpu_hour", h], ["other_input", other]]);
    const recorded = await fingerprintAfterRun({ ...fingerprintInputs(now), reads: [EVERY_ASSUMPTION, "h100_usd_per_gpu_hour", "other_input"] });
    expect(recorded.assumptionIds).toEqual(["h100_usd_per_gpu_hour", "other_input"]);
    expect(Object.keys(recorded.assumptions)).toEqual(["h100_usd_per_gpu_hour", "other_input"]);
    const entry = makeEntry("notebooks/a.ipynb", recorded, {}, new Date(0));
    expect(decide(entry, state(now)).reuse).toBe(true);
    const why = (assumptions: Map<string, Assumption>): string => {
      const decision = decide(entry, state(assumptions));
      return decision.reuse ? "reused" : reranBecause(decision.changes);
    };
    expect(why(new Map([["other_input", other], ["h100_usd_per_gpu_hour", h]]))).toBe("re-ran: the order of the assumptions changed");
    expect(why(new Map([...now, ["new_one", { ...h, id: "new_one" }]]))).toBe("re-ran: the list of assumptions changed (added new_one)");
    // Without the list read, the same addition leaves the entry alone.
    const unlisted = makeEntry("notebooks/a.ipynb", await fingerprint(now), {}, new Date(0));
    expect(decide(unlisted, state(new Map([...now, ["new_one", { ...h, id: "new_one" }]]))).reuse).toBe(true);
  });

  it("records a catalogue read without the numbers: a new range is no change, a new source is", async () => {
    const now = new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]);
    const recorded = await fingerprintAfterRun({ ...fingerprintInputs(now), reads: [EVERY_ASSUMPTION, aboutRead("h100_usd_per_gpu_hour")] });
    expect(Object.keys(recorded.assumptions)).toEqual([aboutRead("h100_usd_per_gpu_hour")]);
    expect(recorded.assumptions[aboutRead("h100_usd_per_gpu_hour")]).not.toHaveProperty("range");
    const entry = makeEntry("notebooks/a.ipynb", recorded, {}, new Date(0));
    expect(decide(entry, state(new Map([["h100_usd_per_gpu_hour", h100(4, 5)]]))).reuse).toBe(true);
    const resourced = decide(entry, state(new Map([["h100_usd_per_gpu_hour", { ...h100(2, 3), source: { title: "Other", date: "2026-05-01" } }]])));
    expect(resourced.reuse ? "" : reranBecause(resourced.changes)).toBe("re-ran: h100_usd_per_gpu_hour source changed");
    // A what-if gives the replaced input's source a title of its own: said as the what-if, not as an edit of the file.
    const [change] = resourced.reuse ? [] : resourced.changes;
    expect(reranBecause([{ ...(change as Extract<Change, { kind: "assumption" }>), whatIf: { before: false, after: true } }])).toBe("re-ran: h100_usd_per_gpu_hour source changed (a what-if replaced it)");
    expect(reranBecause([{ ...(change as Extract<Change, { kind: "assumption" }>), whatIf: { before: true, after: false } }])).toBe("re-ran: h100_usd_per_gpu_hour source changed (the file's again, after a what-if)");
    // Read whole as well (a get), the numbers count again.
    const both = await fingerprintAfterRun({ ...fingerprintInputs(now), reads: [aboutRead("h100_usd_per_gpu_hour"), "h100_usd_per_gpu_hour"] });
    expect(Object.keys(both.assumptions)).toEqual(["h100_usd_per_gpu_hour"]);
    expect(decide(makeEntry("notebooks/a.ipynb", both, {}, new Date(0)), state(new Map([["h100_usd_per_gpu_hour", h100(4, 5)]]))).reuse).toBe(false);
  });

  it("re-runs when a chart's data file became a FIFO, without waiting to read it", { timeout: 15_000 }, async () => {
    const now = new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]);
    await writeFile(join(root, "notebooks/rows.csv"), "a\n1\n");
    const recorded = await fingerprintAfterRun({ ...(await fingerprintInputs(now)), files: [join(root, "notebooks/rows.csv")] });
    await rm(join(root, "notebooks/rows.csv"));
    expect(spawnSync("mkfifo", [join(root, "notebooks/rows.csv")]).status).toBe(0);
    const decision = decide(makeEntry("notebooks/a.ipynb", recorded, {}, new Date(0)), state(now));
    expect(decision.reuse ? "" : reranBecause(decision.changes)).toBe("re-ran: data file notebooks/rows.csv was removed");
  });
});

describe("cache entries on disk", () => {
  const validate = (result: unknown) => result as { figures: number[] };

  it("round-trips an entry as stable pretty JSON", async () => {
    const warnings: string[] = [];
    const cache = new NotebookCache(join(root, "out/.cache"), validate, (m) => warnings.push(m));
    const fp = await fingerprint(new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]));
    await cache.store("notebooks/a.ipynb", fp, { figures: [1, 2] });
    const text = await readFile(entryPath(join(root, "out/.cache"), "notebooks/a.ipynb"), "utf8");
    expect(text.startsWith('{\n  "checksum"')).toBe(true);
    const decision = await cache.check("notebooks/a.ipynb", state(new Map([["h100_usd_per_gpu_hour", h100(2, 3)]])), (d) => d);
    expect(decision.reuse && decision.entry.result.figures).toEqual([1, 2]);
    expect(warnings).toEqual([]);
  });

  it.each([
    ["truncated", (text: string) => text.slice(0, text.length / 2)],
    ["edited result", (text: string) => text.replace(/("figures": \[\s*)1/, "$17")],
    ["empty", () => ""],
  ])("ignores a %s entry with a warning and asks for a re-run", async (_name, damage) => {
    const warnings: string[] = [];
    const cache = new NotebookCache(join(root, "out/.cache"), validate, (m) => warnings.push(m));
    const assumptions = new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]);
    await cache.store("notebooks/a.ipynb", await fingerprint(assumptions), { figures: [1, 2] });
    const path = entryPath(join(root, "out/.cache"), "notebooks/a.ipynb");
    const damaged = damage(await readFile(path, "utf8"));
    await writeFile(path, damaged);
    const decision = await cache.check("notebooks/a.ipynb", state(assumptions), (d) => `warning: ${d}`);
    expect(decision.reuse).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(decision.reuse ? "" : reranBecause(decision.changes)).toMatch(/^re-ran: cache entry was unreadable/);
  });
});

describe("entries of the first format", () => {
  const validate = (result: unknown) => result as { figures: number[]; chart: Record<string, unknown> };

  it("are still taken (their checksum was over canonical JSON), and still refused when edited", async () => {
    const warnings: string[] = [];
    const cache = new NotebookCache(join(root, "out/.cache"), validate, (m) => warnings.push(m));
    const assumptions = new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]);
    const fp = await fingerprint(assumptions);
    // A result whose keys are not in sorted order, as format 1 wrote it: its checksum sorted them, the file did not.
    const result = { figures: [1, 2], chart: { mark: "bar", data: { values: [] } } };
    const checksum = sha256(canonicalJson({ notebook: "notebooks/a.ipynb", fingerprint: fp, result }));
    const text = `${stableJson({ checksum, format: 1, notebook: "notebooks/a.ipynb", fingerprint: fp, storedAt: new Date(0).toISOString() }).trimEnd().replace(/\n}$/, "")},\n  "result": ${JSON.stringify(result, null, 2)}\n}\n`;
    const path = entryPath(join(root, "out/.cache"), "notebooks/a.ipynb");
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    const taken = await cache.check("notebooks/a.ipynb", state(assumptions), (d) => d);
    expect(taken.reuse && taken.entry.result).toEqual(result);
    expect(warnings).toEqual([]);
    await writeFile(path, text.replace('"mark": "bar"', '"mark": "line"'));
    expect((await cache.check("notebooks/a.ipynb", state(assumptions), (d) => d)).reuse).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it("are written no more: a new entry has the current format and checks what the file holds, in its order", async () => {
    const cache = new NotebookCache(join(root, "out/.cache"), validate, () => undefined);
    const assumptions = new Map([["h100_usd_per_gpu_hour", h100(2, 3)]]);
    await cache.store("notebooks/a.ipynb", await fingerprint(assumptions), { figures: [1, 2], chart: { mark: "bar", data: { values: [] } } });
    const path = entryPath(join(root, "out/.cache"), "notebooks/a.ipynb");
    const stored = JSON.parse(await readFile(path, "utf8")) as { format: number; checksum: string; notebook: string; fingerprint: unknown; result: unknown };
    expect(stored.format).toBe(CACHE_FORMAT);
    expect(stored.checksum).toBe(sha256(JSON.stringify([stored.notebook, stored.fingerprint, stored.result])));
    // Written again as it is (other spacing): taken. With the result's keys in another order: not what was written, refused.
    const result = stored.result as { figures: unknown; chart: unknown };
    await writeFile(path, JSON.stringify(stored));
    expect((await cache.check("notebooks/a.ipynb", state(assumptions), (d) => d)).reuse).toBe(true);
    await writeFile(path, JSON.stringify({ ...stored, result: { chart: result.chart, figures: result.figures } }));
    expect((await cache.check("notebooks/a.ipynb", state(assumptions), (d) => d)).reuse).toBe(false);
  });
});

describe("which cells changed", () => {
  it("finds the stretch between the common start and end: changed in place, added, removed, replaced, or none", () => {
    expect(cellChange(["a", "b", "c"], ["a", "B", "c"])).toEqual({ kind: "changed", cells: [2] });
    expect(cellChange(["a", "b", "c"], ["A", "b", "C"])).toEqual({ kind: "changed", cells: [1, 3] });
    expect(cellChange(["a", "b"], ["a", "x", "y", "b"])).toEqual({ kind: "added", first: 2, last: 3 });
    expect(cellChange(["a", "b", "c"], ["a", "c"])).toEqual({ kind: "removed", first: 2, last: 2 });
    expect(cellChange(["a", "b", "c"], ["a", "x", "y", "z", "c"])).toEqual({ kind: "replaced", first: 2, last: 4 });
    expect(cellChange(["a", "b", "c"], ["a", "c", "c"])).toEqual({ kind: "changed", cells: [2] });
    expect(cellChange(["a"], ["a"])).toEqual({ kind: "none" });
    expect(cellChange([], ["a"])).toEqual({ kind: "added", first: 1, last: 1 });
  });
});

describe("what a rebuild says about folders", () => {
  it("names the project folder when it is the one listed, and says whether a folder appeared, went or changed", () => {
    expect(reranBecause([{ kind: "folder", path: "", tree: true, state: "changed" }])).toBe("re-ran: the files in the project folder or below it changed");
    expect(reranBecause([{ kind: "folder", path: "notebooks/inbox", tree: false, state: "appeared" }])).toBe("re-ran: folder notebooks/inbox appeared");
    expect(reranBecause([{ kind: "folder", path: "notebooks/inbox", tree: false, state: "removed" }])).toBe("re-ran: folder notebooks/inbox was removed or cannot be listed");
  });
});
