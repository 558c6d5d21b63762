/**
 * What a Deno cell reads by URL, in the real Deno runtime: a `fetch` of a file: URL reads the file
 * from disk as `Deno.readTextFile` does, so it is a tracked input (a build re-runs the chapter when
 * the file changes: test/build/deno-build.test.ts); the network is not.
 */
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebooks } from "../../src/notebook/execute-many";
import { sha256OfFile } from "../../src/util/hash";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());
const kernel = { name: "deno", language: "typescript" };

describe("a Deno cell's fetch of a file: URL", () => {
  // Before: none of these was reported, and a build reused the chapter after the file changed.
  it("is reported as a read of that file, as a string, a URL or a Request, hashed as other reads; a missing file too, a data: URL not", async () => {
    for (const name of ["a.txt", "b.txt", "c.txt"]) temp.write(`fetch/data/${name}`, `${name}\n`);
    const url = (name: string): string => pathToFileURL(join(temp.path, "fetch", "data", name)).href;
    const file = temp.notebook("fetch/fetches.ipynb", {
      kernel,
      cells: [
        `const a = await (await fetch("${url("a.txt")}")).text();\nconst b = await (await fetch(new URL("${url("b.txt")}"))).text();`,
        `const c = await (await fetch(new Request("${url("c.txt")}"))).text();\nconst inline = await (await fetch("data:text/plain,inline")).text();\nconst missing = await fetch("${url("missing.txt")}").then(() => "there", () => "missing");\nconsole.log([a, b, c].map((text) => text.trim()).join(","), inline, missing);`,
      ],
    });
    const [run] = await executeNotebooks([file]);
    expect(run?.error).toBeUndefined();
    const cell = run?.executed.cells[1];
    expect(cell?.cell_type === "code" ? cell.outputs : []).toMatchObject([{ output_type: "stream", text: "a.txt,b.txt,c.txt inline missing\n" }]);
    const data = join(temp.path, "fetch", "data");
    expect(run?.filesRead).toEqual([
      ...["a.txt", "b.txt", "c.txt"].map((name) => ({ path: join(data, name), sha256: sha256OfFile(join(data, name)) })),
      { path: join(data, "missing.txt"), sha256: "" },
    ]);
  });
});
