/**
 * Where a Deno notebook's runner is running, asked the moment its cell runs out of time, as
 * paused-at.ts asks a tslab worker: a Deno cell stopped at its limit is then located at its line too.
 *
 * Deno runs with its inspector on a free local port (deno.ts: `--inspect=127.0.0.1:0`), its address
 * published only to fragtax (`--inspect-publish-uid=stderr` under `--quiet` lists it nowhere; the
 * runner reads it with node:inspector's `url()` and sends it), so no other local process can find
 * it. Node 20 has no WebSocket client, and Deno has: a short-lived Deno connects, pauses the busy
 * runner (V8 interrupts even a `while (true) {}`), and prints its call frames; a frame in a local
 * module Deno compiled itself is mapped back to its TypeScript through that module's inline source
 * map, as Deno's own stack traces are. Nothing here may fail the run: any error gives undefined.
 */
import { spawn } from "node:child_process";
import { SourceMap, type SourceMapPayload } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import type { PausedFrame } from "./paused-at";

/**
 * How long starting the client, pausing and reading may take (~0.2 s on an idle machine; a Deno start
 * takes longer on a loaded one) before the cell is reported by its number alone, as before: a runner
 * blocked outside JavaScript (a synchronous wait on a process) never pauses, and one idle in its
 * event loop pauses only when something next runs.
 */
const PAUSE_LIMIT_MS = 2000;

let flags: Promise<readonly string[]> | undefined;

/**
 * The flags that open the runner's inspector, or none where 127.0.0.1 cannot be bound (a sandbox
 * without loopback): there Deno would refuse to start at all, and a timeout is named by its cell alone.
 * Asked once per process.
 */
export function inspectorFlags(): Promise<readonly string[]> {
  flags ??= new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve([]));
    probe.listen(0, "127.0.0.1", () => probe.close(() => resolve(["--inspect=127.0.0.1:0", "--inspect-publish-uid=stderr"])));
  });
  return flags;
}

/** A paused frame as the client prints it: `map`, the inline source map of a local module Deno compiled. */
interface ClientFrame extends PausedFrame {
  readonly map?: string;
}

export function denoPausedAt(deno: string, inspector: string, limitMs = PAUSE_LIMIT_MS): Promise<readonly PausedFrame[] | undefined> {
  let host: string;
  try {
    host = new URL(inspector).host;
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const args = ["run", "--quiet", "--no-config", "--no-lock", `--allow-net=${host}`, "-", inspector];
    const client = spawn(deno, args, { cwd: tmpdir(), stdio: ["pipe", "pipe", "ignore"], env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    let answered = false;
    const done = (frames: readonly PausedFrame[] | undefined): void => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      client.kill("SIGKILL");
      resolve(frames);
    };
    const timer = setTimeout(() => done(undefined), limitMs);
    client.on("error", () => done(undefined));
    client.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    client.on("close", () => done(parsed(out)));
    client.stdin.on("error", () => undefined).end(CLIENT);
  });
}

function parsed(out: string): readonly PausedFrame[] | undefined {
  try {
    const frames = JSON.parse(out) as readonly ClientFrame[];
    return Array.isArray(frames) ? frames.map(original) : undefined;
  } catch {
    return undefined;
  }
}

/** A frame in a module Deno compiled from TypeScript, at its TypeScript line and column. */
function original({ map, ...frame }: ClientFrame): PausedFrame {
  const base64 = map === undefined ? undefined : /^data:application\/json;(?:charset=utf-8;)?base64,(.*)$/s.exec(map)?.[1];
  if (base64 === undefined) return frame;
  try {
    const entry = new SourceMap(JSON.parse(Buffer.from(base64, "base64").toString("utf8")) as SourceMapPayload).findEntry(frame.line - 1, frame.column - 1) as { originalLine?: number; originalColumn?: number };
    return entry.originalLine === undefined || entry.originalColumn === undefined ? frame : { ...frame, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
  } catch {
    return frame;
  }
}

/**
 * The client Deno runs: pause, print the frames (1-based, with each script's URL), end. Ends too
 * when the runner goes (the socket closes), so it never outlives the run.
 */
const CLIENT = String.raw`
const socket = new WebSocket(Deno.args[0]);
const scripts = new Map();
let id = 0;
const send = (method) => socket.send(JSON.stringify({ id: ++id, method }));
socket.onopen = () => {
  send("Debugger.enable"); // names every script parsed so far, before the pause
  send("Debugger.pause");
};
socket.onmessage = ({ data }) => {
  const message = JSON.parse(data);
  if (message.method === "Debugger.scriptParsed") scripts.set(message.params.scriptId, message.params);
  if (message.method !== "Debugger.paused") return;
  console.log(JSON.stringify(message.params.callFrames.map(({ functionName, location }) => {
    const script = scripts.get(location.scriptId) ?? {};
    const file = script.url ?? "";
    const map = file.startsWith("file:") && script.sourceMapURL?.startsWith("data:") ? { map: script.sourceMapURL } : {};
    return { file, line: location.lineNumber + 1, column: location.columnNumber + 1, name: functionName, ...map };
  })));
  Deno.exit(0);
};
socket.onerror = () => Deno.exit(1);
socket.onclose = () => Deno.exit(1);
`;
