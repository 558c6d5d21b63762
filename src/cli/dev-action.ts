/** The action of `fragtax dev` (parsed in dev.ts, loaded when the command runs). */
import { isIPv4 } from "node:net";
import * as devMessages from "../messages/dev";
import { DEFAULT_WATCH, startDev } from "../preview/dev";
import { inProcessRebuild } from "../preview/rebuild";
import { killOtherThreadsChildren } from "../notebook/thread-children";
import { endBySignal } from "../util/signals";
import { progress } from "./output";
import { projectPaths } from "./project";

export async function devAction(port: number, options: { host: string; root?: string }, timeoutMs?: number): Promise<void> {
  // A chapter listed before it is written is a failed build to show, not a reason not to start.
  const paths = projectPaths(options.root, process.cwd(), { filesMayBeMissing: true });
  const session = await startDev(
    { root: paths.root, buildDir: paths.buildDir, port, host: options.host, watch: [...DEFAULT_WATCH, paths.assumptionsFile], debounceMs: 150 },
    { ...inProcessRebuild(paths.root, progress, timeoutMs), progress },
  );
  // Any other interface serves the report (and its unpublished numbers) to the network: say so, once
  // it is listening there (a host it cannot listen on gets its error alone).
  if (!isLoopback(options.host)) progress(devMessages.devPublicHost(options.host));
  progress(devMessages.devServing(session.url));
  // Ctrl-C, or SIGTERM from a process manager: the rebuild under way is abandoned (out/build/ stays
  // the last finished build, and its lock is released, so publish has nothing to refuse), then dev
  // ends as `fragtax build` ends on the signal, taking the rebuild's threads with it: a cell that
  // never returns does not hold it up. A second signal while it tidies up ends it at once.
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (received: NodeJS.Signals): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(received);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  killOtherThreadsChildren(); // a rebuild's cell waiting on a process it started (`execSync("…")`)
  const { abandoned, built } = await session.interrupt();
  progress(devMessages.devStopped(signal, abandoned, built));
  endBySignal(signal);
}

/** This machine only: localhost, ::1 and every address in 127.0.0.0/8 (127.0.0.2 is loopback too). */
function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || (isIPv4(host) && host.startsWith("127."));
}
