/**
 * The files a module reaches through its imports, breadth first: one rule for both checkers (tslab's
 * in typecheck.ts, Deno's in deno-check.ts), which decide what a project file is and where to stop.
 */
export function reachable(importsOf: (file: string) => readonly string[] | undefined, from: string, follow: (file: string) => boolean): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const queue = [...(importsOf(from) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (visited.has(next) || !follow(next)) continue;
    visited.add(next);
    found.push(next);
    queue.push(...(importsOf(next) ?? []));
  }
  return found;
}
