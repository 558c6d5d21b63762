/**
 * The layout holds: no import circle between files or between folders of src/ (type-only imports
 * count), and the bottom layers import nothing above them: src/vocabulary/ imports nothing, the
 * model library (src/model/) neither the notebook API, the engine, the renderer, the build nor the
 * report's own content. Each rule is also checked against a small graph that breaks it, so a broken
 * checker cannot pass silently.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { circles, describeCircle, fileGraph, folderGraph, folderOf, type Graph } from "./import-graph";

const repo = resolve(import.meta.dirname, "../..");
const files = fileGraph(repo);
const folders = folderGraph(files);

/** Every edge from a file in `folder` to a folder in `forbidden`, as "file → target". */
const crossings = (graph: Graph, folder: string, forbidden: readonly string[]): string[] =>
  [...graph].filter(([file]) => folderOf(file) === folder)
    .flatMap(([file, targets]) => targets.filter((target) => forbidden.includes(folderOf(target))).map((target) => `${file} → ${target}`));

describe("the import graph of src/", () => {
  it("reads the real sources, type imports included", () => {
    expect(files.size).toBeGreaterThan(150);
    // messages/versions.ts imports only the type Change: that edge must be in the graph.
    expect(files.get("src/messages/versions.ts")).toContain("src/vocabulary/changes.ts");
  });

  it("has no circle between files", () => {
    expect(circles(files).map((members) => describeCircle(files, members))).toEqual([]);
  });

  it("has no circle between folders", () => {
    expect(circles(folders).map((members) => describeCircle(folders, members))).toEqual([]);
  });

  it("keeps the model library below the notebook API, the engine, the renderer, the build and the report's content", () => {
    const above = ["api", "notebook", "report", "build", "fragmentation-tax", "cli", "publish", "diff", "preview", "charts", "config"];
    expect(crossings(files, "model", above)).toEqual([]);
  });

  it("keeps the vocabulary and the message catalogue at the bottom", () => {
    expect(folders.get("vocabulary")).toEqual([]);
    expect(folders.get("messages")?.filter((target) => !["format", "vocabulary"].includes(target))).toEqual([]);
  });
});

describe("the checker itself", () => {
  const graph: Graph = new Map([
    ["src/a/x.ts", ["src/b/y.ts"]],
    ["src/b/y.ts", ["src/c/z.ts"]],
    ["src/c/z.ts", ["src/a/w.ts"]],
    ["src/a/w.ts", []],
    ["src/model/m.ts", ["src/api/n.ts"]],
    ["src/api/n.ts", []],
  ]);

  it("finds a circle of folders that no file circle shows", () => {
    expect(circles(graph)).toEqual([]);
    expect(circles(folderGraph(graph)).map((members) => describeCircle(folderGraph(graph), members))).toEqual(["a → b → c → a"]);
  });

  it("finds a file circle and a forbidden import", () => {
    const looped: Graph = new Map([["src/a/x.ts", ["src/a/y.ts"]], ["src/a/y.ts", ["src/a/x.ts"]]]);
    expect(circles(looped)).toEqual([["src/a/x.ts", "src/a/y.ts"]]);
    expect(crossings(graph, "model", ["api"])).toEqual(["src/model/m.ts → src/api/n.ts"]);
  });
});
