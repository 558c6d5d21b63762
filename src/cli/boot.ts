/**
 * The `fragtax` bin (dist/cli.cjs): loads the CLI's bundle (dist/main.cjs, src/cli/entry.ts) through
 * V8's code cache. Node 20 caches no module's compile, and as ~250 ES modules the CLI spent ~60 ms of
 * every command resolving, reading, compiling and linking them; one CommonJS file whose bytecode is
 * kept loads in a few. The cache is kept per command, as the process exits (util/code-cache.ts).
 *
 * Small on purpose (the bundle's only other file): it is compiled afresh by every process.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { startThreadForLater } from "../notebook/thread-start";
import { requireWithCodeCache } from "../util/code-cache";
import { toolCacheDir } from "../util/tool-cache";

// The commands whose code differs most; any other argument (help, a typo) shares one cache.
const COMMANDS = new Set(["build", "check", "dev", "diff", "new", "publish", "run", "verify"]);

const command = process.argv[2] ?? "";
// `fragtax run`'s notebook thread starts first: its start-up overlaps with loading the CLI.
if (command === "run") startThreadForLater(join(__dirname, "notebook-worker.cjs"));
const main = join(__dirname, "main.cjs");
const cacheDir = codeCacheDir();
if (cacheDir === undefined) createRequire(__filename)(main);
else requireWithCodeCache(main, cacheDir, { keep: "at-exit", variant: COMMANDS.has(command) ? command : "other" });

/**
 * The code cache's folder, in the install's tool cache; undefined when the install's root cannot be
 * found (no templates/): the CLI then loads without a cache, and says what is wrong itself, when a
 * command needs the install (help does not), instead of Node printing this file's stack trace.
 */
function codeCacheDir(): string | undefined {
  try {
    return join(toolCacheDir(), "v8");
  } catch {
    return undefined;
  }
}
