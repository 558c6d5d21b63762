/**
 * The outcome of a Deno run as the engine reads it (deno-watch.ts `watchDeno`), with a stand-in process so
 * the order of its events can be set: Node may emit 'exit' before it has read the last of stdout, and
 * a build on a busy machine once reported a finished notebook as stalled that way.
 */
import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { watchDeno, type DenoProcess } from "../../src/notebook/deno-watch";
import type { RunEvent } from "../../src/notebook/outputs";

function standIn(): DenoProcess & EventEmitter & { stdout: PassThrough; stderr: PassThrough } {
  return Object.assign(new EventEmitter(), { stdout: new PassThrough(), stderr: new PassThrough() });
}

const line = (event: RunEvent | { type: "done" } | { type: "inspector"; url: string }): string => `\u001e${JSON.stringify(event)}\n`;

function watch(child: DenoProcess, events: RunEvent[] = []) {
  return watchDeno(child, { timeoutMs: 10_000, onEvent: (event) => events.push(event) }, 2, () => undefined);
}

describe("a Deno run's outcome", () => {
  it("is finished when 'exit' comes before the last events are read", async () => {
    const child = standIn();
    const events: RunEvent[] = [];
    const outcome = watch(child, events);
    child.emit("exit", 0, null);
    child.stdout.write(line({ type: "cell-start", cell: 2 }));
    child.stdout.write(line({ type: "cell-end", cell: 2, reads: [] }));
    child.stdout.end(line({ type: "done" }));
    expect(await outcome).toEqual({ kind: "finished" });
    expect(events.map((event) => event.type)).toEqual(["cell-start", "cell-end"]);
  });

  it("is stalled when Deno ended with 0 and stdout ended without 'done'", async () => {
    const child = standIn();
    const outcome = watch(child);
    child.stdout.write(line({ type: "cell-start", cell: 3 }));
    child.emit("exit", 0, null);
    child.stdout.end();
    expect(await outcome).toEqual({ kind: "stalled", cell: 3 });
  });

  it("is crashed, with what Deno wrote to stderr, when it ended otherwise", async () => {
    const child = standIn();
    const outcome = watch(child);
    child.stdout.write(line({ type: "inspector", url: "" })); // the runner's first line
    child.stderr.write("error: Uncaught boom\n");
    await new Promise((resolve) => setImmediate(resolve));
    child.stdout.end();
    child.emit("exit", 1, null);
    expect(await outcome).toMatchObject({ kind: "crashed", cell: 2, message: expect.stringContaining("deno exited with 1: error: Uncaught boom") });
  });

  it("is crashed with the last of stderr, though 'exit' came before it was read", async () => {
    const child = standIn();
    const outcome = watch(child);
    child.stdout.write(line({ type: "inspector", url: "" }));
    await new Promise((resolve) => setImmediate(resolve));
    child.emit("exit", 1, null);
    child.stdout.end();
    await new Promise((resolve) => setImmediate(resolve));
    child.stderr.end("error: Uncaught late\n");
    expect(await outcome).toMatchObject({ kind: "crashed", message: expect.stringContaining("deno exited with 1: error: Uncaught late") });
  });

  it("is crashed as a Deno that never ran, naming the binary, when it ended before the runner's first line", async () => {
    const child = standIn();
    const outcome = watchDeno(child, { timeoutMs: 10_000, onEvent: () => undefined }, 2, () => undefined, undefined, "/opt/deno");
    child.stderr.write("cannot execute binary file\n");
    await new Promise((resolve) => setImmediate(resolve));
    child.stdout.end();
    child.emit("exit", 126, null);
    expect(await outcome).toMatchObject({ kind: "crashed", message: "the Deno runtime /opt/deno exited with 126 before it ran anything: cannot execute binary file; check that it works (`/opt/deno --version`), or set FRAGTAX_DENO to a deno binary that does" });
  });

  it("is crashed as a Deno that never ran when it ended with 0 before the runner's first line (not stalled)", async () => {
    const child = standIn();
    const outcome = watchDeno(child, { timeoutMs: 10_000, onEvent: () => undefined }, 2, () => undefined, undefined, "/bin/true");
    child.stdout.end();
    child.stderr.end();
    child.emit("exit", 0, null);
    expect(await outcome).toMatchObject({ kind: "crashed", message: expect.stringContaining("the Deno runtime /bin/true exited with 0 before it ran anything, and wrote nothing") });
  });

  it("is a timeout with where the runner was, asked at the inspector it named; its end while it is being paused changes nothing", async () => {
    const child = standIn();
    const events: RunEvent[] = [];
    const asked: string[] = [];
    const frames = [{ file: "fragtax-cell-3.js", line: 2, column: 1, name: "" }];
    const outcome = watchDeno(child, { timeoutMs: 50, onEvent: (event) => events.push(event) }, 2, () => undefined, async (inspector) => {
      asked.push(inspector);
      child.stdout.write(line({ type: "stream", name: "stdout", text: "late\n" }));
      child.stdout.write(line({ type: "done" }));
      child.emit("exit", 0, null);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return frames;
    });
    child.stdout.write(line({ type: "inspector", url: "ws://127.0.0.1:1234/id" }));
    child.stdout.write(line({ type: "cell-start", cell: 3 }));
    expect(await outcome).toEqual({ kind: "timeout", cell: 3, frames });
    expect(asked).toEqual(["ws://127.0.0.1:1234/id"]);
    expect(events.map((event) => event.type)).toEqual(["cell-start", "stream"]);
  });

  it("is decided a second after 'exit' when something else holds stdout open", async () => {
    const child = standIn();
    const outcome = watch(child);
    child.stdout.write(line({ type: "inspector", url: "" })); // the runner's first line
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    child.emit("exit", 0, null);
    expect(await outcome).toEqual({ kind: "stalled", cell: 2 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });
});
