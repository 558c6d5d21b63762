/**
 * The CLI's bundle (dist/main.cjs, loaded by the bin, src/cli/boot.ts). `fragtax run` has its notebook
 * thread now (the one the bin started, else a new one): the thread's start-up then overlaps with the
 * command line, the engine and the caches, instead of following them. The command itself is parsed
 * by main.ts as for every other command (its action starts the thread if this did not).
 */
import { startWorkerEarly } from "../notebook/pool";
import { main } from "./main";

if (process.argv[2] === "run") startWorkerEarly();
void main(process.argv);
