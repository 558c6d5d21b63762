/**
 * The `fragtax` bin (dist/cli.js). `fragtax run` starts its notebook thread before anything else is
 * loaded: the thread's start-up (an isolate and the engine, ~60 ms) then overlaps with loading the
 * command line, the engine and the caches, instead of following them. The command itself is parsed
 * by main.ts as for every other command (its action starts the thread if this did not).
 */
if (process.argv[2] === "run") (await import("../notebook/pool")).startWorkerEarly();
await import("./main");

// A module (for its top-level await) that exports nothing: the commands live in main.ts.
export {};
