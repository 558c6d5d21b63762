/** The action of `fragtax dev` (parsed in dev.ts, loaded when the command runs). */
import * as messages from "../messages/versions";
import { DEFAULT_WATCH, startDev } from "../preview/dev";
import { inProcessRebuild } from "../preview/rebuild";
import { progress } from "./output";
import { projectPaths } from "./project";

export async function devAction(port: number, options: { host: string; root?: string }): Promise<void> {
  const paths = projectPaths(options.root);
  const session = await startDev(
    { root: paths.root, buildDir: paths.buildDir, port, host: options.host, watch: [...DEFAULT_WATCH, paths.assumptionsFile], debounceMs: 150 },
    { rebuild: inProcessRebuild(paths.root, progress), progress },
  );
  // Any other interface serves the report (and its unpublished numbers) to the network: say so, once
  // it is listening there (a host it cannot listen on gets its error alone).
  if (!["127.0.0.1", "::1", "localhost"].includes(options.host)) progress(messages.devPublicHost(options.host));
  progress(messages.devServing(session.url));
  // Ctrl-C, or SIGTERM from a process manager: the rebuild under way finishes, then the server stops,
  // so no build lock is left behind for publish to refuse.
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void session.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
