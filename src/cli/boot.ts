/**
 * The `fragtax` bin (dist/cli.cjs): loads the CLI's bundle (dist/main.cjs, src/cli/entry.ts) through
 * V8's code cache. Node 20 caches no module's compile, and as ~250 ES modules the CLI spent ~60 ms of
 * every command resolving, reading, compiling and linking them; one CommonJS file whose bytecode is
 * kept loads in a few. The cache is kept per command, as the process exits (util/code-cache.ts).
 *
 * Small on purpose: unlike main.cjs and dist/vendor/, it is compiled afresh by every process.
 */
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { startThreadForLater } from "../notebook/thread-start";
import { requireBundled } from "../util/code-cache";

// The commands whose code differs most; any other argument (help, a typo) shares one cache.
const COMMANDS = new Set(["build", "check", "dev", "diff", "new", "publish", "run", "verify"]);

const command = process.argv[2] ?? "";

/**
 * V8 optimizes a function once it has run ~66 KB of bytecode (its interrupt budget), on background
 * threads. A build lives for a second or two, and much of what it runs (parsing cells, YAML and chart
 * specs, Vega's compile, each chapter's model code in its own realm) crossed that line only to be
 * optimized for a few more calls: a cold build made ~470 optimizing compiles, a third of its CPU, on
 * two cores its chapters and type check already fill. Four times the budget halves them, and a Monte
 * Carlo loop over 100,000 draws still crosses it in its first run. Measured in alternating blocks on
 * this report: a cold build's own CPU ~3.1 → ~2.7 s and ~0.2 s less wall time; a one-assumption
 * rebuild's CPU ~1.10 → ~1.03 s.
 * Only for the commands that build: a warm `fragtax run` has a core free for those compiles, and was
 * ~25 ms slower with fewer of them. Set before the CLI loads; V8's flags are the process's, so the
 * chapters' threads run under it too.
 */
if (command === "build" || command === "dev") setFlagsFromString("--interrupt-budget=270336");
// `fragtax run`'s notebook thread starts first: its start-up overlaps with loading the CLI. So does a
// build's first: when a chapter runs, its thread is ready as its cells are compiled, where it used to
// start only then (measured, 12 interleaved pairs: a one-assumption rebuild 0.615 → 0.58 s). A no-op
// rebuild runs none and ends it unused (~10 ms more; it was ~0.18 s); its help runs nothing at all.
const helpAsked = process.argv.includes("--help") || process.argv.includes("-h");
if ((command === "run" || command === "build") && !helpAsked) startThreadForLater(join(__dirname, "notebook-worker.cjs"));
// A help has a cache of its own: made by `build --help`, the build's held only the help's functions.
requireBundled(join(__dirname, "main.cjs"), { keep: "at-exit", variant: helpAsked ? "help" : COMMANDS.has(command) ? command : "other" });
