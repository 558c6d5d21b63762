import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AssumptionError, parseAssumptions, UnknownAssumptionError } from "../../src/assumptions";

const file = join("test", "fixtures", "assumptions", "valid.yaml");
const text = await readFile(file, "utf8");
const load = () => parseAssumptions(text, file);

describe("AssumptionRegistry", () => {
  it("suggests the nearest ids for an unknown id", () => {
    const registry = load();
    expect(registry.has("h100_usd_per_gpu_hour")).toBe(true);
    expect(registry.has("h100_usd_per_gpu_hr")).toBe(false);
    let error: unknown;
    try {
      registry.get("h100_usd_per_gpu_hr");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownAssumptionError);
    const unknown = error as UnknownAssumptionError;
    expect(unknown.nearest[0]).toBe("h100_usd_per_gpu_hour");
    expect(unknown.message).toContain(`unknown assumption "h100_usd_per_gpu_hr" (not in ${file}); did you mean "h100_usd_per_gpu_hour"`);
  });

  it("records reads per consumer, in first-read order, including reads of missing ids", () => {
    const registry = load();
    const a = registry.reader("01-training.ipynb");
    const b = registry.reader("02-energy.ipynb");
    a.get("frontier_run_days");
    a.get("frontier_run_gpus");
    a.get("frontier_run_days");
    b.get("mfu_fraction");
    expect(() => b.get("missing_id")).toThrow(UnknownAssumptionError);
    expect(a.readIds()).toEqual(["frontier_run_days", "frontier_run_gpus"]);
    expect(registry.readsBy("01-training.ipynb")).toEqual(["frontier_run_days", "frontier_run_gpus"]);
    expect(registry.readsBy("02-energy.ipynb")).toEqual(["mfu_fraction", "missing_id"]);
    expect(registry.readsBy("never")).toEqual([]);
    registry.get("mfu_fraction"); // untracked
    registry.has("h100_usd_per_gpu_hour");
    expect(registry.consumers()).toEqual(["01-training.ipynb", "02-energy.ipynb"]);
    const again = registry.reader("01-training.ipynb");
    again.get("h100_usd_per_gpu_hour");
    expect(again.readIds()).toEqual(["h100_usd_per_gpu_hour"]);
    expect(registry.readsBy("01-training.ipynb")).toEqual(["frontier_run_days", "frontier_run_gpus", "h100_usd_per_gpu_hour"]);
  });

  it("applies overrides to a new registry and leaves the original alone", () => {
    const registry = load();
    const before = registry.hash();
    const changed = registry.withOverrides([
      { id: "h100_usd_per_gpu_hour", value: 2.95 },
      { id: "scenario_merchant_era_probability", low: 0.5, high: 0.7 },
    ]);
    expect(changed.get("h100_usd_per_gpu_hour")).toMatchObject({ value: 2.95, distribution: "fixed" });
    expect(changed.get("h100_usd_per_gpu_hour").range).toBeUndefined();
    expect(changed.get("scenario_merchant_era_probability")).toMatchObject({ range: { low: 0.5, high: 0.7 }, distribution: "uniform" }); // between two bounds, a range is its bounds
    expect(registry.get("h100_usd_per_gpu_hour").range).toEqual({ low: 2, high: 3 });
    expect(registry.hash()).toBe(before);
    expect(changed.hash()).not.toBe(before);
  });

  it("cites an overridden input as the what-if's, not its source's, and leaves the others' sources alone", () => {
    const registry = load();
    const title = registry.get("h100_usd_per_gpu_hour").source.title;
    const changed = registry.withOverrides([{ id: "h100_usd_per_gpu_hour", value: 2.95 }]);
    expect(changed.get("h100_usd_per_gpu_hour").source).toEqual({ ...registry.get("h100_usd_per_gpu_hour").source, title: `a what-if value in place of ${title}` });
    expect(changed.get("frontier_run_days").source).toEqual(registry.get("frontier_run_days").source);
    // A what-if of a what-if (the dev server's registry, overridden again) says it once.
    expect(changed.withOverrides([{ id: "h100_usd_per_gpu_hour", value: 3 }]).get("h100_usd_per_gpu_hour").source.title).toBe(`a what-if value in place of ${title}`);
  });

  it("validates overrides like the file", () => {
    const registry = load();
    expect(() => registry.withOverrides([{ id: "h100_usd_per_gpu_hr", value: 1 }])).toThrow(/did you mean "h100_usd_per_gpu_hour"/);
    let error: unknown;
    try {
      registry.withOverrides([{ id: "frontier_run_days", low: 90, high: 60 }]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AssumptionError);
    expect((error as AssumptionError).line).toBe(9);
    expect((error as AssumptionError).message).toContain('assumption "frontier_run_days": range low 90 is above high 60');
    expect(() => registry.withOverrides([{ id: "mfu_fraction", low: 0.1, high: 0.2 }])).toThrow(/mode 0.4 lies outside the range 0.1–0.2/);
    expect(() => registry.withOverrides([{ id: "h100_usd_per_gpu_hour", low: -1, high: 2 }])).toThrow(/lognormal range needs positive bounds/);
    // Advice a what-if can follow: it keeps the file's distribution ("use normal" it could not).
    expect(() => registry.withOverrides([{ id: "h100_usd_per_gpu_hour", low: 0, high: 2 }])).toThrow(/but low is 0; a what-if keeps the assumption's distribution, so give a low above 0/);
  });

  it("hashes canonical content: positions and key order do not matter, values do", () => {
    const registry = load();
    const moved = parseAssumptions(`\n\n${text.replace("{ low: 10000, high: 15000 }", "{ high: 15000, low: 10000 }")}`, "elsewhere.yaml");
    expect(moved.get("frontier_run_gpus").position.line).toBe(5);
    expect(moved.hash()).toBe(registry.hash());
    expect(registry.hash()).toMatch(/^[0-9a-f]{64}$/);
    const edited = parseAssumptions(text.replace("{ low: 60, high: 90 }", "{ low: 60, high: 91 }"), file);
    expect(edited.hash()).not.toBe(registry.hash());
    expect(edited.hashOf(["frontier_run_gpus", "mfu_fraction"])).toBe(registry.hashOf(["mfu_fraction", "frontier_run_gpus"]));
    expect(edited.hashOf(["frontier_run_days"])).not.toBe(registry.hashOf(["frontier_run_days"]));
    expect(registry.hashOf(["not_defined"])).not.toBe(registry.hashOf([]));
  });
});
