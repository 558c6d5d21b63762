/**
 * The import graph of `src/`, read with TypeScript's own pre-processor (every `import`, `import type`,
 * `export … from` and dynamic `import()` counts: a type-only import still ties two files' meaning
 * together). Used by the layout test to find circles between files and between folders.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export type Graph = ReadonlyMap<string, readonly string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier.replace(/\.js$/, ""));
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** File → the project files it imports (paths relative to `root`, e.g. "src/model/runner.ts"). */
export function fileGraph(root: string, dir = "src"): Graph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(join(root, dir))) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolveRelative(file, specifier))
      .filter((target): target is string => target !== undefined)
      .map((target) => relative(root, target));
    graph.set(relative(root, file), [...new Set(targets)].sort());
  }
  return graph;
}

/** The concept a file belongs to: its first folder under src/ ("src/build/cache/x.ts" → "build"), or the file itself at the top. */
export const folderOf = (file: string): string => {
  const parts = file.split("/");
  return parts.length > 2 ? (parts[1] as string) : (parts[1] as string).replace(/\.ts$/, "");
};

export function folderGraph(files: Graph): Graph {
  const graph = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    for (const target of targets) if (folderOf(target) !== from) edges.add(folderOf(target));
    graph.set(from, edges);
  }
  return new Map([...graph].map(([node, edges]) => [node, [...edges].sort()]));
}

/** Strongly connected components with more than one node (or a self-loop): every import circle. */
export function circles(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, indices.get(next) as number));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return found;
}

/** One path through a circle, for the failure message: "a → b → a". */
export function describeCircle(graph: Graph, members: readonly string[]): string {
  const inside = new Set(members);
  const start = members[0] as string;
  const path = [start];
  const seen = new Set([start]);
  let node = start;
  for (;;) {
    const next = (graph.get(node) ?? []).find((target) => inside.has(target) && (target === start || !seen.has(target)));
    if (next === undefined) break;
    path.push(next);
    if (next === start) break;
    seen.add(next);
    node = next;
  }
  return path.join(" → ");
}
