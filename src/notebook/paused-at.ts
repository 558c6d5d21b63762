/**
 * Where a notebook's thread is running, asked the moment its cell runs out of time: the thread is
 * paused through the main thread's own inspector (its `NodeWorker` domain reaches every worker of
 * the process, with no port opened and no flag needed) and its call frames are read before it is
 * ended. A cell stopped at its limit was reported by its number alone; with these frames it is
 * located at its line, as a thrown error is (failures.ts), and a loop inside an imported module is
 * named there too.
 *
 * Only a thread running JavaScript can pause: one blocked in a native call (a child process under
 * `execSync`, `Atomics.wait`) does not within `limitMs`, and the cell is then reported by its number
 * as before. Nothing here may fail the run: any error gives undefined.
 */
import type { Worker } from "node:worker_threads";

/** A call frame of the paused thread: the script's name and a 1-based line and column, as a stack trace gives them. */
export interface PausedFrame {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly name: string;
}

interface InspectorMessage {
  readonly method?: string;
  readonly params?: Record<string, unknown>;
}

interface CallFrame {
  readonly functionName: string;
  readonly location: { readonly scriptId: string; readonly lineNumber: number; readonly columnNumber: number };
}

/** How long a thread may take to pause before it is ended without its place. */
const PAUSE_LIMIT_MS = 500;

export async function pausedAt(worker: Worker, limitMs = PAUSE_LIMIT_MS): Promise<readonly PausedFrame[] | undefined> {
  let inspector: typeof import("node:inspector");
  try {
    inspector = await import("node:inspector");
  } catch {
    return undefined; // a Node built without the inspector
  }
  const session = new inspector.Session();
  const post = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  let attached: string | undefined;
  let requests = 0;
  const send = (sessionId: string, method: string): Promise<unknown> => post("NodeWorker.sendMessageToWorker", { sessionId, message: JSON.stringify({ id: ++requests, method }) });
  try {
    session.connect();
    const frames = new Promise<readonly PausedFrame[] | undefined>((resolve, reject) => {
      const scripts = new Map<string, string>();
      session.on("NodeWorker.attachedToWorker", ({ params }: { params: { sessionId: string; workerInfo: { title: string } } }) => {
        // The inspector numbers workers its own way; the title carries the thread's id ("[worker 3]").
        if (/^\[worker (\d+)\]/.exec(params.workerInfo.title)?.[1] !== String(worker.threadId)) return;
        attached = params.sessionId;
        // Debugger.enable names every script the thread has compiled (its cells among them) before it pauses.
        send(params.sessionId, "Debugger.enable")
          .then(() => send(params.sessionId, "Debugger.pause"))
          .catch(reject);
      });
      session.on("NodeWorker.receivedMessageFromWorker", ({ params }: { params: { message: string } }) => {
        const message = JSON.parse(params.message) as InspectorMessage;
        if (message.method === "Debugger.scriptParsed") scripts.set(String(message.params?.scriptId), String(message.params?.url ?? ""));
        if (message.method !== "Debugger.paused") return;
        const callFrames = (message.params?.callFrames ?? []) as readonly CallFrame[];
        resolve(
          callFrames.map((frame) => ({
            file: scripts.get(frame.location.scriptId) ?? "",
            line: frame.location.lineNumber + 1,
            column: frame.location.columnNumber + 1,
            name: frame.functionName,
          })),
        );
      });
    });
    return await within(
      post("NodeWorker.enable", { waitForDebuggerOnStart: false }).then(() => frames),
      limitMs,
    );
  } catch {
    return undefined;
  } finally {
    // A paused thread cannot be ended (it waits in the debugger for its next command): it is resumed
    // and let go first, then the caller ends it. A disconnect alone left it paused and fragtax waiting.
    if (attached !== undefined) {
      const sessionId = attached;
      await within(
        send(sessionId, "Debugger.resume").then(() => post("NodeWorker.detach", { sessionId })),
        limitMs,
      ).catch(() => undefined);
    }
    session.disconnect();
  }
}

/** `promise`'s value, or undefined once `ms` have passed: nothing here may keep a timed-out run waiting. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
