/**
 * The `fragtax` bin (dist/cli.cjs): loads the CLI's bundle (dist/main.cjs, src/cli/entry.ts) through
 * V8's code cache. Node 20 caches no module's compile, and as ~250 ES modules the CLI spent ~60 ms of
 * every command resolving, reading, compiling and linking them; one CommonJS file whose bytecode is
 * kept loads in a few. The cache is kept per command, as the process exits (util/code-cache.ts).
 *
 * Small on purpose: unlike main.cjs and dist/vendor/, it is compiled afresh by every process.
 */
import { join } from "node:path";
import { startThreadForLater } from "../notebook/thread-start";
import { requireBundled } from "../util/code-cache";

// The commands whose code differs most; any other argument (help, a typo) shares one cache.
const COMMANDS = new Set(["build", "check", "dev", "diff", "new", "publish", "run", "verify"]);

const command = process.argv[2] ?? "";
// `fragtax run`'s notebook thread starts first: its start-up overlaps with loading the CLI.
if (command === "run") startThreadForLater(join(__dirname, "notebook-worker.cjs"));
requireBundled(join(__dirname, "main.cjs"), { keep: "at-exit", variant: COMMANDS.has(command) ? command : "other" });
