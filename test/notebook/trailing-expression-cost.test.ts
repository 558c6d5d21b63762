/**
 * A cell's trailing constant expression (`-1`, which esbuild drops) is found with TypeScript's parser,
 * which takes ~0.2 s to load on the thread compiling a cold build's cells. It is loaded only for a cell
 * whose last line could be one: a cell ending in a call, a comment or a multi-line template does not
 * load it. A fresh process, so no other test has loaded TypeScript before.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

const transpile = join(import.meta.dirname, "..", "..", "src", "notebook", "transpile.ts");
// TypeScript is loaded through V8's code cache (util/code-cache.ts), which says what it has loaded.
const codeCache = join(import.meta.dirname, "..", "..", "src", "util", "code-cache.ts");

it("compiles cells that end in a call, a comment or a template without loading TypeScript, and one ending in -1 with it", () => {
  const script = `
import { compileCell } from ${JSON.stringify(transpile)};
import { loadedWithCodeCache } from ${JSON.stringify(codeCache)};
const loaded = () => loadedWithCodeCache().some((path) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(path));
await compileCell("const x = 1;\\nnb.md\`a\\n\${x}\`;", 1);
await compileCell("f();\\n// done", 2);
await compileCell("interface A {\\n  x: number;\\n}", 3);
const before = loaded();
const last = await compileCell("const t = 2;\\n-1", 4);
console.log(JSON.stringify({ before, after: loaded(), shown: /shown\\(\\[\\(0, -1\\)\\]\\)/.test(last.code ?? "") }));
`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: join(import.meta.dirname, "..", ".."), encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  expect(JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}")).toEqual({ before: false, after: true, shown: true });
}, 30_000);
